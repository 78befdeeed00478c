"""The cooperation structures' dates for the start page and the calendar.

- A representative's seat ends: today ≤ end ≤ the window's last day (a seat that ended is history).
- A body's meeting: today ≤ meeting date ≤ the last day (a past meeting is not a deadline).
- A checklist item with a date: this year's entries not yet in place; overdue when the date has passed.
Archived records, and seats of archived bodies or erased persons, are left out.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Body, BodyMeeting, BodySeat, ChecklistElement, ChecklistEntry, Person
from jarjestokeskus.domain.cooperation import ChecklistStatus

SEAT_ENDS, BODY_MEETING, CHECKLIST_ITEM = "seat_ends", "body_meeting", "checklist_item"

DatedItem = tuple[str, date, tuple[str, str], uuid.UUID]  # kind, date, (fi, sv) title, body or entry id


def _joined(*parts: str) -> str:
    return " – ".join(part for part in parts if part)


def cooperation_dates(db: Database, today: date, last: date) -> list[DatedItem]:
    items: list[DatedItem] = []
    with db.reading() as session:
        seats = session.execute(
            select(
                BodySeat.end_date, Person.first_name, Person.last_name, Body.id, Body.name_fi, Body.name_sv
            )
            .join(Person, Person.id == BodySeat.person_id)
            .join(Body, Body.id == BodySeat.body_id)
            .where(BodySeat.archived_at.is_(None), Body.archived_at.is_(None), Person.anonymised.is_(False))
            .where(BodySeat.end_date >= today, BodySeat.end_date <= last)
        ).all()
        meetings = session.execute(
            select(BodyMeeting.held_on, Body.id, Body.name_fi, Body.name_sv)
            .join(Body, Body.id == BodyMeeting.body_id)
            .where(BodyMeeting.archived_at.is_(None), Body.archived_at.is_(None))
            .where(BodyMeeting.held_on >= today, BodyMeeting.held_on <= last)
        ).all()
        checklist = session.execute(
            select(ChecklistEntry.due_date, ChecklistEntry.id, ChecklistEntry.area)
            .add_columns(ChecklistElement.name_fi, ChecklistElement.name_sv)
            .join(ChecklistElement, ChecklistElement.id == ChecklistEntry.element_id)
            .where(ChecklistEntry.archived_at.is_(None), ChecklistElement.archived_at.is_(None))
            .where(ChecklistEntry.year == today.year, ChecklistEntry.status != ChecklistStatus.IN_PLACE)
            .where(ChecklistEntry.due_date <= last)
        ).all()
    for end, first, last_name, body_id, fi, sv in seats:
        person = f"{first} {last_name}".strip()
        items.append((SEAT_ENDS, end, (_joined(person, fi or sv), _joined(person, sv or fi)), body_id))
    for held, body_id, fi, sv in meetings:
        items.append((BODY_MEETING, held, (fi or sv, sv or fi), body_id))
    for due, entry_id, area, fi, sv in checklist:
        items.append((CHECKLIST_ITEM, due, (_joined(area, fi or sv), _joined(area, sv or fi)), entry_id))
    return items
