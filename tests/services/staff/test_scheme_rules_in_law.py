"""The limits shipped with the program are the law's, each from the date it applies (issue 16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.services.staff.employment import limit_warnings
from jarjestokeskus.services.staff.scheme_limits import list_limits


def typed(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def warned(db: Database, *periods: EmploymentForm) -> list[str]:
    return [w.field for w in limit_warnings(db, PersonForm("Testi", "Henkilö", employments=list(periods)))]


def pay_subsidy(start: date, end: date, percent: str, **fields: object) -> EmploymentForm:
    return EmploymentForm(
        EmploymentScheme.PAY_SUBSIDY,
        start_date=typed(start),
        end_date=typed(end),
        hours_per_week="30",
        subsidy_percent=percent,
        **fields,  # type: ignore[arg-type]
    )


def test_every_shipped_limit_names_its_date_and_source(db: Database) -> None:
    rules = [r.rule for r in list_limits(db)]
    assert rules and all(r.source for r in rules)
    dates = {(r.scheme, r.variant): r.effective_from for r in rules}
    assert dates[EmploymentScheme.PAY_SUBSIDY, "50"] == date(2023, 7, 1)
    assert dates[EmploymentScheme.EMPLOYMENT_SUBSIDY_55, ""] == date(2023, 7, 1)
    subsidy_55 = next(r for r in rules if r.scheme == EmploymentScheme.EMPLOYMENT_SUBSIDY_55)
    assert subsidy_55.monthly_cap == Decimal("1770.00")
    assert "371/2023" in subsidy_55.source


def test_a_12_month_50_per_cent_subsidy_from_march_2024_is_warned(db: Database) -> None:
    period = pay_subsidy(date(2024, 3, 1), date(2025, 2, 28), "50")
    assert warned(db, period) == ["employments[0].end_date"]


def test_a_9_month_work_trial_in_2024_is_warned(db: Database) -> None:
    trial = EmploymentForm(
        EmploymentScheme.WORK_TRIAL,
        start_date="1.2.2024",
        end_date="31.10.2024",
        days_per_week="4",
        hours_per_day="6",
    )
    assert warned(db, trial) == ["employments[0].end_date"]  # 9 months > 6 with one organiser


def test_a_period_before_any_rule_is_said_to_be_unchecked(db: Database) -> None:
    old = pay_subsidy(date(2022, 1, 1), date(2022, 12, 31), "50")
    warnings = limit_warnings(db, PersonForm("A", "B", employments=[old]))
    assert [w.field for w in warnings] == ["employments[0].start_date"]
    assert "1.1.2022" in warnings[0].message


def test_the_70_per_cent_subsidy_continues_straight_after_the_previous_one(db: Database) -> None:
    first = pay_subsidy(date(2023, 9, 1), date(2025, 8, 31), "70")
    continuation = pay_subsidy(date(2025, 9, 1), date(2026, 8, 31), "70")
    assert warned(db, first, continuation) == []
    # The 50 % subsidy with the same employer within three years is warned.
    again = pay_subsidy(date(2025, 9, 1), date(2026, 1, 31), "50")
    assert warned(db, pay_subsidy(date(2024, 1, 1), date(2024, 5, 31), "50"), again) == [
        "employments[1].start_date"
    ]


def test_the_50_per_cent_subsidy_for_a_long_term_unemployed_person_aged_60(db: Database) -> None:
    two_years = pay_subsidy(
        date(2025, 1, 1), date(2026, 12, 31), "50", long_term_unemployed=True, decided_max_months="24"
    )
    assert warned(db, two_years) == []
    short_unemployment = pay_subsidy(date(2025, 1, 1), date(2025, 8, 31), "50", unemployed_months="6")
    assert warned(db, short_unemployment) == ["employments[0].end_date"]  # 8 months, 5 allowed


def test_rehabilitative_work_needs_long_term_unemployment_only_before_2026(db: Database) -> None:
    def rehabilitative(start: date, end: date) -> EmploymentForm:
        return EmploymentForm(
            EmploymentScheme.REHABILITATIVE_WORK,
            start_date=typed(start),
            end_date=typed(end),
            days_per_week="3",
            hours_per_day="5",
        )

    assert warned(db, rehabilitative(date(2025, 3, 1), date(2025, 8, 31))) == [
        "employments[0].long_term_unemployed"
    ]
    assert warned(db, rehabilitative(date(2026, 3, 2), date(2026, 8, 31))) == []


def test_the_55_plus_subsidy_needs_24_months_of_unemployment(db: Database) -> None:
    # Law 371/2023 as the employment services word it: unemployed 24 of the last 28 months.
    def subsidy_55(unemployed_months: str) -> EmploymentForm:
        return EmploymentForm(
            EmploymentScheme.EMPLOYMENT_SUBSIDY_55,
            start_date="1.9.2025",
            end_date="30.6.2026",
            hours_per_week="30",
            subsidy_percent="70",
            unemployed_months=unemployed_months,
        )

    assert warned(db, subsidy_55("12")) == ["employments[0].long_term_unemployed"]  # 0006 let it pass
    assert warned(db, subsidy_55("24")) == []


def test_rehabilitative_work_of_2020_is_checked_by_the_rule_of_2015(db: Database) -> None:
    # Law 142/2015: 1-4 days a week from 1.7.2015; before, no rule and so 'not checked'.
    five_days = EmploymentForm(
        EmploymentScheme.REHABILITATIVE_WORK,
        start_date="2.3.2020",
        end_date="31.8.2020",
        days_per_week="5",
        hours_per_day="5",
        long_term_unemployed=True,
    )
    assert warned(db, five_days) == ["employments[0].days_per_week"]
    rules = {(r.rule.scheme, r.rule.effective_from): r.rule for r in list_limits(db)}
    assert "142/2015" in rules[EmploymentScheme.REHABILITATIVE_WORK, date(2015, 7, 1)].source
