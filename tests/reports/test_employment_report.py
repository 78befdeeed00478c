"""The staff and schemes PDF on the demo data: figures, without names, hostile and long."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from babel.numbers import format_decimal

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import LABELS, EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import employment as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.demo.scenario import load_scenario
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import erase_person
from jarjestokeskus.services.staff.employment import save_person
from jarjestokeskus.services.staff.report_data import employment_year
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"
YEAR = 2026


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("employment"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, **options: object) -> bytes:
    out = BytesIO()
    report.build_employment(db, language, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def years(value: Decimal, language: str) -> str:
    return flat(format_decimal(value, format="#,##0.00", locale={"fi": "fi_FI", "sv": "sv_FI"}[language]))


def staff_names() -> list[str]:
    return [f"{p['first_name']} {p['last_name']}" for p in load_scenario()["staff"]]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_demo_year_in_both_languages(demo: Database, language: str) -> None:
    calls: list[tuple[int, int]] = []
    pages = pdf_pages(build(demo, language, year=YEAR, progress=lambda d, n: calls.append((d, n))))
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    assert flat(t(report.TITLE).format(year=YEAR)) in pages[0]
    for source in (report.SUMMARY, report.BY_SCHEME, report.BY_PROJECT, report.WORKING_TIME):
        assert flat(t(source)) in text
    for source in (report.OUTCOMES, report.PERIODS, report.ENDED):
        assert flat(t(source).format(year=YEAR)) in text
    data = employment_year(demo, YEAR)
    statistics = data.statistics
    assert statistics.persons > 0 and data.ended and data.projects
    number = lambda n: flat(i18n.format_number(n, language))  # noqa: E731
    assert f"{flat(t(report.PERSONS_IN_YEAR))} {number(statistics.persons)}" in text
    at_end = flat(t(report.PERSONS_AT_END).format(date=i18n.format_date(date(YEAR, 12, 31), language)))
    assert f"{at_end} {number(data.employed_at_year_end)}" in text
    assert f"{flat(t(report.PERSON_YEARS_TOTAL))} {years(statistics.person_years, language)}" in text
    total = f"{flat(t(report.TOTAL))} {number(statistics.persons)} {years(statistics.person_years, language)}"
    assert total in text
    for figures in statistics.schemes:
        label = flat(t(LABELS["EmploymentScheme"][figures.scheme.value]))
        row = f"{number(figures.persons)} {years(figures.person_years, language)}"
        assert label in text and row in text
    assert f"{flat(t(report.TOTAL))} {number(len(data.ended))}" in text  # the periods that have ended
    for name in staff_names()[:5]:
        assert name in text
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]
    assert calls[-1] == (3, 3)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_without_names_prints_no_name(demo: Database, language: str) -> None:
    text = pdf_text(build(demo, language, year=YEAR, without_names=True))
    t = i18n.catalog(language).gettext
    assert flat(t(report.WITHOUT_NAMES)) in text
    assert flat(t(report.BY_SCHEME)) in text
    for name in staff_names():
        first, last = name.split(" ", 1)
        assert first not in text and last not in text
    assert flat(t(report.PERIODS).format(year=YEAR)) not in text


def test_the_year_defaults_to_this_year(demo: Database) -> None:
    text = pdf_text(build(demo, "sv"))
    assert flat(i18n.catalog("sv").gettext(report.TITLE).format(year=date.today().year)) in text


def _home(db: Database, name: str = "Koti ry") -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi=name, name_sv="Hem & <hus>"), is_home=True).id


def _person(db: Database, first: str, last: str, title: str = "", end: str = "30.6.2026") -> uuid.UUID:
    period = EmploymentForm(EmploymentScheme.FIXED_TERM, title, "1.1.2026", end, hours_per_week="30")
    return save_person(db, PersonForm(first, last, employments=[period]), accept_warnings=True).id


def test_hostile_and_erased_names(db: Database) -> None:
    _home(db, HOSTILE)
    _person(db, HOSTILE, "<i>Ö</i>", title="A & <B>")
    erase_person(db, _person(db, "Poistettava", "Henkilö"))
    fi = pdf_text(build(db, "fi", year=YEAR))
    assert f"{HOSTILE} <i>Ö</i>" in fi and "A & <B>" in fi
    assert flat(i18n.catalog("fi").gettext(report.ERASED)) in fi and "Poistettava" not in fi
    assert f"{flat(i18n.format_number(80, 'fi'))} %" in fi  # 30 of 37.5 hours a week
    sv = pdf_text(build(db, "sv", year=YEAR))
    assert "Hem & <hus>" in sv and HOSTILE in sv


def test_a_long_table_repeats_its_header(db: Database) -> None:
    _home(db)
    for number in range(70):
        _person(db, f"Henkilö{number:02d}", "Testinen", title="Ohjaaja", end="")
    pages = pdf_pages(build(db, "sv", year=YEAR))
    t = i18n.catalog("sv").gettext
    header = flat(" ".join(t(h) for h in (report.PERSON, report.SCHEME, report.TITLE_COLUMN, report.PERIOD)))
    assert len([page for page in pages if header in page]) >= 2
    assert "Henkilö00 Testinen" in pages[0] or "Henkilö00 Testinen" in pages[1]
    assert "Henkilö69 Testinen" in pages[-1]


def test_a_year_without_staff(db: Database) -> None:
    _home(db)
    text = pdf_text(build(db, "sv", year=2020))
    assert flat(i18n.catalog("sv").gettext(report.NO_PERIODS).format(year=2020)) in text
