"""The change history of the whole database: the audit trail filtered, counted and read page by page."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Agreement, AuditEntry, Organisation, Person, Project
from jarjestokeskus.i18n import localized
from jarjestokeskus.services.history.record_names import names_of
from jarjestokeskus.services.rows import HistoryRow
from jarjestokeskus.services.staff.ending import full_name
from jarjestokeskus.services.staff.rows import shown_first_name

PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditQuery:
    """Empty fields filter nothing; the dates are the user's calendar days, both included."""

    user: str | None = None
    entity: str | None = None
    since: date | None = None
    until: date | None = None
    record_id: uuid.UUID | None = None  # one record and what belongs to it

    def with_(self, **changes: Any) -> AuditQuery:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class AuditRow:
    id: uuid.UUID
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: uuid.UUID
    owner_id: uuid.UUID | None
    # The record the change belongs to (an organisation for its fees), where it still exists.
    owner_name_fi: str
    owner_name_sv: str
    changes: dict[str, list[Any]]

    def owner_name(self, language: str) -> str:
        return localized(self.owner_name_fi, self.owner_name_sv, language)

    def history(self) -> HistoryRow:
        """The same change as the record's own history panel shows it."""
        return HistoryRow(self.at, self.user, self.action, self.entity, self.entity_id, self.changes)


@dataclass(frozen=True)
class AuditPage:
    total: int
    rows: list[AuditRow]


def _utc(day: date) -> datetime:
    """The start of a local calendar day as the trail stores times: UTC."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def _filtered(query: AuditQuery, stmt: Select) -> Select:
    if query.user:
        stmt = stmt.where(AuditEntry.user == query.user)
    if query.entity:
        stmt = stmt.where(AuditEntry.entity == query.entity)
    if query.since is not None:
        stmt = stmt.where(AuditEntry.at >= _utc(query.since))
    if query.until is not None:
        stmt = stmt.where(AuditEntry.at < _utc(query.until + timedelta(days=1)))
    if query.record_id is not None:
        stmt = stmt.where(
            or_(AuditEntry.entity_id == query.record_id, AuditEntry.owner_id == query.record_id)
        )
    return stmt


def count_entries(db: Database, query: AuditQuery) -> int:
    with db.reading() as session:
        return _count(session, query)


def _count(session: Session, query: AuditQuery) -> int:
    return session.scalar(_filtered(query, select(func.count()).select_from(AuditEntry))) or 0


def audit_page(db: Database, query: AuditQuery, offset: int = 0, limit: int = PAGE_SIZE) -> list[AuditRow]:
    """Entries `offset`… of the matches, newest first."""
    with db.reading() as session:
        return _page(session, query, offset, limit)


def first_page(db: Database, query: AuditQuery, limit: int = PAGE_SIZE) -> AuditPage:
    """How many entries match, and the newest `limit` of them, read together."""
    with db.reading() as session:
        total = _count(session, query)
        return AuditPage(total, _page(session, query, 0, limit) if total else [])


def _page(session: Session, query: AuditQuery, offset: int, limit: int) -> list[AuditRow]:
    organisation = aliased(Organisation)
    project = aliased(Project)
    person = aliased(Person)
    agreement = aliased(Agreement)
    owner = AuditEntry.owner_id
    stmt = (
        select(
            AuditEntry,
            organisation.name_fi,
            organisation.name_sv,
            project.name_fi,
            project.name_sv,
            person.first_name,
            person.last_name,
            person.anonymised,
            agreement.title_fi,
            agreement.title_sv,
        )
        # Each owner id is a key of at most one of these tables: every join finds one row or none.
        .outerjoin(organisation, organisation.id == owner)
        .outerjoin(project, project.id == owner)
        .outerjoin(person, person.id == owner)
        .outerjoin(agreement, agreement.id == owner)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    rows = []
    found = session.execute(_filtered(query, stmt)).all()
    unnamed = names_of(
        session,
        [
            (e.entity, e.entity_id)
            for e, o, _o, p, _p, f, la, _a, t, _t in found
            if not (o or p or f or la or t)
        ],
    )
    for entry, org_fi, org_sv, project_fi, project_sv, first, last, anonymised, title_fi, title_sv in found:
        person_name = full_name(shown_first_name(first or "", bool(anonymised)), last or "")
        other_fi, other_sv = unnamed.get(entry.entity_id, ("", ""))
        name_fi = org_fi or project_fi or title_fi or person_name or other_fi
        name_sv = org_sv or project_sv or title_sv or person_name or other_sv
        rows.append(
            AuditRow(
                entry.id,
                entry.at,
                entry.user,
                entry.action,
                entry.entity,
                entry.entity_id,
                entry.owner_id,
                name_fi or "",
                name_sv or "",
                dict(entry.changes or {}),
            )
        )
    return rows


def audit_users(db: Database) -> list[str]:
    """Everyone who has changed something, for the filter."""
    with db.reading() as session:
        return sorted(session.scalars(select(AuditEntry.user).distinct()), key=str.casefold)


def audit_entities(db: Database) -> list[str]:
    """The kinds of record the trail holds (class names: Organisation, MembershipFee, …)."""
    with db.reading() as session:
        return sorted(session.scalars(select(AuditEntry.entity).distinct()))


__all__ = [
    "PAGE_SIZE",
    "AuditPage",
    "AuditQuery",
    "AuditRow",
    "audit_entities",
    "audit_page",
    "audit_users",
    "count_entries",
    "first_page",
]
