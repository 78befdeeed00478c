"""Value rules shared by every form: parsing typed text, identifiers, dates and money."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from jarjestokeskus.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# Plain decimal notation only: Decimal() alone would also take "1e3", "1_000" and "Infinity".
_MONEY = re.compile(r"^-?(?:\d+(?:\.\d*)?|\.\d+)$", re.ASCII)
_COUNT = re.compile(r"^\d+$", re.ASCII)
EMAIL_LIMIT = 200  # the email columns' length


@dataclass(frozen=True)
class FieldError:
    """One rejected value: the field's key (as the form knows it) and a message to show."""

    field: str
    message: str


class ValidationFailed(Exception):
    """Input was rejected; `errors` names each field and why, in the user's language."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


class Errors:
    """Collects field errors while a whole form is checked."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(FieldError(field, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(self.items)


def clean(text: str | None) -> str:
    """Trimmed text; NUL characters (a pasted binary, never meant) are dropped, as PostgreSQL refuses them."""
    return (text or "").replace("\x00", "").strip()


def parse_date(text: str | None, field: str, label: str, errors: Errors) -> date | None:
    """A date typed as d.m.yyyy (or ISO yyyy-mm-dd); empty is None."""
    value = clean(text)
    if not value:
        return None
    match = _DATE.match(value)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (iso := _ISO_DATE.match(value)):
        parts = (iso.group(1), iso.group(2), iso.group(3))
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    errors.add(field, _("{field}: not a valid date, write it as d.m.yyyy").format(field=label))
    return None


def parse_money(text: str | None, field: str, label: str, errors: Errors) -> Decimal | None:
    """Euros as typed in Finland or Sweden ("1 234,50", "1234.50", "€ 12"); never negative."""
    value = clean(text).replace("€", "").replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    if "," in value and "." in value:
        value = value.replace(".", "")
    value = value.replace(",", ".").replace("\u2212", "-")
    try:
        if not _MONEY.match(value):
            raise InvalidOperation(value)
        amount = Decimal(value)
    except InvalidOperation:
        errors.add(field, _("{field}: not a sum of money").format(field=label))
        return None
    if value.startswith("-"):
        errors.add(field, _("{field}: cannot be negative").format(field=label))
        return None
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        errors.add(field, _("{field}: at most two decimals (cents)").format(field=label))
        return None
    if amount >= Decimal("10000000000"):
        errors.add(field, _("{field}: the sum is too large").format(field=label))
        return None
    return amount.quantize(Decimal("0.01"))


def parse_count(text: str | None, field: str, label: str, errors: Errors) -> int | None:
    value = clean(text).replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if not _COUNT.match(value):  # ASCII digits only: "²".isdigit() is true but int() refuses it
        errors.add(field, _("{field}: write a whole number, 0 or more").format(field=label))
        return None
    if len(value) > 9:
        errors.add(field, _("{field}: the number is too large").format(field=label))
        return None
    return int(value)


_WRITTEN_BUSINESS_ID = re.compile(r"[0-9]{7}-[0-9]")


def business_id_form(text: str) -> str | None:
    """`text` as a valid business ID written 1234567-8, or None when it is not one.

    Already written so (as nearly every row of an import is), only the check digit is computed,
    as python-stdnum's `fi.alv.checksum` does: its general cleaning costs tens of microseconds a call.
    """
    if _WRITTEN_BUSINESS_ID.fullmatch(text):  # the check digit makes the weighted sum divisible by 11
        d = text.encode()
        total = 7 * d[0] + 9 * d[1] + 10 * d[2] + 5 * d[3] + 8 * d[4] + 4 * d[5] + 2 * d[6] + d[8]
        return text if (total - 46 * ord("0")) % 11 == 0 else None
    from stdnum.exceptions import ValidationError
    from stdnum.fi import ytunnus  # when needed: python-stdnum loads in ~30 ms (the start page needs none)

    try:
        return ytunnus.format(ytunnus.validate(text))
    except ValidationError:
        return None


def check_business_id(text: str | None, field: str, label: str, errors: Errors) -> str | None:
    """Business ID (Y-tunnus): 1234567-8 with a valid check digit; returned in that form."""
    value = clean(text)
    if not value:
        return None
    written = business_id_form(value)
    if written is None:
        errors.add(field, _("{field}: not a valid business ID (for example 0242746-2)").format(field=label))
    return written


def check_register_number(text: str | None, field: str, label: str, errors: Errors) -> str | None:
    """Association register number: 1–6 digits, written with dots as 123.456."""
    value = clean(text)
    if not value:
        return None
    from stdnum.exceptions import ValidationError
    from stdnum.fi import associationid

    try:
        return associationid.format(associationid.validate(value))
    except ValidationError:
        errors.add(field, _("{field}: 1 to 6 digits, for example 123.456").format(field=label))
        return None


def check_email(text: str | None, field: str, label: str, errors: Errors) -> str | None:
    value = clean(text)
    if not value:
        return None
    if not _EMAIL.match(value):
        errors.add(field, _("{field}: not a valid email address").format(field=label))
        return None
    if len(value) > EMAIL_LIMIT:
        check_length(value, EMAIL_LIMIT, field, label, errors)
        return None
    return value


def check_period(start: date | None, end: date | None, field: str, label: str, errors: Errors) -> None:
    if start and end and end < start:
        errors.add(field, _("{field}: cannot be before the start date").format(field=label))


def check_length(value: str, limit: int, field: str, label: str, errors: Errors) -> None:
    if len(value) > limit:
        errors.add(
            field,
            _("{field}: at most {limit} characters").format(field=label, limit=limit),
        )
