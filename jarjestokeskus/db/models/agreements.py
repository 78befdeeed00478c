"""Agreements with the city and the county: parties, goals, follow-up, documents."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from jarjestokeskus.db.base import Base, Money, Record, enum_column
from jarjestokeskus.domain.agreement_roles import InKindDirection, PartyRole
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MonitoringStatus


class Agreement(Record, Base):
    __tablename__ = "agreement"

    kind: Mapped[AgreementKind] = mapped_column(enum_column(AgreementKind))
    title_fi: Mapped[str] = mapped_column(String(300), default="")
    title_sv: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    predecessor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreement.id"))
    status: Mapped[AgreementStatus] = mapped_column(
        enum_column(AgreementStatus), default=AgreementStatus.DRAFT
    )
    signed_on: Mapped[date | None] = mapped_column(Date)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    renewal_notice_date: Mapped[date | None] = mapped_column(Date)
    yearly_value: Mapped[Decimal | None] = mapped_column(Money)
    oral_agreed_by: Mapped[str] = mapped_column(String(200), default="")
    conditional_on_funding_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("funding.id"))
    premises_address: Mapped[str] = mapped_column(String(200), default="")
    premises_municipality_code: Mapped[str | None] = mapped_column(ForeignKey("municipality.code"))
    premises_area_m2: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    premises_rent: Mapped[Decimal | None] = mapped_column(Money)
    premises_free_of_charge: Mapped[bool] = mapped_column(Boolean, default=False)
    premises_estimated_value: Mapped[Decimal | None] = mapped_column(Money)
    premises_direction: Mapped[InKindDirection] = mapped_column(
        enum_column(InKindDirection), default=InKindDirection.RECEIVED, server_default="received"
    )


class AgreementParty(Record, Base):
    __tablename__ = "agreement_party"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    role_kind: Mapped[PartyRole | None] = mapped_column(enum_column(PartyRole))
    role: Mapped[str] = mapped_column(String(80), default="")  # a note beside the coded role
    signatory: Mapped[str] = mapped_column(String(200), default="")


class AgreementGoal(Record, Base):
    """A goal: what each side commits to, its indicator and how it is followed."""

    __tablename__ = "agreement_goal"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_fi: Mapped[str] = mapped_column(String(300), default="")
    title_sv: Mapped[str] = mapped_column(String(300), default="")
    our_commitment: Mapped[str] = mapped_column(Text, default="")
    counterparty_commitment: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str] = mapped_column(Text, default="")
    follow_up_method: Mapped[str] = mapped_column(Text, default="")
    # The municipality's welfare-plan objective the goal serves, if any.
    welfare_objective_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("welfare_objective.id"))


class MonitoringEntry(Record, Base):
    __tablename__ = "monitoring_entry"

    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement_goal.id"), index=True)
    entry_date: Mapped[date] = mapped_column(Date)
    status: Mapped[MonitoringStatus] = mapped_column(enum_column(MonitoringStatus))
    note: Mapped[str] = mapped_column(Text, default="")
    written_by: Mapped[str] = mapped_column(String(120), default="")


class AgreementDocument(Record, Base):
    """A signed agreement or scan, stored beside a database file, or in the row on a server."""

    __tablename__ = "agreement_document"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # On a database server there is no folder beside the database: the file is kept in the row.
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
