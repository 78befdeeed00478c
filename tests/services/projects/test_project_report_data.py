"""The rows of the projects report: what belongs to a year, paid and expected, the groupings."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument, ProjectStatus, ReportKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, InstalmentForm, ObligationForm, ProjectForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.funding import year_overview
from jarjestokeskus.services.projects.register import archive_project, save_project
from jarjestokeskus.services.projects.report_data import by_funder, by_instrument, projects_year

D = Decimal


def _org(db: Database, fi: str, sv: str = "") -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi=fi, name_sv=sv)).id


def _project(db: Database, name: str, fundings: list[FundingForm], sv: str = "") -> uuid.UUID:
    form = ProjectForm(name_fi=name, name_sv=sv, status=ProjectStatus.RUNNING, fundings=fundings)
    return save_project(db, form).id


def _scenario(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    stea, city = _org(db, "STEA"), _org(db, "Vaasan kaupunki", "Vasa stad")
    _project(
        db,
        "Kohtaamispaikka",
        [
            FundingForm(
                FundingInstrument.STEA_AK,
                stea,
                "2026",
                "100000",
                decision_number="STEA 2026/Ak/1",
                amount_granted="80000",
                instalments=[
                    InstalmentForm("1.2.2026", "20000", "2.2.2026", "20000"),
                    InstalmentForm("1.5.2026", "20000", "4.5.2026", "19500"),
                    InstalmentForm("1.8.2026", "20000"),
                    InstalmentForm("1.11.2026", "20000"),
                ],
                obligations=[ObligationForm(ReportKind.RESULTS_REPORT, "31.3.2027")],
            ),
            FundingForm(
                FundingInstrument.STEA_AK,
                stea,
                "2025",
                "90000",
                amount_granted="90000",
                # paid late, in the report's year; and one due in the year that was paid early
                instalments=[
                    InstalmentForm("1.11.2025", "45000", "5.1.2026", "45000"),
                    InstalmentForm("1.1.2026", "45000", "30.12.2025", "45000"),
                ],
                obligations=[ObligationForm(ReportKind.ANNUAL_GRANT_REPORT, "31.5.2026", "28.5.2026")],
            ),
        ],
        sv="Mötesplats",
    )
    _project(
        db,
        "Pilotti",
        [
            FundingForm(
                FundingInstrument.MUNICIPAL_ONE_OFF,
                city,
                "2026",
                "5000",
                own_contribution="500",
            ),
            FundingForm(FundingInstrument.OTHER, None, "2026", "1000", amount_granted="1000"),
        ],
    )
    gone = _project(
        db,
        "Poistettu",
        [
            FundingForm(
                FundingInstrument.STEA_C,
                stea,
                "2026",
                "7",
                amount_granted="7",
                instalments=[InstalmentForm("1.3.2026", "7", "1.3.2026", "7")],
                obligations=[ObligationForm(ReportKind.FINAL_REPORT, "1.6.2026")],
            )
        ],
    )
    archive_project(db, gone)
    return stea, city


def test_fundings_of_the_year_and_their_sums(db: Database) -> None:
    stea, city = _scenario(db)
    year = projects_year(db, 2026)
    assert sorted((f.project_fi, f.instrument) for f in year.fundings) == [
        ("Kohtaamispaikka", FundingInstrument.STEA_AK),
        ("Pilotti", FundingInstrument.MUNICIPAL_ONE_OFF),
        ("Pilotti", FundingInstrument.OTHER),
    ]
    assert year.amount_applied == D("106000.00")
    assert year.amount_granted == D("81000.00")
    assert year.own_contribution == D("500.00")
    overview = year_overview(db, 2026, date(2026, 6, 1))
    assert (year.amount_applied, year.amount_granted) == (overview.amount_applied, overview.amount_granted)
    ak = next(f for f in year.fundings if f.instrument == FundingInstrument.STEA_AK)
    assert ak.paid == D("39500.00") and ak.decided and ak.project_name("sv") == "Mötesplats"
    pilot = next(f for f in year.fundings if f.instrument == FundingInstrument.MUNICIPAL_ONE_OFF)
    assert not pilot.decided and pilot.amount_granted == D("0.00")
    assert pilot.funder_name("sv") == "Vasa stad" and pilot.project_name("sv") == "Pilotti"


def test_instalments_due_or_paid_in_the_year(db: Database) -> None:
    _scenario(db)
    year = projects_year(db, 2026)
    assert [(i.due_date, i.paid) for i in year.instalments] == [
        (date(2025, 11, 1), True),
        (date(2026, 1, 1), True),
        (date(2026, 2, 1), True),
        (date(2026, 5, 1), True),
        (date(2026, 8, 1), False),
        (date(2026, 11, 1), False),
    ]
    # paid in 2026: 45000 (late) + 20000 + 19500; the one paid in 2025 is not
    assert year.paid_in_year == D("84500.00")
    assert year.expected_in_year == D("40000.00")
    assert projects_year(db, 2025).paid_in_year == D("45000.00")


def test_reporting_deadlines_of_the_year(db: Database) -> None:
    _scenario(db)
    deadlines = projects_year(db, 2026).deadlines
    assert [(d.due_date, d.kind, d.submitted_on) for d in deadlines] == [
        (date(2026, 5, 31), ReportKind.ANNUAL_GRANT_REPORT, date(2026, 5, 28))
    ]
    assert deadlines[0].funding_year == 2025 and deadlines[0].funder_name("fi") == "STEA"
    assert [d.due_date for d in projects_year(db, 2027).deadlines] == [date(2027, 3, 31)]


def test_groupings_match_the_year_overview(db: Database) -> None:
    stea, city = _scenario(db)
    year = projects_year(db, 2026)
    funders = by_funder(year.fundings)
    assert [f.funder_id for f in funders] == [stea, None, city]  # largest granted first
    assert funders[0].amount_granted == D("80000.00") and funders[0].paid == D("39500.00")
    overview = year_overview(db, 2026, date(2026, 6, 1))
    expected = {t.key: (t.amount_applied, t.amount_granted) for t in overview.by_funder}
    assert {str(f.funder_id or ""): (f.amount_applied, f.amount_granted) for f in funders} == expected
    instruments = by_instrument(year.fundings)
    assert [t.instrument for t in instruments] == [
        FundingInstrument.STEA_AK,
        FundingInstrument.MUNICIPAL_ONE_OFF,
        FundingInstrument.OTHER,
    ]
    assert sum(t.fundings for t in instruments) == len(year.fundings)
    assert sum((t.amount_granted for t in instruments), D(0)) == year.amount_granted


def test_an_empty_year(db: Database) -> None:
    year = projects_year(db, 2026)
    assert year.fundings == year.instalments == year.deadlines == ()
    assert year.amount_granted == year.paid_in_year == year.expected_in_year == D("0.00")
    assert by_funder(year.fundings) == [] and by_instrument(year.fundings) == []
