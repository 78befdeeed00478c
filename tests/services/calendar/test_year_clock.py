"""The year clock's service: the seeded defaults, saving with the version check, archive, done per year."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import AuditEntry, YearClockCompletion
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.domain.year_clock import YearClockCategory, YearClockForm
from jarjestokeskus.services.calendar.year_clock import (
    archive_task,
    get_task,
    list_tasks,
    occurrences,
    restore_task,
    save_task,
    set_done,
)

TODAY = date(2026, 3, 10)


def test_the_defaults_are_seeded_in_both_languages(db: Database) -> None:
    rows = list_tasks(db, 2026)
    assert len(rows) >= 10
    assert all(r.title_fi and r.title_sv for r in rows)
    by_name = {r.title_fi: r for r in rows}
    report = by_name["STEA: vuosiselvitys edellisen vuoden avustuksista"]
    assert (report.due_date, report.category) == (date(2026, 5, 31), YearClockCategory.STEA)
    county = next(r for r in rows if r.category is YearClockCategory.COUNTY)
    assert county.due_date == date(2026, 11, 30)
    assert [r.due_date for r in rows] == sorted(r.due_date for r in rows)
    assert {r.category for r in rows} >= {
        YearClockCategory.STEA,
        YearClockCategory.CITY,
        YearClockCategory.COUNTY,
        YearClockCategory.ASSOCIATION,
    }


def test_add_edit_with_version_check(db: Database) -> None:
    row = save_task(db, YearClockForm("Hallituksen kokous", "", "2", "29"), year=2027, today=TODAY)
    assert (row.due_date, row.counts_from, row.version) == (date(2027, 2, 28), TODAY, 1)
    assert get_task(db, row.id, 2028).due_date == date(2028, 2, 29)
    changed = save_task(db, YearClockForm("Hallituksen kokous", "Styrelsemöte", "3", ""), row.id, row.version)
    assert (changed.title_sv, changed.month, changed.day, changed.version) == ("Styrelsemöte", 3, None, 2)
    assert changed.counts_from == TODAY  # kept from when it was added
    with pytest.raises(StaleRecord):
        save_task(db, YearClockForm("Vanha", month="3"), row.id, row.version)
    assert get_task(db, row.id, 2026).title_fi == "Hallituksen kokous"


def test_refused_form_saves_nothing(db: Database) -> None:
    before = len(list_tasks(db, 2026))
    with pytest.raises(ValidationFailed):
        save_task(db, YearClockForm("", "", "13"))
    assert len(list_tasks(db, 2026)) == before


def test_archive_and_restore_never_delete(db: Database) -> None:
    row = save_task(db, YearClockForm("Tehtävä", month="6"), today=TODAY)
    set_done(db, row.id, 2026, True, today=TODAY)
    archive_task(db, row.id, row.version)
    assert row.id not in {r.id for r in list_tasks(db, 2026)}
    assert row.id not in {r.id for r in occurrences(db, date(2026, 1, 1), date(2026, 12, 31))}
    archived = list_tasks(db, 2026, archived=True)
    assert [(r.id, r.done) for r in archived] == [(row.id, True)]
    with pytest.raises(RecordNotFound):
        set_done(db, row.id, 2027, True)
    with pytest.raises(StaleRecord):
        restore_task(db, row.id, row.version)  # archiving changed the version
    restore_task(db, row.id)
    assert get_task(db, row.id, 2026).done
    assert row.id in {r.id for r in list_tasks(db, 2026)}


def test_done_is_per_year(db: Database) -> None:
    row = save_task(db, YearClockForm("Tehtävä", month="6"), today=TODAY)
    assert set_done(db, row.id, 2026, True, today=TODAY) == TODAY
    assert get_task(db, row.id, 2026).done_on == TODAY
    assert not get_task(db, row.id, 2027).done
    assert set_done(db, row.id, 2026, False) is None
    assert not get_task(db, row.id, 2026).done
    later = date(2026, 7, 1)
    assert set_done(db, row.id, 2026, True, today=later) == later
    assert set_done(db, row.id, 2026, True, today=date(2026, 8, 1)) == later  # twice: still the first day
    with db.reading() as session:
        completions = list(session.scalars(select(YearClockCompletion)))
        audit = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "YearClockCompletion")))
    assert len(completions) == 1  # undone is archived, done again restores it: nothing deleted
    assert audit


def test_overdue_only_when_not_done_and_counted(db: Database) -> None:
    row = save_task(db, YearClockForm("Tehtävä", month="2", day="1"), today=date(2026, 1, 15))
    assert row.is_overdue(date(2026, 2, 2))
    assert not row.is_overdue(date(2026, 2, 1))  # due today
    late = save_task(db, YearClockForm("Myöhään lisätty", month="2", day="1"), today=date(2026, 3, 1))
    assert not late.is_overdue(date(2026, 3, 2))  # added after its date this year
    set_done(db, row.id, 2026, True, today=date(2026, 2, 3))
    assert not get_task(db, row.id, 2026).is_overdue(date(2026, 3, 1))


def test_occurrences_across_the_year_change(db: Database) -> None:
    row = save_task(db, YearClockForm("Tammikuu", month="1", day="5"), today=TODAY)
    found = [r.due_date for r in occurrences(db, date(2026, 12, 1), date(2027, 1, 31)) if r.id == row.id]
    assert found == [date(2027, 1, 5)]
    found = [r.year for r in occurrences(db, date(2026, 1, 1), date(2027, 12, 31)) if r.id == row.id]
    assert found == [2026, 2027]
