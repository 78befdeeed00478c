"""The annual overview as the activity report's appendix, on the demo scenario: grants granted,
in use and paid in the year by funder beside the year before's, the outcomes of the periods that
ended in the year by scheme, the agreements' goals on 31.12., and each project's status at the
end of the year. Every expected figure is computed here by hand from the scenario's rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import LABELS
from jarjestokeskus.reports import annual as report
from jarjestokeskus.reports.annual import tables
from tests.reports.pdf_text import demo_database, flat, pdf_text
from tests.reports.scenario import day, organisation, scenario
from tests.reports.test_report_money import MULTI_YEAR, share

YEAR = 2025
TODAY = date(2026, 11, 23)
ZERO = Decimal("0.00")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("appendix"), migrated_template)
    yield db
    db.close()


@pytest.fixture(scope="module")
def texts(demo: Database) -> dict[str, str]:
    built = {}
    for language in ("fi", "sv"):
        out = BytesIO()
        report.build_annual(demo, language, out, year=YEAR, today=TODAY)
        built[language] = pdf_text(out.getvalue())
    return built


def money(value: Decimal, language: str) -> str:
    return flat(i18n.format_money(value, language))


def in_use(funding: dict, year: int) -> Decimal:
    """The funding's part of `year`: a multi-year grant's share by days of use, else all of it."""
    multi = (
        funding["instrument"] in MULTI_YEAR
        and funding.get("use_until")
        and day(funding["use_until"]).year > day(funding["use_from"]).year
    )
    if not multi:
        return Decimal(funding["amount_granted"]) if funding["year"] == year else ZERO
    if funding["year"] > year or not funding.get("amount_granted"):
        return ZERO
    if not day(funding["use_from"]).year <= year <= day(funding["use_until"]).year:
        return ZERO
    return share(funding, year)


def name_on(org: dict, when: date, language: str) -> str:
    """The organisation's name on a day (a funder renamed later: its name then), in `language`."""
    earlier = sorted(org.get("former_names", []), key=lambda n: n["valid_until"])
    then = next((n for n in earlier if day(n["valid_until"]) >= when), org)
    return then[f"name_{language}"] or then["name_fi"]


def by_funder(year: int) -> dict[str, tuple[Decimal, Decimal, Decimal, Decimal]]:
    """funder key → (granted for the year, in use in it, paid in it, granted for the year before)."""
    granted: Counter[str] = Counter()
    used: Counter[str] = Counter()
    paid: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for project in scenario()["projects"]:
        for f in project.get("fundings", []):
            key, amount = f["funder"], Decimal(f.get("amount_granted") or 0)
            if f["year"] == year:
                granted[key] += amount
            if f["year"] == year - 1:
                before[key] += amount
            used[key] += in_use(f, year)
            for i in f.get("instalments", []):
                if (i.get("paid_on") or "").startswith(str(year)):
                    paid[key] += Decimal(i.get("paid_amount") or i["amount"])
    keys = set(granted) | set(used) | set(paid) | set(before)
    figures = {k: (granted[k], used[k], paid[k], before[k]) for k in keys}
    return {k: v for k, v in figures.items() if any(v)}


def test_the_hand_count_of_the_scenario() -> None:
    """The scenario as counted here: three funders in 2025, one of them (the ESF+ funder) only
    through its multi-year grant of 2024."""
    funders = by_funder(YEAR)
    assert len(funders) == 3
    assert sum(v[0] for v in funders.values()) == Decimal("530000.00")
    assert sum(v[2] for v in funders.values()) == Decimal("609650.00")
    assert [k for k, v in funders.items() if v[0] == 0 and v[1] > 0] == ["ely"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_grants_by_funder_granted_in_use_and_paid(texts: dict[str, str], language: str) -> None:
    text, t = texts[language], i18n.catalog(language).gettext
    funders = by_funder(YEAR)
    for key, figures in funders.items():
        name = name_on(organisation(key), date(YEAR, 12, 31), language)
        row = " ".join([flat(name), *(money(v, language) for v in figures)])
        assert row in text, row
    totals = [sum((v[i] for v in funders.values()), ZERO) for i in range(4)]
    assert " ".join([t(tables.TOTAL), *(money(v, language) for v in totals)]) in text
    for heading in (tables.GRANTED_IN, tables.IN_USE, tables.PAID_IN):
        assert flat(t(heading).format(year=YEAR)) in text


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_outcomes_of_the_periods_that_ended(texts: dict[str, str], language: str) -> None:
    text, t = texts[language], i18n.catalog(language).gettext
    ended: Counter[tuple[str, str | None]] = Counter()
    ended_before: Counter[tuple[str, str | None]] = Counter()
    for person in scenario()["staff"]:
        for e in person["employments"]:
            end = e.get("end_date") or ""
            if end.startswith(str(YEAR)):
                ended[e["scheme"], e.get("outcome")] += 1
            if end.startswith(str(YEAR - 1)):
                ended_before[e["scheme"], e.get("outcome")] += 1
    assert sum(ended.values()) == 3
    assert flat(t(tables.OUTCOMES).format(year=YEAR)) in text
    for scheme, outcome in ended.keys() | ended_before.keys():
        label = t(LABELS["EmploymentOutcome"][outcome]) if outcome else t(tables.NOT_RECORDED)
        row = f"{t(LABELS['EmploymentScheme'][scheme])} {label} {ended[scheme, outcome]} {ended_before[scheme, outcome]}"
        assert flat(row) in text, row


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_agreements_goals_on_the_last_day(texts: dict[str, str], language: str) -> None:
    text, t = texts[language], i18n.catalog(language).gettext
    last = date(YEAR, 12, 31)
    assert flat(t(tables.AGREEMENTS).format(year=YEAR, date=i18n.format_date(last, language))) in text
    # The implementation agreement on experts by experience: its goals by their latest entry by 31.12.
    agreement = next(a for a in scenario()["agreements"] if "kokemusasiantuntija" in a["title_fi"])
    statuses: Counter[str | None] = Counter()
    for goal in agreement["goals"]:
        entries = sorted(
            (e for e in goal.get("monitoring", []) if day(e["entry_date"]) <= last),
            key=lambda e: e["entry_date"],
        )
        statuses[entries[-1]["status"] if entries else None] += 1
    order = [*LABELS["MonitoringStatus"], None]
    cell = ", ".join(
        f"{t(LABELS['MonitoringStatus'][s]) if s else t(tables.NO_ENTRY)} {n}"
        for s, n in sorted(statuses.items(), key=lambda item: order.index(item[0]))
    )
    assert flat(cell) in text, cell


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_project_shows_its_status_at_the_end_of_the_year(demo: Database, language: str) -> None:
    t = i18n.catalog(language).gettext
    year = 2024
    then = {}
    for project in scenario()["projects"]:
        changes = [s for s, d in project.get("status_changes", []) if day(d) <= date(year, 12, 31)]
        if changes and changes[-1] != project["status"]:
            then[project["code"]] = changes[-1]
    # STEA-C-2023 has ended since; the others that changed since were only applied for then.
    assert then == {"STEA-C-2023": "running", "STEA-C-2025": "applied", "KOKE-PILOTTI": "applied"}
    out = BytesIO()
    report.build_annual(demo, language, out, year=year, today=TODAY)
    text = pdf_text(out.getvalue())
    project = next(p for p in scenario()["projects"] if p["code"] == "STEA-C-2023")
    owner = organisation(project["owner"])
    row = " ".join(
        (
            project["code"],
            project[f"name_{language}"] or project["name_fi"],
            owner[f"name_{language}"] or owner["name_fi"],
            t(LABELS["ProjectStatus"]["running"]),
        )
    )
    assert flat(row) in text, row
    for code in ("STEA-C-2025", "KOKE-PILOTTI"):  # an application is not a project of the year
        assert f"{code} " not in text
