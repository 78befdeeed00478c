"""Old attendance lists reduced to counts: the registrations of events that ended more than a set
number of years ago become, per event, organisation and language, how many were registered,
waiting and attended; the persons' rows go and their names leave the change history. The
figures stay the same (they are read from both, services.events.attendance)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.erasure import ERASED, REGISTRATION_FIELDS
from jarjestokeskus.db.models import AuditEntry, Event, EventAttendanceCount, EventRegistration
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.events.attendance import organisation_key

DEFAULT_YEARS = 3


@dataclass(frozen=True)
class Reduction:
    events: int  # events whose registrations are (or would be) reduced
    persons: int  # registrations that go
    cutoff: date  # events that ended before this day


def cutoff_day(years: int, today: date | None = None) -> date:
    """The same day `years` years ago (28 February for a 29th)."""
    today = today or date.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _old_registrations(session: Session, cutoff: date) -> dict[uuid.UUID, list[EventRegistration]]:
    old = {}
    for event in session.scalars(select(Event)):
        if (event.ends_on or event.starts_on) < cutoff:
            old[event.id] = []
    if old:
        for registration in session.scalars(
            select(EventRegistration).where(EventRegistration.event_id.in_(list(old)))
        ):
            old[registration.event_id].append(registration)
    return {event_id: rows for event_id, rows in old.items() if rows}


def reducible(db: Database, years: int, today: date | None = None) -> Reduction:
    """What a reduction would do now: how many events and persons' registrations."""
    cutoff = cutoff_day(years, today)
    with db.reading() as session:
        old = _old_registrations(session, cutoff)
    return Reduction(len(old), sum(len(rows) for rows in old.values()), cutoff)


def _counts(registrations: list[EventRegistration]) -> list[EventAttendanceCount]:
    """Archived registrations count in no figure, so they leave no count either."""
    groups: dict[tuple[object, str], list[EventRegistration]] = defaultdict(list)
    for r in registrations:
        if r.archived_at is None:
            groups[(organisation_key(r.organisation_id, r.organisation_name), r.language)].append(r)
    return [
        EventAttendanceCount(
            id=uuid.uuid4(),
            event_id=rows[0].event_id,
            organisation_id=rows[0].organisation_id,
            organisation_name=rows[0].organisation_name.strip(),
            language=language,
            registered=sum(r.status == RegistrationStatus.REGISTERED for r in rows),
            waiting=sum(r.status == RegistrationStatus.WAITING for r in rows),
            attended=sum(bool(r.attended) for r in rows),
        )
        for (_key, language), rows in groups.items()
    ]


@announces(changes.EVENTS)
def reduce_to_counts(db: Database, years: int, today: date | None = None) -> Reduction:
    """Reduce in one transaction; the change history keeps, per event, how many registrations
    went, and the names, emails and needs of their own history become "[erased]"."""
    cutoff = cutoff_day(years, today)
    with db.transaction() as session:
        old = _old_registrations(session, cutoff)
        gone: set[uuid.UUID] = set()
        for event_id, registrations in old.items():
            session.add_all(_counts(registrations))
            for registration in registrations:
                gone.add(registration.id)
                session.delete(registration)
            session.add(
                AuditEntry(
                    user=session.info.get("user") or os_user(),
                    action="reduce",
                    entity="Event",
                    entity_id=event_id,
                    owner_id=event_id,
                    changes={"registrations": [len(registrations), 0]},
                )
            )
        session.flush()
        if gone:
            for entry in session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "EventRegistration", AuditEntry.entity_id.in_(list(gone))
                )
            ):
                entry.changes = {
                    key: [ERASED if v not in (None, "") else v for v in values]
                    if key in REGISTRATION_FIELDS and isinstance(values, list)
                    else values
                    for key, values in (entry.changes or {}).items()
                }
    return Reduction(len(old), len(gone), cutoff)
