"""The start page's chart figures: against the demo scenario and against hand-made data at the edges
(archived records left out, year boundaries, top funders and "other", agreements starting within a year)."""

from __future__ import annotations

import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import (
    AgreementKind,
    AgreementStatus,
    EmploymentScheme,
    FundingInstrument,
    MembershipStatus,
    OrganisationKind,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ProjectForm
from jarjestokeskus.services.agreements.register import archive_agreement
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.deadlines import key_figures
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import archive_project, save_project
from jarjestokeskus.services.staff.employment import archive_person, save_person
from jarjestokeskus.services.start_charts import TOP_FUNDERS, start_charts
from tests.reports.pdf_text import demo_database

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):  # type: ignore[no-untyped-def]
    db = demo_database(tmp_path_factory.mktemp("demo"), migrated_template)
    yield db
    db.close()


def organisation(db: Database, name: str, abbreviation: str = "", home: bool = False) -> uuid.UUID:
    form = OrganisationForm(
        name_fi=name,
        name_sv=f"{name} sv",
        abbreviation=abbreviation,
        kind=OrganisationKind.MUNICIPALITY,
        membership_status=MembershipStatus.MEMBER if home else MembershipStatus.NOT_MEMBER,
    )
    return save_organisation(db, form, is_home=home, today=TODAY).id


def grant(db: Database, funder: uuid.UUID | None, year: int, amount: str, name: str = "Hanke") -> uuid.UUID:
    funding = FundingForm(
        FundingInstrument.MUNICIPAL_ONE_OFF, funder_id=funder, year=str(year), amount_granted=amount
    )
    return save_project(db, ProjectForm(name_fi=name, fundings=[funding])).id


def test_demo_figures(demo: Database) -> None:
    charts = start_charts(demo, TODAY)
    funding = charts.funding
    assert funding.years == (2022, 2023, 2024, 2025, 2026)
    assert [s.short_name("fi") for s in funding.series] == [
        "STEA",
        "Etelä-Pohjanmaan elinvoimakeskus",
        "Vaasan kaupunki",
    ]
    assert funding.series[0].amounts == tuple(
        Decimal(a) for a in ("0", "246000", "182000", "482000", "176000")
    )
    assert funding.series[2].name("sv") == "Vasa stad"
    assert [funding.total(i) for i in range(5)] == [
        Decimal(a) for a in ("0", "246000", "794000", "530000", "228000")
    ]
    assert not any(s.is_other for s in funding.series)
    # The 2026 total is the key figure "granted for 2026" (the 2027 decisions are not yet in).
    assert funding.total(4) == key_figures(demo, TODAY).granted_this_year
    assert dict(charts.staff_by_scheme)[EmploymentScheme.PAY_SUBSIDY] == 2
    titles = [a.title_fi for a in charts.agreements]
    assert len(titles) == 12
    assert titles[-1] == "Hankesopimus: Vapaaehtoisena Pohjanmaalla II"  # a draft starting 1.1.2027
    assert charts.agreements[-1].status is AgreementStatus.DRAFT
    assert not any("2017–2019" in t for t in titles)  # expired
    oral = next(a for a in charts.agreements if a.kind is AgreementKind.ORAL)
    assert oral.valid_to is None
    assert oral.counterparty("sv") == "Vasa svenska församling"
    starts = [a.valid_from for a in charts.agreements]
    assert starts == sorted(starts)


def test_demo_is_fast(demo: Database) -> None:
    start_charts(demo, TODAY)
    began = time.perf_counter()
    for _ in range(10):
        start_charts(demo, TODAY)
    assert (time.perf_counter() - began) / 10 < 0.25


def test_funding_years_and_archived(db: Database) -> None:
    city = organisation(db, "Kaupunki")
    grant(db, city, 2021, "500")  # before the five years
    grant(db, city, 2022, "100")  # the first of them
    grant(db, city, 2026, "200,50")
    grant(db, city, 2027, "300")  # next year's decision
    gone = grant(db, city, 2026, "999", "Arkistoitu")
    archive_project(db, gone)
    save_project(db, ProjectForm(name_fi="Haettu", fundings=[FundingForm(funder_id=city, year="2026")]))
    funding = start_charts(db, TODAY).funding
    assert funding.years == (2022, 2023, 2024, 2025, 2026)
    assert len(funding.series) == 1
    assert funding.series[0].amounts == (Decimal("100"), 0, 0, 0, Decimal("200.50"))
    # On New Year's Day the window moves on: 2022 leaves, 2027 comes.
    moved = start_charts(db, date(2027, 1, 1)).funding
    assert moved.years == (2023, 2024, 2025, 2026, 2027)
    assert moved.series[0].amounts == (0, 0, 0, Decimal("200.50"), Decimal("300"))


def test_top_funders_and_other(db: Database) -> None:
    funders = [organisation(db, f"Rahoittaja {i}", abbreviation=f"R{i}") for i in range(TOP_FUNDERS + 2)]
    for rank, funder in enumerate(funders):
        grant(db, funder, 2025, str(1000 - rank * 100))
    grant(db, None, 2024, "7")  # no funder named
    funding = start_charts(db, TODAY).funding
    assert [s.short_name("fi") for s in funding.series] == [f"R{i}" for i in range(TOP_FUNDERS)] + [""]
    other = funding.series[-1]
    assert other.is_other
    assert other.amounts[2] == Decimal("7")
    assert other.amounts[3] == Decimal(1000 - TOP_FUNDERS * 100) + Decimal(1000 - (TOP_FUNDERS + 1) * 100)


def test_empty_database(db: Database) -> None:
    charts = start_charts(db, TODAY)
    assert charts.funding.empty
    assert charts.funding.series == ()
    assert charts.staff_by_scheme == ()
    assert charts.agreements == ()


def test_staff_running_today_only(db: Database) -> None:
    organisation(db, "Koti ry", home=True)

    def person(name: str, scheme: EmploymentScheme, start: str, end: str = "") -> uuid.UUID:
        form = PersonForm(name, name, employments=[EmploymentForm(scheme, "", start, end)])
        return save_person(db, form, accept_warnings=True).id

    person("A", EmploymentScheme.PERMANENT, "1.1.2020")
    person("B", EmploymentScheme.PAY_SUBSIDY, "1.6.2026", "23.11.2026")  # ends today: counts
    person("C", EmploymentScheme.PAY_SUBSIDY, "1.1.2026", "22.11.2026")  # ended yesterday
    person("D", EmploymentScheme.PAY_SUBSIDY, "24.11.2026", "31.12.2026")  # starts tomorrow
    archive_person(db, person("E", EmploymentScheme.PERMANENT, "1.1.2020"))
    assert start_charts(db, TODAY).staff_by_scheme == (
        (EmploymentScheme.PERMANENT, 1),
        (EmploymentScheme.PAY_SUBSIDY, 1),
    )


def test_agreements_in_force_or_starting_within_a_year(db: Database) -> None:
    home = organisation(db, "Koti ry", home=True)
    city = organisation(db, "Kaupunki")

    def agreement(title: str, status: AgreementStatus, start: str, end: str = "") -> uuid.UUID:
        parties = [PartyForm(home), PartyForm(city)]
        form = AgreementForm(title_fi=title, status=status, valid_from=start, valid_to=end, parties=parties)
        return save_agreement(db, form).id

    agreement("Voimassa", AgreementStatus.IN_FORCE, "1.1.2025", "31.12.2026")
    agreement("Neuvottelussa", AgreementStatus.NEGOTIATING, "23.11.2027")  # a year from today: shown
    agreement("Liian kaukana", AgreementStatus.DRAFT, "24.11.2027")  # a day too late
    agreement("Luonnos nyt", AgreementStatus.DRAFT, "1.1.2026")  # started already, never in force
    agreement("Päättynyt", AgreementStatus.EXPIRED, "1.1.2020", "31.12.2022")
    agreement("Irtisanottu", AgreementStatus.TERMINATED, "1.1.2027")
    archive_agreement(db, agreement("Arkistoitu", AgreementStatus.IN_FORCE, "1.1.2025"))
    rows = start_charts(db, TODAY).agreements
    assert [r.title_fi for r in rows] == ["Voimassa", "Neuvottelussa"]
    assert rows[0].counterparties == (("Kaupunki", "Kaupunki sv"),)  # the home organisation left out
    assert rows[0].counterparty("sv") == "Kaupunki sv"
