"""STEA's reporting as its instructions have it since 2021 (issue 16): a results report for every
grant object (Ak, Ay, C), no interim or final reports, none for an investment grant (B), and a
multi-year C grant reporting for each of its years."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.services.projects.funding import funding_defaults
from jarjestokeskus.services.projects.funding_rules import instalment_rules, reporting_rules

ANNUAL, RESULTS = ReportKind.ANNUAL_GRANT_REPORT, ReportKind.RESULTS_REPORT


def obligations(db: Database, instrument: FundingInstrument, year: int, last_year: int | None = None):  # type: ignore[no-untyped-def]
    return list(funding_defaults(db, instrument, None, year, Decimal(90000), last_year=last_year).obligations)


def test_ay_has_a_results_report(db: Database) -> None:
    assert obligations(db, FundingInstrument.STEA_AY, 2025) == [
        (RESULTS, date(2026, 3, 31)),
        (ANNUAL, date(2026, 5, 31)),
    ]


def test_ak_reports_once_even_when_used_into_the_next_year(db: Database) -> None:
    assert obligations(db, FundingInstrument.STEA_AK, 2025, last_year=2026) == [
        (RESULTS, date(2026, 3, 31)),
        (ANNUAL, date(2026, 5, 31)),
    ]


def test_b_has_no_annual_grant_report(db: Database) -> None:
    assert obligations(db, FundingInstrument.STEA_B, 2025) == []


def test_a_three_year_c_grant_reports_in_each_year(db: Database) -> None:
    assert obligations(db, FundingInstrument.STEA_C, 2025, last_year=2027) == [
        (RESULTS, date(2026, 3, 31)),
        (ANNUAL, date(2026, 5, 31)),
        (RESULTS, date(2027, 3, 31)),
        (ANNUAL, date(2027, 5, 31)),
        (RESULTS, date(2028, 3, 31)),
        (ANNUAL, date(2028, 5, 31)),
    ]


def test_no_final_report_and_every_stea_rule_names_its_source(db: Database) -> None:
    reporting = reporting_rules(db)
    assert ReportKind.FINAL_REPORT not in {r.kind for r in reporting}
    stea = [r for r in reporting if r.instrument.value.startswith("stea_")]
    assert stea and all("STEA" in r.source for r in stea)
    assert all(r.source for r in instalment_rules(db) if r.instrument.value.startswith("stea_"))
    # The 2020 rules stay for the years before: a 2020 C grant reported only for its first year.
    assert obligations(db, FundingInstrument.STEA_C, 2020, last_year=2022) == [
        (RESULTS, date(2021, 3, 31)),
        (ANNUAL, date(2021, 5, 31)),
    ]
