"""The erasure ledger and the register's identity: ids only, no personal data.

The ledger lists the persons erased from this register, so that an older copy of it (a backup
restored, or an old file opened) has them erased again before anyone sees them. The identity
tells copies of one register from other registers (the ledger kept beside the program, and
the backup folder of each register, are found by it). The reduction ledger lists the events whose
attendance lists were reduced to counts, so that a backup restored has them reduced again.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, utcnow


class Erasure(Base):
    __tablename__ = "erasure"

    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AttendanceReduction(Base):
    """An event whose registrations were reduced to counts (its counts are its figures)."""

    __tablename__ = "attendance_reduction"

    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    reduced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RegisterIdentity(Base):
    __tablename__ = "register_identity"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
