"""Events the umbrella runs: registrations (with a waiting list), attendance, and feedback figures."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record, enum_column
from jarjestokeskus.domain.events import EventKind, RegistrationStatus


class Event(Record, Base):
    __tablename__ = "event"

    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    time_text: Mapped[str] = mapped_column(String(20), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(5), default="fi")
    capacity: Mapped[int | None] = mapped_column(Integer)
    partners: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"))
    goal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreement_goal.id"))
    body_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("body.id"))


class EventRegistration(Record, Base):
    """One person registered; `attended` is None until attendance is marked."""

    __tablename__ = "event_registration"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(2), default="fi")
    dietary: Mapped[str] = mapped_column(String(200), default="")
    accessibility: Mapped[str] = mapped_column(String(200), default="")
    consent_to_list: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[RegistrationStatus] = mapped_column(enum_column(RegistrationStatus))
    registered_on: Mapped[date] = mapped_column(Date)
    attended: Mapped[bool | None] = mapped_column(Boolean)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)


class EventFeedback(Record, Base):
    """Feedback figures of one question: how many answered, the average score, free comments."""

    __tablename__ = "event_feedback"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    question: Mapped[str] = mapped_column(String(200), default="")
    answers: Mapped[int] = mapped_column(Integer, default=0)
    average: Mapped[Decimal | None] = mapped_column(Numeric(4, 2, asdecimal=True))
    comments: Mapped[str] = mapped_column(Text, default="")


class EventFeedbackImport(Record, Base):
    """A form export whose answers were added to an event's feedback: its content's fingerprint
    (SHA-256 of the cells as read) and the columns taken refuse the same answers a second time."""

    __tablename__ = "event_feedback_import"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    answers: Mapped[int] = mapped_column(Integer, default=0)
    questions: Mapped[str] = mapped_column(Text, default="")  # the columns taken, one a line


class EventAttendanceCount(Record, Base):
    """What is left of an old event's registrations once reduced to counts: per organisation
    (or its name as given) and language, how many were registered, waiting and attended."""

    __tablename__ = "event_attendance_count"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(2), default="fi")
    registered: Mapped[int] = mapped_column(Integer, default=0)
    waiting: Mapped[int] = mapped_column(Integer, default=0)
    attended: Mapped[int] = mapped_column(Integer, default=0)
