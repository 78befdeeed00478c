"""The annual overview on the demo data in Finnish and Swedish: key figures against the services'
own totals, charts, an empty year and database, and hostile names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from sqlalchemy import select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation, Project
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.enums import LABELS
from jarjestokeskus.reports import annual as report
from jarjestokeskus.reports.annual import tables as annual_tables
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.agreements.followup import in_kind_totals
from jarjestokeskus.services.agreements.report_data import agreements_in_force
from jarjestokeskus.services.annual_report_data import annual_figures
from jarjestokeskus.services.organisations.report_data import count_members
from jarjestokeskus.services.projects.funding import year_overview
from jarjestokeskus.services.staff.statistics import staff_statistics
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"
YEAR = 2026
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("annual"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, **options: object) -> bytes:
    out = BytesIO()
    report.build_annual(db, language, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_key_figures_match_the_services(demo: Database, language: str) -> None:
    calls: list[tuple[int, int]] = []
    pages = pdf_pages(
        build(demo, language, year=YEAR, today=TODAY, progress=lambda d, n: calls.append((d, n)))
    )
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    number = lambda n: flat(i18n.format_number(n, language))  # noqa: E731
    money = lambda v: flat(i18n.format_money(v, language))  # noqa: E731
    assert calls[-1] == (3, 3)
    assert flat(t(report.HEADING).format(year=YEAR)) in pages[0]
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]

    def figure(label: str, value: str) -> None:
        assert f"{flat(label)} {value}" in text

    organisations, persons = count_members(demo, min(TODAY, date(YEAR, 12, 31)))
    on = i18n.format_date(min(TODAY, date(YEAR, 12, 31)), language)
    figure(t(report.MEMBER_ORGANISATIONS).format(date=on), number(organisations))
    figure(t(report.MEMBERS_OF_MEMBERS), number(persons))
    overview = year_overview(demo, YEAR, TODAY)
    assert overview.amount_granted > 0
    figure(t(report.APPLIED_FOR).format(year=YEAR), money(overview.amount_applied))
    figure(t(report.GRANTED_FOR).format(year=YEAR), money(overview.amount_granted))
    staff = staff_statistics(demo, YEAR)
    assert staff.persons > 0
    figure(t(report.STAFF_PERSONS).format(year=YEAR), number(staff.persons))
    locale = {"fi": "fi_FI", "sv": "sv_FI"}[language]
    two = lambda v: flat(format_decimal(v, format="#,##0.00", locale=locale))  # noqa: E731
    figure(t(report.PERSON_YEARS), two(staff.person_years))
    figure(t(report.PLACED), number(staff.long_term_unemployed_placed))
    in_force = agreements_in_force(demo, YEAR)
    figure(t(report.AGREEMENTS_COUNT).format(year=YEAR), number(len(in_force)))
    rows = in_kind_totals(demo, YEAR)
    received = sum((r.amount for r in rows if r.direction == InKindDirection.RECEIVED), Decimal(0))
    given = sum((r.amount for r in rows if r.direction == InKindDirection.GIVEN), Decimal(0))
    assert received > 0 and given > 0
    figure(t(report.IN_KIND_RECEIVED), money(received))
    figure(t(report.IN_KIND_GIVEN), money(given))
    figures = annual_figures(demo, YEAR, TODAY)
    figure(t(report.PROJECTS_COUNT).format(year=YEAR), number(len(figures.projects)))
    for project in figures.projects:
        assert flat(project.name(language)) in text
    # Staff table rows and chart labels, grant tables and chart headings
    for scheme in staff.schemes:
        label = t(LABELS["EmploymentScheme"][scheme.scheme.value])
        figure(label, f"{number(scheme.persons)} {two(scheme.person_years)}")
    figure(t(report.TOTAL), f"{number(staff.persons)} {two(staff.person_years)}")
    for source in (report.GRANTS, report.BY_FUNDER, report.PROJECTS, report.STAFF, report.AGREEMENTS):
        assert flat(t(source).format(year=YEAR)) in text
    assert flat(t(report.TREND).format(first=YEAR - 4, last=YEAR)) in text
    for funder in overview.by_funder:
        assert f"{flat(funder.name(language))} {money(funder.amount_granted)}" in text
    for instrument in overview.by_instrument:
        assert flat(t(LABELS["FundingInstrument"][instrument.key])) in text  # the chart's labels


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_year_without_grants(demo: Database, language: str) -> None:
    text = pdf_text(build(demo, language, year=2010, today=TODAY))
    t = i18n.catalog(language).gettext
    assert flat(t(annual_tables.NO_GRANTS).format(year=2010)) in text
    assert flat(t(report.NO_PROJECTS).format(year=2010)) in text


def test_default_year_and_empty_database(db: Database) -> None:
    text = pdf_text(build(db, "sv"))
    t = i18n.catalog("sv").gettext
    assert flat(t(report.HEADING).format(year=date.today().year)) in text
    assert flat(t(report.MEMBER_ORGANISATIONS).format(date=i18n.format_date(date.today(), "sv"))) in text


def test_hostile_names_print_as_typed(tmp_path: Path, migrated_template: Path) -> None:
    db = demo_database(tmp_path, migrated_template)
    try:
        chosen = annual_figures(db, YEAR, TODAY).projects[0].id
        with db.transaction() as session:
            project = session.get(Project, chosen)
            assert project is not None
            project.name_fi = project.name_sv = HOSTILE + " hanke"
            home = session.scalars(select(Organisation).where(Organisation.is_home)).one()
            home.name_fi = home.name_sv = HOSTILE + " ry"
        for language in ("fi", "sv"):
            text = pdf_text(build(db, language, year=YEAR, today=TODAY))
            assert HOSTILE + " ry" in text
            assert HOSTILE + " hanke" in text
    finally:
        db.close()
