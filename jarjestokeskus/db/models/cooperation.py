"""Cooperation structures: bodies, seats and meetings; the checklist; members' grants, premises, activities."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from jarjestokeskus.db.base import Base, Money, Record, enum_column
from jarjestokeskus.domain.cooperation import (
    AreaKind,
    BodyKind,
    ChecklistStatus,
    ChecklistTemplate,
    GrantInstrument,
    PremisesOwner,
    SeatRole,
)


class Body(Record, Base):
    """An advisory board, working group, partnership table or forum of a municipality or the county."""

    __tablename__ = "body"

    kind: Mapped[BodyKind] = mapped_column(enum_column(BodyKind))
    name_fi: Mapped[str] = mapped_column(String(200), default="")
    name_sv: Mapped[str] = mapped_column(String(200), default="")
    area_kind: Mapped[AreaKind] = mapped_column(enum_column(AreaKind))
    area: Mapped[str] = mapped_column(String(120), default="")  # the municipality's or county's name
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class BodySeat(Record, Base):
    """A person representing an organisation in a body: member, deputy or chair, from–to."""

    __tablename__ = "body_seat"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[SeatRole] = mapped_column(enum_column(SeatRole))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class BodyMeeting(Record, Base):
    """A meeting of a body: its date, agenda items and decisions in short."""

    __tablename__ = "body_meeting"

    body_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    agenda: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")


class MeetingMinutes(Record, Base):
    """Minutes of a meeting: a file kept like an agreement's documents (beside the file, or in the row)."""

    __tablename__ = "meeting_minutes"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("body_meeting.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))


class ChecklistElement(Record, Base):
    """One element of a cooperation checklist template; renamed or retired (archived) as data."""

    __tablename__ = "checklist_element"

    template: Mapped[ChecklistTemplate] = mapped_column(enum_column(ChecklistTemplate), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_fi: Mapped[str] = mapped_column(String(200), default="")
    name_sv: Mapped[str] = mapped_column(String(200), default="")


class ChecklistEntry(Record, Base):
    """The state of one element for one municipality (or the county) in one year."""

    __tablename__ = "checklist_entry"

    element_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist_element.id"), index=True)
    area_kind: Mapped[AreaKind] = mapped_column(enum_column(AreaKind))
    area: Mapped[str] = mapped_column(String(120), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[ChecklistStatus] = mapped_column(enum_column(ChecklistStatus))
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class MemberGrant(Record, Base):
    """A grant a member organisation received from a municipality or the county in a year."""

    __tablename__ = "member_grant"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    grantor_kind: Mapped[AreaKind] = mapped_column(enum_column(AreaKind))
    grantor: Mapped[str] = mapped_column(String(120))
    instrument: Mapped[GrantInstrument] = mapped_column(enum_column(GrantInstrument))
    amount_applied: Mapped[Decimal | None] = mapped_column(Money)
    amount_granted: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")


class MemberPremises(Record, Base):
    """Premises a member organisation uses: whose, where, on what terms, from–to."""

    __tablename__ = "member_premises"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    owner_kind: Mapped[PremisesOwner] = mapped_column(enum_column(PremisesOwner))
    owner: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    free_of_charge: Mapped[bool] = mapped_column(Boolean, default=False)
    rent: Mapped[Decimal | None] = mapped_column(Money)  # euros a month
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class MemberActivity(Record, Base):
    """An activity or service of a member: what, for whom, where, when, in which languages, contact."""

    __tablename__ = "member_activity"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    municipality: Mapped[str] = mapped_column(String(80), default="")
    schedule: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(40), default="")  # "fi", "sv", "fi,sv", "en"…
    contact: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
