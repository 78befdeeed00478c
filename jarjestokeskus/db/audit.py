"""Records every create, update, archive and restore in the audit table, field by field."""

from __future__ import annotations

import getpass
import json
import os
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from json.encoder import encode_basestring_ascii
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


@cache
def _json_fields(model: type) -> list[tuple[str, str, Callable[[Any], str]]]:
    """For each field of `model` the history records: its key, the start of its JSON item
    ('"key": [null, ') and how its value is written in JSON, as `json.dumps` of `_plain(value)`
    writes it (a bulk insert writes the history's JSON text itself, 100,000 entries at a time)."""
    table = inspect(model).local_table
    fields = []
    for key in recorded_columns(model):
        try:
            python_type = table.columns[key].type.python_type
        except NotImplementedError:
            python_type = object
        encode: Callable[[Any], str]
        if issubclass(python_type, Enum):
            encode = _enum_json
        elif python_type is str:
            encode = _string_json
        elif python_type is bool:
            encode = _boolean_json
        else:
            encode = _other_json
        fields.append((key, f"{_string_json(key)}: [null, ", encode))
    return fields


_string_json = encode_basestring_ascii  # as json.dumps writes a str
_boolean_json = {True: "true", False: "false"}.__getitem__


def _enum_json(value: Enum) -> str:
    return _string_json(value.value)


def _other_json(value: Any) -> str:
    return json.dumps(_plain(value))


def ascending_uuid4_hexes(count: int) -> list[str]:
    """`count` new random uuid4s in ascending order: an index on them grows at its end when they
    are inserted in this order (their bits are made as `uuid.uuid4` makes them). Each is written
    as SQLite stores a UUID, its 32 hex digits (as the Uuid column's bind processor writes
    `UUID.hex`): a bulk insert makes 100,000 at a time, without a UUID object for each."""
    raw = os.urandom(16 * count)
    ints = sorted(
        int.from_bytes(raw[start : start + 16]) & _UUID4_CLEAR | _UUID4_SET
        for start in range(0, 16 * count, 16)
    )
    return [f"{value:032x}" for value in ints]


ENTRY_COLUMNS = ("id", "at", "user", "action", "entity", "entity_id", "owner_id", "changes")


def creation_entries(
    session: Session, model: type, keys: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """Audit rows (their columns in ENTRY_COLUMNS order) for records created by one bulk insert
    of `rows` into `model`: tuples of the columns named by `keys`, "id" among them. As a flush of
    the same records would write them, for an insert of thousands of rows at once, except that
    the changes are already JSON text: the text the JSON column writes for {field: [None, value]}.
    Their ids are new uuid4s in ascending order, so the index on them grows at its end, written
    as SQLite stores them (ascending_uuid4_hexes).

    The JSON is written column by column: each recorded column's items, then each row's joined."""
    if not rows:
        return []
    user = session.info.get("user") or os_user()
    owner = next((k for k in ("organisation_id", "agreement_id", "project_id") if hasattr(model, k)), "id")
    now = utcnow()
    columns = dict(zip(keys, zip(*rows, strict=True), strict=True))
    recorded = [
        _json_items(start, encode, columns[key])
        for key, start, encode in _json_fields(model)
        if key in columns
    ]
    items = zip(*recorded, strict=True) if recorded else [()] * len(rows)
    owners = columns.get(owner, (None,) * len(rows))
    entity = model.__name__
    return [
        # Each item starts with ", ": the first one's is cut off.
        (entry_id, now, user, "create", entity, record_id, owner_id, "{" + "".join(row_items)[2:] + "}")
        for entry_id, record_id, owner_id, row_items in zip(
            ascending_uuid4_hexes(len(rows)), columns["id"], owners, items, strict=True
        )
    ]


def _json_items(start: str, encode: Callable[[Any], str], values: Sequence[Any]) -> list[str]:
    """A column's items of the changes' JSON, each with the separator before it
    (', "key": [null, value]'), and "" for an empty value. A choice or a flag has few distinct
    values: each is written once."""
    item = ", " + start
    if encode is _enum_json or encode is _boolean_json:
        written = {v: f"{item}{encode(v)}]" if v is not None and v != "" else "" for v in set(values)}
        return [written[v] for v in values]
    return [f"{item}{encode(v)}]" if v is not None and v != "" else "" for v in values]


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
