"""The start page's deadlines and key figures, and every read they call, give the same rows read
from a file with sqlite3 alone (db.plain.open_for_reading) as through SQLAlchemy's Database: on
the demo register with archived, erased and edge rows added (issue 18). And importing them loads
neither SQLAlchemy nor the models."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Employment, Funding, Project, YearClockTask
from jarjestokeskus.db.plain import PlainDatabase, open_for_reading
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
from jarjestokeskus.domain.enums import AgreementStatus
from jarjestokeskus.services.agreements.goal_follow_up import follow_up
from jarjestokeskus.services.agreements.register import archive_agreement
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.deadlines import deadlines, key_figures
from jarjestokeskus.services.calendar.year_clock import archive_task, set_done
from jarjestokeskus.services.calendar.year_clock_tasks import get_task, list_tasks, occurrences
from jarjestokeskus.services.cooperation.dates import cooperation_dates
from jarjestokeskus.services.organisations.register import archive_organisation
from jarjestokeskus.services.person_data import erase_person
from jarjestokeskus.services.projects.register import archive_project
from jarjestokeskus.services.staff.employment import archive_person
from jarjestokeskus.services.staff.ending import ended_without_outcome, ending_periods
from tests.reports.pdf_text import demo_database

pytestmark = pytest.mark.sqlite_only  # reading a file with sqlite3 alone

TODAYS = (date(2025, 1, 15), date(2026, 3, 1), date(2026, 11, 23), date(2027, 1, 10))
ARCHIVED = "2026-05-04 10:00:00.000000"


def _ids(db: Database, sql: str) -> list[uuid.UUID]:
    with db.engine.connect() as connection:
        return [uuid.UUID(found) for found in connection.execute(text(sql)).scalars()]


def _archive_one(db: Database, table: str, where: str = "1 = 1") -> None:
    """Archive the first live row of `table` matching `where` (records no service archives alone);
    the demo's ids are random, its order of insertion is not."""
    with db.engine.begin() as connection:
        found = connection.execute(
            text(f"SELECT id FROM {table} WHERE archived_at IS NULL AND {where} ORDER BY rowid LIMIT 1")
        ).scalar()
        assert found is not None, table
        connection.execute(
            text(f"UPDATE {table} SET archived_at = :at WHERE id = :id"), {"at": ARCHIVED, "id": found}
        )


def _edges(db: Database) -> None:
    """Archived and erased records of every kind the deadlines read, and agreements at the edges."""
    in_force = _ids(db, "SELECT id FROM agreement WHERE status = 'in_force' ORDER BY valid_to, rowid")
    archive_agreement(db, in_force[0])
    pilot = "SELECT id FROM project WHERE name_fi LIKE 'Kokemusasiantuntija%'"
    archive_project(db, _ids(db, pilot)[0])
    unpaid = "SELECT organisation_id FROM membership_fee WHERE year = 2026 AND paid_on IS NULL ORDER BY rowid"
    archive_organisation(db, _ids(db, unpaid)[0])
    staff = "SELECT person_id FROM employment WHERE end_date >= '2026-11-23' ORDER BY end_date, rowid"
    leaving = _ids(db, staff)
    archive_person(db, leaving[0])
    erase_person(db, leaving[1])
    seated = _ids(
        db, "SELECT person_id FROM body_seat WHERE end_date >= '2026-11-23' ORDER BY end_date, rowid"
    )
    erase_person(db, seated[0])
    tasks = _ids(db, "SELECT id FROM year_clock_task ORDER BY month, rowid")
    archive_task(db, tasks[0])
    set_done(db, tasks[1], 2026, True, today=date(2026, 2, 1))
    set_done(db, tasks[2], 2026, True, today=date(2026, 2, 1))
    set_done(db, tasks[2], 2026, False)  # undone: its completion is archived
    for table in ("monitoring_entry", "agreement_goal", "body_seat", "body_meeting", "checklist_entry"):
        _archive_one(db, table)
    _archive_one(db, "reporting_obligation", "submitted_on IS NULL")
    _archive_one(db, "instalment", "paid_on IS NULL")
    _archive_one(db, "funding", "year = 2025")
    _archive_one(db, "survey")
    # In force without a start and with a goal never followed: due today; a renewal of another.
    form = AgreementForm(
        title_fi="Ei alkua",
        status=AgreementStatus.IN_FORCE,
        renewal_notice_date="1.12.2026",
        goals=[GoalForm(title_fi="Tavoite ilman seurantaa")],
    )
    save_agreement(db, form)
    renewal = AgreementForm(
        title_fi="Jatkosopimus", status=AgreementStatus.DRAFT, predecessor_id=in_force[-1]
    )
    save_agreement(db, renewal)


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[tuple[Database, PlainDatabase]]:
    db = demo_database(tmp_path_factory.mktemp("plain-deadlines"), migrated_template)
    _edges(db)
    assert db.path is not None
    reading = open_for_reading(db.path)
    yield db, reading
    reading.close()
    db.close()


def same(both: tuple[Database, PlainDatabase], read: Callable[[Any], Any]) -> Any:
    """`read` through the Database and through sqlite3 alone: equal; the first returned."""
    through_sqlalchemy, through_sqlite = (read(db) for db in both)
    assert through_sqlalchemy == through_sqlite
    return through_sqlalchemy


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("within", [0, 30, 400])
def test_deadlines_are_the_same_read_with_sqlite_alone(
    both: tuple[Database, PlainDatabase], today: date, within: int
) -> None:
    plain = same(both, lambda db: deadlines(db, today, within))
    with_clock = same(both, lambda db: deadlines(db, today, within, year_clock=True))
    assert len(with_clock) >= len(plain)


def test_the_scenario_has_every_kind_of_deadline(both: tuple[Database, PlainDatabase]) -> None:
    """The comparison above means something: each kind is there, the archived ones are not."""
    rows = same(both, lambda db: deadlines(db, date(2026, 11, 23), 400, year_clock=True))
    kinds = {row.kind.value for row in rows}
    assert {"goal_follow_up", "employment_ends", "report_due", "fee_unpaid", "renewal_notice"} <= kinds
    assert {"seat_ends", "agreement_ends", "checklist_item", "instalment_expected", "year_clock"} <= kinds
    titles = {row.title_fi for row in rows}
    assert "Ei alkua – Tavoite ilman seurantaa" in titles


@pytest.mark.parametrize("today", TODAYS)
def test_key_figures_are_the_same_read_with_sqlite_alone(
    both: tuple[Database, PlainDatabase], today: date
) -> None:
    same(both, lambda db: key_figures(db, today))


def test_the_reads_they_call_are_the_same_read_with_sqlite_alone(
    both: tuple[Database, PlainDatabase],
) -> None:
    today = date(2026, 11, 23)
    counterparty = _ids(both[0], "SELECT organisation_id FROM agreement_party ORDER BY rowid")[0]
    assert same(both, lambda db: follow_up(db, today=today)).goals
    same(both, lambda db: follow_up(db, counterparty, 2026, today))
    same(both, lambda db: follow_up(db, year=2025, today=today))
    assert same(both, lambda db: ending_periods(db, today, 400))
    assert same(both, lambda db: ended_without_outcome(db, date(2027, 6, 1)))
    assert same(both, lambda db: cooperation_dates(db, today, date(2027, 12, 31)))
    assert same(both, lambda db: occurrences(db, date(2026, 1, 1), date(2027, 3, 1)))
    tasks = same(both, lambda db: list_tasks(db, 2026, language="sv"))
    assert same(both, lambda db: list_tasks(db, 2026, archived=True))
    assert any(task.done for task in tasks)
    for task in tasks[:3]:
        same(both, lambda db, task=task: get_task(db, task.id, 2026))


def test_the_values_are_those_the_orm_reads(both: tuple[Database, PlainDatabase]) -> None:
    """Both ways above run the same SQL; here its values (ids, days, moments, money, enums) against
    the ORM's reading of the same records."""
    db, reading = both
    today = date(2026, 11, 23)
    archived = list_tasks(reading, 2026, archived=True)
    ending = ending_periods(reading, today, 400)
    granted = key_figures(reading, today).granted_this_year
    with db.reading() as session:
        for task in archived:
            stored = session.get(YearClockTask, task.id)
            assert stored is not None and stored.archived_at is not None
            assert (task.archived_at, task.counts_from, task.category, task.version) == (
                stored.archived_at,
                stored.counts_from,
                stored.category,
                stored.version,
            )
        for row in ending:
            period = session.get(Employment, row.employment_id)
            assert period is not None
            assert (row.person_id, row.start_date, row.end_date, row.scheme, row.outcome) == (
                period.person_id,
                period.start_date,
                period.end_date,
                period.scheme,
                period.outcome,
            )
        amounts = session.scalars(
            select(Funding.amount_granted)
            .join(Project, Project.id == Funding.project_id)
            .where(Funding.archived_at.is_(None), Project.archived_at.is_(None), Funding.year == 2026)
        ).all()
    assert archived and ending
    assert granted == sum((a for a in amounts if a is not None), Decimal(0)) and granted > 0


def test_importing_the_deadlines_loads_no_sqlalchemy() -> None:
    code = (
        "import sys, jarjestokeskus.services.calendar.deadlines; "
        "print(sorted(m for m in ('sqlalchemy', 'jarjestokeskus.db.models', 'jarjestokeskus.db.engine')"
        " if m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert found.stdout.strip() == "[]"
