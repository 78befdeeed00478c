"""An agreement as typed in the form (parties, goals) and a monitoring entry, and the rules that check them."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from jarjestokeskus.domain.agreement_roles import InKindDirection, PartyRole, role_from_text
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MonitoringStatus
from jarjestokeskus.domain.validation import (
    Errors,
    check_length,
    check_period,
    clean,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import N_, _

LABELS = {
    "kind": N_("Kind"),
    "title_fi": N_("Title in Finnish"),
    "title_sv": N_("Title in Swedish"),
    "description": N_("Description"),
    "parent": N_("Framework agreement"),
    "conditional_on_funding": N_("Conditional on the funding"),
    "status": N_("Status"),
    "signed_on": N_("Signed on"),
    "valid_from": N_("Valid from"),
    "valid_to": N_("Valid to"),
    "renewal_notice_date": N_("Renewal notice date"),
    "yearly_value": N_("Yearly value"),
    "oral_agreed_by": N_("Agreed orally by"),
    "premises_address": N_("Address of the premises"),
    "premises_municipality": N_("Municipality of the premises"),
    "premises_area_m2": N_("Area (m²)"),
    "premises_rent": N_("Rent"),
    "premises_estimated_value": N_("Estimated yearly value"),
    "organisation": N_("Organisation"),
    "role": N_("Role"),
    "signatory": N_("Signatory"),
    "goal_title": N_("Goal"),
    "our_commitment": N_("Our commitment"),
    "counterparty_commitment": N_("Counterparty's commitment"),
    "indicator": N_("Indicator"),
    "follow_up_method": N_("How it is followed"),
    "entry_date": N_("Date"),
    "note": N_("Note"),
}


def label(key: str) -> str:
    return _(LABELS[key])


@dataclass
class PartyForm:
    organisation_id: uuid.UUID | None = None
    role: str = ""  # a note beside the coded role
    signatory: str = ""
    party_id: uuid.UUID | None = None
    role_kind: PartyRole | None = None


@dataclass
class GoalForm:
    title_fi: str = ""
    title_sv: str = ""
    our_commitment: str = ""
    counterparty_commitment: str = ""
    indicator: str = ""
    follow_up_method: str = ""
    goal_id: uuid.UUID | None = None


@dataclass
class AgreementForm:
    """What the user typed; text stays text until `validate` accepts it."""

    kind: AgreementKind = AgreementKind.FRAMEWORK_COOPERATION
    title_fi: str = ""
    title_sv: str = ""
    description: str = ""
    parent_id: uuid.UUID | None = None
    predecessor_id: uuid.UUID | None = None
    status: AgreementStatus = AgreementStatus.DRAFT
    signed_on: str = ""
    valid_from: str = ""
    valid_to: str = ""
    renewal_notice_date: str = ""
    yearly_value: str = ""
    oral_agreed_by: str = ""
    conditional_on_funding_id: uuid.UUID | None = None
    premises_address: str = ""
    premises_municipality_code: str | None = None  # chosen from the municipality register
    premises_area_m2: str = ""
    premises_rent: str = ""
    premises_free_of_charge: bool = False
    premises_estimated_value: str = ""
    premises_direction: InKindDirection = InKindDirection.RECEIVED
    parties: list[PartyForm] = dataclasses.field(default_factory=list)
    goals: list[GoalForm] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class PartyValues:
    organisation_id: uuid.UUID
    role: str
    signatory: str
    party_id: uuid.UUID | None
    role_kind: PartyRole | None = None


@dataclass(frozen=True)
class GoalValues:
    position: int
    title_fi: str
    title_sv: str
    our_commitment: str
    counterparty_commitment: str
    indicator: str
    follow_up_method: str
    goal_id: uuid.UUID | None


@dataclass(frozen=True)
class AgreementValues:
    """Checked values, ready to be stored."""

    scalars: dict[str, object]
    parties: list[PartyValues]
    goals: list[GoalValues]


@dataclass
class MonitoringForm:
    goal_id: uuid.UUID | None = None
    entry_date: str = ""
    status: MonitoringStatus = MonitoringStatus.ON_TRACK
    note: str = ""


@dataclass(frozen=True)
class MonitoringValues:
    goal_id: uuid.UUID
    entry_date: date
    status: MonitoringStatus
    note: str


def _required(errors: Errors, key: str, field: str) -> None:
    errors.add(key, _("{field}: required").format(field=label(field)))


def _area(text: str, errors: Errors) -> Decimal | None:
    value = clean(text).replace(",", ".").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not value:
        return None
    try:
        area = Decimal(value)
        if not area.is_finite():
            raise InvalidOperation(value)
    except InvalidOperation:
        errors.add("premises_area_m2", _("{field}: not a number").format(field=label("premises_area_m2")))
        return None
    if area < 0:
        errors.add(
            "premises_area_m2", _("{field}: cannot be negative").format(field=label("premises_area_m2"))
        )
        return None
    if area >= Decimal("100000000"):
        errors.add(
            "premises_area_m2", _("{field}: the number is too large").format(field=label("premises_area_m2"))
        )
        return None
    return area.quantize(Decimal("0.01"))


def validate(
    form: AgreementForm,
    agreement_id: uuid.UUID | None = None,
    parent_kind: AgreementKind | None = None,
) -> AgreementValues:
    """Check every field; raises ValidationFailed naming each wrong field by its key.

    `parent_kind` is the kind of the chosen parent agreement (the caller looks it up).
    """
    errors = Errors()
    scalars: dict[str, object] = {}
    for key, limit in (
        ("title_fi", 300),
        ("title_sv", 300),
        ("oral_agreed_by", 200),
        ("premises_address", 200),
    ):
        scalars[key] = clean(getattr(form, key))
        check_length(str(scalars[key]), limit, key, label(key), errors)
    scalars["description"] = clean(form.description)
    if not scalars["title_fi"] and not scalars["title_sv"]:
        errors.add("title_fi", _("Give the title in Finnish or in Swedish (or both)."))
    dates = {
        key: parse_date(getattr(form, key), key, label(key), errors)
        for key in ("signed_on", "valid_from", "valid_to", "renewal_notice_date")
    }
    check_period(dates["valid_from"], dates["valid_to"], "valid_to", label("valid_to"), errors)
    notice, end = dates["renewal_notice_date"], dates["valid_to"]
    if notice and end and notice > end:
        errors.add(
            "renewal_notice_date",
            _("{field}: must come before the agreement ends").format(field=label("renewal_notice_date")),
        )
    money = {
        key: parse_money(getattr(form, key), key, label(key), errors)
        for key in ("yearly_value", "premises_rent", "premises_estimated_value")
    }
    area = _area(form.premises_area_m2, errors)
    if form.kind == AgreementKind.ORAL:
        if not scalars["oral_agreed_by"]:
            _required(errors, "oral_agreed_by", "oral_agreed_by")
        if not clean(form.signed_on):
            errors.add(
                "signed_on",
                _("{field}: give the date when it was agreed").format(field=label("signed_on")),
            )
    if form.premises_free_of_charge:
        if money["premises_estimated_value"] is None and not clean(form.premises_estimated_value):
            errors.add(
                "premises_estimated_value",
                _("{field}: give the value of premises free of charge").format(
                    field=label("premises_estimated_value")
                ),
            )
        if money["premises_rent"]:
            errors.add(
                "premises_rent",
                _("{field}: premises free of charge have no rent").format(field=label("premises_rent")),
            )
    if form.parent_id is not None:
        if agreement_id is not None and form.parent_id == agreement_id:
            errors.add(
                "parent", _("{field}: an agreement cannot be its own parent").format(field=label("parent"))
            )
        elif parent_kind != AgreementKind.FRAMEWORK_COOPERATION:
            errors.add(
                "parent",
                _("{field}: choose a framework cooperation agreement").format(field=label("parent")),
            )
    scalars.update(
        kind=form.kind,
        status=form.status,
        parent_id=form.parent_id,
        predecessor_id=form.predecessor_id,
        conditional_on_funding_id=form.conditional_on_funding_id,
        premises_free_of_charge=bool(form.premises_free_of_charge),
        premises_municipality_code=form.premises_municipality_code or None,
        premises_direction=InKindDirection(form.premises_direction),
        premises_area_m2=area,
        **dates,
        **money,
    )
    if form.premises_free_of_charge and money["premises_rent"] is None:
        scalars["premises_rent"] = Decimal("0.00")

    parties: list[PartyValues] = []
    seen: set[uuid.UUID] = set()
    for index, party in enumerate(form.parties):
        key = f"parties[{index}].organisation"
        if party.organisation_id is None:
            _required(errors, key, "organisation")
            continue
        if party.organisation_id in seen:
            errors.add(
                key,
                _("{field}: this organisation is already a party").format(field=label("organisation")),
            )
            continue
        seen.add(party.organisation_id)
        role, signatory = clean(party.role), clean(party.signatory)
        check_length(role, 80, f"parties[{index}].role", label("role"), errors)
        check_length(signatory, 200, f"parties[{index}].signatory", label("signatory"), errors)
        role_kind = party.role_kind
        if role_kind is None and role:  # a known word typed as the role is the coded role
            role_kind, role = role_from_text(role)
        parties.append(PartyValues(party.organisation_id, role, signatory, party.party_id, role_kind))

    goals: list[GoalValues] = []
    for index, goal in enumerate(form.goals):
        key = f"goals[{index}]."
        title_fi, title_sv = clean(goal.title_fi), clean(goal.title_sv)
        if not title_fi and not title_sv:
            errors.add(key + "title_fi", _("{field}: required").format(field=label("goal_title")))
        check_length(title_fi, 300, key + "title_fi", label("goal_title"), errors)
        check_length(title_sv, 300, key + "title_sv", label("goal_title"), errors)
        goals.append(
            GoalValues(
                index,
                title_fi,
                title_sv,
                clean(goal.our_commitment),
                clean(goal.counterparty_commitment),
                clean(goal.indicator),
                clean(goal.follow_up_method),
                goal.goal_id,
            )
        )
    errors.raise_if_any()
    return AgreementValues(scalars, parties, goals)


def validate_entry(form: MonitoringForm, today: date | None = None) -> MonitoringValues:
    """A monitoring entry needs its goal and a date that is not in the future."""
    errors = Errors()
    when = parse_date(form.entry_date, "entry_date", label("entry_date"), errors)
    if when is None and not clean(form.entry_date):
        _required(errors, "entry_date", "entry_date")
    if when is not None and when > (today or date.today()):
        errors.add("entry_date", _("{field}: cannot be in the future").format(field=label("entry_date")))
    if form.goal_id is None:
        _required(errors, "goal", "goal_title")
    errors.raise_if_any()
    assert when is not None and form.goal_id is not None
    return MonitoringValues(form.goal_id, when, form.status, clean(form.note))


def overlaps_year(valid_from: date | None, valid_to: date | None, year: int) -> bool:
    """Open ends count as open: an agreement without an end is valid every later year."""
    return (valid_from is None or valid_from <= date(year, 12, 31)) and (
        valid_to is None or valid_to >= date(year, 1, 1)
    )
