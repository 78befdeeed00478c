"""Organisations, persons and their roles, membership fees."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jarjestokeskus.db.base import Base, Money, Record, enum_column, sort_key_type
from jarjestokeskus.domain.enums import (
    Field,
    MembershipStatus,
    OrganisationKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)

# At most one organisation in the register holds a business ID, unless the user has confirmed that
# another one shares it (a separate registration, e.g. a section using its association's ID).
SOLE_HOLDER = "business_id IS NOT NULL AND archived_at IS NULL AND NOT shares_business_id"
CURRENT = text("archived_at IS NULL")
ARCHIVED = text("archived_at IS NOT NULL")


class Organisation(Record, Base):
    __tablename__ = "organisation"
    __table_args__ = (
        Index(
            "uq_organisation_business_id",
            "business_id",
            unique=True,
            sqlite_where=text(SOLE_HOLDER),
            postgresql_where=text(SOLE_HOLDER),
        ),
        # The list pages by key in name order: the current organisations' names and ids alone,
        # so counting them and skipping ahead reads no rows; the archive is the few others.
        Index(
            "ix_organisation_current_name_fi",
            "name_fi_key",
            "id",
            sqlite_where=CURRENT,
            postgresql_where=CURRENT,
        ),
        Index(
            "ix_organisation_current_name_sv",
            "name_sv_key",
            "id",
            sqlite_where=CURRENT,
            postgresql_where=CURRENT,
        ),
        Index("ix_organisation_archived", "archived_at", sqlite_where=ARCHIVED, postgresql_where=ARCHIVED),
        # The start page's member count and members by municipality, answered from the index
        # alone (migrations 0015 and 0026).
        Index(
            "ix_organisation_membership",
            "membership_status",
            "is_home",
            "archived_at",
            "municipality_code",
            "municipality",
        ),
    )

    name_fi: Mapped[str] = mapped_column(String(200), default="")
    name_sv: Mapped[str] = mapped_column(String(200), default="")
    abbreviation: Mapped[str] = mapped_column(String(40), default="")
    business_id: Mapped[str | None] = mapped_column(String(9), index=True)
    shares_business_id: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    register_number: Mapped[str | None] = mapped_column(String(12))
    kind: Mapped[OrganisationKind] = mapped_column(enum_column(OrganisationKind))
    field: Mapped[Field] = mapped_column(enum_column(Field))
    working_language: Mapped[WorkingLanguage] = mapped_column(enum_column(WorkingLanguage))
    municipality: Mapped[str] = mapped_column(String(80), default="")  # as typed
    # The municipality in the register (resources/municipalities); None while the text is unmapped.
    municipality_code: Mapped[str | None] = mapped_column(ForeignKey("municipality.code"), index=True)
    street_address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    post_office: Mapped[str] = mapped_column(String(80), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    staff_profile: Mapped[StaffProfile | None] = mapped_column(enum_column(StaffProfile))
    member_count: Mapped[int | None] = mapped_column(Integer)
    uses_municipal_premises: Mapped[bool] = mapped_column(Boolean, default=False)
    membership_status: Mapped[MembershipStatus] = mapped_column(
        enum_column(MembershipStatus), default=MembershipStatus.NOT_MEMBER
    )
    member_since: Mapped[date | None] = mapped_column(Date)
    member_until: Mapped[date | None] = mapped_column(Date)
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Derived columns kept for fast search and collated sorting of large registers.
    name_fi_key: Mapped[str] = mapped_column(sort_key_type(200), default="", index=True)
    name_sv_key: Mapped[str] = mapped_column(sort_key_type(200), default="", index=True)
    municipality_key: Mapped[str] = mapped_column(sort_key_type(80), default="", index=True)
    abbreviation_key: Mapped[str] = mapped_column(sort_key_type(40), default="", index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")

    fees: Mapped[list[MembershipFee]] = relationship(back_populates="organisation")
    roles: Mapped[list[Role]] = relationship(back_populates="organisation")
    # Its earlier names in use (not archived): searched with its name.
    former_names: Mapped[list[OrganisationName]] = relationship(
        primaryjoin="and_(Organisation.id == OrganisationName.organisation_id, "
        "OrganisationName.archived_at.is_(None))",
        viewonly=True,
    )


class Person(Record, Base):
    """A contact person, board member or staff member; only what the work needs."""

    __tablename__ = "person"

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)

    roles: Mapped[list[Role]] = relationship(back_populates="person")


class Role(Record, Base):
    """A person's role in an organisation, with dates."""

    __tablename__ = "role"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[RoleKind] = mapped_column(enum_column(RoleKind))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")
    organisation: Mapped[Organisation] = relationship(back_populates="roles")


class MembershipFee(Record, Base):
    """The membership fee of one year and its payment."""

    __tablename__ = "membership_fee"
    # The start page's unpaid fees of the year begin from the year's fees (migration 0026).
    __table_args__ = (Index("ix_membership_fee_year", "year", "paid_on"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)
    paid_on: Mapped[date | None] = mapped_column(Date)

    organisation: Mapped[Organisation] = relationship(back_populates="fees")


class OrganisationName(Record, Base):
    """A name the organisation had until `valid_until` (a renamed funder, a merged body): papers
    of that time show it, as a 2024 decision of today's "elinvoimakeskus" shows the ELY centre.
    `valid_from` is its first day, when known."""

    __tablename__ = "organisation_name"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    name_fi: Mapped[str] = mapped_column(String(200), default="")
    name_sv: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)


# One home organisation (the umbrella itself), kept by the database: two programs creating one
# at the same instant (two `demo` runs on a server) cannot both succeed.
Index(
    "uq_organisation_one_home",
    Organisation.is_home,
    unique=True,
    sqlite_where=Organisation.is_home.is_(True),
    postgresql_where=Organisation.is_home.is_(True),
)
