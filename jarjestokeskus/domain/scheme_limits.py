"""The employment schemes' limits in force on a date, and the warnings a period outside them gets.

Limits are data with an effective date (the `scheme_limit` table): a period is judged by the
limits in force on its start date, so a stricter rule from a later date leaves earlier periods
as they were. Breaking a limit is a warning the user may accept, never an error.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _, format_date, format_number

# Pay subsidy: the same employer not again for the same person within this many years. The
# scheme_limit table has no column for it yet (a schema change); until then it lives here.
PAY_SUBSIDY_SAME_EMPLOYER_GAP_YEARS = 3
PAY_SUBSIDY_VARIANTS = ("50", "70", "100")


@dataclass(frozen=True)
class LimitRule:
    """One row of limits: a scheme (and variant) from `effective_from` on; None is not checked."""

    scheme: EmploymentScheme
    variant: str
    effective_from: date
    min_hours_per_day: Decimal | None = None
    max_hours_per_day: Decimal | None = None
    min_days_per_week: Decimal | None = None
    max_days_per_week: Decimal | None = None
    min_hours_per_week: Decimal | None = None
    min_months: int | None = None
    max_months: int | None = None
    max_months_same_organiser: int | None = None
    max_months_total: int | None = None
    subsidy_percent: Decimal | None = None
    monthly_cap: Decimal | None = None
    allowance_per_day: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class Period:
    """What the limits look at in one employment or scheme period."""

    scheme: EmploymentScheme
    start_date: date
    end_date: date | None
    hours_per_week: Decimal | None = None
    days_per_week: Decimal | None = None
    hours_per_day: Decimal | None = None
    subsidy_percent: Decimal | None = None
    subsidy_monthly_cap: Decimal | None = None
    allowance_per_day: Decimal | None = None
    same_employer: bool = True


def variant_of(scheme: EmploymentScheme, subsidy_percent: Decimal | None) -> str:
    """Pay subsidy is told apart by its percent ("50", "70", "100"); other schemes have none."""
    if scheme != EmploymentScheme.PAY_SUBSIDY or subsidy_percent is None:
        return ""
    return format(subsidy_percent.normalize(), "f")


def rule_in_force(
    rules: list[LimitRule], scheme: EmploymentScheme, variant: str, on: date
) -> LimitRule | None:
    """The rule with the latest effective date on or before `on` for this scheme and variant."""
    candidates = [r for r in rules if r.scheme == scheme and r.variant == variant and r.effective_from <= on]
    return max(candidates, key=lambda r: r.effective_from, default=None)


def months(start: date, end: date) -> Decimal:
    """Length of start..end (both days included) in months: whole calendar months + days / 30."""
    after = end + timedelta(days=1)
    whole = (after.year - start.year) * 12 + after.month - start.month
    while whole > 0 and _add_months(start, whole) > after:
        whole -= 1
    rest = (after - _add_months(start, whole)).days
    return (Decimal(whole) + Decimal(rest) / Decimal(30)).quantize(Decimal("0.1"))


def _add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _number(value: Decimal | int) -> str:
    return format_number(value)


def check_period(
    period: Period, rules: list[LimitRule], earlier: list[Period] | tuple[Period, ...] = ()
) -> list[FieldError]:
    """Warnings for a period outside the limits in force at its start; [] when within them.

    `earlier` are the person's other periods (of any scheme): the same scheme's months are
    added up with the same organiser and in total, and pay subsidy looks for the same employer
    within the last three years.
    """
    warnings: list[FieldError] = []

    def warn(field: str, message: str) -> None:
        warnings.append(FieldError(field, message))

    variant = variant_of(period.scheme, period.subsidy_percent)
    if period.scheme == EmploymentScheme.PAY_SUBSIDY and variant not in PAY_SUBSIDY_VARIANTS:
        warn(
            "subsidy_percent",
            _("Subsidy percent: pay subsidy is 50, 70 or 100 per cent, not {value}.").format(
                value=_number(period.subsidy_percent) if period.subsidy_percent is not None else "–"
            ),
        )
    if period.scheme == EmploymentScheme.PAY_SUBSIDY:
        _check_pay_subsidy_gap(period, earlier, warn)
    rule = rule_in_force(rules, period.scheme, variant, period.start_date)
    if rule is None:
        return warnings
    since = format_date(rule.effective_from)
    _check_working_time(period, rule, since, warn)
    _check_duration(period, rule, earlier, since, warn)
    subsidy_checks = (
        (
            "subsidy_percent",
            period.subsidy_percent,
            rule.subsidy_percent,
            _("Subsidy percent: {value} % is more than the {limit} % allowed from {since}."),
        ),
        (
            "subsidy_monthly_cap",
            period.subsidy_monthly_cap,
            rule.monthly_cap,
            _("Monthly cap: {value} € is more than the {limit} € allowed from {since}."),
        ),
        (
            "allowance_per_day",
            period.allowance_per_day,
            rule.allowance_per_day,
            _("Allowance per day: {value} € is more than the {limit} € in force from {since}."),
        ),
    )
    for field, value, limit, message in subsidy_checks:
        if value is not None and limit is not None and value > limit:
            warn(field, message.format(value=_number(value), limit=_number(limit), since=since))
    return warnings


def _check_working_time(period: Period, rule: LimitRule, since: str, warn) -> None:  # type: ignore[no-untyped-def]
    checks = (
        ("hours_per_day", period.hours_per_day, rule.min_hours_per_day, rule.max_hours_per_day),
        ("days_per_week", period.days_per_week, rule.min_days_per_week, rule.max_days_per_week),
        ("hours_per_week", period.hours_per_week, rule.min_hours_per_week, None),
    )
    names = {
        "hours_per_day": _("Hours a day"),
        "days_per_week": _("Days a week"),
        "hours_per_week": _("Hours a week"),
    }
    for field, value, low, high in checks:
        if value is None:
            continue
        if low is not None and value < low:
            warn(
                field,
                _("{field}: {value} is less than the minimum {limit} in force from {since}.").format(
                    field=names[field], value=_number(value), limit=_number(low), since=since
                ),
            )
        if high is not None and value > high:
            warn(
                field,
                _("{field}: {value} is more than the maximum {limit} in force from {since}.").format(
                    field=names[field], value=_number(value), limit=_number(high), since=since
                ),
            )


def _check_duration(period: Period, rule: LimitRule, earlier, since: str, warn) -> None:  # type: ignore[no-untyped-def]
    if period.end_date is None or period.end_date < period.start_date:
        return
    length = months(period.start_date, period.end_date)
    if rule.min_months is not None and length < rule.min_months:
        warn(
            "end_date",
            _(
                "Period: {months} months is shorter than the minimum {limit} months in force from {since}."
            ).format(months=_number(length), limit=rule.min_months, since=since),
        )
    if rule.max_months is not None and length > rule.max_months:
        warn(
            "end_date",
            _(
                "Period: {months} months is longer than the maximum {limit} months in force from {since}."
            ).format(months=_number(length), limit=rule.max_months, since=since),
        )
    same_scheme = [p for p in earlier if p.scheme == period.scheme and p.end_date is not None]
    if rule.max_months_same_organiser is not None:
        total = length + sum(
            (months(p.start_date, p.end_date) for p in same_scheme if p.same_employer), Decimal(0)
        )
        if total > rule.max_months_same_organiser:
            warn(
                "end_date",
                _(
                    "Period: {months} months in all with this organiser, more than the {limit} months "
                    "allowed from {since}."
                ).format(months=_number(total), limit=rule.max_months_same_organiser, since=since),
            )
    if rule.max_months_total is not None:
        total = length + sum((months(p.start_date, p.end_date) for p in same_scheme), Decimal(0))
        if total > rule.max_months_total:
            warn(
                "end_date",
                _(
                    "Period: {months} months in all in this scheme, more than the {limit} months allowed from {since}."
                ).format(months=_number(total), limit=rule.max_months_total, since=since),
            )


def _check_pay_subsidy_gap(period: Period, earlier, warn) -> None:  # type: ignore[no-untyped-def]
    years = PAY_SUBSIDY_SAME_EMPLOYER_GAP_YEARS
    try:
        window_start = period.start_date.replace(year=period.start_date.year - years)
    except ValueError:  # 29 February
        window_start = period.start_date.replace(year=period.start_date.year - years, day=28)
    for other in earlier:
        if other.scheme != EmploymentScheme.PAY_SUBSIDY or not other.same_employer:
            continue
        if other.start_date > period.start_date:
            continue
        if other.end_date is None or other.end_date >= window_start:
            warn(
                "start_date",
                _(
                    "Pay subsidy: this person had pay subsidy with the same employer until {end}; "
                    "not again within {years} years."
                ).format(end=format_date(other.end_date) if other.end_date else "–", years=years),
            )
            return
