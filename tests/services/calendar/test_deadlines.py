"""Deadlines at their boundaries (today, overdue, the window's last day, done, archived, year change)
and the start page's key figures against known data."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, MonitoringForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import (
    AgreementStatus,
    EmploymentOutcome,
    EmploymentScheme,
    FundingInstrument,
    MembershipStatus,
    MonitoringStatus,
    ProjectStatus,
    ReportKind,
)
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, InstalmentForm, ObligationForm, ProjectForm
from jarjestokeskus.services.agreements.followup import add_monitoring_entry
from jarjestokeskus.services.agreements.register import archive_agreement
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.deadlines import (
    VIEW_AGREEMENTS,
    VIEW_ORGANISATIONS,
    VIEW_PROJECTS,
    VIEW_STAFF,
    DeadlineKind,
    deadlines,
    key_figures,
)
from jarjestokeskus.services.organisations.register import archive_organisation, save_organisation
from jarjestokeskus.services.projects.register import archive_project, save_project
from jarjestokeskus.services.staff.employment import save_person
from jarjestokeskus.services.start_charts import start_charts

TODAY = date(2026, 11, 23)


def d(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def agreement(db: Database, title: str, **fields: object) -> uuid.UUID:
    values: dict[str, object] = {"status": AgreementStatus.IN_FORCE, "valid_from": "1.1.2025", **fields}
    form = AgreementForm(title_fi=title, **values)  # type: ignore[arg-type]
    return save_agreement(db, form).id


def project(
    db: Database, name: str, funding: FundingForm, status: ProjectStatus = ProjectStatus.RUNNING
) -> uuid.UUID:
    return save_project(db, ProjectForm(name_fi=name, status=status, fundings=[funding])).id


def member(db: Database, name: str, fee_year: int, paid_on: str = "") -> uuid.UUID:
    form = OrganisationForm(
        name_fi=name,
        membership_status=MembershipStatus.MEMBER,
        member_since="1.1.2020",
        fees=[FeeForm(str(fee_year), "50", paid_on)],
    )
    return save_organisation(db, form, today=TODAY).id


def found(db: Database, today: date = TODAY, within: int = 30) -> dict[tuple[DeadlineKind, uuid.UUID], bool]:
    return {(r.kind, r.record_id): r.overdue for r in deadlines(db, today, within)}


def test_agreement_end_today_is_listed_not_overdue_yesterday_is_overdue(db: Database) -> None:
    today_id = agreement(db, "Ends today", valid_to=d(TODAY))
    yesterday_id = agreement(db, "Ended yesterday", valid_to=d(TODAY - timedelta(days=1)))
    rows = {r.record_id: r for r in deadlines(db, TODAY)}
    assert (rows[today_id].overdue, rows[today_id].days_left) == (False, 0)
    assert (rows[yesterday_id].overdue, rows[yesterday_id].days_left) == (True, -1)
    assert rows[today_id].view == VIEW_AGREEMENTS


def test_window_last_day_is_listed_and_the_next_is_not(db: Database) -> None:
    inside = agreement(db, "Inside", renewal_notice_date=d(TODAY + timedelta(days=30)))
    outside = agreement(db, "Outside", renewal_notice_date=d(TODAY + timedelta(days=31)))
    rows = found(db)
    assert rows[(DeadlineKind.RENEWAL_NOTICE, inside)] is False
    assert (DeadlineKind.RENEWAL_NOTICE, outside) not in rows
    assert (DeadlineKind.RENEWAL_NOTICE, outside) in found(db, within=31)


def test_renewal_notice_done_when_a_renewal_exists(db: Database) -> None:
    old = agreement(db, "Vanha", renewal_notice_date=d(TODAY - timedelta(days=10)))
    assert found(db) == {(DeadlineKind.RENEWAL_NOTICE, old): True}
    agreement(db, "Uusi", status=AgreementStatus.DRAFT, predecessor_id=old)
    assert found(db) == {}


def test_only_agreements_in_force_and_not_archived(db: Database) -> None:
    draft = agreement(db, "Draft", valid_to=d(TODAY), status=AgreementStatus.DRAFT)
    archived = agreement(db, "Archived", valid_to=d(TODAY))
    archive_agreement(db, archived)
    assert found(db) == {}
    assert draft


def test_goal_follow_up_due_180_days_after_latest_entry_and_done_when_closed(db: Database) -> None:
    detail = save_agreement(
        db,
        AgreementForm(
            title_fi="Kumppanuus",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2026",
            goals=[GoalForm(title_fi="Vertaistuki"), GoalForm(title_fi="Tilat")],
        ),
    )
    open_goal, closed_goal = (g.id for g in detail.goals)
    add_monitoring_entry(db, MonitoringForm(open_goal, d(TODAY - timedelta(days=181))), today=TODAY)
    add_monitoring_entry(
        db,
        MonitoringForm(closed_goal, d(TODAY - timedelta(days=300)), MonitoringStatus.ACHIEVED),
        today=TODAY,
    )
    rows = [r for r in deadlines(db, TODAY) if r.kind is DeadlineKind.GOAL_FOLLOW_UP]
    assert len(rows) == 1
    assert rows[0].due_date == TODAY - timedelta(days=1) and rows[0].overdue
    assert rows[0].name("fi") == "Kumppanuus – Vertaistuki"


def test_reports_and_instalments_due_and_done(db: Database) -> None:
    funding = FundingForm(
        FundingInstrument.STEA_AK,
        year="2026",
        amount_granted="1000",
        instalments=[
            InstalmentForm(d(TODAY), "250"),
            InstalmentForm(d(TODAY - timedelta(days=100)), "250", paid_on=d(TODAY - timedelta(days=99))),
        ],
        obligations=[
            ObligationForm(ReportKind.RESULTS_REPORT, d(TODAY - timedelta(days=5))),
            ObligationForm(ReportKind.FINAL_REPORT, d(TODAY - timedelta(days=6)), submitted_on=d(TODAY)),
        ],
    )
    pid = project(db, "Hanke", funding)
    rows = [r for r in deadlines(db, TODAY) if r.record_id == pid]
    assert [(r.kind, r.overdue, r.days_left) for r in rows] == [
        (DeadlineKind.REPORT_DUE, True, -5),
        (DeadlineKind.INSTALMENT_EXPECTED, False, 0),
    ]
    assert rows[0].detail is ReportKind.RESULTS_REPORT and rows[0].view == VIEW_PROJECTS
    archive_project(db, pid)
    assert deadlines(db, TODAY) == []


def test_employment_ending_and_ended_without_outcome(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    scheme = EmploymentScheme.FIXED_TERM
    ending = save_person(
        db,
        PersonForm(
            "Aino",
            "Alku",
            employments=[EmploymentForm(scheme, "", "1.1.2026", d(TODAY + timedelta(days=30)))],
        ),
    ).id
    ended = save_person(
        db,
        PersonForm(
            "Bo", "Berg", employments=[EmploymentForm(scheme, "", "1.1.2026", d(TODAY - timedelta(days=1)))]
        ),
    ).id
    done = save_person(
        db,
        PersonForm(
            "Cilla",
            "Carl",
            employments=[
                EmploymentForm(
                    scheme, "", "1.1.2026", d(TODAY - timedelta(days=2)), outcome=EmploymentOutcome.EDUCATION
                )
            ],
        ),
    ).id
    rows = found(db)
    assert rows[(DeadlineKind.EMPLOYMENT_ENDS, ending)] is False
    assert rows[(DeadlineKind.OUTCOME_MISSING, ended)] is True
    assert all(record != done for _kind, record in rows)
    assert {r.view for r in deadlines(db, TODAY)} == {VIEW_STAFF}


def test_unpaid_fee_of_this_year_members_only(db: Database) -> None:
    unpaid = member(db, "Maksamaton ry", 2026)
    member(db, "Maksanut ry", 2026, paid_on="1.2.2026")
    member(db, "Ensi vuosi ry", 2027)
    not_member = save_organisation(
        db, OrganisationForm(name_fi="Ei jäsen ry", fees=[FeeForm("2026", "50")]), today=TODAY
    ).id
    rows = deadlines(db, TODAY)
    assert [(r.record_id, r.due_date, r.overdue, r.view) for r in rows] == [
        (unpaid, date(2026, 3, 31), True, VIEW_ORGANISATIONS)
    ]
    assert not_member not in {r.record_id for r in rows}
    archive_organisation(db, unpaid)
    assert deadlines(db, TODAY) == []


def test_year_change(db: Database) -> None:
    fee_2026 = member(db, "Vuosi 2026 ry", 2026)
    pid = project(
        db,
        "Hanke",
        FundingForm(
            FundingInstrument.STEA_AK,
            year="2027",
            amount_granted="100",
            instalments=[InstalmentForm("1.1.2027", "100")],
        ),
    )
    eve = {r.record_id: r for r in deadlines(db, date(2026, 12, 31))}
    assert eve[pid].days_left == 1 and not eve[pid].overdue
    assert eve[fee_2026].overdue
    new_year = {r.record_id: r for r in deadlines(db, date(2027, 1, 1))}
    assert new_year[pid].days_left == 0 and not new_year[pid].overdue
    assert fee_2026 not in new_year  # last year's fee belongs to the member register now


def test_rows_are_sorted_by_due_date(db: Database) -> None:
    agreement(db, "B", valid_to=d(TODAY + timedelta(days=3)))
    agreement(db, "A", renewal_notice_date=d(TODAY - timedelta(days=3)))
    agreement(db, "C", valid_to=d(TODAY))
    assert [r.title_fi for r in deadlines(db, TODAY)] == ["A", "C", "B"]


def test_key_figures(db: Database) -> None:
    save_organisation(
        db, OrganisationForm(name_fi="Koti ry", membership_status=MembershipStatus.MEMBER), is_home=True
    )
    member(db, "Jäsen 1 ry", 2026)
    member(db, "Jäsen 2 ry", 2026)
    gone = member(db, "Arkistoitu ry", 2026)
    archive_organisation(db, gone)
    save_organisation(db, OrganisationForm(name_fi="Kaupunki"), today=TODAY)
    project(db, "Käynnissä", FundingForm(FundingInstrument.STEA_C, year="2026", amount_granted="1000,50"))
    project(
        db,
        "Toinen",
        FundingForm(FundingInstrument.STEA_AK, year="2026", amount_granted="2000"),
        ProjectStatus.GRANTED,
    )
    project(
        db,
        "Vanha",
        FundingForm(FundingInstrument.STEA_AK, year="2025", amount_granted="9999"),
        ProjectStatus.ENDED,
    )
    agreement(db, "Voimassa")
    agreement(db, "Luonnos", status=AgreementStatus.DRAFT)
    save_person(
        db, PersonForm("A", "A", employments=[EmploymentForm(EmploymentScheme.PERMANENT, "", "1.1.2020")])
    )
    save_person(
        db, PersonForm("B", "B", employments=[EmploymentForm(EmploymentScheme.PERMANENT, "", "1.1.2021")])
    )
    save_person(
        db,
        PersonForm(
            "C",
            "C",
            employments=[
                EmploymentForm(
                    EmploymentScheme.WORK_TRIAL,
                    "",
                    "1.11.2026",
                    d(TODAY),
                    days_per_week="4",
                    hours_per_day="6",
                )
            ],
        ),
        accept_warnings=True,
    )
    save_person(
        db,
        PersonForm(
            "D", "D", employments=[EmploymentForm(EmploymentScheme.FIXED_TERM, "", "1.1.2026", "22.11.2026")]
        ),
    )
    figures = key_figures(db, TODAY)
    assert figures.members == 2
    assert figures.active_projects == 1
    assert figures.granted_this_year == Decimal("3000.50")
    assert figures.agreements_in_force == 1
    # Staff by scheme today is the start page's chart (A and B permanent, C's trial ends today;
    # D's fixed term ended before).
    staff = start_charts(db, TODAY).staff_by_scheme
    assert staff == ((EmploymentScheme.PERMANENT, 2), (EmploymentScheme.WORK_TRIAL, 1))
