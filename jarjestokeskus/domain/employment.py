"""A staff member and their employment or scheme periods as typed in the form, and their rules.

Only what the work needs (DOMAIN.md): name, work contact, scheme, dates, working time,
decision, outcome. No identity codes, no health information, no reason for a scheme.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jarjestokeskus.domain.enums import DecidingAuthority, EmploymentOutcome, EmploymentScheme
from jarjestokeskus.domain.scheme_limits import Period
from jarjestokeskus.domain.validation import (
    Errors,
    check_email,
    check_length,
    check_period,
    clean,
    parse_count,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import N_, _

LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "scheme": N_("Scheme"),
    "title": N_("Title"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "hours_per_week": N_("Hours a week"),
    "days_per_week": N_("Days a week"),
    "hours_per_day": N_("Hours a day"),
    "supervisor": N_("Supervisor"),
    "deciding_authority_kind": N_("Deciding authority"),
    "deciding_authority": N_("Name of the authority"),
    "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"),
    "subsidy_percent": N_("Subsidy percent"),
    "subsidy_monthly_cap": N_("Monthly cap"),
    "allowance_per_day": N_("Allowance per day"),
    "long_term_unemployed": N_("Long-term unemployed"),
    "unemployed_months": N_("Unemployed before, months"),
    "decided_max_months": N_("Longest by the decision, months"),
    "outcome": N_("Outcome"),
    "outcome_note": N_("Note on the outcome"),
    "project": N_("Project"),
    "share_percent": N_("Share %"),
}

# Schemes whose working time is days a week and hours a day rather than hours a week.
DAY_SCHEMES = (EmploymentScheme.WORK_TRIAL, EmploymentScheme.REHABILITATIVE_WORK)
# Schemes that are not employment: their people are participants, never employed persons or
# person-years of staff.
PARTICIPANT_SCHEMES = frozenset(DAY_SCHEMES)

_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$", re.ASCII)


def label(key: str) -> str:
    return _(LABELS[key])


@dataclass
class FundingShareForm:
    project_id: uuid.UUID | None = None
    share_percent: str = ""
    funding_id: uuid.UUID | None = None


@dataclass
class EmploymentForm:
    """One period as typed; text stays text until `validate` accepts it."""

    scheme: EmploymentScheme = EmploymentScheme.FIXED_TERM
    title: str = ""
    start_date: str = ""
    end_date: str = ""
    hours_per_week: str = ""
    days_per_week: str = ""
    hours_per_day: str = ""
    supervisor_id: uuid.UUID | None = None
    deciding_authority_kind: DecidingAuthority | None = None
    deciding_authority: str = ""
    decision_number: str = ""
    decision_date: str = ""
    subsidy_percent: str = ""
    subsidy_monthly_cap: str = ""
    allowance_per_day: str = ""
    long_term_unemployed: bool = False
    unemployed_months: str = ""
    decided_max_months: str = ""
    outcome: EmploymentOutcome | None = None
    outcome_note: str = ""
    fundings: list[FundingShareForm] = dataclasses.field(default_factory=list)
    employment_id: uuid.UUID | None = None


@dataclass
class PersonForm:
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    employments: list[EmploymentForm] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class FundingShareValues:
    project_id: uuid.UUID
    share_percent: Decimal
    funding_id: uuid.UUID | None


@dataclass(frozen=True)
class EmploymentValues:
    """One checked period; `scalars` are the Employment columns."""

    scalars: dict[str, object]
    fundings: tuple[FundingShareValues, ...]
    employment_id: uuid.UUID | None

    def period(self, same_employer: bool = True) -> Period:
        s = self.scalars
        return Period(
            scheme=s["scheme"],  # type: ignore[arg-type]
            start_date=s["start_date"],  # type: ignore[arg-type]
            end_date=s["end_date"],  # type: ignore[arg-type]
            hours_per_week=s["hours_per_week"],  # type: ignore[arg-type]
            days_per_week=s["days_per_week"],  # type: ignore[arg-type]
            hours_per_day=s["hours_per_day"],  # type: ignore[arg-type]
            subsidy_percent=s["subsidy_percent"],  # type: ignore[arg-type]
            subsidy_monthly_cap=s["subsidy_monthly_cap"],  # type: ignore[arg-type]
            allowance_per_day=s["allowance_per_day"],  # type: ignore[arg-type]
            same_employer=same_employer,
            long_term_unemployed=bool(s["long_term_unemployed"]),
            unemployed_months=s["unemployed_months"],  # type: ignore[arg-type]
            decided_max_months=s["decided_max_months"],  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class PersonValues:
    scalars: dict[str, str]
    employments: tuple[EmploymentValues, ...]


def parse_number(
    text: str | None, field: str, label_text: str, errors: Errors, maximum: Decimal
) -> Decimal | None:
    """A decimal number 0…maximum, typed with a comma or a point; empty is None."""
    value = clean(text).replace(",", ".").replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if value.startswith(("-", "\u2212")):
        errors.add(field, _("{field}: cannot be negative").format(field=label_text))
        return None
    try:
        if not _NUMBER.match(value):
            raise InvalidOperation(value)
        number = Decimal(value)
    except InvalidOperation:
        errors.add(field, _("{field}: not a number").format(field=label_text))
        return None
    if number > maximum:
        errors.add(
            field,
            _("{field}: at most {limit}").format(field=label_text, limit=format(maximum.normalize(), "f")),
        )
        return None
    return number.quantize(Decimal("0.01"))


def validate(form: PersonForm) -> PersonValues:
    """Check the person and every period; raises ValidationFailed naming each wrong field.

    A period's field key is prefixed "employments[i]." and a share's "employments[i].fundings[j].".
    """
    errors = Errors()
    first, last = clean(form.first_name), clean(form.last_name)
    if not first and not last:
        errors.add("last_name", _("{field}: required").format(field=label("last_name")))
    check_length(first, 100, "first_name", label("first_name"), errors)
    check_length(last, 100, "last_name", label("last_name"), errors)
    phone = clean(form.phone)
    check_length(phone, 40, "phone", label("phone"), errors)
    email = check_email(form.email, "email", label("email"), errors) or ""
    employments = tuple(
        _validate_employment(row, f"employments[{index}].", errors)
        for index, row in enumerate(form.employments)
    )
    errors.raise_if_any()
    return PersonValues({"first_name": first, "last_name": last, "email": email, "phone": phone}, employments)


def _validate_employment(row: EmploymentForm, prefix: str, errors: Errors) -> EmploymentValues:
    def key(name: str) -> str:
        return prefix + name

    title = clean(row.title)
    check_length(title, 120, key("title"), label("title"), errors)
    start = parse_date(row.start_date, key("start_date"), label("start_date"), errors)
    if start is None and not clean(row.start_date):
        errors.add(key("start_date"), _("{field}: required").format(field=label("start_date")))
    end = parse_date(row.end_date, key("end_date"), label("end_date"), errors)
    check_period(start, end, key("end_date"), label("end_date"), errors)
    decision_date = parse_date(row.decision_date, key("decision_date"), label("decision_date"), errors)
    authority = clean(row.deciding_authority)
    check_length(authority, 120, key("deciding_authority"), label("deciding_authority"), errors)
    decision_number = clean(row.decision_number)
    check_length(decision_number, 80, key("decision_number"), label("decision_number"), errors)
    scalars: dict[str, object] = {
        "scheme": row.scheme,
        "title": title,
        "start_date": start,
        "end_date": end,
        "hours_per_week": parse_number(
            row.hours_per_week, key("hours_per_week"), label("hours_per_week"), errors, Decimal(168)
        ),
        "days_per_week": parse_number(
            row.days_per_week, key("days_per_week"), label("days_per_week"), errors, Decimal(7)
        ),
        "hours_per_day": parse_number(
            row.hours_per_day, key("hours_per_day"), label("hours_per_day"), errors, Decimal(24)
        ),
        "supervisor_id": row.supervisor_id,
        "deciding_authority_kind": row.deciding_authority_kind,
        "deciding_authority": authority,
        "decision_number": decision_number,
        "decision_date": decision_date,
        "subsidy_percent": parse_number(
            row.subsidy_percent, key("subsidy_percent"), label("subsidy_percent"), errors, Decimal(100)
        ),
        "subsidy_monthly_cap": parse_money(
            row.subsidy_monthly_cap, key("subsidy_monthly_cap"), label("subsidy_monthly_cap"), errors
        ),
        "allowance_per_day": parse_money(
            row.allowance_per_day, key("allowance_per_day"), label("allowance_per_day"), errors
        ),
        "long_term_unemployed": bool(row.long_term_unemployed),
        "unemployed_months": parse_count(
            row.unemployed_months, key("unemployed_months"), label("unemployed_months"), errors
        ),
        "decided_max_months": parse_count(
            row.decided_max_months, key("decided_max_months"), label("decided_max_months"), errors
        ),
        "outcome": row.outcome,
        "outcome_note": clean(row.outcome_note),
    }
    if row.outcome is not None and end is None:
        errors.add(
            key("outcome"),
            _("{field}: give the end date first; an outcome is what came after the period").format(
                field=label("outcome")
            ),
        )
    fundings = _validate_fundings(row.fundings, prefix, errors)
    return EmploymentValues(scalars, fundings, row.employment_id)


def _validate_fundings(
    rows: list[FundingShareForm], prefix: str, errors: Errors
) -> tuple[FundingShareValues, ...]:
    shares: list[FundingShareValues] = []
    seen: set[uuid.UUID] = set()
    total = Decimal(0)
    for index, row in enumerate(rows):
        key = f"{prefix}fundings[{index}]."
        if row.project_id is None:
            errors.add(key + "project", _("{field}: required").format(field=label("project")))
        elif row.project_id in seen:
            errors.add(
                key + "project", _("{field}: this project is already listed").format(field=label("project"))
            )
        share = parse_number(
            row.share_percent, key + "share_percent", label("share_percent"), errors, Decimal(100)
        )
        if share is None and not clean(row.share_percent):
            errors.add(key + "share_percent", _("{field}: required").format(field=label("share_percent")))
        if row.project_id is not None and share is not None and row.project_id not in seen:
            seen.add(row.project_id)
            total += share
            shares.append(FundingShareValues(row.project_id, share, row.funding_id))
    if total > 100:
        errors.add(
            f"{prefix}fundings[{len(rows) - 1}].share_percent",
            _("{field}: the shares add up to {total} %, more than 100 %").format(
                field=label("share_percent"), total=format(total.normalize(), "f")
            ),
        )
    return tuple(shares)
