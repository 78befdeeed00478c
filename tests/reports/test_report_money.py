"""Money of a year on the demo scenario: multi-year grants in every year they run, overdue
instalments and late reports marked; the figures computed by hand from the scenario's rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports import annual as annual_report
from jarjestokeskus.reports import projects as projects_report
from jarjestokeskus.services.projects.funding import year_overview
from jarjestokeskus.services.projects.report_data import projects_year
from tests.reports.pdf_text import demo_database, flat, pdf_text
from tests.reports.scenario import day, scenario

TODAY = date(2026, 12, 6)
MULTI_YEAR = ("stea_c", "stea_b", "esf_plus")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("money"), migrated_template)
    yield db
    db.close()


def fundings() -> list[dict]:
    return [f for p in scenario()["projects"] for f in p.get("fundings", [])]


def share(funding: dict, year: int) -> Decimal:
    start, end = day(funding["use_from"]), day(funding["use_until"])
    first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
    days = Decimal((last - first).days + 1)
    return (Decimal(funding["amount_granted"]) * days / Decimal((end - start).days + 1)).quantize(
        Decimal("0.01")
    )


def running(year: int) -> list[dict]:
    return [
        f
        for f in fundings()
        if f["instrument"] in MULTI_YEAR
        and f["year"] < year
        and f.get("amount_granted")  # decided; an application is not running
        and f.get("use_until")
        and day(f["use_from"]).year <= year <= day(f["use_until"]).year
    ]


def money(value: Decimal, language: str) -> str:
    return flat(i18n.format_money(value, language))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_multi_year_grants_count_in_every_year_they_run(demo: Database, language: str) -> None:
    granted = sum(
        Decimal(f["amount_granted"]) for f in fundings() if f["year"] == 2026 and "amount_granted" in f
    )
    grants = running(2026)
    assert granted == Decimal("228000.00")
    assert sorted(f["key"] for f in grants) == ["esf_funding", "together_c"]
    shares = sum(share(f, 2026) for f in grants)
    paid = sum(
        Decimal(i["paid_amount"] or i["amount"])
        for p in scenario()["projects"]
        for f in p.get("fundings", [])
        for i in f.get("instalments", [])
        if (i.get("paid_on") or "").startswith("2026")
    )
    assert paid == Decimal("434600.00") and granted + shares > paid  # the paid sum is no longer above
    out = BytesIO()
    projects_report.build_projects(demo, language, out, year=2026, today=TODAY)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    assert flat(f"{t(projects_report.RUNNING_SHARE).format(year=2026)} {money(shares, language)}") in text
    assert flat(f"{t(projects_report.IN_USE).format(year=2026)} {money(granted + shares, language)}") in text
    for f in grants:
        assert flat(f["decision_number"]) in text and money(share(f, 2026), language) in text
    # The funding overview's data says the same, apart from the year's own grants.
    overview = year_overview(demo, 2026, TODAY)
    assert overview.amount_granted == granted
    assert (overview.running_fundings, overview.running_share) == (len(grants), shares)
    # The undecided application for 2027–2029 is not running in 2028; after 2029 nothing runs.
    assert year_overview(demo, 2028, TODAY).running_fundings == len(running(2028)) == 0
    assert year_overview(demo, 2030, TODAY).running_fundings == 0
    assert projects_year(demo, 2028, TODAY).running == ()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_overdue_instalments_and_late_reports_are_marked(demo: Database, language: str) -> None:
    overdue = [
        (f, i)
        for f in fundings()
        for i in f.get("instalments", [])
        if not i.get("paid_on") and day(i["due_date"]) < TODAY and i["due_date"].startswith("2026")
    ]
    late = [
        r
        for f in fundings()
        for r in f.get("reports", [])
        if r.get("submitted_on") and r["due_date"].startswith("2026") and r["submitted_on"] > r["due_date"]
    ]
    assert [i["due_date"] for _f, i in overdue] == ["2026-11-30"] and len(late) == 1
    out = BytesIO()
    projects_report.build_projects(demo, language, out, year=2026, today=TODAY)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    _f, instalment = overdue[0]
    assert flat("30.11.2026") in text
    after = text.split("30.11.2026", 1)[1]
    assert flat(f"{money(Decimal(instalment['amount']), language)} {t(projects_report.OVERDUE)}") in after
    report = late[0]
    days = (day(report["submitted_on"]) - day(report["due_date"])).days
    submitted = day(report["submitted_on"])
    flagged = t(projects_report.LATE).format(
        date=f"{submitted.day}.{submitted.month}.{submitted.year}", days=days
    )
    assert flat(flagged) in text


def in_kind(year: int, direction: str) -> Decimal:
    """Premises free of charge in `year` prorated by days, received or given, by hand."""
    total = Decimal("0.00")
    length = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    for a in scenario()["agreements"]:
        if not a.get("premises_free_of_charge") or a.get("premises_direction", "received") != direction:
            continue
        start = max(day(a.get("valid_from")) or date(year, 1, 1), date(year, 1, 1))
        end = min(day(a.get("valid_to")) or date(year, 12, 31), date(year, 12, 31))
        days = max(0, (end - start).days + 1)
        total += (Decimal(a["premises_estimated_value"]) * days / length).quantize(Decimal("0.01"))
    return total


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_in_kind_support_received_and_given_apart(demo: Database, language: str) -> None:
    received, given = in_kind(2026, "received"), in_kind(2026, "given")
    assert (received, given) == (Decimal("23500.00"), Decimal("2400.00"))  # as the issue says
    out = BytesIO()
    annual_report.build_annual(demo, language, out, year=2026, today=TODAY)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    assert flat(f"{t(annual_report.IN_KIND_RECEIVED)} {money(received, language)}") in text
    assert flat(f"{t(annual_report.IN_KIND_GIVEN)} {money(given, language)}") in text
