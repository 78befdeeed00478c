"""Each report for a past year shows that year's state: the demo scenario's figures computed by
hand from its rows (tests/reports/scenario.py), compared with what the PDF prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import LABELS
from jarjestokeskus.reports import agreements as agreements_report
from jarjestokeskus.reports import annual as annual_report
from jarjestokeskus.reports import employment as employment_report
from jarjestokeskus.reports import members as members_report
from jarjestokeskus.services.agreements.report_data import find_counterparty
from tests.reports.pdf_text import demo_database, flat, pdf_text
from tests.reports.scenario import day, organisation, overlaps, scenario


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("years"), migrated_template)
    yield db
    db.close()


def city_goal_statuses(year: int) -> tuple[Counter[str | None], list[tuple[str, list[dict]]]]:
    """Each goal of the city's agreements in force in `year`: its status on 31.12. (None: no
    entry by then) and the entries of the year."""
    statuses: Counter[str | None] = Counter()
    goals = []
    for agreement in scenario()["agreements"]:
        if not any(p["organisation"] == "city" for p in agreement["parties"]):
            continue
        if agreement["status"] in ("draft", "negotiating"):
            continue
        if not overlaps(day(agreement.get("valid_from")), day(agreement.get("valid_to")), year):
            continue
        for goal in agreement.get("goals", []):
            entries = sorted(goal.get("monitoring", []), key=lambda e: e["entry_date"])
            until = [e for e in entries if day(e["entry_date"]) <= date(year, 12, 31)]
            statuses[until[-1]["status"] if until else None] += 1
            goals.append((goal["title_fi"], [e for e in until if e["entry_date"].startswith(str(year))]))
    return statuses, goals


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_agreement_follow_up_is_the_status_at_the_end_of_the_year(demo: Database, language: str) -> None:
    statuses, goals = city_goal_statuses(2025)
    assert statuses == {"achieved": 2, "on_track": 3, "delayed": 2, None: 2}  # as the issue counts
    out = BytesIO()
    counterparty = find_counterparty(demo, "Vaasan kaupunki")
    assert counterparty is not None
    agreements_report.build_agreements(demo, language, out, counterparty_id=counterparty, year=2025)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    label = LABELS["MonitoringStatus"]
    for status, count in statuses.items():
        name = t(label[status]) if status else t(agreements_report.NOT_FOLLOWED)
        assert flat(f"{name} {count}") in text
    assert "30.10.2026" not in text  # a 2026 entry is no part of the 2025 report
    for _title, entries in goals:
        for entry in entries:
            assert (
                flat(f"{date.fromisoformat(entry['entry_date']):%-d.%-m.%Y}: {t(label[entry['status']])}")
                in text
            )


def members_at_end_of(day_: date) -> list[dict]:
    """Organisations that were members at the end of `day_` by their membership dates."""
    return [
        o
        for o in scenario()["organisations"]
        if not o.get("is_home")
        and o["membership_status"] in ("member", "resigned", "expelled")
        and (day(o.get("member_since")) or date.min) <= day_
        and (o.get("member_until") is None or day(o["member_until"]) > day_)
    ]


@pytest.mark.parametrize(("language", "year"), [("fi", 1990), ("sv", 2018), ("fi", 2025)])
def test_annual_member_figures_are_those_of_the_year(demo: Database, language: str, year: int) -> None:
    end, start = members_at_end_of(date(year, 12, 31)), members_at_end_of(date(year - 1, 12, 31))
    joined = [o for o in scenario()["organisations"] if (o.get("member_since") or "").startswith(str(year))]
    left = [o for o in scenario()["organisations"] if (o.get("member_until") or "").startswith(str(year))]
    assert len(end) == len(start) + len(joined) - len(left)
    out = BytesIO()
    annual_report.build_annual(demo, language, out, year=year, today=date(2026, 12, 6))
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    on = t(annual_report.MEMBER_ORGANISATIONS)
    assert flat(f"{on.format(date=f'31.12.{year}')} {len(end)}") in text
    assert flat(f"{on.format(date=f'31.12.{year - 1}')} {len(start)}") in text
    assert flat(f"{t(annual_report.JOINED_COUNT).format(year=year)} {len(joined)}") in text
    assert flat(f"{t(annual_report.LEFT_COUNT).format(year=year)} {len(left)}") in text
    for o in joined + left:
        name = o.get("name_sv") if language == "sv" and o.get("name_sv") else o.get("name_fi") or o["name_sv"]
        assert flat(name) in text
    if year == 1990:
        assert len(end) == 0
    if year == 2025:
        assert len(left) == 1 and len(end) == 41  # the resigned member left at the end of 2025


def employment_figures(year: int, today: date) -> dict[str, object]:
    """Employees, participants, person-years (and the planned part after `today`), periods ended
    before today and ending later: by hand from the scenario's staff."""
    participant_schemes = ("work_trial", "rehabilitative_work")
    start_of, end_of, length = (
        date(year, 1, 1),
        date(year, 12, 31),
        (date(year, 12, 31) - date(year, 1, 1)).days + 1,
    )
    employees, participants = set(), set()
    person_years = planned = 0.0
    ended, ending = [], []
    for person in scenario()["staff"]:
        for e in person.get("employments", []):
            start, end = day(e["start_date"]), day(e.get("end_date"))
            first, last = max(start, start_of), min(end or end_of, end_of)
            if last < first:
                continue
            if end and end.year == year:
                (ended if end < today else ending).append(person["last_name"])
            if e["scheme"] in participant_schemes:
                participants.add(person["key"])
                continue
            employees.add(person["key"])
            share = float(e.get("hours_per_week") or 37.5) / 37.5
            person_years += ((last - first).days + 1) * share / length
            if last > today:
                planned += ((last - max(first, today + timedelta(days=1))).days + 1) * share / length
    return {
        "employees": len(employees),
        "participants": len(participants),
        "person_years": round(person_years, 2),
        "planned": round(planned, 2),
        "ended": ended,
        "ending": ending,
    }


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_employment_report_keeps_participants_and_the_planned_rest_apart(
    demo: Database, language: str
) -> None:
    today = date(2026, 12, 6)
    expected = employment_figures(2026, today)
    assert expected["participants"] == 3 and expected["employees"] == 9
    out = BytesIO()
    employment_report.build_employment(demo, language, out, year=2026, today=today)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    years = lambda v: flat(employment_report.years_text(language, Decimal(str(v)).quantize(Decimal("0.01"))))  # noqa: E731

    def figure(label: str, value: object) -> None:
        assert flat(f"{label} {value}") in text

    figure(t(employment_report.PERSONS_IN_YEAR), expected["employees"])
    figure(t(employment_report.PARTICIPANTS_IN_YEAR), expected["participants"])
    figure(t(employment_report.PERSON_YEARS_TOTAL), years(expected["person_years"]))
    figure(t(employment_report.PLANNED).format(date="6.12.2026"), years(expected["planned"]))
    figure(t(employment_report.ENDED_COUNT), len(expected["ended"]))
    figure(t(employment_report.ENDING_COUNT), len(expected["ending"]))
    ending_part = text.split(flat(t(employment_report.ENDING).format(year=2026)))[1]
    assert ending_part.count("31.12.2026") == len(expected["ending"]) == 2
    ended_part = text.split(flat(t(employment_report.ENDED).format(year=2026)))[1].split(ending_part)[0]
    assert "31.12.2026" not in ended_part  # a period ending on the last day has not ended yet


ROLE_WORDS = {
    "contracting_party": ("Avtalspart", "Sopijaosapuoli"),
    "counterparty": ("Motpart", "Vastapuoli"),
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_party_roles_print_in_the_report_language(demo: Database, language: str) -> None:
    counterparty = find_counterparty(demo, "Vaasan kaupunki")
    assert counterparty is not None
    out = BytesIO()
    agreements_report.build_agreements(demo, language, out, counterparty_id=counterparty, year=2026)
    text = pdf_text(out.getvalue())
    city = organisation("city")
    home = next(o for o in scenario()["organisations"] if o.get("is_home"))
    name = (lambda o: o["name_sv"]) if language == "sv" else (lambda o: o["name_fi"])  # noqa: E731
    sv, fi = ROLE_WORDS["counterparty"]
    assert flat(f"{name(city)} ({sv if language == 'sv' else fi})") in text
    sv, fi = ROLE_WORDS["contracting_party"]
    assert flat(f"{name(home)} ({sv if language == 'sv' else fi})") in text
    if language == "sv":
        assert "vastapuoli" not in text and "sopijaosapuoli" not in text


def fees_by_hand(year: int) -> tuple[Decimal, Decimal]:
    fees = [f for o in scenario()["organisations"] for f in o.get("fees", []) if f["year"] == year]
    due = sum((Decimal(f["amount"]) for f in fees), Decimal("0.00"))
    return due, sum((Decimal(f["amount"]) for f in fees if f.get("paid_on")), Decimal("0.00"))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_annual_figures_stand_beside_the_year_before(demo: Database, language: str) -> None:
    out = BytesIO()
    annual_report.build_annual(demo, language, out, year=2025, today=date(2026, 12, 6))
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    money = lambda v: flat(i18n.format_money(v, language))  # noqa: E731
    now, before = members_at_end_of(date(2025, 12, 31)), members_at_end_of(date(2024, 12, 31))
    label = t(annual_report.MEMBER_ORGANISATIONS).format(date="31.12.2025")
    assert flat(f"{label} {len(now)} {len(before)}") in text
    (due, paid), (due_before, paid_before) = fees_by_hand(2025), fees_by_hand(2024)
    assert due > 0
    assert flat(f"{t(annual_report.FEES_DUE).format(year=2025)} {money(due)} {money(due_before)}") in text
    assert flat(f"{t(annual_report.FEES_PAID)} {money(paid)} {money(paid_before)}") in text


@pytest.mark.parametrize(("language", "year"), [("fi", 2017), ("sv", 2025)])
def test_member_register_of_a_past_year(demo: Database, language: str, year: int) -> None:
    members = members_at_end_of(date(year, 12, 31))
    out = BytesIO()
    members_report.build_members(demo, language, out, year=year, today=date(2026, 12, 6))
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    assert flat(t(members_report.OVERALL_ORGANISATIONS).format(count=len(members))) in text
    assert flat(t(members_report.MEMBERS_ON).format(date=f"31.12.{year}")) in text
