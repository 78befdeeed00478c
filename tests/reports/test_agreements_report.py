"""The agreements report on the demo data, in Finnish and Swedish, and with hostile names."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, MonitoringForm, PartyForm
from jarjestokeskus.domain.enums import (
    LABELS,
    AgreementKind,
    AgreementStatus,
    MonitoringStatus,
    OrganisationKind,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import agreements as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.agreements.followup import add_monitoring_entry, in_kind_totals
from jarjestokeskus.services.agreements.register import save_agreement
from jarjestokeskus.services.agreements.report_data import agreement_report, find_counterparty
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.organisations.report_data import home_names
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("agreements"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, counterparty_id: uuid.UUID, **options: object) -> bytes:
    out = BytesIO()
    report.build_agreements(db, language, out, counterparty_id=counterparty_id, **options)  # type: ignore[arg-type]
    return out.getvalue()


def city(db: Database) -> uuid.UUID:
    found = find_counterparty(db, "Vaasan kaupunki")
    assert found is not None
    return found


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_agreements_with_the_city(demo: Database, language: str) -> None:
    year = 2026
    calls: list[tuple[int, int]] = []
    pdf = build(demo, language, city(demo), year=year, progress=lambda d, n: calls.append((d, n)))
    assert pdf.startswith(b"%PDF") and calls[-1] == (3, 3)
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    money = lambda v: flat(i18n.format_money(v, language))  # noqa: E731
    data = agreement_report(demo, city(demo), year)
    assert flat(t(report.HEADING).format(counterparty=data.counterparty(language))) in text
    assert flat(t(report.IN_YEAR).format(year=year)) in text
    for source in (report.SUMMARY, report.OUR_COMMITMENT, report.THEIR_COMMITMENT):
        assert flat(t(source)) in text
    assert flat(t(report.GOAL_STATUSES_ON).format(date=f"31.12.{year}")) in text
    home_fi, home_sv = home_names(demo)
    assert (home_sv if language == "sv" else home_fi) in pages[0]
    assert len(data.agreements) >= 5
    for agreement in data.agreements:
        assert flat(agreement.title(language)) in text
        for goal in agreement.goals:
            assert flat(goal.title(language)) in text
            if goal.latest:
                status = t(LABELS["MonitoringStatus"][goal.latest.status.value])
                latest = t(report.LATEST_VALUE).format(
                    date=i18n.format_date(goal.latest.entry_date, language), status=status
                )
                assert flat(latest) in text
    # The in-kind value is what the follow-up's totals say the city gave in the year.
    city_in_kind = sum(r.amount for r in in_kind_totals(demo, year) if r.organisation_id == city(demo))
    assert city_in_kind > 0 and data.in_kind_total == city_in_kind
    total = t(report.IN_KIND_TOTAL).format(year=year, amount=i18n.format_money(city_in_kind, language))
    assert flat(total) in text
    assert money(city_in_kind) in text
    goals = sum(len(a.goals) for a in data.agreements)
    assert goals > 0 and f"{flat(t(report.TOTAL))} {goals}" in text
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_without_a_year_all_agreements_are_listed(demo: Database, language: str) -> None:
    text = pdf_text(build(demo, language, city(demo)))
    t = i18n.catalog(language).gettext
    assert flat(t(report.ALL)) in text
    data = agreement_report(demo, city(demo))
    expired = [a for a in data.agreements if a.detail.status == AgreementStatus.EXPIRED]
    assert expired and flat(expired[0].title(language)) in text
    assert flat(t(report.IN_KIND_HEADING).format(year=date.today().year)) in text
    in_2018 = pdf_text(build(demo, language, city(demo), year=2018))
    assert flat(t(report.IN_YEAR).format(year=2018)) in in_2018
    assert flat(t(report.NO_IN_KIND)) in in_2018
    newest = [a for a in data.agreements if a.detail.valid_from and a.detail.valid_from.year >= 2024]
    assert newest and flat(newest[0].title(language)) not in in_2018


def test_hostile_names_print_as_typed(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi=HOSTILE + " ry", name_sv="Hem & <hus> rf"), is_home=True)
    home = save_organisation(db, OrganisationForm(name_fi="Toinen ry")).id
    other = save_organisation(
        db, OrganisationForm(name_fi=HOSTILE + " kaupunki", name_sv="", kind=OrganisationKind.MUNICIPALITY)
    ).id
    detail = save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.PREMISES,
            title_fi=HOSTILE + " sopimus",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2026",
            valid_to="31.12.2026",
            description="a < b & c > d",
            premises_address="<i>Katu</i> 1",
            premises_municipality_code="499",  # Mustasaari, Korsholm in Swedish
            premises_free_of_charge=True,
            premises_estimated_value="1000",
            parties=[PartyForm(other, "<vastapuoli>"), PartyForm(home, "&")],
            goals=[GoalForm(title_fi=HOSTILE + " tavoite", our_commitment="'x' & \"y\"")],
        ),
    )
    add_monitoring_entry(
        db,
        MonitoringForm(detail.goals[0].id, "1.6.2026", MonitoringStatus.ON_TRACK, "<br/>"),
        today=date(2026, 7, 1),
    )
    for language in ("fi", "sv"):
        text = pdf_text(build(db, language, other, year=2026))
        for typed in (HOSTILE + " kaupunki", HOSTILE + " sopimus", HOSTILE + " tavoite", "a < b & c > d"):
            assert typed in text
        place = {"fi": "Mustasaari", "sv": "Korsholm"}[language]
        assert flat(i18n.catalog(language).gettext(report.PREMISES_MUNICIPALITY)) + " " + place in flat(text)
        assert "<i>Katu</i> 1" in text and "'x' & \"y\"" in text and "<br/>" in text
        assert "(<vastapuoli>)" in text
        assert flat(i18n.format_money(1000, language)) in text
    assert "Hem & <hus> rf" in pdf_text(build(db, "sv", other))


def test_counterparty_without_agreements_and_unknown_one(db: Database) -> None:
    lonely = save_organisation(db, OrganisationForm(name_fi="Yksin ry")).id
    text = pdf_text(build(db, "sv", lonely))
    assert flat(i18n.catalog("sv").gettext(report.NONE)) in text
    with pytest.raises(RecordNotFound):
        build(db, "fi", uuid.uuid4())
