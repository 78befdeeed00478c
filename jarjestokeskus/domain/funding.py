"""Funders' default rules: instalments and reporting due dates, chosen by their effective date."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Protocol

from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_count, parse_date, parse_money
from jarjestokeskus.i18n import N_, _

CENT = Decimal("0.01")

RULE_LABELS = {
    "instrument": N_("Instrument"),
    "funder": N_("Funder"),
    "kind": N_("Report"),
    "due_day": N_("Due day"),
    "due_month": N_("Due month"),
    "years_after": N_("Years after the funding year"),
    "months": N_("Months of the instalments"),
    "day": N_("Day of the month"),
    "effective_from": N_("In force from"),
    "every_grant_year": N_("Every year of the grant"),
    "note": N_("Note"),
    "source": N_("Source"),
}


def rule_label(key: str) -> str:
    return _(RULE_LABELS[key])


class InstalmentRuleLike(Protocol):
    instrument: FundingInstrument
    months: str
    day: int
    effective_from: date


class ReportingRuleLike(Protocol):
    instrument: FundingInstrument
    funder_id: uuid.UUID | None
    kind: ReportKind
    due_month: int
    due_day: int
    years_after: int
    every_grant_year: bool
    effective_from: date


def rule_date(year: int) -> date:
    """The day a funding's rules are judged by: the start of its year."""
    return date(year, 1, 1)


def _safe_date(year: int, month: int, day: int) -> date:
    """`day` cut to the month's length, so 31 in a rule means "the end of the month"."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_months(text: str) -> list[int]:
    """ "2,5,8,11" → [2, 5, 8, 11]; raises ValueError on anything else."""
    months = [int(part) for part in text.replace(" ", "").split(",") if part]
    if any(not 1 <= m <= 12 for m in months) or len(set(months)) != len(months):
        raise ValueError(text)
    return sorted(months)


def instalment_rule_in_force(
    rules: Sequence[InstalmentRuleLike], instrument: FundingInstrument, on: date
) -> InstalmentRuleLike | None:
    """The instrument's rule with the latest `effective_from` on or before `on`."""
    candidates = [r for r in rules if r.instrument == instrument and r.effective_from <= on]
    return max(candidates, key=lambda r: r.effective_from, default=None)


def split_equally(total: Decimal, count: int) -> list[Decimal]:
    """`count` sums to the cent adding up to `total`; the first ones take the leftover cents."""
    if count <= 0:
        return []
    share = (total / count).quantize(CENT, rounding=ROUND_DOWN)
    leftover = int(((total - share * count) / CENT).to_integral_value())
    return [share + (CENT if index < leftover else Decimal(0)) for index in range(count)]


def default_instalments(
    rules: Sequence[InstalmentRuleLike],
    instrument: FundingInstrument,
    year: int,
    granted: Decimal | None,
    first_grant: bool = False,
) -> list[tuple[date, Decimal]]:
    """The planned instalments (due date, amount) of a grant by the rule of its year.

    None for a first grant (paid by payment request), without a granted sum, or when the rule
    has no months (a payment plan or payment requests).
    """
    if first_grant or granted is None or granted <= 0:
        return []
    rule = instalment_rule_in_force(rules, instrument, rule_date(year))
    if rule is None or not clean(rule.months):
        return []
    months = parse_months(rule.months)
    amounts = split_equally(granted, len(months))
    return [
        (_safe_date(year, month, rule.day), amount) for month, amount in zip(months, amounts, strict=True)
    ]


def reporting_rules_in_force(
    rules: Sequence[ReportingRuleLike],
    instrument: FundingInstrument,
    funder_id: uuid.UUID | None,
    on: date,
) -> list[ReportingRuleLike]:
    """For each kind of report: the latest rule in force; a funder's own rule beats the general one."""
    chosen: dict[ReportKind, ReportingRuleLike] = {}
    for rule in sorted(rules, key=lambda r: r.effective_from):
        if rule.instrument != instrument or rule.effective_from > on:
            continue
        if rule.funder_id is not None and rule.funder_id != funder_id:
            continue
        current = chosen.get(rule.kind)
        if current is not None and current.funder_id is not None and rule.funder_id is None:
            continue  # the funder's own rule stays, even against a newer general one
        chosen[rule.kind] = rule
    return sorted(chosen.values(), key=lambda r: (r.years_after, r.due_month, r.due_day))


def default_obligations(
    rules: Sequence[ReportingRuleLike],
    instrument: FundingInstrument,
    funder_id: uuid.UUID | None,
    year: int,
    last_year: int | None = None,
) -> list[tuple[ReportKind, date]]:
    """The reporting obligations (kind, due date) of a funding of `year` by the rules of its year.

    A rule for every year of the grant repeats for each year from `year` to `last_year` (the
    year its use ends: a three-year C grant reports for each of its three years).
    """
    years = range(year, max(year, last_year or year) + 1)
    obligations = [
        (rule.kind, _safe_date(grant_year + rule.years_after, rule.due_month, rule.due_day))
        for rule in reporting_rules_in_force(rules, instrument, funder_id, rule_date(year))
        for grant_year in (years if rule.every_grant_year else (year,))
    ]
    return sorted(obligations, key=lambda item: (item[1], item[0].value))


def last_year_of_use(use_until_text: str) -> int | None:
    """The year a grant's use ends, from the typed date; None when not (yet) a date."""
    day = parse_date(use_until_text, "use_until", "", Errors())
    return day.year if day is not None else None


def defaults_inputs(year_text: str, granted_text: str) -> tuple[int, Decimal | None]:
    """The year and granted sum the defaults are computed from; ValidationFailed names the field."""
    from jarjestokeskus.domain.projects import label

    errors = Errors()
    year = parse_count(year_text, "year", label("year"), errors)
    if year is None and not errors.items:
        errors.add("year", _("{field}: required").format(field=label("year")))
    granted = parse_money(granted_text, "amount_granted", label("amount_granted"), errors)
    errors.raise_if_any()
    assert year is not None
    return year, granted


# --- editing the rules ---------------------------------------------------------------------


@dataclass
class InstalmentRuleForm:
    instrument: FundingInstrument = FundingInstrument.STEA_AK
    months: str = ""
    day: str = "1"
    effective_from: str = ""
    note: str = ""
    source: str = ""


@dataclass
class ReportingRuleForm:
    instrument: FundingInstrument = FundingInstrument.STEA_AK
    kind: ReportKind = ReportKind.ANNUAL_GRANT_REPORT
    due_day: str = ""
    due_month: str = ""
    years_after: str = "1"
    effective_from: str = ""
    note: str = ""
    funder_id: uuid.UUID | None = None
    every_grant_year: bool = False
    source: str = ""


def _required(text: str, key: str, errors: Errors) -> bool:
    if clean(text):
        return True
    errors.add(key, _("{field}: required").format(field=rule_label(key)))
    return False


def _in_range(value: int | None, low: int, high: int, key: str, errors: Errors) -> int | None:
    if value is not None and not low <= value <= high:
        errors.add(
            key,
            _("{field}: a number from {low} to {high}").format(field=rule_label(key), low=low, high=high),
        )
        return None
    return value


def validate_instalment_rule(form: InstalmentRuleForm) -> dict[str, object]:
    errors = Errors()
    months = ""
    if clean(form.months):
        try:
            months = ",".join(str(m) for m in parse_months(form.months))
        except ValueError:
            errors.add(
                "months",
                _("{field}: months 1–12 separated by commas, for example 2,5,8,11").format(
                    field=rule_label("months")
                ),
            )
    day = _in_range(parse_count(form.day, "day", rule_label("day"), errors), 1, 31, "day", errors)
    effective = None
    if _required(form.effective_from, "effective_from", errors):
        effective = parse_date(form.effective_from, "effective_from", rule_label("effective_from"), errors)
    check_length(clean(form.note), 2000, "note", rule_label("note"), errors)
    check_length(clean(form.source), 300, "source", rule_label("source"), errors)
    errors.raise_if_any()
    return {
        "instrument": form.instrument,
        "months": months,
        "day": day or 1,
        "effective_from": effective,
        "note": clean(form.note),
        "source": clean(form.source),
    }


def validate_reporting_rule(form: ReportingRuleForm) -> dict[str, object]:
    errors = Errors()
    values: dict[str, object] = {}
    for key, low, high in (("due_day", 1, 31), ("due_month", 1, 12), ("years_after", 0, 5)):
        if _required(getattr(form, key), key, errors):
            number = parse_count(getattr(form, key), key, rule_label(key), errors)
            values[key] = _in_range(number, low, high, key, errors)
    effective = None
    if _required(form.effective_from, "effective_from", errors):
        effective = parse_date(form.effective_from, "effective_from", rule_label("effective_from"), errors)
    check_length(clean(form.note), 2000, "note", rule_label("note"), errors)
    check_length(clean(form.source), 300, "source", rule_label("source"), errors)
    errors.raise_if_any()
    values.update(
        instrument=form.instrument,
        kind=form.kind,
        funder_id=form.funder_id,
        every_grant_year=form.every_grant_year,
        effective_from=effective,
        note=clean(form.note),
        source=clean(form.source),
    )
    return values
