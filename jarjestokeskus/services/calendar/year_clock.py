"""The year clock: save a task, archive and restore it, mark it done for a year. Its reads (a task
as it falls in a year) are in services/calendar/year_clock_tasks.py, in plain SQL."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import YearClockCompletion, YearClockTask
from jarjestokeskus.domain.year_clock import YearClockForm, validate_task
from jarjestokeskus.services import changes
from jarjestokeskus.services.calendar.year_clock_tasks import YearClockRow, get_task, list_tasks, occurrences
from jarjestokeskus.services.changes import announces

# The reads, named here too for the callers that also save (the year clock's view and editor).
__all__ = [
    "YearClockRow",
    "archive_task",
    "get_task",
    "list_tasks",
    "occurrences",
    "restore_task",
    "save_task",
    "set_done",
]


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
