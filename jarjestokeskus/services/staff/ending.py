"""What is ending: employment periods ending within some days, and those that ended without an
outcome (the staff's ending view and the start page's deadlines).

- A period is *ending within N days* when today ≤ end date ≤ today + N days.
- A period has *ended without an outcome* when its end date is before today and no outcome is set.
Both leave out archived periods and archived and erased (anonymised) persons. Plain SQL
(db/plain.py): read from a file before the database layer has loaded, or from a Database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from jarjestokeskus.db.driver_values import as_date, as_uuid
from jarjestokeskus.db.plain import reader
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase


def full_name(first: str, last: str) -> str:
    return f"{first} {last}".strip()


@dataclass(frozen=True)
class EndingRow:
    """A period in the ending view."""

    employment_id: uuid.UUID
    person_id: uuid.UUID
    name: str
    scheme: EmploymentScheme
    title: str
    start_date: date
    end_date: date
    days_left: int
    outcome: EmploymentOutcome | None


_ENDING = (
    "SELECT employment.id, person.id, person.first_name, person.last_name, employment.scheme,"
    " employment.title, employment.start_date, employment.end_date, employment.outcome"
    " FROM employment JOIN person ON person.id = employment.person_id"
    " WHERE employment.archived_at IS NULL AND person.archived_at IS NULL AND person.anonymised = :no"
)


def ending_periods(db: PlainDatabase | Database, today: date, days: int) -> list[EndingRow]:
    """Periods whose end date is today or within the next `days` days, soonest first."""
    condition = " AND employment.end_date >= :today AND employment.end_date <= :last"
    return _ending(db, condition, {"today": today, "last": today + timedelta(days=days)}, today)


def ended_without_outcome(db: PlainDatabase | Database, today: date) -> list[EndingRow]:
    """Ended periods (end date before today) whose outcome is not recorded, oldest first."""
    condition = " AND employment.end_date < :today AND employment.outcome IS NULL"
    return _ending(db, condition, {"today": today}, today)


def _ending(
    db: PlainDatabase | Database, condition: str, parameters: dict[str, object], today: date
) -> list[EndingRow]:
    with reader(db) as execute:
        found = execute(_ENDING + condition, {**parameters, "no": False}).fetchall()
    rows = []
    for e_id, p_id, first, last, scheme, title, start, end, outcome in found:
        start_date, end_date = as_date(start), as_date(end)
        assert start_date is not None and end_date is not None
        rows.append(
            EndingRow(
                as_uuid(e_id),
                as_uuid(p_id),
                full_name(first, last),
                EmploymentScheme(scheme),
                title,
                start_date,
                end_date,
                (end_date - today).days,
                None if outcome is None else EmploymentOutcome(outcome),
            )
        )
    return sorted(rows, key=lambda r: (r.end_date, r.name))
