"""Meeting notebooks brought back: which copy, by whom, and what was merged from it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record


class NotebookMerge(Record, Base):
    """One bringing back of a notebook copy (`copy_id` is the copy's own uuid).

    `merged` lists what was decided of each record: [{"entity", "id", "version", "decision"}], the
    version being the notebook's; a record already listed for the copy is not merged again.
    """

    __tablename__ = "notebook_merge"

    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorder: Mapped[str] = mapped_column(String(120), default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")
    merged: Mapped[list] = mapped_column(JSON, default=list)
