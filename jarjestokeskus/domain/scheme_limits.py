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
    same_employer_gap_years: int | None = None
    long_term_unemployed_months: int | None = None
    max_months_long_term_unemployed: int | None = None
    max_months_aged_60: int | None = None
    requires_long_term_unemployed: bool = False
    note: str = ""
    source: str = ""


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
    long_term_unemployed: bool = False
    unemployed_months: int | None = None
    decided_max_months: int | None = None


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
    within the rule's gap. A scheme that has rules, but none yet on the period's start, gets
    "not checked" rather than silence.
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
    rule = rule_in_force(rules, period.scheme, variant, period.start_date)
    if rule is None:
        if any(r.scheme == period.scheme and r.variant == variant for r in rules):
            warn(
                "start_date",
                _("Not checked: no rule for {scheme} on {date}.").format(
                    scheme=period.scheme.label, date=format_date(period.start_date)
                ),
            )
        return warnings
    since = format_date(rule.effective_from)
    if rule.same_employer_gap_years is not None:
        _check_same_employer_gap(period, rule.same_employer_gap_years, earlier, warn)
    _check_long_term_unemployed(period, rule, since, warn)
    _check_working_time(period, rule, since, warn)
    _check_duration(period, rule, earlier, since, warn)
    subsidy_checks = (
        (
            "subsidy_percent",
            period.subsidy_percent,
            rule.subsidy_percent,
            _("Subsidy percent: {value} is more than the {limit} per cent allowed from {since}."),
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


def is_long_term_unemployed(period: Period, rule: LimitRule) -> bool:
    """Ticked on the period, or unemployed long enough by the months recorded."""
    threshold = rule.long_term_unemployed_months
    known = period.unemployed_months is not None and threshold is not None
    return period.long_term_unemployed or (known and period.unemployed_months >= threshold)  # type: ignore[operator]


def _longest(rule: LimitRule) -> int | None:
    """The longest any period of the rule may be (for a long-term unemployed person aged 60+)."""
    limits = (rule.max_months, rule.max_months_long_term_unemployed, rule.max_months_aged_60)
    return max((m for m in limits if m), default=None)


def allowed_months(period: Period, rule: LimitRule) -> int | None:
    """The longest the period may be: the decision's stated maximum within the law's longest,
    else by the unemployment recorded (a long-term unemployed person gets the longer maximum;
    with nothing recorded the longer one is given the benefit of the doubt)."""
    longest = _longest(rule)
    if period.decided_max_months is not None:
        return period.decided_max_months if longest is None else min(period.decided_max_months, longest)
    if rule.max_months_long_term_unemployed is None:
        return rule.max_months
    nothing_recorded = period.unemployed_months is None and not period.long_term_unemployed
    if nothing_recorded or is_long_term_unemployed(period, rule):
        return rule.max_months_long_term_unemployed
    return rule.max_months


def _check_long_term_unemployed(period: Period, rule: LimitRule, since: str, warn) -> None:  # type: ignore[no-untyped-def]
    if rule.requires_long_term_unemployed and not is_long_term_unemployed(period, rule):
        warn(
            "long_term_unemployed",
            _("Long-term unemployed: the rules in force from {since} ask for it ({limit} months).").format(
                since=since, limit=rule.long_term_unemployed_months or "–"
            ),
        )


def _check_duration(period: Period, rule: LimitRule, earlier, since: str, warn) -> None:  # type: ignore[no-untyped-def]
    longest = _longest(rule)
    if period.decided_max_months is not None and longest is not None and period.decided_max_months > longest:
        warn(
            "decided_max_months",
            _(
                "Longest by the decision: {value} months is more than the {limit} months allowed from {since}."
            ).format(value=period.decided_max_months, limit=longest, since=since),
        )
    if period.end_date is None or period.end_date < period.start_date:
        return
    length = months(period.start_date, period.end_date)
    maximum = allowed_months(period, rule)
    if rule.min_months is not None and length < rule.min_months:
        warn(
            "end_date",
            _(
                "Period: {months} months is shorter than the minimum {limit} months in force from {since}."
            ).format(months=_number(length), limit=rule.min_months, since=since),
        )
    if maximum is not None and length > maximum:
        warn(
            "end_date",
            _(
                "Period: {months} months is longer than the maximum {limit} months in force from {since}."
            ).format(months=_number(length), limit=maximum, since=since),
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


def _check_same_employer_gap(period: Period, years: int, earlier, warn) -> None:  # type: ignore[no-untyped-def]
    try:
        window_start = period.start_date.replace(year=period.start_date.year - years)
    except ValueError:  # 29 February
        window_start = period.start_date.replace(year=period.start_date.year - years, day=28)
    for other in earlier:
        if other.scheme != period.scheme or not other.same_employer:
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
