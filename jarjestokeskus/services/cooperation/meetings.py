"""A body's meetings (date, agenda, decisions in short) and their minutes: files kept as an agreement's
documents are (beside the database file, or in the row on a server)."""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Body, BodyMeeting, MeetingMinutes
from jarjestokeskus.domain.validation import Errors, clean, parse_date
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.agreements.documents import copy_into_folder, file_hash, stored_copy
from jarjestokeskus.services.cooperation.records import archive, live, load_for_saving, restore


@dataclass(frozen=True)
class MeetingRow:
    id: uuid.UUID
    version: int
    body_id: uuid.UUID
    held_on: date
    agenda: str
    decisions: str
    archived_at: datetime | None = None

    def form(self) -> MeetingForm:
        return MeetingForm(format_date(self.held_on), self.agenda, self.decisions)


@dataclass(frozen=True)
class MeetingForm:
    held_on: str
    agenda: str = ""
    decisions: str = ""


def meetings(db: Database, body_id: uuid.UUID, archived: bool = False) -> list[MeetingRow]:
    """A body's meetings (or its archived ones), newest first."""
    with db.reading() as session:
        stmt = (
            select(BodyMeeting)
            .where(BodyMeeting.body_id == body_id, live(BodyMeeting, archived))
            .order_by(BodyMeeting.held_on.desc())
        )
        return [
            MeetingRow(m.id, m.version, m.body_id, m.held_on, m.agenda, m.decisions, m.archived_at)
            for m in session.scalars(stmt)
        ]


def archive_meeting(db: Database, meeting_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Out of the body's list with its minutes; kept, and can be restored."""
    archive(db, BodyMeeting, meeting_id, expected_version)


def restore_meeting(db: Database, meeting_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, BodyMeeting, meeting_id, expected_version)


def save_meeting(
    db: Database,
    body_id: uuid.UUID,
    form: MeetingForm,
    meeting_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    errors = Errors()
    held = parse_date(form.held_on, "held_on", _("Meeting date"), errors)
    if held is None and not clean(form.held_on):
        errors.add("held_on", _("{field}: required").format(field=_("Meeting date")))
    errors.raise_if_any()
    with db.transaction() as session:
        if session.get(Body, body_id) is None:
            raise RecordNotFound()
        meeting = load_for_saving(session, BodyMeeting, meeting_id, expected_version, body_id=body_id)
        meeting.held_on, meeting.agenda, meeting.decisions = held, clean(form.agenda), clean(form.decisions)
        session.flush()
        return meeting.id


@dataclass(frozen=True)
class MinutesRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    file_name: str
    size_bytes: int


def attach_minutes(db: Database, meeting_id: uuid.UUID, source: Path) -> MinutesRow:
    """A copy of `source` kept with the meeting; on a server the content goes into the row."""
    source = Path(source)
    target: Path | None = None
    content: bytes | None = None
    if db.path is None:
        content = source.read_bytes()
        stored, size, digest = (
            f"{uuid.uuid4().hex}{source.suffix.lower()[:20]}",
            len(content),
            hashlib.sha256(content).hexdigest(),
        )
    else:
        target = copy_into_folder(db, source)
        stored, size, digest = target.name, target.stat().st_size, file_hash(target)
    try:
        with db.transaction() as session:
            if session.get(BodyMeeting, meeting_id) is None:
                raise RecordNotFound()
            minutes = MeetingMinutes(
                id=uuid.uuid4(),
                meeting_id=meeting_id,
                file_name=source.name[:255],
                stored_name=stored,
                content_type=mimetypes.guess_type(source.name)[0] or "",
                size_bytes=size,
                sha256=digest,
                content=content,
            )
            session.add(minutes)
        return MinutesRow(minutes.id, meeting_id, source.name[:255], size)
    except Exception:
        if target is not None:
            target.unlink(missing_ok=True)  # nothing recorded: leave no stray copy
        raise


def list_minutes(db: Database, meeting_id: uuid.UUID) -> list[MinutesRow]:
    with db.reading() as session:
        stmt = (
            select(MeetingMinutes)
            .where(MeetingMinutes.meeting_id == meeting_id, MeetingMinutes.archived_at.is_(None))
            .order_by(MeetingMinutes.created_at)
        )
        return [MinutesRow(m.id, m.meeting_id, m.file_name, m.size_bytes) for m in session.scalars(stmt)]


def minutes_path(db: Database, minutes_id: uuid.UUID) -> Path:
    """Where the stored copy is, to open it in the system's viewer."""
    with db.reading() as session:
        minutes = session.get(MeetingMinutes, minutes_id)
        if minutes is None:
            raise RecordNotFound()
        return stored_copy(db, minutes.stored_name, minutes.content, minutes.sha256)


def remove_minutes(db: Database, minutes_id: uuid.UUID) -> None:
    """The record is archived and the file kept, so the audit trail and a restore stay whole."""
    archive(db, MeetingMinutes, minutes_id)
