"""A row of scheme limits as typed in the limits dialog, and the rules that check it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jarjestokeskus.domain.employment import parse_number
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.scheme_limits import PAY_SUBSIDY_VARIANTS, LimitRule
from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_count, parse_date, parse_money
from jarjestokeskus.i18n import N_, _

LIMIT_LABELS = {
    "scheme": N_("Scheme"),
    "variant": N_("Variant"),
    "effective_from": N_("In force from"),
    "min_hours_per_day": N_("Hours a day, at least"),
    "max_hours_per_day": N_("Hours a day, at most"),
    "min_days_per_week": N_("Days a week, at least"),
    "max_days_per_week": N_("Days a week, at most"),
    "min_hours_per_week": N_("Hours a week, at least"),
    "min_months": N_("Months, at least"),
    "max_months": N_("Months, at most"),
    "max_months_same_organiser": N_("Months with the same organiser, at most"),
    "max_months_total": N_("Months in total, at most"),
    "subsidy_percent": N_("Subsidy percent"),
    "monthly_cap": N_("Monthly cap"),
    "allowance_per_day": N_("Allowance per day"),
    "same_employer_gap_years": N_("Years before the same employer again"),
    "long_term_unemployed_months": N_("Long-term unemployed from, months"),
    "max_months_long_term_unemployed": N_("Months at most, long-term unemployed"),
    "max_months_aged_60": N_("Months at most, long-term unemployed aged 60+"),
    "requires_long_term_unemployed": N_("Only for the long-term unemployed"),
    "note": N_("Note"),
    "source": N_("Source"),
}

NUMBER_FIELDS = {
    "min_hours_per_day": Decimal(24),
    "max_hours_per_day": Decimal(24),
    "min_days_per_week": Decimal(7),
    "max_days_per_week": Decimal(7),
    "min_hours_per_week": Decimal(168),
    "subsidy_percent": Decimal(100),
}
COUNT_FIELDS = (
    "min_months",
    "max_months",
    "max_months_same_organiser",
    "max_months_total",
    "same_employer_gap_years",
    "long_term_unemployed_months",
    "max_months_long_term_unemployed",
    "max_months_aged_60",
)
MONEY_FIELDS = ("monthly_cap", "allowance_per_day")
LIMIT_FIELDS = (*NUMBER_FIELDS, *COUNT_FIELDS, *MONEY_FIELDS)


def limit_label(key: str) -> str:
    return _(LIMIT_LABELS[key])


@dataclass
class LimitForm:
    """Every limit as typed text; empty means "not checked"."""

    scheme: EmploymentScheme = EmploymentScheme.WORK_TRIAL
    variant: str = ""
    effective_from: str = ""
    min_hours_per_day: str = ""
    max_hours_per_day: str = ""
    min_days_per_week: str = ""
    max_days_per_week: str = ""
    min_hours_per_week: str = ""
    min_months: str = ""
    max_months: str = ""
    max_months_same_organiser: str = ""
    max_months_total: str = ""
    subsidy_percent: str = ""
    monthly_cap: str = ""
    allowance_per_day: str = ""
    same_employer_gap_years: str = ""
    long_term_unemployed_months: str = ""
    max_months_long_term_unemployed: str = ""
    max_months_aged_60: str = ""
    requires_long_term_unemployed: bool = False
    note: str = ""
    source: str = ""


def validate_limit(form: LimitForm) -> LimitRule:
    """Raises ValidationFailed naming each wrong field."""
    errors = Errors()
    values: dict[str, object] = {}
    effective = parse_date(form.effective_from, "effective_from", limit_label("effective_from"), errors)
    if effective is None and not clean(form.effective_from):
        errors.add("effective_from", _("{field}: required").format(field=limit_label("effective_from")))
    variant = clean(form.variant)
    if form.scheme == EmploymentScheme.PAY_SUBSIDY and variant not in PAY_SUBSIDY_VARIANTS:
        errors.add("variant", _("{field}: pay subsidy is 50, 70 or 100").format(field=limit_label("variant")))
    if form.scheme != EmploymentScheme.PAY_SUBSIDY:
        variant = ""
    for key, maximum in NUMBER_FIELDS.items():
        values[key] = parse_number(getattr(form, key), key, limit_label(key), errors, maximum)
    for key in COUNT_FIELDS:
        values[key] = parse_count(getattr(form, key), key, limit_label(key), errors)
    for key in MONEY_FIELDS:
        values[key] = parse_money(getattr(form, key), key, limit_label(key), errors)
    for low, high in (
        ("min_hours_per_day", "max_hours_per_day"),
        ("min_days_per_week", "max_days_per_week"),
        ("min_months", "max_months"),
    ):
        if values[low] is not None and values[high] is not None and values[low] > values[high]:  # type: ignore[operator]
            errors.add(high, _("{field}: less than the minimum").format(field=limit_label(high)))
    check_length(clean(form.source), 300, "source", limit_label("source"), errors)
    errors.raise_if_any()
    return LimitRule(
        form.scheme,
        variant,
        effective,  # type: ignore[arg-type]
        note=clean(form.note),
        source=clean(form.source),
        requires_long_term_unemployed=form.requires_long_term_unemployed,
        **values,  # type: ignore[arg-type]
    )
