"""An organisation as typed in the form, and the rules that turn it into valid values."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter

from jarjestokeskus.domain.enums import (
    Field,
    MembershipStatus,
    OrganisationKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.domain.validation import (
    Errors,
    check_business_id,
    check_email,
    check_length,
    check_period,
    check_register_number,
    clean,
    parse_count,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import N_, _, format_date

LABELS = {
    "name_fi": N_("Name in Finnish"),
    "name_sv": N_("Name in Swedish"),
    "former_names": N_("Earlier names"),
    "abbreviation": N_("Abbreviation"),
    "business_id": N_("Business ID"),
    "register_number": N_("Register number"),
    "kind": N_("Kind"),
    "field": N_("Field"),
    "working_language": N_("Working language"),
    "municipality": N_("Municipality"),
    "street_address": N_("Street address"),
    "postal_code": N_("Postal code"),
    "post_office": N_("Post office"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "website": N_("Website"),
    "staff_profile": N_("Staff profile"),
    "member_count": N_("Number of members"),
    "uses_municipal_premises": N_("Uses municipal premises"),
    "membership_status": N_("Membership status"),
    "member_since": N_("Member since"),
    "member_until": N_("Member until"),
    "notes": N_("Notes"),
    "year": N_("Year"),
    "amount": N_("Amount"),
    "paid_on": N_("Paid on"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "role": N_("Role"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
}


def label(key: str) -> str:
    return _(LABELS[key])


@dataclass
class FeeForm:
    year: str = ""
    amount: str = ""
    paid_on: str = ""
    fee_id: uuid.UUID | None = None


@dataclass
class RoleForm:
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    kind: RoleKind = RoleKind.CONTACT_PERSON
    start_date: str = ""
    end_date: str = ""
    role_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None


@dataclass
class OrganisationForm:
    """What the user typed; text stays text until `validate` accepts it."""

    name_fi: str = ""
    name_sv: str = ""
    abbreviation: str = ""
    business_id: str = ""
    register_number: str = ""
    kind: OrganisationKind = OrganisationKind.ASSOCIATION
    field: Field = Field.SOCIAL_HEALTH
    working_language: WorkingLanguage = WorkingLanguage.FINNISH
    municipality: str = ""
    street_address: str = ""
    postal_code: str = ""
    post_office: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    staff_profile: StaffProfile | None = None
    member_count: str = ""
    uses_municipal_premises: bool = False
    membership_status: MembershipStatus = MembershipStatus.NOT_MEMBER
    member_since: str = ""
    member_until: str = ""
    notes: str = ""
    fees: list[FeeForm] = dataclasses.field(default_factory=list)
    roles: list[RoleForm] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class FeeValues:
    year: int
    amount: Decimal
    paid_on: date | None
    fee_id: uuid.UUID | None


@dataclass(frozen=True)
class RoleValues:
    first_name: str
    last_name: str
    email: str
    phone: str
    kind: RoleKind
    start_date: date | None
    end_date: date | None
    role_id: uuid.UUID | None
    person_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)  # an import checks 100,000 of them
class OrganisationValues:
    """Checked values, ready to be stored."""

    scalars: dict[str, object]
    fees: list[FeeValues]
    roles: list[RoleValues]


_TEXT_LIMITS = {
    "name_fi": 200,
    "name_sv": 200,
    "abbreviation": 40,
    "municipality": 80,
    "street_address": 200,
    "postal_code": 10,
    "post_office": 80,
    "phone": 40,
    "website": 200,
}
_texts = attrgetter(*_TEXT_LIMITS)


def validate(form: OrganisationForm, today: date | None = None) -> OrganisationValues:
    """Check every field; raises ValidationFailed naming each wrong field."""
    errors = Errors()
    scalars: dict[str, object] = {}
    for (key, limit), text in zip(_TEXT_LIMITS.items(), _texts(form), strict=True):
        value = clean(text) if text else ""  # (most of an import's fields are empty)
        if len(value) > limit:  # the label is looked up for the message only (an import checks 100,000)
            check_length(value, limit, key, label(key), errors)
        scalars[key] = value
    scalars["notes"] = clean(form.notes)
    if not scalars["name_fi"] and not scalars["name_sv"]:
        errors.add("name_fi", _("Give the name in Finnish or in Swedish (or both)."))
    scalars["business_id"] = check_business_id(form.business_id, "business_id", label("business_id"), errors)
    scalars["register_number"] = None
    if clean(form.register_number):  # (each label is looked up only for a field that was given)
        scalars["register_number"] = check_register_number(
            form.register_number, "register_number", label("register_number"), errors
        )
    scalars["email"] = check_email(form.email, "email", label("email"), errors) or ""
    postal = scalars["postal_code"]
    if postal and not (str(postal).isascii() and str(postal).isdigit() and len(str(postal)) == 5):
        errors.add(
            "postal_code", _("{field}: five digits, for example 65100").format(field=label("postal_code"))
        )
    count, since, until = form.member_count, form.member_since, form.member_until
    scalars["member_count"] = (
        parse_count(count, "member_count", label("member_count"), errors) if count else None
    )
    since = parse_date(since, "member_since", label("member_since"), errors) if since else None
    until = parse_date(until, "member_until", label("member_until"), errors) if until else None
    if since and until:
        check_period(since, until, "member_until", label("member_until"), errors)
    if form.membership_status == MembershipStatus.MEMBER and until and today and until < today:
        errors.add(
            "member_until",
            _("{field}: a current member cannot have a membership that has ended").format(
                field=label("member_until")
            ),
        )
    scalars.update(
        kind=form.kind,
        field=form.field,
        working_language=form.working_language,
        staff_profile=form.staff_profile,
        uses_municipal_premises=bool(form.uses_municipal_premises),
        membership_status=form.membership_status,
        member_since=since,
        member_until=until,
    )
    fees = _validate_fees(form.fees, errors) if form.fees else []  # (an import's have none)
    roles = _validate_roles(form.roles, errors) if form.roles else []
    errors.raise_if_any()
    return OrganisationValues(scalars, fees, roles)


def _validate_fees(rows: list[FeeForm], errors: Errors) -> list[FeeValues]:
    fees: list[FeeValues] = []
    seen: set[int] = set()
    for index, row in enumerate(rows):
        prefix = f"fees[{index}]."
        year = parse_count(row.year, prefix + "year", label("year"), errors)
        if year is None and not clean(row.year):
            # Without a year the row would be dropped silently (and a stored fee archived).
            errors.add(prefix + "year", _("{field}: required").format(field=label("year")))
        elif year is not None and not 1900 <= year <= 2100:
            errors.add(
                prefix + "year", _("{field}: a year between 1900 and 2100").format(field=label("year"))
            )
            year = None
        elif year is not None and year in seen:
            errors.add(
                prefix + "year",
                _("{field}: the fee of this year is already listed").format(field=label("year")),
            )
        amount = parse_money(row.amount, prefix + "amount", label("amount"), errors)
        if amount is None and not clean(row.amount):
            errors.add(prefix + "amount", _("{field}: required").format(field=label("amount")))
        paid_on = parse_date(row.paid_on, prefix + "paid_on", label("paid_on"), errors)
        if year is not None and amount is not None:
            seen.add(year)
            fees.append(FeeValues(year, amount, paid_on, row.fee_id))
    return fees


def _validate_roles(rows: list[RoleForm], errors: Errors) -> list[RoleValues]:
    roles: list[RoleValues] = []
    for index, row in enumerate(rows):
        prefix = f"roles[{index}]."
        first, last = clean(row.first_name), clean(row.last_name)
        if not first and not last:
            errors.add(prefix + "last_name", _("{field}: required").format(field=label("last_name")))
        check_length(first, 100, prefix + "first_name", label("first_name"), errors)
        check_length(last, 100, prefix + "last_name", label("last_name"), errors)
        check_length(clean(row.phone), 40, prefix + "phone", label("phone"), errors)
        email = check_email(row.email, prefix + "email", label("email"), errors) or ""
        start = parse_date(row.start_date, prefix + "start_date", label("start_date"), errors)
        end = parse_date(row.end_date, prefix + "end_date", label("end_date"), errors)
        check_period(start, end, prefix + "end_date", label("end_date"), errors)
        roles.append(
            RoleValues(first, last, email, clean(row.phone), row.kind, start, end, row.role_id, row.person_id)
        )
    return roles


# --- earlier names: each with a name, the day until which it was used and, when known, the day
# from which; no two used on the same day -------------------------------------------------------
FORMER_NAME_LABELS = {
    "name_fi": N_("Name in Finnish"),
    "name_sv": N_("Name in Swedish"),
    "valid_from": N_("Used from"),
    "valid_until": N_("Used until"),
}
FORMER_NAME_LIMIT = 200  # the columns' length


def former_name_label(key: str) -> str:
    return _(FORMER_NAME_LABELS[key])


@dataclass(frozen=True)
class FormerNameForm:
    """One row as typed; `name_id` and `version` of a stored name."""

    name_fi: str = ""
    name_sv: str = ""
    valid_from: str = ""
    valid_until: str = ""
    name_id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class FormerNameValues:
    name_fi: str
    name_sv: str
    valid_from: date | None
    valid_until: date
    name_id: uuid.UUID | None
    version: int | None


def validate_former_names(forms: list[FormerNameForm]) -> list[FormerNameValues]:
    """The rows checked; ValidationFailed names each wrong cell as `former_names[i].key`."""
    errors = Errors()
    values: list[tuple[int, FormerNameValues]] = []
    for index, form in enumerate(forms):
        key = f"former_names[{index}]."
        name_fi, name_sv = clean(form.name_fi), clean(form.name_sv)
        if not name_fi and not name_sv:
            errors.add(key + "name_fi", _("Give the earlier name in Finnish or in Swedish."))
        for field, name in (("name_fi", name_fi), ("name_sv", name_sv)):
            check_length(name, FORMER_NAME_LIMIT, key + field, former_name_label(field), errors)
        since = parse_date(form.valid_from, key + "valid_from", former_name_label("valid_from"), errors)
        until = parse_date(form.valid_until, key + "valid_until", former_name_label("valid_until"), errors)
        if until is None and clean(form.valid_until) == "":
            errors.add(
                key + "valid_until",
                _("{field}: give the last day the name was used").format(
                    field=former_name_label("valid_until")
                ),
            )
        if since and until and until < since:
            errors.add(
                key + "valid_until",
                _("{field}: cannot be before the day it was first used").format(
                    field=former_name_label("valid_until")
                ),
            )
        if until is not None:
            values.append(
                (index, FormerNameValues(name_fi, name_sv, since, until, form.name_id, form.version))
            )
    ordered = sorted(values, key=lambda item: item[1].valid_until)
    for (_first, earlier), (index, later) in zip(ordered, ordered[1:], strict=False):
        starts = later.valid_from or later.valid_until
        if starts <= earlier.valid_until:
            errors.add(
                f"former_names[{index}].valid_until",
                _("Two earlier names cannot both be used on {day}.").format(
                    day=format_date(earlier.valid_until)
                ),
            )
    errors.raise_if_any()
    return [value for _index, value in values]
