"""Year-clock dates among the deadlines: due today, overdue, done for the year, archived, year change."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.year_clock import YearClockForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.calendar.deadlines import VIEW_YEAR_CLOCK, DeadlineKind, DeadlineRow, deadlines
from jarjestokeskus.services.calendar.year_clock import archive_task, list_tasks, save_task, set_done

ADDED = date(2026, 1, 2)


@pytest.fixture(autouse=True)
def no_defaults(db: Database) -> None:
    """Only the tasks a test adds: the seeded defaults are archived."""
    for row in list_tasks(db, 2026):
        archive_task(db, row.id)


def task(db: Database, title: str, month: int, day: int | None, added: date = ADDED) -> uuid.UUID:
    form = YearClockForm(title, f"{title} (sv)", str(month), "" if day is None else str(day))
    return save_task(db, form, today=added).id


def clock(db: Database, today: date, within: int = 30) -> list[DeadlineRow]:
    return [r for r in deadlines(db, today, within, year_clock=True) if r.kind is DeadlineKind.YEAR_CLOCK]


def test_left_out_unless_asked_for(db: Database) -> None:
    task(db, "Kokous", 3, 1)
    assert deadlines(db, date(2026, 3, 1)) == []


def test_due_today_and_overdue(db: Database) -> None:
    today_id = task(db, "Tänään", 3, 10)
    late_id = task(db, "Myöhässä", 3, 9)
    rows = {r.record_id: r for r in clock(db, date(2026, 3, 10))}
    assert (rows[today_id].overdue, rows[today_id].days_left) == (False, 0)
    assert (rows[late_id].overdue, rows[late_id].days_left) == (True, -1)
    assert rows[today_id].view == VIEW_YEAR_CLOCK
    assert rows[today_id].name("sv") == "Tänään (sv)"
    assert rows[today_id].kind.label == _("Year clock")


def test_window_end(db: Database) -> None:
    inside = task(db, "Sisällä", 4, 9)
    outside = task(db, "Ulkona", 4, 10)
    ids = {r.record_id for r in clock(db, date(2026, 3, 10), 30)}
    assert inside in ids and outside not in ids


def test_done_for_this_year_is_left_out_and_next_year_is_open(db: Database) -> None:
    done = task(db, "Tehty", 3, 1)
    set_done(db, done, 2026, True, today=date(2026, 3, 1))
    assert clock(db, date(2026, 3, 10)) == []
    assert [r.record_id for r in clock(db, date(2027, 3, 10))] == [done]
    set_done(db, done, 2026, False)
    assert [r.record_id for r in clock(db, date(2026, 3, 10))] == [done]


def test_archived_task_is_left_out(db: Database) -> None:
    gone = task(db, "Arkistoitu", 3, 1)
    archive_task(db, gone)
    assert clock(db, date(2026, 3, 10)) == []


def test_a_date_before_the_task_was_added_is_not_overdue(db: Database) -> None:
    task(db, "Lisätty myöhemmin", 2, 1, added=date(2026, 3, 1))
    assert clock(db, date(2026, 3, 10)) == []
    assert len(clock(db, date(2027, 2, 2))) == 1


def test_year_change(db: Database) -> None:
    january = task(db, "Tammikuu", 1, 15)
    december = task(db, "Joulukuu", 12, 20)
    eve = {r.record_id: r for r in clock(db, date(2026, 12, 31))}
    assert eve[december].overdue and eve[december].due_date == date(2026, 12, 20)
    assert not eve[january].overdue and eve[january].due_date == date(2027, 1, 15)
    assert eve[january].days_left == 15
    new_year = {r.record_id: r for r in clock(db, date(2027, 1, 1))}
    assert december not in new_year  # last year's dates are not carried over
    assert new_year[january].days_left == 14
    # With a year-long window the next December is listed, once.
    ahead = [r for r in clock(db, date(2026, 12, 31), 365) if r.record_id == december]
    assert [r.due_date for r in ahead] == [date(2026, 12, 20), date(2027, 12, 20)]


def test_leap_day_task_in_a_common_year(db: Database) -> None:
    leap = task(db, "Karkauspäivä", 2, 29)
    rows = {r.record_id: r for r in clock(db, date(2027, 2, 28))}
    assert rows[leap].due_date == date(2027, 2, 28) and rows[leap].days_left == 0


def test_sorted_with_the_other_deadlines(db: Database) -> None:
    task(db, "B", 3, 12)
    task(db, "A", 3, 11)
    assert [r.title_fi for r in clock(db, date(2026, 3, 10))] == ["A", "B"]
