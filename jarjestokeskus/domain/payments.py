"""Money from members: Finnish and RF reference numbers, the account, and the bank barcode.

The rules are Finance Finland's (Finanssiala): the national reference number (viitenumero) has
3–19 digits and a check digit with the weights 7, 3, 1 from the right; the international creditor
reference (ISO 11649) is "RF", two check digits and the reference; the bank barcode
(virtuaaliviivakoodi, "pankkiviivakoodi") is 54 digits, version 4 with a national reference and
version 5 with an RF reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from stdnum import bic, iban, iso11649
from stdnum.exceptions import ValidationError as StdnumError

_WEIGHTS = (7, 3, 1)
_DIGITS = re.compile(r"^\d+$", re.ASCII)
BARCODE_MAX_EUROS = 999_999  # the barcode has six digits for euros; larger sums are printed as zeros


class InvalidReference(ValueError):
    """Not a valid national or RF reference number."""


def reference_check_digit(base: str) -> str:
    """The check digit of a national reference's base (3–19 digits): weights 7, 3, 1 from the right."""
    if not _DIGITS.match(base) or not 3 <= len(base) <= 19:
        raise InvalidReference(base)
    total = sum(int(digit) * _WEIGHTS[index % 3] for index, digit in enumerate(reversed(base)))
    return str((10 - total % 10) % 10)


def national_reference(base: int | str) -> str:
    """The reference number for a base number (an invoice number, say): the base and its check digit."""
    text = str(base).lstrip("0")
    return text + reference_check_digit(text)


def compact(reference: str) -> str:
    """Spaces out, letters upper case: as banks and the barcode take it."""
    return re.sub(r"\s+", "", reference).upper()


def is_national_reference(reference: str) -> bool:
    text = compact(reference).lstrip("0")
    return bool(_DIGITS.match(text)) and 4 <= len(text) <= 20 and reference_check_digit(text[:-1]) == text[-1]


def rf_reference(national: str) -> str:
    """The RF creditor reference (ISO 11649) of a national reference number."""
    text = compact(national)
    if not is_national_reference(text):
        raise InvalidReference(national)
    text = text.lstrip("0")
    # ISO 11649: move "RF00" to the end, letters as numbers (R=27, F=15), 98 − (n mod 97).
    check = 98 - int(text + "271500") % 97
    return f"RF{check:02d}{text}"


def is_rf_reference(reference: str) -> bool:
    try:
        iso11649.validate(compact(reference))
    except StdnumError:
        return False
    return True


def format_reference(reference: str) -> str:
    """In groups of five from the right (national) or four from the left (RF), as on paper."""
    text = compact(reference)
    if text.startswith("RF"):
        return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
    head = len(text) % 5
    groups = ([text[:head]] if head else []) + [text[i : i + 5] for i in range(head, len(text), 5)]
    return " ".join(groups)


def valid_iban(value: str) -> str | None:
    """The IBAN compacted when valid (checksum and the country's format), else None."""
    try:
        return iban.validate(value)
    except StdnumError:
        return None


def format_iban(value: str) -> str:
    """In groups of four, as printed: FI79 4405 2020 0360 82."""
    text = compact(value)
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def valid_bic(value: str) -> str | None:
    try:
        return bic.validate(value)
    except StdnumError:
        return None


@dataclass(frozen=True)
class BarcodeInput:
    """What a Finnish bank barcode carries."""

    account: str  # a Finnish IBAN
    amount: Decimal
    reference: str  # national or RF
    due_date: date | None


def virtual_barcode(data: BarcodeInput) -> str:
    """The 54-digit bank barcode: version 4 (national reference) or 5 (RF reference)."""
    account = valid_iban(data.account)
    if account is None or not account.startswith("FI"):
        raise ValueError("a Finnish IBAN is needed for the bank barcode")
    reference = compact(data.reference)
    cents = int((data.amount * 100).to_integral_value())
    euros, cents = divmod(cents, 100)
    if euros > BARCODE_MAX_EUROS or cents < 0:
        euros, cents = 0, 0
    due = data.due_date.strftime("%y%m%d") if data.due_date else "000000"
    money = f"{euros:06d}{cents:02d}"
    if reference.startswith("RF"):
        if not is_rf_reference(reference) or not _DIGITS.match(reference[4:]):
            raise InvalidReference(data.reference)
        body = reference[2:4] + reference[4:].rjust(21, "0")
        return f"5{account[2:]}{money}{body}{due}"
    if not is_national_reference(reference):
        raise InvalidReference(data.reference)
    return f"4{account[2:]}{money}000{reference.lstrip('0').rjust(20, '0')}{due}"
