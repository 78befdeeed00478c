"""Employments and scheme periods of the home organisation's staff."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Money, Record, enum_column
from jarjestokeskus.domain.enums import DecidingAuthority, EmploymentOutcome, EmploymentScheme


class Employment(Record, Base):
    __tablename__ = "employment"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    employer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    scheme: Mapped[EmploymentScheme] = mapped_column(enum_column(EmploymentScheme))
    title: Mapped[str] = mapped_column(String(120), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    days_per_week: Mapped[Decimal | None] = mapped_column(Numeric(3, 1))
    hours_per_day: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    supervisor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    deciding_authority_kind: Mapped[DecidingAuthority | None] = mapped_column(enum_column(DecidingAuthority))
    deciding_authority: Mapped[str] = mapped_column(String(120), default="")  # its name
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    subsidy_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    subsidy_monthly_cap: Mapped[Decimal | None] = mapped_column(Money)
    allowance_per_day: Mapped[Decimal | None] = mapped_column(Money)
    long_term_unemployed: Mapped[bool] = mapped_column(Boolean, default=False)
    # How long the person had been unemployed when the period began, and the longest period the
    # decision allows: the 50 % pay subsidy lasts 5 or 10 months by the first, up to 24 by the second.
    unemployed_months: Mapped[int | None] = mapped_column(Integer)
    decided_max_months: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[EmploymentOutcome | None] = mapped_column(enum_column(EmploymentOutcome))
    outcome_note: Mapped[str] = mapped_column(Text, default="")


class EmploymentFunding(Record, Base):
    """Which project pays which share of an employment."""

    __tablename__ = "employment_funding"

    employment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employment.id"), index=True)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    share_percent: Mapped[Decimal] = mapped_column(Numeric(5, 2))


class SchemeLimit(Record, Base):
    """The law's limits of a scheme, in force from a date; a period is judged by those of its start.

    `variant` tells apart rules of one scheme (pay subsidy "50", "70", "100"); empty for the others.
    Empty limits are not checked. `source` names the law or the page the limits come from.
    """

    __tablename__ = "scheme_limit"

    scheme: Mapped[EmploymentScheme] = mapped_column(enum_column(EmploymentScheme), index=True)
    variant: Mapped[str] = mapped_column(String(20), default="")
    effective_from: Mapped[date] = mapped_column(Date)
    min_hours_per_day: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    max_hours_per_day: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    min_days_per_week: Mapped[Decimal | None] = mapped_column(Numeric(3, 1))
    max_days_per_week: Mapped[Decimal | None] = mapped_column(Numeric(3, 1))
    min_hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    min_months: Mapped[int | None] = mapped_column(Integer)
    max_months: Mapped[int | None] = mapped_column(Integer)
    max_months_same_organiser: Mapped[int | None] = mapped_column(Integer)
    max_months_total: Mapped[int | None] = mapped_column(Integer)
    subsidy_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    monthly_cap: Mapped[Decimal | None] = mapped_column(Money)
    allowance_per_day: Mapped[Decimal | None] = mapped_column(Money)
    # Not again with the same employer within this many years; empty: may continue straight on.
    same_employer_gap_years: Mapped[int | None] = mapped_column(Integer)
    # Unemployed at least this many months: long-term unemployed, and up to the longer maximum.
    long_term_unemployed_months: Mapped[int | None] = mapped_column(Integer)
    max_months_long_term_unemployed: Mapped[int | None] = mapped_column(Integer)
    max_months_aged_60: Mapped[int | None] = mapped_column(Integer)  # long-term unemployed aged 60+
    requires_long_term_unemployed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
