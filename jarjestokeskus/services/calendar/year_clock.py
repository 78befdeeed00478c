"""The year clock: tasks with their date and done state for a year; save, archive, mark done."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import YearClockCompletion, YearClockTask
from jarjestokeskus.domain.year_clock import YearClockCategory, YearClockForm, occurrence, validate_task
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.rows import localized


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


def _row(task: YearClockTask, year: int, done_on: date | None) -> YearClockRow:
    return YearClockRow(
        task.id,
        task.version,
        task.title_fi,
        task.title_sv,
        task.month,
        task.day,
        task.category,
        task.notes,
        task.counts_from,
        task.archived_at,
        year,
        occurrence(year, task.month, task.day),
        done_on,
    )


def _done_by_task(session, years: list[int]) -> dict[tuple[uuid.UUID, int], date]:  # type: ignore[no-untyped-def]
    stmt = select(YearClockCompletion.task_id, YearClockCompletion.year, YearClockCompletion.done_on).where(
        YearClockCompletion.archived_at.is_(None), YearClockCompletion.year.in_(years)
    )
    return {(task_id, year): done_on for task_id, year, done_on in session.execute(stmt)}


def list_tasks(
    db: Database, year: int, *, archived: bool = False, language: str = "fi"
) -> list[YearClockRow]:
    """The live tasks (or the archived ones) as they fall in `year`, by date and then by name."""
    with db.reading() as session:
        state = YearClockTask.archived_at.is_not(None) if archived else YearClockTask.archived_at.is_(None)
        tasks = list(session.scalars(select(YearClockTask).where(state)))
        done = _done_by_task(session, [year])
        rows = [_row(t, year, done.get((t.id, year))) for t in tasks]
    return sorted(rows, key=lambda r: (r.due_date, sort_key(r.name(language)), str(r.id)))


def occurrences(db: Database, first: date, last: date) -> list[YearClockRow]:
    """Every live task's date from `first` to `last` (both included), done or not, by date."""
    years = list(range(first.year, last.year + 1))
    with db.reading() as session:
        tasks = list(session.scalars(select(YearClockTask).where(YearClockTask.archived_at.is_(None))))
        done = _done_by_task(session, years)
        rows = [_row(t, year, done.get((t.id, year))) for year in years for t in tasks]
    chosen = [r for r in rows if first <= r.due_date <= last]
    return sorted(chosen, key=lambda r: (r.due_date, r.title_fi or r.title_sv, str(r.id)))


def get_task(db: Database, task_id: uuid.UUID, year: int) -> YearClockRow:
    with db.reading() as session:
        task = session.get(YearClockTask, task_id)
        if task is None:
            raise RecordNotFound()
        done = _done_by_task(session, [year])
        return _row(task, year, done.get((task.id, year)))


def _load(session, task_id: uuid.UUID, expected_version: int | None, *, live: bool = True) -> YearClockTask:  # type: ignore[no-untyped-def]
    task = session.get(YearClockTask, task_id)
    if task is None or (task.archived_at is None) != live:
        raise RecordNotFound()
    if expected_version is not None and task.version != expected_version:
        raise StaleRecord()
    return task


@announces(changes.YEAR_CLOCK)
def save_task(
    db: Database,
    form: YearClockForm,
    task_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    *,
    year: int | None = None,
    today: date | None = None,
) -> YearClockRow:
    """Add a task (no id) or change one; raises ValidationFailed, StaleRecord or RecordNotFound.

    A new task counts from `today`: its earlier dates are not overdue. Returns it as it falls in `year`.
    """
    values = validate_task(form)
    today = today or date.today()
    year = year or today.year
    with db.transaction() as session:
        if task_id is None:
            task = YearClockTask(id=uuid.uuid4(), counts_from=today)
            session.add(task)
        else:
            task = _load(session, task_id, expected_version)
        for key, value in values.items():
            setattr(task, key, value)
        session.flush()
        saved = task.id
    return get_task(db, saved, year)


@announces(changes.YEAR_CLOCK, "archived")
def archive_task(db: Database, task_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Out of the year clock and the deadlines; kept, with its completions, and can be restored."""
    with db.transaction() as session:
        _load(session, task_id, expected_version).archived_at = utcnow()


@announces(changes.YEAR_CLOCK, "restored")
def restore_task(db: Database, task_id: uuid.UUID, expected_version: int | None = None) -> None:
    with db.transaction() as session:
        _load(session, task_id, expected_version, live=False).archived_at = None


@announces(changes.YEAR_CLOCK)
def set_done(
    db: Database, task_id: uuid.UUID, year: int, done: bool, *, today: date | None = None
) -> date | None:
    """Mark the task done (on `today`) or not done for `year` only; returns the day it counts as done."""
    today = today or date.today()
    with db.transaction() as session:
        _load(session, task_id, None)
        completion = session.scalar(
            select(YearClockCompletion).where(
                YearClockCompletion.task_id == task_id, YearClockCompletion.year == year
            )
        )
        if done:
            if completion is None:
                completion = YearClockCompletion(id=uuid.uuid4(), task_id=task_id, year=year, done_on=today)
                session.add(completion)
            elif completion.archived_at is not None:
                completion.archived_at = None
                completion.done_on = today
            return completion.done_on
        if completion is not None and completion.archived_at is None:
            completion.archived_at = utcnow()
        return None
