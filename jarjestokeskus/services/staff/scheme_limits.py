"""The employment schemes' limits: list, edit, and add limits in force from a new date."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import SchemeLimit
from jarjestokeskus.domain.scheme_limit_form import LIMIT_FIELDS, LimitForm, validate_limit
from jarjestokeskus.domain.scheme_limits import LimitRule


@dataclass(frozen=True)
class LimitRow:
    id: uuid.UUID
    version: int
    rule: LimitRule


def _rule(record: SchemeLimit) -> LimitRule:
    return LimitRule(
        record.scheme,
        record.variant or "",
        record.effective_from,
        note=record.note or "",
        source=record.source or "",
        requires_long_term_unemployed=bool(record.requires_long_term_unemployed),
        **{key: getattr(record, key) for key in LIMIT_FIELDS},
    )


def load_rules(session) -> list[LimitRule]:  # type: ignore[no-untyped-def]
    """Every limit in force at some date (the caller picks by date)."""
    return [_rule(r) for r in session.scalars(select(SchemeLimit).where(SchemeLimit.archived_at.is_(None)))]


def list_limits(db: Database) -> list[LimitRow]:
    """All limits, by scheme, variant and date (newest first)."""
    with db.reading() as session:
        records = session.scalars(select(SchemeLimit).where(SchemeLimit.archived_at.is_(None))).all()
        rows = [LimitRow(r.id, r.version, _rule(r)) for r in records]
    return sorted(
        rows,
        key=lambda r: (r.rule.scheme.value, r.rule.variant.zfill(3), -r.rule.effective_from.toordinal()),
    )


def save_limit(
    db: Database, form: LimitForm, limit_id: uuid.UUID | None = None, expected_version: int | None = None
) -> LimitRow:
    """Create (no id: limits in force from a new date) or correct a row of limits."""
    rule = validate_limit(form)
    with db.transaction() as session:
        if limit_id is None:
            record = SchemeLimit(id=uuid.uuid4())
            session.add(record)
        else:
            record = session.get(SchemeLimit, limit_id)
            if record is None:
                raise RecordNotFound()
            if expected_version is not None and record.version != expected_version:
                raise StaleRecord()
        for key, value in dataclasses.asdict(rule).items():
            if getattr(record, key) != value:
                setattr(record, key, value)
        session.flush()
        return LimitRow(record.id, record.version, _rule(record))


def archive_limit(db: Database, limit_id: uuid.UUID, expected_version: int | None = None) -> None:
    from jarjestokeskus.db.base import utcnow

    with db.transaction() as session:
        record = session.get(SchemeLimit, limit_id)
        if record is None:
            raise RecordNotFound()
        if expected_version is not None and record.version != expected_version:
            raise StaleRecord()
        record.archived_at = utcnow()
