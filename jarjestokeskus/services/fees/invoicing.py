"""Membership-fee invoices: who gets one for a year, issuing them, the list, unpaid ones and reminders.

An invoice goes to each member organisation (not the home organisation) that has no invoice for the
year yet and whose fee of the year is not paid. Its amount is the fee already recorded for the year
(typed earlier by hand) or else the fitting fee class's; the year's fee row is created when missing
and is marked paid when the bank reports the invoice paid.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import ContactEntry, FeeInvoice, MembershipFee, Organisation
from jarjestokeskus.domain.enums import MembershipStatus, WorkingLanguage
from jarjestokeskus.domain.fees import choose_class, invoice_number, invoice_reference
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.i18n import _
from jarjestokeskus.services.fees.terms import FeeYearRow, fee_classes, get_fee_year


class NoFeeTerms(Exception):
    """The year has no terms (due date, account) yet."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    def user_message(self) -> str:
        return _(
            "The membership fees of {year} have no due date and account yet: set them in Membership fees first."
        ).format(year=self.year)


@dataclass(frozen=True)
class InvoiceRow:
    """An invoice with what its letter and the lists need."""

    id: uuid.UUID
    number: int
    organisation_id: uuid.UUID
    name_fi: str
    name_sv: str
    business_id: str
    street_address: str
    postal_code: str
    post_office: str
    email: str
    year: int
    amount: Decimal
    reference: str
    issued_on: date
    due_date: date
    language: str
    paid_amount: Decimal
    paid_on: date | None
    reminded_on: date | None
    reminder_due_date: date | None

    def name(self, language: str | None = None) -> str:
        language = language or self.language
        return (self.name_sv or self.name_fi) if language == "sv" else (self.name_fi or self.name_sv)

    @property
    def open_amount(self) -> Decimal:
        return max(Decimal("0.00"), self.amount - self.paid_amount)

    @property
    def is_paid(self) -> bool:
        return self.paid_amount >= self.amount

    def is_overdue(self, today: date) -> bool:
        return not self.is_paid and (self.reminder_due_date or self.due_date) < today


@dataclass(frozen=True)
class PlannedInvoice:
    organisation_id: uuid.UUID
    name: str
    amount: Decimal | None  # None: no fee class fits the organisation
    fee_class_id: uuid.UUID | None
    language: str


@dataclass(frozen=True)
class InvoicePlan:
    year: int
    planned: list[PlannedInvoice]
    already: int  # members invoiced for the year already, or whose fee is paid

    @property
    def without_class(self) -> list[PlannedInvoice]:
        return [p for p in self.planned if p.amount is None]

    @property
    def to_issue(self) -> list[PlannedInvoice]:
        return [p for p in self.planned if p.amount is not None]


def _language(organisation: Organisation) -> str:
    return "sv" if organisation.working_language == WorkingLanguage.SWEDISH else "fi"


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _members(session: Session) -> list[Organisation]:
    return list(
        session.scalars(
            select(Organisation).where(
                _live(Organisation),
                Organisation.membership_status == MembershipStatus.MEMBER,
                Organisation.is_home.is_(False),
            )
        )
    )


def _fees_of(session: Session, year: int) -> dict[uuid.UUID, MembershipFee]:
    rows = session.scalars(select(MembershipFee).where(MembershipFee.year == year, _live(MembershipFee)))
    return {fee.organisation_id: fee for fee in rows}


def _invoiced(session: Session, year: int) -> set[uuid.UUID]:
    return set(
        session.scalars(select(FeeInvoice.organisation_id).where(FeeInvoice.year == year, _live(FeeInvoice)))
    )


def plan_invoices(db: Database, year: int, language: str = "fi") -> InvoicePlan:
    """Who would get an invoice for `year` and how much; nothing is written."""
    classes = fee_classes(db, year)
    with db.reading() as session:
        fees, invoiced = _fees_of(session, year), _invoiced(session, year)
        planned, already = [], 0
        for org in _members(session):
            fee = fees.get(org.id)
            if org.id in invoiced or (fee is not None and fee.paid_on is not None):
                already += 1
                continue
            chosen = choose_class(classes, org.kind, org.member_count)
            amount = fee.amount if fee is not None else (chosen.amount if chosen else None)
            name = (org.name_sv or org.name_fi) if language == "sv" else (org.name_fi or org.name_sv)
            planned.append(
                PlannedInvoice(org.id, name, amount, chosen.id if chosen else None, _language(org))
            )
    planned.sort(key=lambda p: p.name.casefold())
    return InvoicePlan(year, planned, already)


def issue_invoices(db: Database, year: int, today: date | None = None) -> list[InvoiceRow]:
    """Issue the planned invoices of `year` in one transaction; returns the new invoices."""
    terms = get_fee_year(db, year)
    if terms is None:
        raise NoFeeTerms(year)
    plan = plan_invoices(db, year)
    today = today or date.today()
    new_ids: list[uuid.UUID] = []
    with db.transaction() as session:
        fees = _fees_of(session, year)
        last = session.scalar(select(func.max(FeeInvoice.number)).where(FeeInvoice.year == year))
        sequence = (last - invoice_number(year, 0)) if last else 0
        for item in plan.to_issue:
            if item.organisation_id in _invoiced(session, year):
                continue  # issued by someone else meanwhile
            sequence += 1
            number = invoice_number(year, sequence)
            fee = fees.get(item.organisation_id)
            if fee is None:
                fee = MembershipFee(
                    id=uuid.uuid4(), organisation_id=item.organisation_id, year=year, amount=item.amount
                )
                session.add(fee)
                session.flush()  # the invoice refers to it; no relationship orders the inserts
            invoice = FeeInvoice(
                id=uuid.uuid4(),
                number=number,
                organisation_id=item.organisation_id,
                membership_fee_id=fee.id,
                fee_class_id=item.fee_class_id,
                year=year,
                amount=fee.amount,
                reference=invoice_reference(number, terms.reference_kind),
                issued_on=today,
                due_date=max(terms.due_date, today + timedelta(days=14)),
                language=item.language,
                paid_amount=Decimal("0.00"),
            )
            session.add(invoice)
            session.flush()
            _log(session, invoice, _("Membership fee invoice {number}").format(number=number), today)
            new_ids.append(invoice.id)
    return [row for row in list_invoices(db, year) if row.id in set(new_ids)]


def _log(session: Session, invoice: FeeInvoice, subject: str, today: date) -> None:
    """An invoice or a reminder sent is a contact with the organisation."""
    session.add(
        ContactEntry(
            id=uuid.uuid4(),
            organisation_id=invoice.organisation_id,
            happened_on=today,
            kind=ContactKind.INVOICE,
            subject=subject,
            note="",
            done_by=os_user(),
            invoice_id=invoice.id,
        )
    )


def list_invoices(db: Database, year: int) -> list[InvoiceRow]:
    with db.reading() as session:
        pairs = session.execute(
            select(FeeInvoice, Organisation)
            .join(Organisation, Organisation.id == FeeInvoice.organisation_id)
            .where(FeeInvoice.year == year, _live(FeeInvoice))
            .order_by(FeeInvoice.number)
        ).all()
        return [_row(invoice, org) for invoice, org in pairs]


def _row(invoice: FeeInvoice, org: Organisation) -> InvoiceRow:
    return InvoiceRow(
        invoice.id,
        invoice.number,
        org.id,
        org.name_fi,
        org.name_sv,
        org.business_id or "",
        org.street_address,
        org.postal_code,
        org.post_office,
        org.email,
        invoice.year,
        invoice.amount,
        invoice.reference,
        invoice.issued_on,
        invoice.due_date,
        invoice.language,
        invoice.paid_amount,
        invoice.paid_on,
        invoice.reminded_on,
        invoice.reminder_due_date,
    )


def overdue_invoices(db: Database, year: int, today: date) -> list[InvoiceRow]:
    return [row for row in list_invoices(db, year) if row.is_overdue(today)]


def send_reminders(db: Database, year: int, today: date | None = None) -> list[InvoiceRow]:
    """Mark the overdue invoices reminded today, with a second due date after the year's days to pay."""
    today = today or date.today()
    terms: FeeYearRow | None = get_fee_year(db, year)
    if terms is None:
        raise NoFeeTerms(year)
    due = [row.id for row in overdue_invoices(db, year, today)]
    with db.transaction() as session:
        for invoice in session.scalars(select(FeeInvoice).where(FeeInvoice.id.in_(due))):
            invoice.reminded_on = today
            invoice.reminder_due_date = today + timedelta(days=terms.reminder_days)
            _log(
                session,
                invoice,
                _("Payment reminder of invoice {number}").format(number=invoice.number),
                today,
            )
    return [row for row in list_invoices(db, year) if row.id in set(due)]


@dataclass(frozen=True)
class Sender:
    """The home organisation as an invoice's sender."""

    name_fi: str
    name_sv: str
    business_id: str
    street_address: str
    postal_code: str
    post_office: str
    email: str
    phone: str

    def name(self, language: str) -> str:
        return (self.name_sv or self.name_fi) if language == "sv" else (self.name_fi or self.name_sv)


class NoHomeOrganisation(Exception):
    def user_message(self) -> str:
        return _("Choose your own organisation first: invoices are sent in its name.")


def sender(db: Database) -> Sender:
    with db.reading() as session:
        home = session.scalar(select(Organisation).where(Organisation.is_home, _live(Organisation)).limit(1))
        if home is None:
            raise NoHomeOrganisation()
        return Sender(
            home.name_fi,
            home.name_sv,
            home.business_id or "",
            home.street_address,
            home.postal_code,
            home.post_office,
            home.email,
            home.phone,
        )
