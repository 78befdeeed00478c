"""Membership-fee rules: which fee class fits a member, invoice numbers, the year's terms as a form."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from jarjestokeskus.domain.enums import LabelledEnum, OrganisationKind
from jarjestokeskus.domain.payments import national_reference, rf_reference, valid_bic, valid_iban
from jarjestokeskus.domain.validation import Errors, clean, parse_count, parse_date, parse_money
from jarjestokeskus.i18n import N_, _

_LABELS: dict[str, dict[str, str]] = {
    "ReferenceKind": {
        "national": N_("Finnish reference number"),
        "rf": N_("RF creditor reference"),
    },
    "PaymentOutcome": {
        "paid": N_("paid"),
        "partial": N_("partly paid"),
        "overpaid": N_("paid too much"),
        "again": N_("paid again"),
        "unknown": N_("no matching invoice"),
    },
}


class _FeeEnum(LabelledEnum):
    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _LABELS[cls.__name__]


class ReferenceKind(_FeeEnum):
    NATIONAL = "national"
    RF = "rf"


class PaymentOutcome(_FeeEnum):
    PAID = "paid"  # the invoice is paid in full with this payment
    PARTIAL = "partial"  # less than what is still open
    OVERPAID = "overpaid"  # more than what was open
    AGAIN = "again"  # the invoice was paid already
    UNKNOWN = "unknown"  # no invoice has this reference


@dataclass(frozen=True)
class FeeClassRule:
    """A fee class: its fee and whom it is for (kind, member count; None means any)."""

    amount: Decimal
    kind: OrganisationKind | None = None
    min_members: int | None = None
    max_members: int | None = None
    name_fi: str = ""
    name_sv: str = ""
    id: uuid.UUID | None = None

    def fits(self, kind: OrganisationKind, member_count: int | None) -> bool:
        if self.kind is not None and self.kind != kind:
            return False
        if self.min_members is None and self.max_members is None:
            return True
        if member_count is None:
            return False
        low_ok = self.min_members is None or member_count >= self.min_members
        return low_ok and (self.max_members is None or member_count <= self.max_members)


RuleT = TypeVar("RuleT", bound=FeeClassRule)


def choose_class(classes: Sequence[RuleT], kind: OrganisationKind, member_count: int | None) -> RuleT | None:
    """The fitting class; the most specific (a kind, then a member-count range) wins, then the lowest fee."""

    def specificity(rule: FeeClassRule) -> tuple[int, int, Decimal]:
        ranged = rule.min_members is not None or rule.max_members is not None
        return (0 if rule.kind is not None else 1, 0 if ranged else 1, rule.amount)

    fitting = [rule for rule in classes if rule.fits(kind, member_count)]
    return min(fitting, key=specificity) if fitting else None


def invoice_number(year: int, sequence: int) -> int:
    """Invoice numbers run per year: 2027 and a four-digit sequence (20270001)."""
    return year * 10_000 + sequence


def invoice_reference(number: int, kind: ReferenceKind) -> str:
    """The payment reference of an invoice: its number with a check digit, or that as RF."""
    national = national_reference(number)
    return rf_reference(national) if kind == ReferenceKind.RF else national


@dataclass(frozen=True)
class FeeYearForm:
    """A year's terms as typed."""

    year: str
    due_date: str
    reminder_days: str
    account_iban: str
    account_bic: str
    reference_kind: ReferenceKind
    message_fi: str = ""
    message_sv: str = ""


@dataclass(frozen=True)
class FeeYearValues:
    year: int
    due_date: date
    reminder_days: int
    account_iban: str
    account_bic: str
    reference_kind: ReferenceKind
    message_fi: str
    message_sv: str


def check_fee_year(form: FeeYearForm) -> FeeYearValues:
    """The terms checked; every wrong field named (ValidationFailed)."""
    errors = Errors()
    year = parse_count(form.year, "year", _("Year"), errors)
    if year is not None and not 2000 <= year <= 2100:
        errors.add("year", _("{field}: a year between 2000 and 2100").format(field=_("Year")))
    due = parse_date(form.due_date, "due_date", _("Due date"), errors)
    if clean(form.due_date) == "" and due is None:
        errors.add("due_date", _("{field}: required").format(field=_("Due date")))
    days = parse_count(form.reminder_days or "14", "reminder_days", _("Days to pay a reminder"), errors)
    iban = valid_iban(clean(form.account_iban))
    if iban is None:
        errors.add("account_iban", _("{field}: not a valid IBAN").format(field=_("Account (IBAN)")))
    bic = valid_bic(clean(form.account_bic)) if clean(form.account_bic) else ""
    if bic is None:
        errors.add("account_bic", _("{field}: not a valid BIC").format(field=_("BIC")))
    errors.raise_if_any()
    assert year is not None and due is not None and iban is not None and bic is not None
    return FeeYearValues(
        year, due, days or 14, iban, bic, form.reference_kind, clean(form.message_fi), clean(form.message_sv)
    )


def check_fee_amount(text: str, field: str) -> Decimal:
    errors = Errors()
    amount = parse_money(text, field, _("Fee"), errors)
    if amount is None and not errors.items:
        errors.add(field, _("{field}: required").format(field=_("Fee")))
    errors.raise_if_any()
    assert amount is not None
    return amount
