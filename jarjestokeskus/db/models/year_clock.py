"""The year clock: recurring yearly tasks and, per year, when each was done."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record, enum_column
from jarjestokeskus.domain.year_clock import YearClockCategory


class YearClockTask(Record, Base):
    """A task that falls every year on `day`.`month` (no day: by the end of the month).

    `counts_from`: the day the task was added; an earlier date of it is never shown as overdue
    (nobody could have done a task before it was in the year clock).
    """

    __tablename__ = "year_clock_task"

    title_fi: Mapped[str] = mapped_column(String(200), default="")
    title_sv: Mapped[str] = mapped_column(String(200), default="")
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[YearClockCategory] = mapped_column(
        enum_column(YearClockCategory), default=YearClockCategory.OTHER
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    counts_from: Mapped[date] = mapped_column(Date)


class YearClockCompletion(Record, Base):
    """The task done for one year; marking it undone archives this row (restored when done again)."""

    __tablename__ = "year_clock_completion"
    __table_args__ = (UniqueConstraint("task_id", "year"),)

    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("year_clock_task.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date] = mapped_column(Date)
