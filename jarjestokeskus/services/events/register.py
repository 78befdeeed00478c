"""The events register: list and search, read, save, archive and restore; the figures of an event."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import Event
from jarjestokeskus.domain.events import EventForm, EventKind, check_event
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.events.attendance import Reach, attended, organisations_reached, reach
from jarjestokeskus.services.events.links import check_links


@dataclass(frozen=True)
class EventRow:
    id: uuid.UUID
    version: int
    title_fi: str
    title_sv: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    time_text: str
    place: str
    language: str
    capacity: int | None
    partners: str
    notes: str
    project_id: uuid.UUID | None
    goal_id: uuid.UUID | None
    body_id: uuid.UUID | None
    registered: int
    waiting: int
    attended: int
    organisations_reached: int
    archived_at: datetime | None

    def title(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)

    @property
    def report_language(self) -> str:
        """A bilingual event prints in Finnish; a Swedish one in Swedish."""
        return "sv" if self.language == "sv" else "fi"

    def form(self) -> EventForm:
        from jarjestokeskus.i18n import format_date

        return EventForm(
            self.title_fi,
            self.title_sv,
            self.kind,
            format_date(self.starts_on),
            format_date(self.ends_on),
            self.time_text,
            self.place,
            self.language,
            "" if self.capacity is None else str(self.capacity),
            self.partners,
            self.notes,
            self.project_id,
            self.goal_id,
            self.body_id,
        )


def _figures(session: Session, event_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int, int, int]]:
    """Per event: registered, waiting, attended, and the organisations of those who attended."""
    by_event: dict[uuid.UUID, list[Reach]] = {i: [] for i in event_ids}
    for row in reach(session, event_ids):
        by_event[row.event_id].append(row)
    return {
        i: (
            sum(r.registered for r in rows),
            sum(r.waiting for r in rows),
            attended(rows),
            organisations_reached(rows),
        )
        for i, rows in by_event.items()
    }


def _row(event: Event, figures: tuple[int, int, int, int]) -> EventRow:
    return EventRow(
        event.id,
        event.version,
        event.title_fi,
        event.title_sv,
        event.kind,
        event.starts_on,
        event.ends_on,
        event.time_text,
        event.place,
        event.language,
        event.capacity,
        event.partners,
        event.notes,
        event.project_id,
        event.goal_id,
        event.body_id,
        *figures,
        event.archived_at,
    )


def list_events(
    db: Database, text: str = "", year: int | None = None, archived: bool = False, language: str = "fi"
) -> list[EventRow]:
    """Newest first; the text searches both titles and the place."""
    stmt = select(Event).where(Event.archived_at.is_not(None) if archived else Event.archived_at.is_(None))
    needle = text.strip().casefold()
    with db.reading() as session:
        events = [
            e
            for e in session.scalars(stmt)
            if (year is None or e.starts_on.year == year)
            and (not needle or needle in f"{e.title_fi} {e.title_sv} {e.place}".casefold())
        ]
        figures = _figures(session, [e.id for e in events])
        rows = [_row(e, figures[e.id]) for e in events]
    return sorted(rows, key=lambda r: (-r.starts_on.toordinal(), sort_key(r.title(language))))


def get_event(db: Database, event_id: uuid.UUID) -> EventRow:
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise RecordNotFound()
        return _row(event, _figures(session, [event.id])[event.id])


@announces(changes.EVENTS)
def save_event(
    db: Database, form: EventForm, event_id: uuid.UUID | None = None, expected_version: int | None = None
) -> EventRow:
    values = check_event(form)
    with db.transaction() as session:
        check_links(session, values)
        if event_id is None:
            event = Event(id=uuid.uuid4())
            session.add(event)
        else:
            event = session.get(Event, event_id)
            if event is None or event.archived_at is not None:
                raise RecordNotFound()
            if expected_version is not None and event.version != expected_version:
                raise StaleRecord()
        for key, value in values.items():
            setattr(event, key, value)
        session.flush()
        saved = event.id
    return get_event(db, saved)


def _set_archived(db: Database, event_id: uuid.UUID, expected_version: int | None, archived: bool) -> None:
    with db.transaction() as session:
        event = session.get(Event, event_id)
        if event is None or (event.archived_at is not None) == archived:
            raise RecordNotFound()
        if expected_version is not None and event.version != expected_version:
            raise StaleRecord()
        event.archived_at = utcnow() if archived else None


@announces(changes.EVENTS, "archived")
def archive_event(db: Database, event_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Out of the list with its registrations; kept, and can be restored."""
    _set_archived(db, event_id, expected_version, True)


@announces(changes.EVENTS, "restored")
def restore_event(db: Database, event_id: uuid.UUID, expected_version: int | None = None) -> None:
    _set_archived(db, event_id, expected_version, False)


def year_figures(db: Database, year: int) -> tuple[int, int, int]:
    """Events held in `year`, participants who attended, and the organisations they came from."""
    rows = [r for r in list_events(db, year=year) if r.starts_on.year == year]
    with db.reading() as session:
        reached = organisations_reached(reach(session, [r.id for r in rows]))
    return len(rows), sum(r.attended for r in rows), reached
