"""The start page's charts and members by municipality read in plain SQL: the same figures from a
file read with sqlite3 alone as through SQLAlchemy, on the demo database with the edges added
(archived and erased persons, fundings without a funder, more funders than get a series, agreements
starting within and after the year ahead, municipality texts naming none, Swedish names); and
importing them loads no SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.plain import PlainDatabase, open_for_reading
from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import (
    AgreementStatus,
    EmploymentScheme,
    FundingInstrument,
    MembershipStatus,
    OrganisationKind,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ProjectForm
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.deadlines import deadlines, key_figures
from jarjestokeskus.services.municipalities import MunicipalityCount, members_by_municipality
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    home_organisation,
    save_organisation,
)
from jarjestokeskus.services.person_data import erase_person
from jarjestokeskus.services.projects.register import save_project
from jarjestokeskus.services.staff.employment import archive_person, save_person
from jarjestokeskus.services.start_charts import TOP_FUNDERS, start_charts
from jarjestokeskus.services.start_page import read_start_page
from tests.reports.pdf_text import demo_database

TODAY = date(2026, 11, 23)
T = TypeVar("T")


def organisation(
    db: Database, name_fi: str, name_sv: str = "", municipality: str = "", member: bool = False
) -> uuid.UUID:
    form = OrganisationForm(
        name_fi=name_fi,
        name_sv=name_sv,
        kind=OrganisationKind.ASSOCIATION,
        municipality=municipality,
        membership_status=MembershipStatus.MEMBER if member else MembershipStatus.NOT_MEMBER,
    )
    return save_organisation(db, form, today=TODAY).id


def add_edges(db: Database) -> None:
    """The demo's register with the rows the reads must leave out or treat apart."""
    # Funders: more than get a series of their own (the demo has three), one with Swedish names.
    funders = [organisation(db, f"Säätiö {n}", f"Stiftelsen {n}") for n in range(TOP_FUNDERS)]
    for rank, funder in enumerate(funders):
        funding = FundingForm(
            FundingInstrument.MUNICIPAL_ONE_OFF,
            funder_id=funder,
            year="2025",
            amount_granted=f"{100 + rank},35",
        )
        save_project(db, ProjectForm(name_fi=f"Hanke {rank}", fundings=[funding]))
    anonymous = FundingForm(FundingInstrument.MUNICIPAL_ONE_OFF, year="2024", amount_granted="0,10")
    save_project(db, ProjectForm(name_fi="Ilman rahoittajaa", fundings=[anonymous]))

    def staff(name: str, scheme: EmploymentScheme, start: str, end: str = "") -> uuid.UUID:
        form = PersonForm(name, "Testinen", employments=[EmploymentForm(scheme, "", start, end)])
        return save_person(db, form, accept_warnings=True).id

    # Schemes nobody of the demo's staff has today: what counts is plain to see.
    staff("Aktiivinen", EmploymentScheme.STUDENT_INTERNSHIP, "1.1.2026")
    archive_person(db, staff("Arkistoitu", EmploymentScheme.STUDENT_INTERNSHIP, "1.1.2026"))
    erase_person(db, staff("Poistettu", EmploymentScheme.OTHER, "1.1.2026", "31.12.2026"))

    home = home_organisation(db)
    assert home is not None
    swedish = organisation(db, "", "Svenska föreningen", "Korsholm", member=True)

    def agreement(title: str, status: AgreementStatus, start: str) -> None:
        parties = [PartyForm(home.id), PartyForm(swedish)]
        form = AgreementForm(
            title_fi=title, title_sv=f"{title} sv", status=status, valid_from=start, parties=parties
        )
        save_agreement(db, form)

    agreement("Kohta alkava", AgreementStatus.NEGOTIATING, "1.3.2027")  # within the year ahead
    agreement("Liian kaukana", AgreementStatus.DRAFT, "24.11.2027")  # a day after it
    agreement("Voimassa ruotsiksi", AgreementStatus.IN_FORCE, "1.1.2026")

    # Members by municipality: both names of one municipality, texts naming none, and the
    # organisations that are not counted.
    organisation(db, "Mustasaaren yhdistys", municipality="mustasaari", member=True)
    organisation(db, "Kuvitteellinen", municipality="  Ei kunta ", member=True)
    organisation(db, "Toinen kuvitteellinen", municipality="Ei kunta", member=True)
    organisation(db, "Ei jäsen", municipality="Korsholm")
    archive_organisation(db, organisation(db, "Arkistoitu jäsen", municipality="Korsholm", member=True))


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):  # type: ignore[no-untyped-def]
    db = demo_database(tmp_path_factory.mktemp("rich"), migrated_template)
    add_edges(db)
    yield db
    db.close()


def sqlite_alone(db: Database, read: Callable[[PlainDatabase], T]) -> T:
    """What `read` gives on the same file opened with sqlite3 alone (db.plain)."""
    assert db.path is not None
    reading = open_for_reading(db.path)
    try:
        return read(reading)
    finally:
        reading.close()


@pytest.mark.sqlite_only
def test_the_charts_are_the_same_read_with_sqlite_alone(rich: Database) -> None:
    charts = start_charts(rich, TODAY)
    assert sqlite_alone(rich, lambda reading: start_charts(reading, TODAY)) == charts
    # The scenario reaches the edges: "other" sums the smallest funders and the one without.
    assert len(charts.funding.series) == TOP_FUNDERS + 1 and charts.funding.series[-1].is_other
    assert charts.funding.series[-1].amounts[2] == Decimal("0.10")
    # Values typed as the ORM typed them, whatever the driver gives (SQLite: text for ids and days).
    assert all(isinstance(s.funder_id, uuid.UUID) for s in charts.funding.series[:-1])
    assert all(isinstance(amount, Decimal) for s in charts.funding.series for amount in s.amounts)
    assert all(isinstance(a.id, uuid.UUID) and isinstance(a.valid_from, date) for a in charts.agreements)
    assert {type(a.valid_to) for a in charts.agreements} == {date, type(None)}
    titles = [a.title_fi for a in charts.agreements]
    assert "Kohta alkava" in titles and "Liian kaukana" not in titles
    swedish = next(a for a in charts.agreements if a.title_fi == "Voimassa ruotsiksi")
    assert swedish.counterparty("fi") == "Svenska föreningen" and swedish.valid_from == date(2026, 1, 1)


def test_the_staff_leave_out_archived_and_erased_persons(rich: Database) -> None:
    staff = dict(start_charts(rich, TODAY).staff_by_scheme)
    assert staff[EmploymentScheme.STUDENT_INTERNSHIP] == 1  # the live person, not the archived one
    assert EmploymentScheme.OTHER not in staff  # the erased person's period stays, uncounted
    assert staff[EmploymentScheme.PAY_SUBSIDY] == 2  # the demo's


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_members_by_municipality_are_the_same_read_with_sqlite_alone(rich: Database, language: str) -> None:
    counted = members_by_municipality(rich, language)
    assert sqlite_alone(rich, lambda reading: members_by_municipality(reading, language)) == counted
    assert MunicipalityCount("Ei kunta", 2, False) in counted


def test_members_by_municipality(db: Database) -> None:
    """By either name of a municipality, texts naming none as typed; not the home organisation,
    archived ones or those that are not members. Most first, then by name."""
    home = OrganisationForm(
        name_fi="Koti ry", municipality="Vaasa", membership_status=MembershipStatus.MEMBER
    )
    save_organisation(db, home, is_home=True, today=TODAY)
    organisation(db, "A", municipality="Korsholm", member=True)
    organisation(db, "B", municipality="MUSTASAARI", member=True)
    organisation(db, "C", municipality="Vasa", member=True)
    organisation(db, "D", municipality="  Ei kunta ", member=True)
    organisation(db, "E", municipality="Ei kunta", member=True)
    organisation(db, "F", municipality="Vaasa")  # not a member
    archive_organisation(db, organisation(db, "G", municipality="Vaasa", member=True))
    assert members_by_municipality(db, "fi") == [
        MunicipalityCount("Ei kunta", 2, False),
        MunicipalityCount("Mustasaari", 2, True),
        MunicipalityCount("Vaasa", 1, True),
    ]
    assert members_by_municipality(db, "sv") == [
        MunicipalityCount("Ei kunta", 2, False),
        MunicipalityCount("Korsholm", 2, True),
        MunicipalityCount("Vasa", 1, True),
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_start_page_reads_what_each_read_gives(rich: Database, language: str) -> None:
    """Read together, its members are those of the key figures' own count (summed by municipality)."""
    read = read_start_page(rich, TODAY, 45, language)
    assert read.figures == key_figures(rich, TODAY) and read.figures.members > 0
    assert read.places == members_by_municipality(rich, language)
    assert read.charts == start_charts(rich, TODAY)
    assert read.deadlines == deadlines(rich, TODAY, 45, year_clock=True)


def test_importing_the_reads_loads_no_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import jarjestokeskus.services.start_page, jarjestokeskus.ui.start.page\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'"
        " or m.startswith(('jarjestokeskus.db.models', 'jarjestokeskus.db.engine'))))"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert found.stdout.strip() == "[]"
