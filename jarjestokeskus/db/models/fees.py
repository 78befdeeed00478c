"""Membership-fee invoicing: each year's terms and fee classes, the invoices, the bank's payments."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Money, Record, enum_column
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.fees import PaymentOutcome, ReferenceKind


class FeeYear(Record, Base):
    """A year's invoicing terms: the due date, the umbrella's account and the kind of reference."""

    __tablename__ = "fee_year"
    __table_args__ = (UniqueConstraint("year"),)

    year: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    reminder_days: Mapped[int] = mapped_column(Integer, default=14)
    account_iban: Mapped[str] = mapped_column(String(34), default="")
    account_bic: Mapped[str] = mapped_column(String(11), default="")
    reference_kind: Mapped[ReferenceKind] = mapped_column(
        enum_column(ReferenceKind), default=ReferenceKind.NATIONAL
    )
    message_fi: Mapped[str] = mapped_column(Text, default="")
    message_sv: Mapped[str] = mapped_column(Text, default="")


class FeeClass(Record, Base):
    """A fee of a year for the members it fits: by kind and by member count (both optional)."""

    __tablename__ = "fee_class"

    year: Mapped[int] = mapped_column(Integer, index=True)
    name_fi: Mapped[str] = mapped_column(String(120), default="")
    name_sv: Mapped[str] = mapped_column(String(120), default="")
    amount: Mapped[Decimal] = mapped_column(Money)
    kind: Mapped[OrganisationKind | None] = mapped_column(enum_column(OrganisationKind))
    min_members: Mapped[int | None] = mapped_column(Integer)
    max_members: Mapped[int | None] = mapped_column(Integer)


class FeeInvoice(Record, Base):
    """One member's fee invoice of a year; its fee row (membership_fee) is marked paid with it."""

    __tablename__ = "fee_invoice"
    __table_args__ = (UniqueConstraint("number"), UniqueConstraint("reference"))

    number: Mapped[int] = mapped_column(Integer)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    membership_fee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("membership_fee.id"))
    fee_class_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fee_class.id"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str] = mapped_column(String(25))
    issued_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    paid_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    paid_on: Mapped[date | None] = mapped_column(Date)
    reminded_on: Mapped[date | None] = mapped_column(Date)
    reminder_due_date: Mapped[date | None] = mapped_column(Date)


class BankPayment(Record, Base):
    """A reference payment as the bank reported it (camt.054/053), matched to an invoice or not."""

    __tablename__ = "bank_payment"
    __table_args__ = (UniqueConstraint("entry_reference"),)

    entry_reference: Mapped[str] = mapped_column(String(80))  # the bank's archive id of the entry
    reference: Mapped[str] = mapped_column(String(35), index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    booked_on: Mapped[date] = mapped_column(Date)
    payer: Mapped[str] = mapped_column(String(140), default="")
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fee_invoice.id"), index=True)
    outcome: Mapped[PaymentOutcome] = mapped_column(enum_column(PaymentOutcome))
    source_file: Mapped[str] = mapped_column(String(260), default="")
