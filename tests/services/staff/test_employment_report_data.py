"""The rows of the employment report: periods of a year, person-years, year end, names or none."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Project
from jarjestokeskus.domain.employment import EmploymentForm, FundingShareForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import erase_person
from jarjestokeskus.services.staff.employment import save_person
from jarjestokeskus.services.staff.report_data import employment_year
from jarjestokeskus.services.staff.statistics import staff_statistics

D = Decimal


@pytest.fixture
def home(db: Database) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True).id


def typed(day: date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def period(
    scheme: EmploymentScheme, start: date, end: date | None = None, **fields: object
) -> EmploymentForm:
    return EmploymentForm(scheme=scheme, start_date=typed(start), end_date=typed(end), **fields)  # type: ignore[arg-type]


def add(db: Database, first: str, last: str, *periods: EmploymentForm) -> uuid.UUID:
    return save_person(db, PersonForm(first, last, employments=list(periods)), accept_warnings=True).id


def make_project(db: Database) -> uuid.UUID:
    with db.transaction() as session:
        project = Project(id=uuid.uuid4(), name_fi="Yhdessä", name_sv="Tillsammans", code="C1")
        session.add(project)
        return project.id


def test_periods_person_years_and_year_end(db: Database, home: uuid.UUID) -> None:
    project = make_project(db)
    add(db, "Aino", "Aalto", period(EmploymentScheme.PERMANENT, date(2020, 1, 1), hours_per_week="37,5"))
    add(
        db,
        "Bo",
        "Berg",
        period(
            EmploymentScheme.PAY_SUBSIDY,
            date(2026, 7, 1),
            date(2026, 12, 31),
            hours_per_week="30",
            fundings=[FundingShareForm(project, "50")],
        ),
    )
    add(
        db,
        "Cecilia",
        "Cedercreutz",
        period(
            EmploymentScheme.WORK_TRIAL,
            date(2026, 1, 1),
            date(2026, 3, 31),
            outcome=EmploymentOutcome.EDUCATION,
        ),
        period(EmploymentScheme.WORK_TRIAL, date(2027, 1, 1), date(2027, 2, 28)),
    )
    data = employment_year(db, 2026, today=date(2027, 1, 15))  # the year is over
    assert [line.name for line in data.periods] == ["Aino Aalto", "Bo Berg", "Cecilia Cedercreutz"]
    by_name = {line.name: line for line in data.periods}
    # 1.7.–31.12. is 184 of 365 days, at 30/37.5 = 0.8 of full time
    assert by_name["Bo Berg"].person_years == (D(184) * D("0.8") / D(365)).quantize(D("0.01")) == D("0.40")
    assert by_name["Bo Berg"].working_time == D("0.80")
    assert by_name["Aino Aalto"].person_years == D("1.00")
    assert by_name["Cecilia Cedercreutz"].person_years == (D(90) / D(365)).quantize(D("0.01"))
    # running on 31.12.: Aino and Bo (whose period ends that very day)
    assert data.employed_at_year_end == 2
    assert [line.name for line in data.ended] == ["Cecilia Cedercreutz", "Bo Berg"]
    assert data.ended[0].outcome == EmploymentOutcome.EDUCATION and data.ended[1].outcome is None
    assert [(p.name("sv"), p.person_years) for p in data.projects] == [("Tillsammans", D("0.20"))]
    statistics = staff_statistics(db, 2026)
    assert data.statistics == statistics
    assert sum(statistics.outcomes.values()) == len(data.ended)
    # Before the year is over, Bo's period ending on 31.12. is ending, not ended, and the rest of
    # the rest of the year is planned: 26 of 365 days after 5.12., Aino full time and Bo at 0.8.
    before = employment_year(db, 2026, today=date(2026, 12, 5))
    assert [line.name for line in before.ended] == ["Cecilia Cedercreutz"]
    assert [line.name for line in before.ending] == ["Bo Berg"]
    planned = (D(26) * (1 + D("0.8")) / D(365)).quantize(D("0.01"))
    assert before.statistics.planned_person_years == planned == D("0.13")
    # The work trial is no employment: Cecilia is a participant, not an employed person.
    assert statistics.persons == 2 and statistics.participants == 1
    assert statistics.person_years == D("1.00") + D("0.40")
    assert employment_year(db, 2027).employed_at_year_end == 1


def test_without_names_no_name_is_returned(db: Database, home: uuid.UUID) -> None:
    add(db, "Aino", "Aalto", period(EmploymentScheme.PERMANENT, date(2020, 1, 1)))
    data = employment_year(db, 2026, with_names=False)
    assert len(data.periods) == 1 and data.periods[0].name == ""
    assert "Aino" not in repr(data)


def test_erased_persons_count_without_a_name(db: Database, home: uuid.UUID) -> None:
    person = add(
        db, "Aino", "Aalto", period(EmploymentScheme.FIXED_TERM, date(2026, 1, 1), date(2026, 6, 30))
    )
    erase_person(db, person)
    data = employment_year(db, 2026)
    assert [line.name for line in data.periods] == [""]
    assert data.statistics.persons == 1


def test_a_year_without_periods(db: Database, home: uuid.UUID) -> None:
    add(db, "Aino", "Aalto", period(EmploymentScheme.FIXED_TERM, date(2026, 1, 1), date(2026, 6, 30)))
    data = employment_year(db, 2024)
    assert data.periods == data.ended == data.projects == ()
    assert data.employed_at_year_end == 0 and data.statistics.persons == 0
