"""Records every create, update, archive and restore in the audit table, field by field."""

from __future__ import annotations

import getpass
import os
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import Record, utcnow

if TYPE_CHECKING:  # the models load at the first flush, not with every opened database
    from jarjestokeskus.db.models.audit import AuditEntry

# Derived columns are not history: they follow from the fields that are recorded (the sort keys,
# the search text, the municipality code found from the municipality text).
# A document's content is a file, recorded by its name, size and hash.
_SKIPPED = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "archived_at",
    "search_text",
    "content",
    "municipality_code",
    "figures",  # a closed report's figures: kept with the report as sent
}


# The version (4) and variant (RFC 4122) bits of a uuid4, as `uuid.UUID(int=…, version=4)` sets them.
_UUID4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_UUID4_SET = (0x8000 << 48) | (4 << 76)


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "?"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    return value


def _owner(obj: Record) -> uuid.UUID | None:
    for name in ("organisation_id", "agreement_id", "project_id"):
        if hasattr(obj, name):
            return getattr(obj, name)
    return obj.id


def _entry(session: Session, obj: Record, action: str, changes: dict[str, list[Any]]) -> AuditEntry:
    from jarjestokeskus.db.models.audit import AuditEntry

    return AuditEntry(
        user=session.info.get("user") or os_user(),
        action=action,
        entity=type(obj).__name__,
        entity_id=obj.id,
        owner_id=_owner(obj),
        changes=changes,
    )


def _columns(obj: Record) -> list[str]:
    return recorded_columns(type(obj))


@cache
def recorded_columns(model: type) -> list[str]:
    """The fields of `model` the history records (not the derived or bookkeeping ones)."""
    return [
        a.key for a in inspect(model).column_attrs if a.key not in _SKIPPED and not a.key.endswith("_key")
    ]


def _converter(column: Any) -> Any:
    """How a column's Python value is written into the history (as `_plain` would)."""
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return _plain
    if issubclass(python_type, Enum):
        return lambda value: None if value is None else value.value
    if python_type in (str, int, bool, float, dict, list):
        return None  # kept as it is
    return _plain


@cache
def _converters(model: type) -> list[tuple[str, Any]]:
    table = inspect(model).local_table
    return [(key, _converter(table.columns[key])) for key in recorded_columns(model)]


def ascending_uuid4s(count: int) -> list[uuid.UUID]:
    """`count` new random uuid4s in ascending order: an index on them grows at its end when they
    are inserted in this order (their bits are made as `uuid.uuid4` makes them)."""
    raw = os.urandom(16 * count)
    ints = sorted(
        int.from_bytes(raw[start : start + 16]) & _UUID4_CLEAR | _UUID4_SET
        for start in range(0, 16 * count, 16)
    )
    return [uuid.UUID(int=value) for value in ints]


def creation_entries(session: Session, model: type, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Audit rows for records created by one bulk insert of `rows` into `model`, as a flush of
    the same records would write them (for an insert of many rows at once). Their ids are new
    uuid4s in ascending order, so the index on them grows at its end."""
    user = session.info.get("user") or os_user()
    owner = next((k for k in ("organisation_id", "agreement_id", "project_id") if hasattr(model, k)), "id")
    now = utcnow()
    keys, values, converted = _recorded(model)
    entries = []
    for entry_id, row in zip(ascending_uuid4s(len(rows)), rows, strict=True):
        try:
            found = values(row)
        except KeyError:  # a row without some of the columns
            found = tuple(row.get(key) for key in keys)
        changes = {
            key: [None, value]
            for key, value in zip(keys, found, strict=True)
            if value is not None and value != ""
        }
        for key, convert in converted:
            if key in changes:
                changes[key][1] = convert(changes[key][1])
        entries.append(
            {
                "id": entry_id,
                "at": now,
                "user": user,
                "action": "create",
                "entity": model.__name__,
                "entity_id": row["id"],
                "owner_id": row.get(owner),
                "changes": changes,
            }
        )
    return entries


@cache
def _recorded(model: type) -> tuple[list[str], Any, list[tuple[str, Any]]]:
    """`model`'s recorded fields, a getter of their values from a row, and the converters of those
    that need one (an enum, a date) — for rows of thousands of new records."""
    converters = _converters(model)
    keys = [key for key, _convert in converters]
    getter = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    return keys, getter, [(key, convert) for key, convert in converters if convert]


def _on_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("read_only"):
        from jarjestokeskus.db.errors import ReadOnlyDatabase

        raise ReadOnlyDatabase(session.info.get("holder", ""))
    entries: list[AuditEntry] = []
    for obj in session.new:
        if not isinstance(obj, Record):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        changes = {
            k: [None, _plain(getattr(obj, k))] for k in _columns(obj) if getattr(obj, k) not in (None, "")
        }
        entries.append(_entry(session, obj, "create", changes))
    for obj in session.dirty:
        if not isinstance(obj, Record) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        archived = state.attrs.archived_at.history
        action = "update"
        if archived.has_changes():
            action = "archive" if obj.archived_at is not None else "restore"
        changes: dict[str, list[Any]] = {}
        for key in _columns(obj):
            history = state.attrs[key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if _plain(old) != _plain(new):
                    changes[key] = [_plain(old), _plain(new)]
        if changes or action != "update":
            entries.append(_entry(session, obj, action, changes))
    session.add_all(entries)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _on_flush)
