"""Old attendance lists reduced to counts: the registrations of events that ended more than a set
number of years ago become, per event, organisation and language, how many were registered,
waiting and attended; the persons' rows go and their names leave the change history. The
figures stay the same (they are read from both, services.events.attendance).

Each reduced event is kept in a ledger (AttendanceReduction): a backup restored, or one of the
register's own copies, that still lists the event's persons is reduced again to the counts this
register holds (services.database.after_restore; the copies are rewritten by the erasure's own
machinery, services.database.erased_copies), so the figures stay the same there too."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.erasure import ERASED, REGISTRATION_FIELDS
from jarjestokeskus.db.models import (
    AttendanceReduction,
    AuditEntry,
    Event,
    EventAttendanceCount,
    EventRegistration,
    Organisation,
)
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.i18n import ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.database import erased_copies
from jarjestokeskus.services.events.attendance import organisation_key

DEFAULT_YEARS = 3


@dataclass(frozen=True)
class Reduction:
    events: int  # events whose registrations are (or would be) reduced
    persons: int  # registrations that go
    cutoff: date  # events that ended before this day
    # The register's own copies (backups) that still list the persons and could not be rewritten:
    # the user is told to delete them, as after an erasure.
    copies_failed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Count:
    """One count a reduction left of an event: per organisation (or its name as given) and language."""

    organisation_id: uuid.UUID | None
    organisation_name: str
    language: str
    registered: int
    waiting: int
    attended: int


Reduced = dict[uuid.UUID, tuple[Count, ...]]
"""The reduction ledger: each reduced event and the counts that are its figures."""


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


def _counts(registrations: list[EventRegistration]) -> list[Count]:
    """Archived registrations count in no figure, so they leave no count either."""
    groups: dict[tuple[object, str], list[EventRegistration]] = defaultdict(list)
    for r in registrations:
        if r.archived_at is None:
            groups[(organisation_key(r.organisation_id, r.organisation_name), r.language)].append(r)
    return [
        Count(
            organisation_id=rows[0].organisation_id,
            organisation_name=rows[0].organisation_name.strip(),
            language=language,
            registered=sum(r.status == RegistrationStatus.REGISTERED for r in rows),
            waiting=sum(r.status == RegistrationStatus.WAITING for r in rows),
            attended=sum(bool(r.attended) for r in rows),
        )
        for (_key, language), rows in groups.items()
    ]


def _reduce(
    session: Session, event_id: uuid.UUID, registrations: list[EventRegistration], counts: Iterable[Count]
) -> set[uuid.UUID]:
    """The event's registrations become `counts`, with a "reduce" entry in the history and a
    line in the ledger; returns the registrations that went."""
    session.add_all(EventAttendanceCount(id=uuid.uuid4(), event_id=event_id, **asdict(c)) for c in counts)
    for registration in registrations:
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
    if session.get(AttendanceReduction, event_id) is None:
        session.add(AttendanceReduction(event_id=event_id))
    return {registration.id for registration in registrations}


def _erase_history(session: Session, gone: set[uuid.UUID]) -> None:
    """The names, emails and needs in the history of registrations that went become "[erased]"."""
    session.flush()
    if not gone:
        return
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


@announces(changes.EVENTS)
def reduce_to_counts(
    db: Database, years: int, today: date | None = None, progress: erased_copies.Progress | None = None
) -> Reduction:
    """Reduce in one transaction; the change history keeps, per event, how many registrations
    went, and the names, emails and needs of their own history become "[erased]". Then the same
    in the register's own copies (backups, copies before an upgrade), as an erasure does; each
    copy gone through is told to `progress`."""
    cutoff = cutoff_day(years, today)
    with db.transaction() as session:
        old = _old_registrations(session, cutoff)
        gone: set[uuid.UUID] = set()
        for event_id, registrations in old.items():
            gone |= _reduce(session, event_id, registrations, _counts(registrations))
        _erase_history(session, gone)
    failed: list[Path] = []
    if old and db.path is not None:
        with db.reading() as session:
            reduced = ledger(session)
        _rewritten, failed = reduce_in_copies(erased_copies.own_copies(db.path), reduced, progress)
    return Reduction(len(old), len(gone), cutoff, tuple(failed))


def ledger(session: Session) -> Reduced:
    """The events reduced in this database, each with its counts."""
    reduced: dict[uuid.UUID, list[Count]] = {
        event_id: [] for event_id in session.scalars(select(AttendanceReduction.event_id))
    }
    if reduced:
        for count, name in session.execute(
            select(EventAttendanceCount, Organisation.name_fi)
            .outerjoin(Organisation, Organisation.id == EventAttendanceCount.organisation_id)
            .where(
                EventAttendanceCount.event_id.in_(list(reduced)), EventAttendanceCount.archived_at.is_(None)
            )
        ):
            reduced[count.event_id].append(
                Count(
                    count.organisation_id,
                    count.organisation_name or name or "",  # a copy may lack the organisation
                    count.language,
                    count.registered,
                    count.waiting,
                    count.attended,
                )
            )
    return {event_id: tuple(counts) for event_id, counts in reduced.items()}


def reduce_again(session: Session, reduced: Reduced) -> int:
    """An older copy (a backup restored, a copy of the register's own) that still lists persons of
    events reduced since: those events are reduced again to the ledger's counts, so the figures
    are the ones the register had. Counts the copy itself held for the event give way to them.
    Returns how many events were reduced again."""
    if not reduced:
        return 0
    listed: dict[uuid.UUID, list[EventRegistration]] = defaultdict(list)
    for registration in session.scalars(
        select(EventRegistration).where(EventRegistration.event_id.in_(list(reduced)))
    ):
        listed[registration.event_id].append(registration)
    gone: set[uuid.UUID] = set()
    for event_id, registrations in listed.items():
        for count in session.scalars(
            select(EventAttendanceCount).where(EventAttendanceCount.event_id == event_id)
        ):
            session.delete(count)
        gone |= _reduce(session, event_id, registrations, [_known(session, c) for c in reduced[event_id]])
    _erase_history(session, gone)
    return len(listed)


def _known(session: Session, count: Count) -> Count:
    """An organisation added after the copy was taken is named by the name given instead."""
    if count.organisation_id is None or session.get(Organisation, count.organisation_id) is not None:
        return count
    return replace(count, organisation_id=None)


def reduce_in_copies(
    copies: list[Path], reduced: Reduced, progress: erased_copies.Progress | None = None
) -> tuple[list[Path], list[Path]]:
    """Reduce the ledger's events again in each of the register's own copies that still lists their
    persons, rewritten as an erasure rewrites them; returns (copies rewritten, copies that could not be)."""
    return erased_copies.in_each(copies, lambda copy: _reduce_in_copy(copy, reduced), progress)


def _reduce_in_copy(copy: Path, reduced: Reduced) -> bool:
    if not erased_copies.holds_any(copy, "SELECT 1 FROM event_registration WHERE event_id IN", set(reduced)):
        return False
    erased_copies.rewrite(copy, lambda session: reduce_again(session, reduced))
    return True


def reduced_again_notice(events: int) -> str:
    """What a restore tells when it reduced the attendance lists of `events` events again."""
    return ngettext(
        "The backup was older than a reduction of attendance lists: the list of {count} event was "
        "reduced to counts again.",
        "The backup was older than a reduction of attendance lists: the lists of {count} events were "
        "reduced to counts again.",
        events,
    ).format(count=events)
