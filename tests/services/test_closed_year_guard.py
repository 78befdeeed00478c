"""A change to a closed year's figures is refused unless confirmed, by whichever service makes it;
changes that leave the closed year's figures as they were pass without a question."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from jarjestokeskus.db.closed_year_guard import ClosedYearChange, confirmed
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import ClosedYear, Instalment, MonitoringEntry
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, MonitoringForm, PartyForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import (
    AgreementKind,
    AgreementStatus,
    EmploymentOutcome,
    EmploymentScheme,
    FundingInstrument,
    MonitoringStatus,
    ProjectStatus,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, InstalmentForm, ProjectForm
from jarjestokeskus.services import closed_years
from jarjestokeskus.services.agreements.followup import add_monitoring_entry
from jarjestokeskus.services.agreements.rows import AgreementDetail
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import archive_project, get_project, save_project
from jarjestokeskus.services.staff.employment import get_person, save_person
from jarjestokeskus.ui.projects.basic import form_from_detail


def _close(db: Database, year: int) -> None:
    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=year, closed_on=date(year + 1, 1, 20), closed_by="test"))


def _project(db: Database) -> uuid.UUID:
    stea = save_organisation(db, OrganisationForm(name_fi="STEA")).id
    funding = FundingForm(
        FundingInstrument.STEA_AK,
        stea,
        "2025",
        "90000",
        amount_granted="90000",
        instalments=[InstalmentForm("1.11.2025", "45000"), InstalmentForm("1.2.2026", "45000")],
    )
    form = ProjectForm(
        name_fi="Kohtaamispaikka", status=ProjectStatus.RUNNING, start_date="1.1.2025", fundings=[funding]
    )
    return save_project(db, form).id


def _paid(db: Database) -> list[tuple[date, date | None]]:
    with db.reading() as session:
        rows = session.execute(
            select(Instalment.due_date, Instalment.paid_on).where(Instalment.archived_at.is_(None))
        ).all()
    return sorted((r.due_date, r.paid_on) for r in rows)


def test_an_instalment_of_a_closed_year_needs_confirming(db: Database) -> None:
    project_id = _project(db)
    _close(db, 2025)
    form = form_from_detail(get_project(db, project_id))
    funding = form.fundings[0]
    first, second = funding.instalments
    # The instalment due in 2026 is paid in 2026: the closed 2025 is not touched, nothing is asked.
    paid_2026 = replace(second, paid_on="3.2.2026", paid_amount="45000")
    form.fundings[0] = replace(funding, instalments=[first, paid_2026])
    detail = save_project(db, form, project_id, get_project(db, project_id).version)
    assert _paid(db) == [(date(2025, 11, 1), None), (date(2026, 2, 1), date(2026, 2, 3))]

    # Marking the 2025 instalment paid touches 2025: refused, nothing saved, the year named.
    form = form_from_detail(detail)
    funding = form.fundings[0]
    paid_2025 = replace(funding.instalments[0], paid_on="3.11.2025", paid_amount="45000")
    form.fundings[0] = replace(funding, instalments=[paid_2025, funding.instalments[1]])
    with pytest.raises(ClosedYearChange) as refused:
        save_project(db, form, project_id, detail.version)
    assert refused.value.years == (2025,)
    assert "2025" in refused.value.user_message()
    assert _paid(db)[0] == (date(2025, 11, 1), None)
    with confirmed(refused.value.years):
        save_project(db, form, project_id, detail.version)
    assert _paid(db)[0] == (date(2025, 11, 1), date(2025, 11, 3))

    # Archiving the project takes it out of 2025's projects: asked too.
    with pytest.raises(ClosedYearChange):
        archive_project(db, project_id)


def city_agreement(
    db: Database, kind: AgreementKind, title: str, goals: tuple[str, ...] = ()
) -> AgreementDetail:
    """An agreement with the city in force 2024–2027 (both closed-year test files use it)."""
    city = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki")).id
    return save_agreement(
        db,
        AgreementForm(
            kind=kind,
            title_fi=title,
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2024",
            valid_to="31.12.2027",
            parties=[PartyForm(city)],
            goals=[GoalForm(title_fi=goal) for goal in goals],
        ),
    )


def test_follow_up_entries_up_to_the_closed_year_need_confirming(db: Database) -> None:
    agreement = city_agreement(db, AgreementKind.FRAMEWORK_COOPERATION, "Yhteistyösopimus", ("Tavoite",))
    _close(db, 2025)
    goal = agreement.goals[0].id

    def entries() -> list[date]:
        with db.reading() as session:
            return sorted(session.scalars(select(MonitoringEntry.entry_date)))

    # An entry of 2026 leaves the status on 31.12.2025 as it was.
    add_monitoring_entry(db, MonitoringForm(goal, "15.1.2026", MonitoringStatus.ON_TRACK, ""))
    # An entry of 2024 changes the goal's status on 31.12.2025 (the latest entry by then).
    for day in ("20.12.2025", "1.6.2024"):
        with pytest.raises(ClosedYearChange) as refused:
            add_monitoring_entry(db, MonitoringForm(goal, day, MonitoringStatus.DELAYED, "Myöhään"))
        assert refused.value.years == (2025,)
    assert entries() == [date(2026, 1, 15)]
    with confirmed([2025]):
        add_monitoring_entry(db, MonitoringForm(goal, "20.12.2025", MonitoringStatus.DELAYED, "Myöhään"))
    assert entries() == [date(2025, 12, 20), date(2026, 1, 15)]
    # Reopened, the year is no longer guarded.
    closed_years_row = closed_years.closed_year(db, 2025)
    assert closed_years_row is not None
    closed_years.reopen_year(db, 2025, "Seuranta kirjattiin myöhässä")
    add_monitoring_entry(db, MonitoringForm(goal, "1.6.2024", MonitoringStatus.DELAYED, ""))
    assert len(entries()) == 3


def test_an_employment_period_touches_only_the_years_it_changes(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True)
    period = EmploymentForm(scheme=EmploymentScheme.PAY_SUBSIDY, start_date="1.3.2025", hours_per_week="30")
    person = save_person(db, PersonForm("Aino", "Aalto", employments=[period]), accept_warnings=True)
    _close(db, 2025)

    def save(**changes: object) -> None:
        detail = get_person(db, person.id)
        from jarjestokeskus.ui.staff.actions import form_of

        form = form_of(detail)
        form.employments[0] = replace(form.employments[0], **changes)  # type: ignore[arg-type]
        save_person(db, form, person.id, detail.version, accept_warnings=True)

    # Ending the running period in 2026, with its outcome: 2025's days and hours are as they were.
    save(end_date="31.5.2026", outcome=EmploymentOutcome.OPEN_LABOUR_MARKET)
    # A title is not a figure of the year.
    save(title="Ohjaaja")
    # Its start or its hours are.
    for change in ({"start_date": "1.4.2025"}, {"hours_per_week": "37.5"}):
        with pytest.raises(ClosedYearChange):
            save(**change)
    with confirmed([2025]):
        save(start_date="1.4.2025")
    assert get_person(db, person.id).employments[0].start_date == date(2025, 4, 1)


def test_erasing_a_person_is_never_held_back_by_a_closed_year(db: Database) -> None:
    """Erasure rewrites the person's name out of follow-up notes and their periods' notes: words,
    not figures; the closed year does not stop it."""
    from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, PartyForm
    from jarjestokeskus.services.agreements.store import save_agreement
    from jarjestokeskus.services.person_data import erase_person

    save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True)
    city = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki")).id
    period = EmploymentForm(
        scheme=EmploymentScheme.FIXED_TERM,
        start_date="1.3.2025",
        end_date="30.11.2025",
        outcome_note="Aino jatkaa",
    )
    person = save_person(db, PersonForm("Aino", "Aalto", employments=[period]), accept_warnings=True)
    agreement = save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.FRAMEWORK_COOPERATION,
            title_fi="Yhteistyösopimus",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2024",
            parties=[PartyForm(city)],
            goals=[GoalForm(title_fi="Tavoite")],
        ),
    )
    add_monitoring_entry(
        db, MonitoringForm(agreement.goals[0].id, "1.12.2025", MonitoringStatus.ON_TRACK, "Aino Aalto kävi")
    )
    _close(db, 2025)
    erase_person(db, person.id)
    with db.reading() as session:
        assert list(session.scalars(select(MonitoringEntry.note))) != ["Aino Aalto kävi"]
    assert get_person(db, person.id).anonymised
