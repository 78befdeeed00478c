"""Closed reporting years: the reports as they were sent, kept inside the database."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, deferred, mapped_column

from jarjestokeskus.db.base import Base, Record


class ClosedYear(Record, Base):
    """One closing of a year; reopening it keeps the row, with who, when and why."""

    __tablename__ = "closed_year"

    year: Mapped[int] = mapped_column(Integer, index=True)
    closed_on: Mapped[date] = mapped_column(Date)  # the day the figures were taken ("today" of the reports)
    closed_by: Mapped[str] = mapped_column(String(120), default="")
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reopened_by: Mapped[str] = mapped_column(String(120), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")


class ClosedReport(Record, Base):
    """One report as sent: the PDF and the figures behind it (JSON)."""

    __tablename__ = "closed_report"

    closed_year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("closed_year.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(5))
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))  # the PDF
    figures: Mapped[str] = deferred(mapped_column(Text, default="", nullable=False))
