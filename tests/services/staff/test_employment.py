"""Staff services: save with versions and limits, archive, the ending view, statistics, personal data."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import AuditEntry, Person, Project
from jarjestokeskus.domain.employment import EmploymentForm, FundingShareForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.scheme_limit_form import LimitForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import ERASED, erase_person, export_person
from jarjestokeskus.services.staff.employment import (
    LimitsExceeded,
    archive_person,
    get_person,
    limit_warnings,
    list_staff,
    restore_person,
    save_person,
)
from jarjestokeskus.services.staff.ending import ended_without_outcome, ending_periods
from jarjestokeskus.services.staff.scheme_limits import list_limits, save_limit
from jarjestokeskus.services.staff.statistics import person_years, staff_statistics

TODAY = date(2026, 6, 15)


@pytest.fixture
def home(db: Database) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True).id


def typed(day: date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def period(scheme=EmploymentScheme.FIXED_TERM, start=date(2026, 1, 1), end=None, **fields) -> EmploymentForm:  # type: ignore[no-untyped-def]
    return EmploymentForm(scheme=scheme, start_date=typed(start), end_date=typed(end), **fields)


def add(db: Database, first: str, last: str, *periods: EmploymentForm, **kw) -> uuid.UUID:  # type: ignore[no-untyped-def]
    form = PersonForm(first, last, f"{first.lower()}@example.fi", "040 123", list(periods))
    return save_person(db, form, accept_warnings=True, **kw).id


def make_project(db: Database) -> uuid.UUID:
    with db.transaction() as session:
        project = Project(id=uuid.uuid4(), name_fi="Yhdessä", name_sv="Tillsammans", code="C1")
        session.add(project)
        return project.id


def test_save_read_update_with_version(db: Database, home: uuid.UUID) -> None:
    project = make_project(db)
    form = PersonForm(
        "Åsa",
        "Öberg",
        employments=[
            period(hours_per_week="30", title="Ohjaaja", fundings=[FundingShareForm(project, "60")])
        ],
    )
    saved = save_person(db, form)
    assert saved.version == 1 and saved.employments[0].fundings[0].share_percent == Decimal("60.00")
    detail = get_person(db, saved.id)
    assert detail.name == "Åsa Öberg" and detail.employments[0].title == "Ohjaaja"
    form.employments[0].employment_id = detail.employments[0].id
    form.employments[0].fundings[0].share_percent = "80"
    updated = save_person(db, form, saved.id, expected_version=1)
    assert updated.version == 2, "a change of a share alone moves the person's version"
    assert updated.employments[0].fundings[0].share_percent == Decimal("80.00")
    with pytest.raises(StaleRecord):
        save_person(db, form, saved.id, expected_version=1)
    form.employments = []
    assert save_person(db, form, saved.id, expected_version=2).employments == ()


def test_invalid_form_saves_nothing(db: Database, home: uuid.UUID) -> None:
    with pytest.raises(ValidationFailed):
        save_person(db, PersonForm("A", "B", employments=[period(end=date(2025, 1, 1))]))
    assert list_staff(db, TODAY) == []


def test_a_period_outside_the_limits_needs_accepting(db: Database, home: uuid.UUID) -> None:
    trial = period(
        EmploymentScheme.WORK_TRIAL, date(2026, 1, 5), date(2026, 3, 31), days_per_week="6", hours_per_day="6"
    )
    form = PersonForm("Timo", "Testi", employments=[trial])
    assert [w.field for w in limit_warnings(db, form)] == ["employments[0].days_per_week"]
    with pytest.raises(LimitsExceeded) as refused:
        save_person(db, form)
    assert refused.value.warnings[0].field == "employments[0].days_per_week"
    assert list_staff(db, TODAY) == []
    saved = save_person(db, form, accept_warnings=True)
    # Saved unchanged, the accepted period is not judged again; a change is.
    form.employments[0].employment_id = saved.employments[0].id
    assert limit_warnings(db, form, saved.id) == []
    form.employments[0].hours_per_day = "9"
    assert {w.field for w in limit_warnings(db, form, saved.id)} == {
        "employments[0].days_per_week",
        "employments[0].hours_per_day",
    }


def test_stricter_limits_from_a_later_date(db: Database, home: uuid.UUID) -> None:
    save_limit(
        db,
        LimitForm(EmploymentScheme.WORK_TRIAL, "", "1.1.2027", min_hours_per_day="4", max_hours_per_day="6"),
    )
    assert len([r for r in list_limits(db) if r.rule.scheme == EmploymentScheme.WORK_TRIAL]) == 2
    old = period(
        EmploymentScheme.WORK_TRIAL, date(2026, 1, 5), date(2026, 3, 31), days_per_week="3", hours_per_day="7"
    )
    new = period(
        EmploymentScheme.WORK_TRIAL, date(2027, 1, 4), date(2027, 3, 31), days_per_week="3", hours_per_day="7"
    )
    assert limit_warnings(db, PersonForm("A", "B", employments=[old])) == []
    assert [w.field for w in limit_warnings(db, PersonForm("A", "B", employments=[new]))] == [
        "employments[0].hours_per_day"
    ]


def test_archive_and_restore(db: Database, home: uuid.UUID) -> None:
    person = add(db, "Pasi", "Pois", period())
    archive_person(db, person, expected_version=1)
    assert list_staff(db, TODAY) == []
    assert [r.person_id for r in list_staff(db, TODAY, archived=True)] == [person]
    restore_person(db, person)
    assert [r.person_id for r in list_staff(db, TODAY)] == [person]


def test_staff_list_shows_the_running_period(db: Database, home: uuid.UUID) -> None:
    add(
        db,
        "Oona",
        "Östman",
        period(EmploymentScheme.WORK_TRIAL, date(2026, 1, 1), date(2026, 3, 31)),
        period(EmploymentScheme.PAY_SUBSIDY, date(2026, 5, 1), date(2026, 12, 31), subsidy_percent="50"),
        period(EmploymentScheme.FIXED_TERM, date(2027, 1, 1), date(2027, 12, 31)),
    )
    add(db, "Aino", "Ahola", period())
    rows = list_staff(db, TODAY)
    assert [r.last_name for r in rows] == ["Ahola", "Östman"]
    assert rows[1].scheme == EmploymentScheme.PAY_SUBSIDY
    assert [r.last_name for r in list_staff(db, TODAY, text="östm")] == ["Östman"]


def test_ending_view_boundaries(db: Database, home: uuid.UUID) -> None:
    ends = {"today": 0, "d30": 30, "d31": 31, "d60": 60, "d61": 61, "d90": 90, "d91": 91, "yesterday": -1}
    for name, offset in ends.items():
        add(db, name, "X", period(start=date(2026, 1, 1), end=TODAY + timedelta(days=offset)))
    add(db, "open", "X", period())

    def names(days: int) -> list[str]:
        return [r.name.split()[0] for r in ending_periods(db, TODAY, days)]

    assert names(30) == ["today", "d30"]
    assert names(60) == ["today", "d30", "d31", "d60"]
    assert names(90) == ["today", "d30", "d31", "d60", "d61", "d90"]
    assert ending_periods(db, TODAY, 30)[1].days_left == 30
    assert [r.name for r in ended_without_outcome(db, TODAY)] == ["yesterday X"]


def test_ended_with_an_outcome_is_not_listed(db: Database, home: uuid.UUID) -> None:
    add(db, "Done", "X", period(end=date(2026, 5, 31), outcome=EmploymentOutcome.EDUCATION))
    add(db, "Open", "X", period(end=date(2026, 5, 31)))
    assert [r.name for r in ended_without_outcome(db, TODAY)] == ["Open X"]


def test_person_years_definition() -> None:
    full_year = person_years(date(2025, 1, 1), None, 2025, Decimal("37.5"))
    assert full_year == 1
    # Half of 2024 (a leap year: 183 of 366 days) at 30 h a week: 0.5 × 0.8.
    assert person_years(date(2024, 7, 2), date(2024, 12, 31), 2024, Decimal(30)) == Decimal("0.4")
    # Without hours a week: days a week × hours a day; without either, full time.
    assert person_years(
        date(2025, 1, 1), date(2025, 12, 31), 2025, None, Decimal(2), Decimal("7.5")
    ) == Decimal("0.4")
    assert person_years(date(2025, 1, 1), date(2025, 12, 31), 2025, None) == 1
    assert person_years(date(2026, 1, 1), None, 2025, Decimal(30)) == 0


def statistics_setup(db: Database) -> dict[str, uuid.UUID]:
    return {
        "full": add(
            db, "Full", "Time", period(EmploymentScheme.PERMANENT, date(2020, 1, 1), hours_per_week="37,5")
        ),
        "pay": add(
            db,
            "Pay",
            "Subsidy",
            period(
                EmploymentScheme.PAY_SUBSIDY,
                date(2025, 7, 2),
                date(2026, 4, 30),
                hours_per_week="30",
                subsidy_percent="50",
                long_term_unemployed=True,
                outcome=EmploymentOutcome.OPEN_LABOUR_MARKET,
                outcome_note="Sai työtä kaupungilta",
                decision_number="TYA/1",
            ),
        ),
        "rehab": add(
            db,
            "Rehab",
            "Work",
            period(
                EmploymentScheme.REHABILITATIVE_WORK,
                date(2025, 1, 1),
                date(2025, 12, 31),
                days_per_week="2",
                hours_per_day="7,5",
                long_term_unemployed=True,
            ),
        ),
    }


def test_statistics_of_a_year(db: Database, home: uuid.UUID) -> None:
    statistics_setup(db)
    stats = staff_statistics(db, 2025)
    figures = {f.scheme: (f.persons, f.person_years) for f in stats.schemes}
    # 2.7.–31.12.2025 is 183 of 365 days at 30/37.5 h: 183 × 0.8 / 365 = 0.401…
    assert figures == {
        EmploymentScheme.PERMANENT: (1, Decimal("1.00")),
        EmploymentScheme.PAY_SUBSIDY: (1, Decimal("0.40")),
    }
    # Rehabilitative work activity is no employment: a participant, apart from the person-years.
    participants = {f.scheme: f.persons for f in stats.participant_schemes}
    assert participants == {EmploymentScheme.REHABILITATIVE_WORK: 1} and stats.participants == 1
    assert stats.persons == 2 and stats.person_years == Decimal("1.40")
    assert stats.long_term_unemployed_placed == 1  # the participant in rehabilitative work is not employed
    assert stats.outcomes == {None: 1}
    assert staff_statistics(db, 2026).outcomes == {EmploymentOutcome.OPEN_LABOUR_MARKET: 1}


def test_statistics_stay_after_erasing(db: Database, home: uuid.UUID) -> None:
    ids = statistics_setup(db)
    before = [staff_statistics(db, year) for year in (2025, 2026)]
    erase_person(db, ids["pay"])
    assert [staff_statistics(db, year) for year in (2025, 2026)] == before


def test_export_has_everything_about_the_person(db: Database, home: uuid.UUID) -> None:
    project = make_project(db)
    boss = add(db, "Katja", "Mäenpää", period(EmploymentScheme.PERMANENT, date(2015, 3, 1)))
    person = add(
        db,
        "Åke",
        "Ärlig",
        period(
            EmploymentScheme.WORK_TRIAL,
            date(2026, 1, 5),
            date(2026, 3, 31),
            supervisor_id=boss,
            decision_number="TYA/TK/1",
            fundings=[FundingShareForm(project, "100")],
        ),
    )
    data = export_person(db, person)
    json.dumps(data)  # serialisable as it is
    assert data["person"]["first_name"] == "Åke" and data["person"]["email"] == "åke@example.fi"
    (employment,) = data["employments"]
    assert employment["scheme"] == "work_trial" and employment["start_date"] == "2026-01-05"
    assert employment["supervisor"] == "Katja Mäenpää" and employment["decision_number"] == "TYA/TK/1"
    assert employment["employer_fi"] == "Kotijärjestö ry"
    assert employment["paying_projects"] == [
        {"project_fi": "Yhdessä", "project_sv": "Tillsammans", "code": "C1", "share_percent": "100.00"}
    ]
    assert data["history"][0]["action"] == "create"


def test_export_includes_roles(db: Database, home: uuid.UUID) -> None:
    from jarjestokeskus.domain.enums import RoleKind
    from jarjestokeskus.domain.organisation import RoleForm

    org = save_organisation(
        db,
        OrganisationForm(
            name_fi="Jäsen ry", roles=[RoleForm("Eeva", "Esim", kind=RoleKind.CHAIR, start_date="1.1.2024")]
        ),
    )
    person_id = org.roles[0].person_id
    data = export_person(db, person_id)
    assert data["roles"][0]["organisation_fi"] == "Jäsen ry" and data["roles"][0]["kind"] == "chair"


def test_erase_removes_personal_data_from_person_and_audit(db: Database, home: uuid.UUID) -> None:
    ids = statistics_setup(db)
    person = ids["pay"]
    form = PersonForm("Pay", "Changed", "new@example.fi", "050 9", [])
    detail = get_person(db, person)
    form.employments = [
        period(
            EmploymentScheme.PAY_SUBSIDY,
            date(2025, 7, 2),
            date(2026, 4, 30),
            hours_per_week="30",
            subsidy_percent="50",
            long_term_unemployed=True,
            outcome=EmploymentOutcome.OPEN_LABOUR_MARKET,
            outcome_note="Sai työtä kaupungilta",
            decision_number="TYA/1",
            employment_id=detail.employments[0].id,
        )
    ]
    save_person(db, form, person, accept_warnings=True)
    erase_person(db, person)
    erased = get_person(db, person)
    assert erased.anonymised and (erased.email, erased.phone) == ("", "")
    assert "Pay" not in erased.name and "Subsidy" not in erased.name
    assert erased.employments[0].outcome == EmploymentOutcome.OPEN_LABOUR_MARKET
    assert erased.employments[0].outcome_note == ""
    with db.reading() as session:
        entries = session.scalars(select(AuditEntry)).all()
        text = json.dumps([e.changes for e in entries], ensure_ascii=False)
        actions = [e.action for e in entries if e.entity_id == person]
        stored = session.get(Person, person)
        assert stored is not None and stored.anonymised
    for secret in ("Subsidy", "Changed", "pay@example.fi", "new@example.fi", "050 9", "Sai työtä", "TYA/1"):
        assert secret not in text
    assert ERASED in text and "erase" in actions
    assert json.dumps(export_person(db, person)["history"]).count("Subsidy") == 0


def test_archived_and_erased_persons_leave_the_ending_view(db: Database, home: uuid.UUID) -> None:
    gone = add(db, "Gone", "X", period(end=TODAY + timedelta(days=5)))
    erased = add(db, "Erased", "X", period(end=TODAY - timedelta(days=5)))
    archive_person(db, gone)
    erase_person(db, erased)
    assert ending_periods(db, TODAY, 30) == [] and ended_without_outcome(db, TODAY) == []


def test_one_save_is_one_version_step(db: Database, home: uuid.UUID) -> None:
    saved = save_person(db, PersonForm("Eeva", "Esim", employments=[period()]))
    form = PersonForm(
        "Eevi", "Esim", employments=[period(), period(EmploymentScheme.OTHER, date(2026, 2, 1))]
    )
    form.employments[0].employment_id = saved.employments[0].id
    again = save_person(db, form, saved.id, expected_version=saved.version)
    assert again.version == saved.version + 1 and len(again.employments) == 2
    with db.reading() as session:
        updates = session.scalars(
            select(AuditEntry.changes).where(AuditEntry.entity_id == saved.id, AuditEntry.action == "update")
        ).all()
    assert len(updates) == 1 and updates[0]["first_name"] == ["Eeva", "Eevi"]
