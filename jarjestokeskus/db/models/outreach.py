"""Reaching the members: saved mailing lists (their filters) and the contact log of organisations."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record, enum_column
from jarjestokeskus.domain.outreach import ContactKind


class MailingList(Record, Base):
    """A named filter ("board chairs, Swedish-speaking"): its recipients are read anew each time."""

    __tablename__ = "mailing_list"

    name: Mapped[str] = mapped_column(String(120))
    filters: Mapped[str] = mapped_column(Text, default="{}")


class ContactEntry(Record, Base):
    """A contact with an organisation: a call, a meeting, an advisory visit, an email to a list…"""

    __tablename__ = "contact_entry"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    happened_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[ContactKind] = mapped_column(enum_column(ContactKind))
    subject: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    done_by: Mapped[str] = mapped_column(String(120), default="")
    mailing_list_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("mailing_list.id"))
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fee_invoice.id"))


class LetterTemplate(Record, Base):
    """A letter in both languages with fields from the register ({organisation}, {fee}…)."""

    __tablename__ = "letter_template"

    name: Mapped[str] = mapped_column(String(120))
    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    body_fi: Mapped[str] = mapped_column(Text, default="")
    body_sv: Mapped[str] = mapped_column(Text, default="")
