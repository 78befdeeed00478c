"""What every cooperation register does alike: load a record for saving (stale save refused), archive
and restore it."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from jarjestokeskus.db.base import Record, utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord

R = TypeVar("R", bound=Record)


def load_for_saving(
    session: Session, model: type[R], record_id: uuid.UUID | None, expected_version: int | None, **new: object
) -> R:
    """The record to save into: a new one (with `new`'s fields) when `record_id` is None.

    A record saved by someone else since `expected_version` was read is refused (StaleRecord).
    """
    if record_id is None:
        record = model(id=uuid.uuid4(), **new)
        session.add(record)
        return record
    record = session.get(model, record_id)
    if record is None or record.archived_at is not None:
        raise RecordNotFound()
    if expected_version is not None and record.version != expected_version:
        raise StaleRecord()
    return record


def archive(
    db: Database, model: type[Record], record_id: uuid.UUID, expected_version: int | None = None
) -> None:
    """Soft delete: the record is kept with its history, only hidden."""
    with db.transaction() as session:
        record = load_for_saving(session, model, record_id, expected_version)
        record.archived_at = utcnow()


def restore(
    db: Database, model: type[Record], record_id: uuid.UUID, expected_version: int | None = None
) -> None:
    """Back from the archive, as it was."""
    with db.transaction() as session:
        record = session.get(model, record_id)
        if record is None or record.archived_at is None:
            raise RecordNotFound()
        if expected_version is not None and record.version != expected_version:
            raise StaleRecord()
        record.archived_at = None


def live(model: type[Record], archived: bool):  # type: ignore[no-untyped-def]
    """The condition for the list: the live records, or the archived ones."""
    return model.archived_at.is_not(None) if archived else model.archived_at.is_(None)
