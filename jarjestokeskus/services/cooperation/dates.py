"""The cooperation structures' dates for the start page and the calendar.

- A representative's seat ends: today ≤ end ≤ the window's last day (a seat that ended is history).
- A body's meeting: today ≤ meeting date ≤ the last day (a past meeting is not a deadline).
- A checklist item with a date: this year's entries not yet in place; overdue when the date has passed.
Archived records, and seats of archived bodies or erased persons, are left out.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from jarjestokeskus.db.driver_values import as_date, as_uuid
from jarjestokeskus.db.plain import reader
from jarjestokeskus.domain.cooperation import ChecklistStatus

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

SEAT_ENDS, BODY_MEETING, CHECKLIST_ITEM = "seat_ends", "body_meeting", "checklist_item"

DatedItem = tuple[str, date, tuple[str, str], uuid.UUID]  # kind, date, (fi, sv) title, body or entry id


def _joined(*parts: str) -> str:
    return " – ".join(part for part in parts if part)


def cooperation_dates(db: PlainDatabase | Database, today: date, last: date) -> list[DatedItem]:
    """The dated items from `today` to `last` (see the module), as plain SQL (db.plain.reader)."""
    window = {"today": today, "last": last}
    with reader(db) as execute:
        seats = execute(
            "SELECT body_seat.end_date, person.first_name, person.last_name, body.id, body.name_fi,"
            " body.name_sv FROM body_seat JOIN person ON person.id = body_seat.person_id"
            " JOIN body ON body.id = body_seat.body_id"
            " WHERE body_seat.archived_at IS NULL AND body.archived_at IS NULL AND person.anonymised = :no"
            " AND body_seat.end_date >= :today AND body_seat.end_date <= :last",
            {**window, "no": False},
        ).fetchall()
        meetings = execute(
            "SELECT body_meeting.held_on, body.id, body.name_fi, body.name_sv"
            " FROM body_meeting JOIN body ON body.id = body_meeting.body_id"
            " WHERE body_meeting.archived_at IS NULL AND body.archived_at IS NULL"
            " AND body_meeting.held_on >= :today AND body_meeting.held_on <= :last",
            window,
        ).fetchall()
        checklist = execute(
            "SELECT checklist_entry.due_date, checklist_entry.id, checklist_entry.area,"
            " checklist_element.name_fi, checklist_element.name_sv FROM checklist_entry"
            " JOIN checklist_element ON checklist_element.id = checklist_entry.element_id"
            " WHERE checklist_entry.archived_at IS NULL AND checklist_element.archived_at IS NULL"
            " AND checklist_entry.year = :year AND checklist_entry.status != :in_place"
            " AND checklist_entry.due_date <= :last",
            {"last": last, "year": today.year, "in_place": ChecklistStatus.IN_PLACE.value},
        ).fetchall()
    items: list[DatedItem] = []
    for end, first, last_name, body_id, fi, sv in seats:
        person = f"{first} {last_name}".strip()
        items.append(
            (
                SEAT_ENDS,
                as_date(end),
                (_joined(person, fi or sv), _joined(person, sv or fi)),
                as_uuid(body_id),
            )
        )
    for held, body_id, fi, sv in meetings:
        items.append((BODY_MEETING, as_date(held), (fi or sv, sv or fi), as_uuid(body_id)))
    for due, entry_id, area, fi, sv in checklist:
        items.append(
            (
                CHECKLIST_ITEM,
                as_date(due),
                (_joined(area, fi or sv), _joined(area, sv or fi)),
                as_uuid(entry_id),
            )
        )
    return items
