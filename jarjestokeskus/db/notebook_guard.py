"""A meeting notebook: a meeting copy in which only the meeting's parts can be written.

The notebook is a meeting copy (db.copy_mark) with a second side table, `jk_notebook`, naming the
copy (its own uuid, for bringing it back once) and the person recording in it; `jk_notebook_base`
keeps each writable record's version and values as they were when the copy was taken, so that
bringing it back sees what the meeting changed and what the register changed meanwhile.

Every flush in a notebook is checked here, whatever service or command made it: attendance and
registrations (also new ones, on the spot), an event's notes, a body meeting's agenda and decisions
(also a new meeting) and new contact-log entries can be written; any other change is refused with
`NotebookRefusal`, naming what cannot be changed. Bulk statements are refused the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import Record
from jarjestokeskus.db.copy_mark import side_row
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _
from jarjestokeskus.i18n.record_kinds import ENTITIES

NOTEBOOK_TABLE = "jk_notebook"
BASE_TABLE = "jk_notebook_base"

# entity: (may be created in the notebook, the fields a change may touch; None: any field)
WRITABLE: dict[str, tuple[bool, frozenset[str] | None]] = {
    "EventRegistration": (True, None),
    "Event": (False, frozenset({"notes"})),
    "BodyMeeting": (True, frozenset({"agenda", "decisions"})),
    "ContactEntry": (True, frozenset()),  # new entries; those made in the notebook stay editable
}
_BOOKKEEPING = {"id", "created_at", "updated_at", "version"}


@dataclass(frozen=True)
class NotebookMark:
    copy_id: uuid.UUID
    recorder: str
    taken_at: datetime  # UTC


class NotebookRefusal(DatabaseProblem):
    """A change outside the meeting's parts was refused; nothing was saved."""

    def __init__(self, entity: str) -> None:
        super().__init__(entity)
        self.entity = entity

    def user_message(self) -> str:
        what = _(ENTITIES[self.entity]) if self.entity in ENTITIES else self.entity
        return _(
            "This is a meeting notebook: {what} cannot be changed in it. Only attendance, "
            "registrations, event notes, the agendas and decisions of bodies' meetings and new "
            "contact-log entries can be written here; make other changes in the register."
        ).format(what=what)


def notebook_mark(path: Path | None) -> NotebookMark | None:
    """The notebook's mark in the SQLite file `path`; None for any other file."""
    row = side_row(path, NOTEBOOK_TABLE, "copy_id, recorder, taken_at") if path is not None else None
    if row is None:
        return None
    taken_at = datetime.fromisoformat(str(row[2]))
    return NotebookMark(uuid.UUID(str(row[0])), str(row[1] or ""), _utc(taken_at))


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def changed_fields(obj: Any) -> set[str]:
    """The fields of a loaded record that this flush changes (bookkeeping left out)."""
    state = inspect(obj)
    return {
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in _BOOKKEEPING and state.attrs[attr.key].history.has_changes()
    }


def refused_entity(session: Session, mark: NotebookMark) -> str | None:
    """The first record of the pending flush that a notebook may not write; None when all may be."""
    for obj in session.deleted:
        return type(obj).__name__
    for obj in session.new:
        if isinstance(obj, Record) and not WRITABLE.get(type(obj).__name__, (False, None))[0]:
            return type(obj).__name__
    for obj in session.dirty:
        if not isinstance(obj, Record) or not session.is_modified(obj):
            continue
        entity = type(obj).__name__
        if entity not in WRITABLE:
            return entity
        fields = WRITABLE[entity][1]
        if entity == "ContactEntry" and obj.created_at is not None and _utc(obj.created_at) > mark.taken_at:
            continue  # written at the meeting
        if fields is not None and not changed_fields(obj) <= fields:
            return entity
    return None


def _entity_of(table_name: str) -> str:
    from jarjestokeskus.db.base import Base

    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return mapper.class_.__name__
    return table_name


def install(session_factory: Any, mark: NotebookMark) -> None:
    """Refuse, in every session of `session_factory`, what a notebook may not write."""

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        refused = refused_entity(session, mark)
        if refused is not None:
            raise NotebookRefusal(refused)

    def bulk(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", "")
            if name != "audit_entry":
                raise NotebookRefusal(_entity_of(name))

    event.listen(session_factory, "before_flush", before_flush)
    event.listen(session_factory, "do_orm_execute", bulk)
