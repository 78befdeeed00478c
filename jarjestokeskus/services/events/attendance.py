"""Who an event reached, from either source: the registrations one by one, or the counts an old
event's registrations were reduced to. Every figure of events (the list, the goal follow-up, the
annual review) reads them here, so a reduction changes none of them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import EventAttendanceCount, EventRegistration
from jarjestokeskus.domain.events import RegistrationStatus


@dataclass(frozen=True)
class Reach:
    """Of one event, one organisation (its id, or its name as given) and one language."""

    event_id: uuid.UUID
    organisation: object  # the organisation's id, its name folded to lower case, or "" for none
    language: str
    registered: int
    waiting: int
    attended: int


def organisation_key(organisation_id: uuid.UUID | None, name: str) -> object:
    return organisation_id or name.strip().casefold()


def reach(session: Session, event_ids: Iterable[uuid.UUID]) -> list[Reach]:
    ids = list(event_ids)
    if not ids:
        return []
    found = [
        Reach(
            event_id,
            organisation_key(organisation_id, name),
            language,
            int(status == RegistrationStatus.REGISTERED),
            int(status == RegistrationStatus.WAITING),
            int(bool(attended)),
        )
        for event_id, organisation_id, name, language, status, attended in session.execute(
            select(
                EventRegistration.event_id,
                EventRegistration.organisation_id,
                EventRegistration.organisation_name,
                EventRegistration.language,
                EventRegistration.status,
                EventRegistration.attended,
            ).where(EventRegistration.event_id.in_(ids), EventRegistration.archived_at.is_(None))
        )
    ]
    found += [
        Reach(
            c.event_id,
            organisation_key(c.organisation_id, c.organisation_name),
            c.language,
            c.registered,
            c.waiting,
            c.attended,
        )
        for c in session.scalars(
            select(EventAttendanceCount).where(
                EventAttendanceCount.event_id.in_(ids), EventAttendanceCount.archived_at.is_(None)
            )
        )
    ]
    return found


def attended(rows: Iterable[Reach]) -> int:
    return sum(r.attended for r in rows)


def organisations_reached(rows: Iterable[Reach]) -> int:
    """The organisations those who attended came from, each once."""
    return len({r.organisation for r in rows if r.attended and r.organisation})
