"""The funders' default rules (instalments, reporting) with their effective dates: list, add, edit."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import InstalmentRule, Organisation, ReportingRule
from jarjestokeskus.domain.funding import (
    InstalmentRuleForm,
    ReportingRuleForm,
    validate_instalment_rule,
    validate_reporting_rule,
)
from jarjestokeskus.services.rows import InstalmentRuleRow, ReportingRuleRow


def instalment_rules(db: Database) -> list[InstalmentRuleRow]:
    """Every live rule, by instrument and then newest first; older rules stay for earlier years."""
    with db.reading() as session:
        stmt = select(InstalmentRule).where(InstalmentRule.archived_at.is_(None))
        rows = [
            InstalmentRuleRow(
                r.id, r.version, r.instrument, r.months, r.day, r.effective_from, r.note, r.source
            )
            for r in session.scalars(stmt)
        ]
    return sorted(rows, key=lambda r: (r.instrument.value, -r.effective_from.toordinal()))


def reporting_rules(db: Database) -> list[ReportingRuleRow]:
    with db.reading() as session:
        stmt = (
            select(ReportingRule, Organisation.name_fi, Organisation.name_sv)
            .outerjoin(Organisation, ReportingRule.funder_id == Organisation.id)
            .where(ReportingRule.archived_at.is_(None))
        )
        rows = [
            ReportingRuleRow(
                r.id,
                r.version,
                r.instrument,
                r.funder_id,
                fi or "",
                sv or "",
                r.kind,
                r.due_month,
                r.due_day,
                r.years_after,
                r.effective_from,
                r.note,
                r.every_grant_year,
                r.source,
            )
            for r, fi, sv in session.execute(stmt)
        ]
    return sorted(rows, key=lambda r: (r.instrument.value, r.kind.value, -r.effective_from.toordinal()))


def _load(session, model: type, rule_id: uuid.UUID, expected_version: int | None):  # type: ignore[no-untyped-def]
    record = session.get(model, rule_id)
    if record is None or record.archived_at is not None:
        raise RecordNotFound()
    if expected_version is not None and record.version != expected_version:
        raise StaleRecord()
    return record


def save_instalment_rule(
    db: Database,
    form: InstalmentRuleForm,
    rule_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    """Add a rule (no id) or correct one; raises ValidationFailed or StaleRecord."""
    values = validate_instalment_rule(form)
    with db.transaction() as session:
        if rule_id is None:
            record = InstalmentRule(id=uuid.uuid4())
            session.add(record)
        else:
            record = _load(session, InstalmentRule, rule_id, expected_version)
        for key, value in values.items():
            setattr(record, key, value)
        session.flush()
        return record.id


def save_reporting_rule(
    db: Database,
    form: ReportingRuleForm,
    rule_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    values = validate_reporting_rule(form)
    with db.transaction() as session:
        if rule_id is None:
            record = ReportingRule(id=uuid.uuid4())
            session.add(record)
        else:
            record = _load(session, ReportingRule, rule_id, expected_version)
        for key, value in values.items():
            setattr(record, key, value)
        session.flush()
        return record.id


def archive_instalment_rule(db: Database, rule_id: uuid.UUID, expected_version: int | None = None) -> None:
    with db.transaction() as session:
        _load(session, InstalmentRule, rule_id, expected_version).archived_at = utcnow()


def archive_reporting_rule(db: Database, rule_id: uuid.UUID, expected_version: int | None = None) -> None:
    with db.transaction() as session:
        _load(session, ReportingRule, rule_id, expected_version).archived_at = utcnow()
