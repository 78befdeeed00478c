"""Projects, their partners, fundings, instalments and reporting obligations."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Money, Record, enum_column
from jarjestokeskus.domain.enums import FundingInstrument, PartnerRole, ProjectStatus, ReportKind


class Project(Record, Base):
    __tablename__ = "project"

    code: Mapped[str] = mapped_column(String(40), default="")
    name_fi: Mapped[str] = mapped_column(String(200), default="")
    name_sv: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus), default=ProjectStatus.IDEA)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class ProjectStatusChange(Record, Base):
    """When a project moved to a status (applied, granted, …)."""

    __tablename__ = "project_status_change"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus))
    changed_on: Mapped[date] = mapped_column(Date)


class ProjectPartner(Record, Base):
    __tablename__ = "project_partner"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[PartnerRole] = mapped_column(enum_column(PartnerRole))


class Funding(Record, Base):
    """One grant of one funder for one project and year: from application to decision."""

    __tablename__ = "funding"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    funder_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    instrument: Mapped[FundingInstrument] = mapped_column(enum_column(FundingInstrument))
    year: Mapped[int] = mapped_column(Integer)
    amount_applied: Mapped[Decimal | None] = mapped_column(Money)
    applied_on: Mapped[date | None] = mapped_column(Date)
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    amount_granted: Mapped[Decimal | None] = mapped_column(Money)
    own_contribution: Mapped[Decimal | None] = mapped_column(Money)
    use_from: Mapped[date | None] = mapped_column(Date)
    use_until: Mapped[date | None] = mapped_column(Date)
    first_grant: Mapped[bool] = mapped_column(Boolean, default=False)


class Instalment(Record, Base):
    __tablename__ = "instalment"

    funding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funding.id"), index=True)
    due_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    paid_on: Mapped[date | None] = mapped_column(Date)
    paid_amount: Mapped[Decimal | None] = mapped_column(Money)


class ReportingObligation(Record, Base):
    __tablename__ = "reporting_obligation"

    funding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funding.id"), index=True)
    kind: Mapped[ReportKind] = mapped_column(enum_column(ReportKind))
    due_date: Mapped[date] = mapped_column(Date)
    submitted_on: Mapped[date | None] = mapped_column(Date)


class ReportingRule(Record, Base):
    """A funder's default reporting obligation for an instrument, in force from a date.

    `funder_id` None: the rule holds for the instrument whatever the funder. The due date of a
    funding of year Y is `due_day`.`due_month`.(Y + `years_after`).
    """

    __tablename__ = "reporting_rule"

    instrument: Mapped[FundingInstrument] = mapped_column(enum_column(FundingInstrument), index=True)
    funder_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    kind: Mapped[ReportKind] = mapped_column(enum_column(ReportKind))
    due_month: Mapped[int] = mapped_column(Integer)
    due_day: Mapped[int] = mapped_column(Integer)
    years_after: Mapped[int] = mapped_column(Integer, default=1)
    # A grant used over several years (STEA C) reports for each of them, not only the first.
    every_grant_year: Mapped[bool] = mapped_column(Boolean, default=False)
    effective_from: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")


class InstalmentRule(Record, Base):
    """How an instrument's grant is paid by default, in force from a date.

    `months` lists the months of equal instalments ("2,5,8,11" for STEA Ay and Ak); empty means
    no default plan (C by payment plan, B and first grants by payment request).
    """

    __tablename__ = "instalment_rule"

    instrument: Mapped[FundingInstrument] = mapped_column(enum_column(FundingInstrument), index=True)
    months: Mapped[str] = mapped_column(String(40), default="")
    day: Mapped[int] = mapped_column(Integer, default=1)
    effective_from: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
