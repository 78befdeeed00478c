"""Funding defaults from the stored rules, totals per year, and reports due soon or overdue."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.enums import FundingInstrument, ProjectStatus, ReportKind
from jarjestokeskus.domain.funding import InstalmentRuleForm, ReportingRuleForm
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ObligationForm, ProjectForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.funding import funding_defaults, reports_due, year_overview
from jarjestokeskus.services.projects.funding_rules import (
    archive_reporting_rule,
    instalment_rules,
    reporting_rules,
    save_instalment_rule,
    save_reporting_rule,
)
from jarjestokeskus.services.projects.register import archive_project, save_project

D = Decimal
TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("instrument", [FundingInstrument.STEA_AY, FundingInstrument.STEA_AK])
def test_ay_and_ak_default_to_four_equal_instalments(db: Database, instrument: FundingInstrument) -> None:
    defaults = funding_defaults(db, instrument, None, 2026, D("100000.03"))
    assert defaults.instalments == (
        (date(2026, 2, 1), D("25000.01")),
        (date(2026, 5, 1), D("25000.01")),
        (date(2026, 8, 1), D("25000.01")),
        (date(2026, 11, 1), D("25000.00")),
    )
    assert sum(a for _d, a in defaults.instalments) == D("100000.03")


@pytest.mark.parametrize(
    "instrument", [FundingInstrument.STEA_C, FundingInstrument.STEA_B, FundingInstrument.ESF_PLUS]
)
def test_c_b_and_others_have_no_default_instalments(db: Database, instrument: FundingInstrument) -> None:
    assert funding_defaults(db, instrument, None, 2026, D("1000")).instalments == ()


def test_a_first_grant_is_paid_by_payment_request(db: Database) -> None:
    assert (
        funding_defaults(db, FundingInstrument.STEA_AK, None, 2026, D("1000"), first_grant=True).instalments
        == ()
    )


def test_reporting_defaults_of_stea_and_the_city(db: Database) -> None:
    assert funding_defaults(db, FundingInstrument.STEA_AK, None, 2025, None).obligations == (
        (ReportKind.RESULTS_REPORT, date(2026, 3, 31)),
        (ReportKind.ANNUAL_GRANT_REPORT, date(2026, 5, 31)),
    )
    assert funding_defaults(db, FundingInstrument.MUNICIPAL_OPERATING, None, 2025, None).obligations == (
        (ReportKind.GRANT_USE_REPORT, date(2026, 2, 15)),
    )


def test_a_newer_rule_applies_from_its_date_and_older_years_keep_the_old_one(db: Database) -> None:
    save_reporting_rule(
        db,
        ReportingRuleForm(
            FundingInstrument.STEA_AK,
            ReportKind.ANNUAL_GRANT_REPORT,
            "30",
            "4",
            "1",
            "1.1.2027",
            "STEA: April",
        ),
    )
    save_instalment_rule(db, InstalmentRuleForm(FundingInstrument.STEA_AK, "1,7", "15", "1.1.2027"))
    old = funding_defaults(db, FundingInstrument.STEA_AK, None, 2026, D("1000"))
    new = funding_defaults(db, FundingInstrument.STEA_AK, None, 2027, D("1000"))
    assert (ReportKind.ANNUAL_GRANT_REPORT, date(2027, 5, 31)) in old.obligations
    assert (ReportKind.ANNUAL_GRANT_REPORT, date(2028, 4, 30)) in new.obligations
    assert (ReportKind.RESULTS_REPORT, date(2028, 3, 31)) in new.obligations  # unchanged kinds carry on
    assert len(old.instalments) == 4
    assert new.instalments == ((date(2027, 1, 15), D("500.00")), (date(2027, 7, 15), D("500.00")))
    ak = [r for r in instalment_rules(db) if r.instrument == FundingInstrument.STEA_AK]
    assert [r.effective_from for r in ak] == [date(2027, 1, 1), date(2020, 1, 1)]  # both kept, newest first


def test_rules_are_edited_with_a_version_check_and_archived(db: Database) -> None:
    rule = next(r for r in reporting_rules(db) if r.instrument == FundingInstrument.STEA_C)
    form = ReportingRuleForm(rule.instrument, rule.kind, "15", "6", "1", "1.1.2020")
    save_reporting_rule(db, form, rule.id, rule.version)
    with pytest.raises(StaleRecord):
        save_reporting_rule(db, form, rule.id, rule.version)
    with pytest.raises(ValidationFailed):
        save_reporting_rule(db, ReportingRuleForm(due_day="x"))
    archive_reporting_rule(db, rule.id)
    assert rule.id not in {r.id for r in reporting_rules(db)}


def _org(db: Database, name: str) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi=name)).id


def _project(db: Database, name: str, fundings: list[FundingForm]) -> uuid.UUID:
    return save_project(db, ProjectForm(name_fi=name, status=ProjectStatus.RUNNING, fundings=fundings)).id


def test_year_overview_totals_by_funder_and_instrument(db: Database) -> None:
    stea, city = _org(db, "STEA"), _org(db, "Vaasan kaupunki")
    _project(
        db,
        "A",
        [
            FundingForm(FundingInstrument.STEA_AK, stea, "2026", "100000,10", amount_granted="90000,05"),
            FundingForm(FundingInstrument.STEA_AK, stea, "2025", "1000", amount_granted="1000"),
        ],
    )
    _project(
        db,
        "B",
        [
            FundingForm(FundingInstrument.STEA_C, stea, "2026", "50000"),
            FundingForm(FundingInstrument.MUNICIPAL_ONE_OFF, city, "2026", "2000", amount_granted="1500"),
        ],
    )
    gone = _project(db, "C", [FundingForm(FundingInstrument.STEA_C, stea, "2026", "7", amount_granted="7")])
    archive_project(db, gone)
    overview = year_overview(db, 2026, TODAY)
    assert overview.amount_applied == D("152000.10")
    assert overview.amount_granted == D("91500.05")
    by_funder = {t.key: (t.amount_applied, t.amount_granted, t.fundings) for t in overview.by_funder}
    assert by_funder == {
        str(stea): (D("150000.10"), D("90000.05"), 2),
        str(city): (D("2000.00"), D("1500.00"), 1),
    }
    by_instrument = {t.key: (t.amount_applied, t.amount_granted) for t in overview.by_instrument}
    assert by_instrument == {
        "stea_ak": (D("100000.10"), D("90000.05")),
        "stea_c": (D("50000.00"), D("0.00")),
        "municipal_one_off": (D("2000.00"), D("1500.00")),
    }
    assert all(isinstance(t.amount_granted, Decimal) for t in overview.by_funder)


def test_due_and_overdue_boundaries(db: Database) -> None:
    stea = _org(db, "STEA")
    days = {"yesterday": -1, "today": 0, "tomorrow": 1, "limit": 30, "beyond": 31}
    obligations = [
        ObligationForm(ReportKind.ANNUAL_GRANT_REPORT, (TODAY + timedelta(days=d)).strftime("%d.%m.%Y"))
        for d in days.values()
    ]
    obligations.append(ObligationForm(ReportKind.RESULTS_REPORT, "1.1.2026", "2.1.2026"))  # submitted
    _project(db, "A", [FundingForm(FundingInstrument.STEA_AK, stea, "2025", obligations=obligations)])
    due = reports_due(db, TODAY, within_days=30)
    assert [(r.due_date - TODAY).days for r in due] == [-1, 0, 1, 30]
    assert [r.overdue for r in due] == [True, False, False, False]
    assert [r.days_left for r in due] == [-1, 0, 1, 30]
    assert due[0].funder_name_fi == "STEA" and due[0].project_name_fi == "A"
    assert [r.due_date for r in year_overview(db, 2026, TODAY, 1).reports] == [
        TODAY - timedelta(days=1),
        TODAY,
        TODAY + timedelta(days=1),
    ]
