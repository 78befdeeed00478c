"""The project form's rules and the default instalments and reports computed from funders' rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.domain.enums import FundingInstrument, PartnerRole, ReportKind
from jarjestokeskus.domain.funding import (
    InstalmentRuleForm,
    ReportingRuleForm,
    default_instalments,
    default_obligations,
    split_equally,
    validate_instalment_rule,
    validate_reporting_rule,
)
from jarjestokeskus.domain.projects import (
    FundingForm,
    InstalmentForm,
    ObligationForm,
    PartnerForm,
    ProjectForm,
    StatusChangeForm,
    validate,
)
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _


def _keys(form: ProjectForm) -> set[str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(form)
    return {e.field for e in caught.value.errors}


def _funding(**changes: object) -> FundingForm:
    values: dict[str, object] = {"year": "2026", "amount_granted": "1000,00"}
    values.update(changes)
    return FundingForm(**values)  # type: ignore[arg-type]


def test_a_valid_project_gives_typed_values() -> None:
    form = ProjectForm(
        name_fi="Hanke",
        start_date="1.1.2026",
        end_date="31.12.2027",
        fundings=[
            _funding(
                amount_applied="1 200,50",
                applied_on="1.9.2025",
                decision_date="30.1.2026",
                instalments=[InstalmentForm("1.2.2026", "500"), InstalmentForm("1.5.2026", "500,00")],
                obligations=[ObligationForm(ReportKind.RESULTS_REPORT, "31.3.2027")],
            )
        ],
    )
    values = validate(form)
    funding = values.fundings[0]
    assert funding.scalars["amount_applied"] == Decimal("1200.50")
    assert funding.scalars["year"] == 2026
    assert [i.amount for i in funding.instalments] == [Decimal("500.00"), Decimal("500.00")]
    assert funding.obligations[0].due_date == date(2027, 3, 31)


def test_a_name_is_required() -> None:
    assert _keys(ProjectForm()) == {"name_fi"}


def test_end_before_start_is_refused_at_the_end_date() -> None:
    assert _keys(ProjectForm(name_sv="Projekt", start_date="2.1.2026", end_date="1.1.2026")) == {"end_date"}


def test_negative_sums_are_refused_at_their_fields() -> None:
    form = ProjectForm(
        name_fi="H", fundings=[_funding(), _funding(amount_applied="-5", own_contribution="-1")]
    )
    assert _keys(form) == {"fundings[1].amount_applied", "fundings[1].own_contribution"}


def test_instalments_above_the_grant_are_refused_at_the_first_one_over() -> None:
    rows = [
        InstalmentForm("1.2.2026", "400"),
        InstalmentForm("1.5.2026", "400"),
        InstalmentForm("1.8.2026", "400"),
    ]
    form = ProjectForm(name_fi="H", fundings=[_funding(), _funding(instalments=rows)])
    assert _keys(form) == {"fundings[1].instalments[2].amount"}


def test_instalments_equal_to_the_grant_are_fine() -> None:
    rows = [InstalmentForm("1.2.2026", "600"), InstalmentForm("1.5.2026", "400")]
    validate(ProjectForm(name_fi="H", fundings=[_funding(instalments=rows)]))


def test_decision_before_the_application_and_use_ending_before_it_begins() -> None:
    form = ProjectForm(
        name_fi="H",
        fundings=[
            _funding(
                applied_on="1.9.2025", decision_date="31.8.2025", use_from="1.1.2026", use_until="1.12.2025"
            )
        ],
    )
    assert _keys(form) == {"fundings[0].decision_date", "fundings[0].use_until"}


def test_required_fields_of_rows() -> None:
    form = ProjectForm(
        name_fi="H",
        status_changes=[StatusChangeForm(changed_on="")],
        partners=[PartnerForm(None, PartnerRole.LEAD)],
        fundings=[
            _funding(year="", instalments=[InstalmentForm("", "")], obligations=[ObligationForm(due_date="")])
        ],
    )
    assert _keys(form) == {
        "status_changes[0].changed_on",
        "partners[0].organisation",
        "fundings[0].year",
        "fundings[0].instalments[0].due_date",
        "fundings[0].instalments[0].amount",
        "fundings[0].obligations[0].due_date",
    }


def test_the_same_partner_twice_in_one_role_is_refused() -> None:
    org = uuid.uuid4()
    form = ProjectForm(
        name_fi="H", partners=[PartnerForm(org, PartnerRole.LEAD), PartnerForm(org, PartnerRole.LEAD)]
    )
    assert _keys(form) == {"partners[1].organisation"}
    validate(
        ProjectForm(
            name_fi="H", partners=[PartnerForm(org, PartnerRole.LEAD), PartnerForm(org, PartnerRole.FUNDER)]
        )
    )


def test_messages_are_in_the_users_language() -> None:
    i18n.set_language("sv")
    with pytest.raises(ValidationFailed) as caught:
        validate(ProjectForm(name_fi="H", fundings=[_funding(year="")]))
    assert caught.value.errors[0].message == _("{field}: required").format(field=_("Year"))


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("100000.00", ["25000.00"] * 4),
        ("100000.03", ["25000.01", "25000.01", "25000.01", "25000.00"]),
        ("0.02", ["0.01", "0.01", "0.00", "0.00"]),
    ],
)
def test_split_equally_keeps_the_sum_exact(total: str, expected: list[str]) -> None:
    parts = split_equally(Decimal(total), 4)
    assert parts == [Decimal(e) for e in expected]
    assert sum(parts) == Decimal(total)


@dataclass
class Rule:
    instrument: FundingInstrument
    months: str
    day: int
    effective_from: date


@dataclass
class Report:
    instrument: FundingInstrument
    funder_id: uuid.UUID | None
    kind: ReportKind
    due_month: int
    due_day: int
    years_after: int
    effective_from: date
    every_grant_year: bool = False


def test_default_instalments_follow_the_rule_of_the_year() -> None:
    rules = [
        Rule(FundingInstrument.STEA_AK, "2,5,8,11", 1, date(2020, 1, 1)),
        Rule(FundingInstrument.STEA_AK, "3,9", 15, date(2027, 1, 1)),
    ]
    assert [d for d, _a in default_instalments(rules, FundingInstrument.STEA_AK, 2026, Decimal(100))] == [
        date(2026, 2, 1),
        date(2026, 5, 1),
        date(2026, 8, 1),
        date(2026, 11, 1),
    ]
    assert default_instalments(rules, FundingInstrument.STEA_AK, 2027, Decimal(100)) == [
        (date(2027, 3, 15), Decimal("50.00")),
        (date(2027, 9, 15), Decimal("50.00")),
    ]
    assert default_instalments(rules, FundingInstrument.STEA_AK, 2026, Decimal(100), first_grant=True) == []
    assert default_instalments(rules, FundingInstrument.STEA_AK, 2019, Decimal(100)) == []


def test_a_funders_own_reporting_rule_beats_the_general_one() -> None:
    funder = uuid.uuid4()
    rules = [
        Report(FundingInstrument.FOUNDATION, None, ReportKind.FINAL_REPORT, 3, 31, 1, date(2020, 1, 1)),
        Report(FundingInstrument.FOUNDATION, funder, ReportKind.FINAL_REPORT, 6, 30, 1, date(2020, 1, 1)),
    ]
    assert default_obligations(rules, FundingInstrument.FOUNDATION, funder, 2025) == [
        (ReportKind.FINAL_REPORT, date(2026, 6, 30))
    ]
    assert default_obligations(rules, FundingInstrument.FOUNDATION, None, 2025) == [
        (ReportKind.FINAL_REPORT, date(2026, 3, 31))
    ]


def test_rule_forms_are_checked() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_instalment_rule(InstalmentRuleForm(months="2,13", day="0", effective_from=""))
    assert {e.field for e in caught.value.errors} == {"months", "day", "effective_from"}
    assert (
        validate_instalment_rule(InstalmentRuleForm(months="11, 2,5,8", effective_from="1.1.2027"))["months"]
        == "2,5,8,11"
    )
    with pytest.raises(ValidationFailed) as caught:
        validate_reporting_rule(ReportingRuleForm(due_day="32", due_month="", effective_from="1.1.2027"))
    assert {e.field for e in caught.value.errors} == {"due_day", "due_month"}
