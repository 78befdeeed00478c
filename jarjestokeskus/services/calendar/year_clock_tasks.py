"""The year clock's tasks as they fall in a year, read in plain SQL (db.plain.reader): on a file
read with sqlite3 alone (the start page's deadlines, the calendar) and on a server alike.
Saving, archiving and marking done are in services/calendar/year_clock.py."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from jarjestokeskus.db.driver_values import as_date, as_datetime, as_uuid
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.plain import Execute, reader
from jarjestokeskus.domain.year_clock import YearClockCategory, YearClockForm, occurrence
from jarjestokeskus.i18n import localized, sort_key

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

_TASK = (
    "SELECT id, version, title_fi, title_sv, month, day, category, notes, counts_from, archived_at"
    " FROM year_clock_task"
)


@dataclass(frozen=True)
class YearClockRow:
    """A task as it falls in `year`: its date there and whether it was done for that year."""

    id: uuid.UUID
    version: int
    title_fi: str
    title_sv: str
    month: int
    day: int | None
    category: YearClockCategory
    notes: str
    counts_from: date
    archived_at: datetime | None
    year: int
    due_date: date
    done_on: date | None

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def name(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)

    def is_overdue(self, today: date) -> bool:
        """Past its date, not done, and the task was in the year clock on that date."""
        return not self.done and self.archived_at is None and self.counts_from <= self.due_date < today

    def form(self) -> YearClockForm:
        return YearClockForm(
            self.title_fi,
            self.title_sv,
            str(self.month),
            "" if self.day is None else str(self.day),
            self.category,
            self.notes,
        )


def _row(task: Sequence[Any], year: int, done_on: date | None) -> YearClockRow:
    """A task's row (its columns as _TASK reads them) as it falls in `year`."""
    task_id, version, title_fi, title_sv, month, day, category, notes, counts_from, archived_at = task
    counts = as_date(counts_from)
    assert counts is not None
    return YearClockRow(
        as_uuid(task_id),
        version,
        title_fi,
        title_sv,
        month,
        day,
        YearClockCategory(category),
        notes,
        counts,
        as_datetime(archived_at),
        year,
        occurrence(year, month, day),
        done_on,
    )


def _done_by_task(execute: Execute, first: int, last: int) -> dict[tuple[uuid.UUID, int], date | None]:
    """When each task was done in the years `first`..`last` (its live completions)."""
    found = execute(
        "SELECT task_id, year, done_on FROM year_clock_completion"
        " WHERE archived_at IS NULL AND year >= :first AND year <= :last",
        {"first": first, "last": last},
    )
    return {(as_uuid(task_id), year): as_date(done_on) for task_id, year, done_on in found}


def list_tasks(
    db: PlainDatabase | Database, year: int, *, archived: bool = False, language: str = "fi"
) -> list[YearClockRow]:
    """The live tasks (or the archived ones) as they fall in `year`, by date and then by name."""
    state = "IS NOT NULL" if archived else "IS NULL"
    with reader(db) as execute:
        tasks = execute(f"{_TASK} WHERE archived_at {state}").fetchall()
        done = _done_by_task(execute, year, year)
    rows = [_row(t, year, done.get((as_uuid(t[0]), year))) for t in tasks]
    return sorted(rows, key=lambda r: (r.due_date, sort_key(r.name(language)), str(r.id)))


def occurrences(db: PlainDatabase | Database, first: date, last: date) -> list[YearClockRow]:
    """Every live task's date from `first` to `last` (both included), done or not, by date."""
    years = range(first.year, last.year + 1)
    with reader(db) as execute:
        tasks = execute(f"{_TASK} WHERE archived_at IS NULL").fetchall()
        done = _done_by_task(execute, first.year, last.year)
    rows = [_row(t, year, done.get((as_uuid(t[0]), year))) for year in years for t in tasks]
    chosen = [r for r in rows if first <= r.due_date <= last]
    return sorted(chosen, key=lambda r: (r.due_date, r.title_fi or r.title_sv, str(r.id)))


def get_task(db: PlainDatabase | Database, task_id: uuid.UUID, year: int) -> YearClockRow:
    """A task (live or archived) as it falls in `year`; RecordNotFound when there is none."""
    with reader(db) as execute:
        task = execute(f"{_TASK} WHERE id = :id", {"id": task_id}).fetchone()
        if task is None:
            raise RecordNotFound()
        done = execute(
            "SELECT done_on FROM year_clock_completion"
            " WHERE archived_at IS NULL AND task_id = :id AND year = :year",
            {"id": task_id, "year": year},
        ).fetchone()
    return _row(task, year, None if done is None else as_date(done[0]))
