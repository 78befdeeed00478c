"""The projects and funding PDF on the demo data, in Finnish and Swedish, hostile and long."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from babel.numbers import format_currency

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import LABELS, FundingInstrument, ProjectStatus, ReportKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, InstalmentForm, ObligationForm, ProjectForm
from jarjestokeskus.reports import projects as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.funding import year_overview
from jarjestokeskus.services.projects.register import save_project
from jarjestokeskus.services.projects.report_data import by_funder, projects_year
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}
YEAR = 2025


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("projects"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, **options: object) -> bytes:
    out = BytesIO()
    report.build_projects(db, language, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def squeezed(text: str) -> str:
    return "".join(text.split())


def euros(value: Decimal, language: str) -> str:
    return flat(format_currency(value, "EUR", locale=LOCALES[language]))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_demo_year_in_both_languages(demo: Database, language: str) -> None:
    calls: list[tuple[int, int]] = []
    pdf = build(demo, language, year=YEAR, progress=lambda d, n: calls.append((d, n)))
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    assert flat(t(report.TITLE).format(year=YEAR)) in pages[0]
    for source in (report.SUMMARY, report.CHART, report.BY_FUNDER, report.BY_INSTRUMENT, report.GRANTED):
        assert flat(t(source)) in text
    for source in (report.INSTALMENTS, report.DEADLINES, report.PAID_IN_YEAR):
        assert flat(t(source).format(year=YEAR)) in text
    # the totals are the services' own, and agree with the funding overview of the year
    data = projects_year(demo, YEAR)
    overview = year_overview(demo, YEAR, date(YEAR, 6, 1))
    assert data.amount_granted == overview.amount_granted > 0
    assert data.amount_applied == overview.amount_applied
    for label, amount in (
        (report.APPLIED, data.amount_applied),
        (report.GRANTED, data.amount_granted),
        (report.OWN_CONTRIBUTION, data.own_contribution),
    ):
        assert f"{flat(t(label))} {euros(amount, language)}" in text
    assert f"{flat(t(report.PAID_IN_YEAR).format(year=YEAR))} {euros(data.paid_in_year, language)}" in text
    assert data.paid_in_year > 0 and data.instalments and data.deadlines
    for group in by_funder(data.fundings):
        assert squeezed(group.name(language)) in squeezed(text)
        assert (
            f"{flat(t(report.TOTAL))} {euros(group.amount_applied, language)} "
            f"{euros(group.amount_granted, language)} {euros(group.paid, language)}"
        ) in text
    # a name longer than its column breaks inside a word, so names are compared without spaces
    for line in data.fundings:
        assert squeezed(line.project_name(language)) in squeezed(text)
        assert flat(t(LABELS["FundingInstrument"][line.instrument.value])) in text
    for deadline in data.deadlines:
        assert flat(t(LABELS["ReportKind"][deadline.kind.value])) in text
    if language == "sv":
        assert "Föreningscenter Österbotten" in text and "Järjestökeskus Pohjanmaa" not in text
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]
    assert calls[-1] == (3, 3)


def test_the_year_defaults_to_this_year(demo: Database) -> None:
    text = pdf_text(build(demo, "fi"))
    assert flat(i18n.catalog("fi").gettext(report.TITLE).format(year=date.today().year)) in text


def test_an_empty_year(db: Database) -> None:
    text = pdf_text(build(db, "sv", year=2030))
    t = i18n.catalog("sv").gettext
    assert flat(t(report.NO_FUNDINGS).format(year=2030)) in text
    assert flat(t(report.NO_INSTALMENTS).format(year=2030)) in text
    assert flat(t(report.NO_DEADLINES).format(year=2030)) in text


def _hostile_project(db: Database, funder: uuid.UUID | None, name: str, number: str = "") -> None:
    funding = FundingForm(
        FundingInstrument.STEA_C,
        funder,
        "2026",
        "1000",
        decision_number=number,
        amount_granted="900",
        instalments=[InstalmentForm("1.3.2026", "900", "2.3.2026", "900")],
        obligations=[ObligationForm(ReportKind.FINAL_REPORT, "31.5.2026")],
    )
    save_project(db, ProjectForm(name_fi=name, status=ProjectStatus.RUNNING, fundings=[funding]))


def test_hostile_names_print_as_typed(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi=HOSTILE, name_sv="Hem & <hus>"), is_home=True)
    funder = save_organisation(db, OrganisationForm(name_fi=f"{HOSTILE}säätiö")).id
    _hostile_project(db, funder, f"Hanke {HOSTILE}", number="<i>&</i>")
    _hostile_project(db, None, "Ilman rahoittajaa")
    fi = pdf_text(build(db, "fi", year=2026))
    assert f"{HOSTILE}säätiö" in fi and f"Hanke {HOSTILE}" in fi and "<i>&</i>" in fi
    assert flat(i18n.catalog("fi").gettext(report.NO_FUNDER)) in fi
    sv = pdf_text(build(db, "sv", year=2026))
    assert "Hem & <hus>" in sv and f"Hanke {HOSTILE}" in sv


def test_a_long_table_repeats_its_header(db: Database) -> None:
    funder = save_organisation(db, OrganisationForm(name_fi="STEA")).id
    for number in range(45):
        _hostile_project(db, funder, f"Hanke numero {number:02d} jolla on pitkä nimi")
    pages = pdf_pages(build(db, "sv", year=2026))
    t = i18n.catalog("sv").gettext
    header = flat(" ".join(t(h) for h in (report.PROJECT, report.INSTRUMENT, report.DECISION)))
    with_header = [page for page in pages if header in page]
    assert len(with_header) >= 2
    assert "Hanke numero 00" in pages[0] and "Hanke numero 44" in " ".join(pages[1:])
