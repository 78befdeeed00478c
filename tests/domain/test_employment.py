"""The staff form's validation and the schemes' limits: each limit broken alone, and by date."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.domain.employment import EmploymentForm, FundingShareForm, PersonForm, validate
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme
from jarjestokeskus.domain.scheme_limit_form import LimitForm, validate_limit
from jarjestokeskus.domain.scheme_limits import LimitRule, Period, check_period, months, rule_in_force
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _

D = Decimal
LAW_2025 = date(2025, 1, 1)
RULES = [
    LimitRule(
        EmploymentScheme.WORK_TRIAL,
        "",
        LAW_2025,
        min_hours_per_day=D(4),
        max_hours_per_day=D(8),
        max_days_per_week=D(5),
        max_months_same_organiser=6,
        max_months_total=12,
        allowance_per_day=D(9),
    ),
    LimitRule(
        EmploymentScheme.REHABILITATIVE_WORK,
        "",
        LAW_2025,
        min_hours_per_day=D(4),
        max_hours_per_day=D(8),
        min_days_per_week=D(1),
        max_days_per_week=D(4),
        min_months=3,
        max_months=24,
        allowance_per_day=D(9),
    ),
    LimitRule(
        EmploymentScheme.PAY_SUBSIDY,
        "50",
        LAW_2025,
        subsidy_percent=D(50),
        monthly_cap=D(1260),
        max_months=5,
        long_term_unemployed_months=12,
        max_months_long_term_unemployed=10,
        max_months_aged_60=24,
        same_employer_gap_years=3,
    ),
    LimitRule(
        EmploymentScheme.PAY_SUBSIDY,
        "70",
        LAW_2025,
        subsidy_percent=D(70),
        monthly_cap=D(1770),
        max_months=24,
    ),
    LimitRule(
        EmploymentScheme.PAY_SUBSIDY,
        "100",
        LAW_2025,
        subsidy_percent=D(100),
        monthly_cap=D(2020),
        max_months=10,
        same_employer_gap_years=3,
    ),
    LimitRule(
        EmploymentScheme.EMPLOYMENT_SUBSIDY_55,
        "",
        LAW_2025,
        subsidy_percent=D(70),
        monthly_cap=D(1770),
        max_months=10,
        min_hours_per_week=D(25),
    ),
]

# A period within every limit, per scheme (and variant).
GOOD = {
    "work_trial": Period(
        EmploymentScheme.WORK_TRIAL,
        date(2025, 3, 3),
        date(2025, 8, 29),
        None,
        D(4),
        D(6),
        allowance_per_day=D(9),
    ),
    "rehabilitative_work": Period(
        EmploymentScheme.REHABILITATIVE_WORK, date(2025, 3, 3), date(2026, 2, 27), None, D(2), D(4)
    ),
    "pay_50": Period(
        EmploymentScheme.PAY_SUBSIDY,
        date(2025, 3, 1),
        date(2025, 12, 31),
        D(30),
        subsidy_percent=D(50),
        subsidy_monthly_cap=D(1260),
    ),
    "pay_70": Period(
        EmploymentScheme.PAY_SUBSIDY,
        date(2025, 3, 1),
        date(2027, 2, 28),
        D(30),
        subsidy_percent=D(70),
        subsidy_monthly_cap=D(1770),
    ),
    "pay_100": Period(
        EmploymentScheme.PAY_SUBSIDY,
        date(2025, 3, 1),
        date(2025, 12, 31),
        D("24.4"),
        subsidy_percent=D(100),
        subsidy_monthly_cap=D(2020),
    ),
    "subsidy_55": Period(
        EmploymentScheme.EMPLOYMENT_SUBSIDY_55,
        date(2025, 3, 1),
        date(2025, 12, 31),
        D(30),
        subsidy_percent=D(70),
    ),
}

# (base period, the change that breaks one limit, the field the warning names)
BROKEN = [
    ("work_trial", {"hours_per_day": D(3)}, "hours_per_day"),
    ("work_trial", {"hours_per_day": D(9)}, "hours_per_day"),
    ("work_trial", {"days_per_week": D(6)}, "days_per_week"),
    ("work_trial", {"end_date": date(2025, 9, 30)}, "end_date"),
    ("work_trial", {"allowance_per_day": D(10)}, "allowance_per_day"),
    ("rehabilitative_work", {"hours_per_day": D("3.5")}, "hours_per_day"),
    ("rehabilitative_work", {"hours_per_day": D("8.5")}, "hours_per_day"),
    ("rehabilitative_work", {"days_per_week": D("0.5")}, "days_per_week"),
    ("rehabilitative_work", {"days_per_week": D(5)}, "days_per_week"),
    ("rehabilitative_work", {"end_date": date(2025, 5, 30)}, "end_date"),
    ("rehabilitative_work", {"end_date": date(2027, 4, 30)}, "end_date"),
    ("pay_50", {"end_date": date(2026, 1, 31)}, "end_date"),
    ("pay_50", {"subsidy_monthly_cap": D(1300)}, "subsidy_monthly_cap"),
    ("pay_50", {"subsidy_percent": D(60)}, "subsidy_percent"),
    ("pay_70", {"end_date": date(2027, 4, 30)}, "end_date"),
    ("pay_70", {"subsidy_monthly_cap": D(1800)}, "subsidy_monthly_cap"),
    ("pay_100", {"end_date": date(2026, 3, 31)}, "end_date"),
    ("pay_100", {"subsidy_monthly_cap": D(2100)}, "subsidy_monthly_cap"),
    ("subsidy_55", {"hours_per_week": D(20)}, "hours_per_week"),
    ("subsidy_55", {"end_date": date(2026, 2, 28)}, "end_date"),
    ("subsidy_55", {"subsidy_percent": D(80)}, "subsidy_percent"),
    ("subsidy_55", {"subsidy_monthly_cap": D(1800)}, "subsidy_monthly_cap"),
    ("pay_50", {"unemployed_months": 6}, "end_date"),  # 10 months, 5 allowed
    ("pay_50", {"decided_max_months": 6}, "end_date"),
    ("pay_50", {"decided_max_months": 30}, "decided_max_months"),
]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_a_period_within_the_limits_has_no_warning(name: str) -> None:
    assert check_period(GOOD[name], RULES) == []


@pytest.mark.parametrize(("name", "change", "field"), BROKEN)
def test_each_broken_limit_warns_naming_the_field(name: str, change: dict, field: str) -> None:
    warnings = check_period(dataclasses.replace(GOOD[name], **change), RULES)
    assert [w.field for w in warnings] == [field]
    assert warnings[0].message


def test_warning_is_in_the_users_language() -> None:
    from jarjestokeskus import i18n

    i18n.set_language("sv")
    period = dataclasses.replace(GOOD["work_trial"], hours_per_day=D(9))
    message = check_period(period, RULES)[0].message
    assert message.startswith(_("Hours a day"))


def test_work_trial_months_add_up_with_the_same_organiser_and_in_total() -> None:
    first = Period(EmploymentScheme.WORK_TRIAL, date(2025, 1, 1), date(2025, 4, 30), None, D(4), D(6))
    second = Period(EmploymentScheme.WORK_TRIAL, date(2025, 6, 1), date(2025, 8, 31), None, D(4), D(6))
    warnings = check_period(second, RULES, [first])
    assert [w.field for w in warnings] == ["end_date"]  # 4 + 3 months > 6 with the same organiser
    elsewhere = dataclasses.replace(first, same_employer=False, end_date=date(2025, 5, 31))
    long_elsewhere = Period(
        EmploymentScheme.WORK_TRIAL,
        date(2024, 1, 1),
        date(2024, 5, 31),
        None,
        D(4),
        D(6),
        same_employer=False,
    )
    warnings = check_period(second, RULES, [elsewhere, long_elsewhere])
    assert [w.field for w in warnings] == ["end_date"]  # 5 + 5 + 3 months > 12 in total
    assert check_period(second, RULES, [elsewhere]) == []


def test_pay_subsidy_with_the_same_employer_within_three_years() -> None:
    earlier = dataclasses.replace(GOOD["pay_50"], start_date=date(2022, 6, 1), end_date=date(2022, 12, 31))
    later = dataclasses.replace(GOOD["pay_50"], start_date=date(2025, 6, 1), end_date=date(2025, 12, 31))
    assert [w.field for w in check_period(later, RULES, [earlier])] == ["start_date"]
    much_later = dataclasses.replace(later, start_date=date(2026, 1, 2), end_date=date(2026, 6, 30))
    assert check_period(much_later, RULES, [earlier]) == []
    assert check_period(later, RULES, [dataclasses.replace(earlier, same_employer=False)]) == []


def test_reduced_work_ability_may_continue_straight_on() -> None:
    earlier = dataclasses.replace(GOOD["pay_70"], start_date=date(2023, 3, 1), end_date=date(2025, 2, 28))
    assert check_period(GOOD["pay_70"], RULES, [earlier]) == []


def test_the_50_per_cent_subsidy_lasts_by_the_unemployment_before_it() -> None:
    eight_months = dataclasses.replace(GOOD["pay_50"], end_date=date(2025, 10, 31))
    assert check_period(dataclasses.replace(eight_months, unemployed_months=12), RULES) == []
    assert check_period(dataclasses.replace(eight_months, long_term_unemployed=True), RULES) == []
    assert [
        w.field for w in check_period(dataclasses.replace(eight_months, unemployed_months=11), RULES)
    ] == ["end_date"]
    aged_60 = dataclasses.replace(
        GOOD["pay_50"], end_date=date(2027, 2, 28), long_term_unemployed=True, decided_max_months=24
    )
    assert check_period(aged_60, RULES) == []  # 24 months, as the decision says


def test_pay_subsidy_needs_a_known_percent() -> None:
    period = dataclasses.replace(GOOD["pay_50"], subsidy_percent=D(60))
    assert "subsidy_percent" in [w.field for w in check_period(period, RULES)]
    assert [w.field for w in check_period(dataclasses.replace(period, subsidy_percent=None), RULES)] == [
        "subsidy_percent"
    ]


def test_limits_by_effective_date() -> None:
    stricter = LimitRule(EmploymentScheme.WORK_TRIAL, "", date(2027, 1, 1), max_hours_per_day=D(6))
    rules = [*RULES, stricter]
    old = dataclasses.replace(GOOD["work_trial"], hours_per_day=D(7))
    assert check_period(old, rules) == []  # judged by the 2025 limits
    new = dataclasses.replace(old, start_date=date(2027, 2, 1), end_date=date(2027, 6, 30))
    assert [w.field for w in check_period(new, rules)] == ["hours_per_day"]
    assert (
        rule_in_force(rules, EmploymentScheme.WORK_TRIAL, "", date(2026, 12, 31)).effective_from == LAW_2025
    )
    assert rule_in_force(rules, EmploymentScheme.WORK_TRIAL, "", date(2027, 1, 1)) is stricter
    before_law = dataclasses.replace(
        old, start_date=date(2024, 1, 1), end_date=date(2024, 12, 31), hours_per_day=D(12)
    )
    # No limits known then: said so, not silence.
    assert [w.message for w in check_period(before_law, rules)] == [
        _("Not checked: no rule for {scheme} on {date}.").format(
            scheme=EmploymentScheme.WORK_TRIAL.label, date="1.1.2024"
        )
    ]
    assert check_period(Period(EmploymentScheme.FIXED_TERM, date(2024, 1, 1), None), rules) == []


def test_months() -> None:
    assert months(date(2025, 1, 1), date(2025, 6, 30)) == D(6)
    assert months(date(2025, 3, 3), date(2025, 8, 29)) == D("5.9")
    assert months(date(2025, 1, 31), date(2025, 2, 27)) == D(1)  # 31.1 + a month = 28.2
    assert months(date(2025, 2, 1), date(2025, 2, 27)) == D("0.9")


def period_form(**changes: object) -> EmploymentForm:
    return dataclasses.replace(EmploymentForm(start_date="1.3.2025", end_date="31.12.2025"), **changes)


def fields_of(form: PersonForm) -> list[str]:
    with pytest.raises(ValidationFailed) as failure:
        validate(form)
    return [e.field for e in failure.value.errors]


def test_a_valid_person_and_period() -> None:
    project = uuid.uuid4()
    form = PersonForm(
        "Åsa",
        "Öhman",
        "asa@example.fi",
        "040 1",
        [
            period_form(
                hours_per_week="37,5", subsidy_percent="50", fundings=[FundingShareForm(project, "100")]
            )
        ],
    )
    values = validate(form)
    scalars = values.employments[0].scalars
    assert scalars["start_date"] == date(2025, 3, 1) and scalars["hours_per_week"] == D("37.50")
    assert values.employments[0].fundings[0].share_percent == D(100)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"end_date": "28.2.2025"}, "employments[0].end_date"),
        ({"start_date": ""}, "employments[0].start_date"),
        ({"start_date": "31.2.2025"}, "employments[0].start_date"),
        ({"subsidy_percent": "101"}, "employments[0].subsidy_percent"),
        ({"subsidy_percent": "-5"}, "employments[0].subsidy_percent"),
        ({"subsidy_monthly_cap": "-1"}, "employments[0].subsidy_monthly_cap"),
        ({"allowance_per_day": "abc"}, "employments[0].allowance_per_day"),
        ({"hours_per_week": "200"}, "employments[0].hours_per_week"),
        ({"days_per_week": "8"}, "employments[0].days_per_week"),
        ({"hours_per_day": "x"}, "employments[0].hours_per_day"),
        (
            {
                "end_date": "",
                "outcome": EmploymentOutcome.EDUCATION,
            },
            "employments[0].outcome",
        ),
        ({"fundings": [FundingShareForm(None, "50")]}, "employments[0].fundings[0].project"),
    ],
)
def test_a_wrong_period_names_the_field(change: dict, field: str) -> None:
    assert fields_of(PersonForm("A", "B", employments=[period_form(**change)])) == [field]


def test_person_needs_a_name_and_a_valid_email() -> None:
    assert fields_of(PersonForm("", "", "not-an-email")) == ["last_name", "email"]


def test_shares_over_100_percent() -> None:
    shares = [FundingShareForm(uuid.uuid4(), "70"), FundingShareForm(uuid.uuid4(), "40")]
    assert fields_of(PersonForm("A", "B", employments=[period_form(fundings=shares)])) == [
        "employments[0].fundings[1].share_percent"
    ]


def test_limit_form() -> None:
    rule = validate_limit(
        LimitForm(EmploymentScheme.WORK_TRIAL, "", "1.1.2027", max_hours_per_day="6", max_months="6")
    )
    assert rule.effective_from == date(2027, 1, 1) and rule.max_hours_per_day == D(6) and rule.max_months == 6
    with pytest.raises(ValidationFailed) as failure:
        validate_limit(LimitForm(EmploymentScheme.PAY_SUBSIDY, "60", "", min_months="5", max_months="3"))
    assert [e.field for e in failure.value.errors] == ["effective_from", "variant", "max_months"]
