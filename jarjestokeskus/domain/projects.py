"""A project as typed in the form (partners, status changes, fundings), and the rules that check it."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jarjestokeskus.domain.enums import FundingInstrument, PartnerRole, ProjectStatus, ReportKind
from jarjestokeskus.domain.validation import (
    Errors,
    check_length,
    check_period,
    clean,
    parse_count,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import N_, _

LABELS = {
    "code": N_("Code"),
    "name_fi": N_("Name in Finnish"),
    "name_sv": N_("Name in Swedish"),
    "description": N_("Description"),
    "owner": N_("Owner"),
    "status": N_("Status"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "changed_on": N_("Date of change"),
    "organisation": N_("Organisation"),
    "role": N_("Role"),
    "funder": N_("Funder"),
    "instrument": N_("Instrument"),
    "year": N_("Year"),
    "amount_applied": N_("Amount applied"),
    "applied_on": N_("Applied on"),
    "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"),
    "amount_granted": N_("Amount granted"),
    "own_contribution": N_("Own contribution"),
    "use_from": N_("Use from"),
    "use_until": N_("Use until"),
    "first_grant": N_("First grant"),
    "due_date": N_("Due date"),
    "amount": N_("Amount"),
    "paid_on": N_("Paid on"),
    "paid_amount": N_("Amount paid"),
    "kind": N_("Report"),
    "submitted_on": N_("Submitted on"),
}


def label(key: str) -> str:
    return _(LABELS[key])


@dataclass
class StatusChangeForm:
    status: ProjectStatus = ProjectStatus.IDEA
    changed_on: str = ""
    change_id: uuid.UUID | None = None


@dataclass
class PartnerForm:
    organisation_id: uuid.UUID | None = None
    role: PartnerRole = PartnerRole.PARTNER
    partner_id: uuid.UUID | None = None


@dataclass
class InstalmentForm:
    due_date: str = ""
    amount: str = ""
    paid_on: str = ""
    paid_amount: str = ""
    instalment_id: uuid.UUID | None = None


@dataclass
class ObligationForm:
    kind: ReportKind = ReportKind.ANNUAL_GRANT_REPORT
    due_date: str = ""
    submitted_on: str = ""
    obligation_id: uuid.UUID | None = None


@dataclass
class FundingForm:
    instrument: FundingInstrument = FundingInstrument.STEA_C
    funder_id: uuid.UUID | None = None
    year: str = ""
    amount_applied: str = ""
    applied_on: str = ""
    decision_number: str = ""
    decision_date: str = ""
    amount_granted: str = ""
    own_contribution: str = ""
    use_from: str = ""
    use_until: str = ""
    first_grant: bool = False
    instalments: list[InstalmentForm] = dataclasses.field(default_factory=list)
    obligations: list[ObligationForm] = dataclasses.field(default_factory=list)
    funding_id: uuid.UUID | None = None


@dataclass
class ProjectForm:
    """What the user typed; text stays text until `validate` accepts it."""

    code: str = ""
    name_fi: str = ""
    name_sv: str = ""
    description: str = ""
    owner_id: uuid.UUID | None = None
    status: ProjectStatus = ProjectStatus.IDEA
    start_date: str = ""
    end_date: str = ""
    status_changes: list[StatusChangeForm] = dataclasses.field(default_factory=list)
    partners: list[PartnerForm] = dataclasses.field(default_factory=list)
    fundings: list[FundingForm] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class StatusChangeValues:
    status: ProjectStatus
    changed_on: date
    change_id: uuid.UUID | None


@dataclass(frozen=True)
class PartnerValues:
    organisation_id: uuid.UUID
    role: PartnerRole
    partner_id: uuid.UUID | None


@dataclass(frozen=True)
class InstalmentValues:
    due_date: date
    amount: Decimal
    paid_on: date | None
    paid_amount: Decimal | None
    instalment_id: uuid.UUID | None


@dataclass(frozen=True)
class ObligationValues:
    kind: ReportKind
    due_date: date
    submitted_on: date | None
    obligation_id: uuid.UUID | None


@dataclass(frozen=True)
class FundingValues:
    scalars: dict[str, object]
    instalments: list[InstalmentValues]
    obligations: list[ObligationValues]
    funding_id: uuid.UUID | None


@dataclass(frozen=True)
class ProjectValues:
    """Checked values, ready to be stored."""

    scalars: dict[str, object]
    status_changes: list[StatusChangeValues]
    partners: list[PartnerValues]
    fundings: list[FundingValues]


def _required(errors: Errors, key: str, field: str) -> None:
    errors.add(key, _("{field}: required").format(field=label(field)))


def _date(text: str, key: str, field: str, errors: Errors, required: bool = False) -> date | None:
    value = parse_date(text, key, label(field), errors)
    if required and not clean(text):
        _required(errors, key, field)
    return value


def validate(form: ProjectForm) -> ProjectValues:
    """Check every field; raises ValidationFailed naming each wrong field by its key."""
    errors = Errors()
    scalars: dict[str, object] = {}
    for key, limit in (("code", 40), ("name_fi", 200), ("name_sv", 200)):
        scalars[key] = clean(getattr(form, key))
        check_length(str(scalars[key]), limit, key, label(key), errors)
    scalars["description"] = clean(form.description)
    if not scalars["name_fi"] and not scalars["name_sv"]:
        errors.add("name_fi", _("Give the name in Finnish or in Swedish (or both)."))
    start = _date(form.start_date, "start_date", "start_date", errors)
    end = _date(form.end_date, "end_date", "end_date", errors)
    check_period(start, end, "end_date", label("end_date"), errors)
    scalars.update(owner_id=form.owner_id, status=form.status, start_date=start, end_date=end)

    changes: list[StatusChangeValues] = []
    for index, change in enumerate(form.status_changes):
        key = f"status_changes[{index}].changed_on"
        when = _date(change.changed_on, key, "changed_on", errors, required=True)
        if when is not None:
            changes.append(StatusChangeValues(change.status, when, change.change_id))

    partners: list[PartnerValues] = []
    seen: set[tuple[uuid.UUID, PartnerRole]] = set()
    for index, partner in enumerate(form.partners):
        key = f"partners[{index}].organisation"
        if partner.organisation_id is None:
            _required(errors, key, "organisation")
            continue
        pair = (partner.organisation_id, partner.role)
        if pair in seen:
            errors.add(
                key,
                _("{field}: this organisation is already listed in this role").format(
                    field=label("organisation")
                ),
            )
            continue
        seen.add(pair)
        partners.append(PartnerValues(partner.organisation_id, partner.role, partner.partner_id))

    fundings = [_validate_funding(f"fundings[{i}].", f, errors) for i, f in enumerate(form.fundings)]
    errors.raise_if_any()
    return ProjectValues(scalars, changes, partners, [f for f in fundings if f is not None])


def _validate_funding(prefix: str, form: FundingForm, errors: Errors) -> FundingValues | None:
    before = len(errors.items)
    year = parse_count(form.year, prefix + "year", label("year"), errors)
    if year is None and not clean(form.year):
        _required(errors, prefix + "year", "year")
    elif year is not None and not 1900 <= year <= 2100:
        errors.add(prefix + "year", _("{field}: a year between 1900 and 2100").format(field=label("year")))
    money = {
        key: parse_money(getattr(form, key), prefix + key, label(key), errors)
        for key in ("amount_applied", "amount_granted", "own_contribution")
    }
    dates = {
        key: _date(getattr(form, key), prefix + key, key, errors)
        for key in ("applied_on", "decision_date", "use_from", "use_until")
    }
    if dates["applied_on"] and dates["decision_date"] and dates["decision_date"] < dates["applied_on"]:
        errors.add(
            prefix + "decision_date",
            _("{field}: cannot be before the application date").format(field=label("decision_date")),
        )
    if dates["use_from"] and dates["use_until"] and dates["use_until"] < dates["use_from"]:
        errors.add(
            prefix + "use_until",
            _("{field}: the period of use cannot end before it begins").format(field=label("use_until")),
        )
    number = clean(form.decision_number)
    check_length(number, 80, prefix + "decision_number", label("decision_number"), errors)

    granted = money["amount_granted"]
    instalments: list[InstalmentValues] = []
    running = Decimal(0)
    over = False
    for index, row in enumerate(form.instalments):
        key = f"{prefix}instalments[{index}]."
        due = _date(row.due_date, key + "due_date", "due_date", errors, required=True)
        amount = parse_money(row.amount, key + "amount", label("amount"), errors)
        if amount is None and not clean(row.amount):
            _required(errors, key + "amount", "amount")
        paid_on = _date(row.paid_on, key + "paid_on", "paid_on", errors)
        paid_amount = parse_money(row.paid_amount, key + "paid_amount", label("paid_amount"), errors)
        if amount is not None:
            running += amount
            if granted is not None and running > granted and not over:
                over = True
                errors.add(
                    key + "amount",
                    _("{field}: the instalments add up to more than the amount granted").format(
                        field=label("amount")
                    ),
                )
        if due is not None and amount is not None:
            instalments.append(InstalmentValues(due, amount, paid_on, paid_amount, row.instalment_id))
    if form.instalments and granted is None and not clean(form.amount_granted):
        errors.add(
            prefix + "amount_granted",
            _("{field}: give the amount granted before planning instalments").format(
                field=label("amount_granted")
            ),
        )

    obligations: list[ObligationValues] = []
    for index, row in enumerate(form.obligations):
        key = f"{prefix}obligations[{index}]."
        due = _date(row.due_date, key + "due_date", "due_date", errors, required=True)
        submitted = _date(row.submitted_on, key + "submitted_on", "submitted_on", errors)
        if due is not None:
            obligations.append(ObligationValues(row.kind, due, submitted, row.obligation_id))
    if len(errors.items) != before or year is None:
        return None
    scalars: dict[str, object] = {
        "instrument": form.instrument,
        "funder_id": form.funder_id,
        "year": year,
        "decision_number": number,
        "first_grant": bool(form.first_grant),
        **money,
        **dates,
    }
    return FundingValues(scalars, instalments, obligations, form.funding_id)
