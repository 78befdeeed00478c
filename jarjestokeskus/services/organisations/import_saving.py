"""Saving an import's new organisations in bulk: one insert for the records, one for their history.

A flush per organisation costs about a millisecond; 100,000 new organisations go in here in a few
seconds, with the same columns, derived keys and audit entries the form's save writes.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, Uuid, insert, select

from jarjestokeskus.db.audit import ENTRY_COLUMNS, ascending_uuid4_hexes, creation_entries
from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import ReadOnlyDatabase
from jarjestokeskus.db.models import AuditEntry, Organisation
from jarjestokeskus.db.search_index import bulk_insert
from jarjestokeskus.domain.organisation import OrganisationValues
from jarjestokeskus.services.organisations.register import DERIVED, derived_rows

_CHUNK = 2000  # rows per insert statement batch, and per progress step
_REBUILD_FROM = 1000  # new organisations at least, for their tables' indexes to be made again
_APPENDING_CACHE_KIB = 16 * 1024
_LOOKUP = 500  # business IDs per IN (…) lookup
_SAMPLE = 64  # values of a column looked at to tell whether it has few distinct ones
_LITERAL_LENGTH = 200  # characters at most of a value written into an insert statement
_NAMED = ("name_fi", "name_sv", "abbreviation", "business_id", "municipality")  # derived_rows' fields


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def roomy_cache(session) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """On SQLite, 64 MiB of page cache for this connection while the inserts run (the indexes of
    100,000 new rows do not fit the default 2 MiB), then the default back."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


@contextmanager
def written_once(db: Database, count: int) -> Iterator[None]:
    """SQLite, an import of `count` new organisations (at least as many as make the indexes
    again) by a program that does nothing else with the database meanwhile (the command line;
    the window reads it while it imports): its pages are written once, into the database file,
    where nobody else has it open.

    In WAL mode every page is written twice: into the -wal file while the transaction runs and
    into the database at the checkpoint after the commit (at 100,000 organisations 200 MB, about
    a second of the wait). In the rollback-journal mode the pages added at the end of the file
    are not journaled: they are written once. The data is as safe either way: with
    synchronous=FULL a commit is durable in both modes (after "done" a power cut loses nothing)
    and atomic (a crash half-way leaves the register as it was; the journal rolls the file back
    at the next open). WAL is left only when no other connection has the database open (SQLite
    refuses the change then; the import goes on in WAL, as it always did), and set again
    afterwards, saved or not. Meanwhile someone opening the database to read waits for the
    import's commit instead of reading the register as it was before it.
    """
    if db.path is None or db.read_only or count < _REBUILD_FROM:
        yield
        return
    switched = _journal_mode(db, "DELETE", wait=False) == "delete"
    try:
        yield
    finally:
        if switched:  # a reader that opened it meanwhile is waited for; else the next open sets WAL
            _journal_mode(db, "WAL", wait=True)


def _journal_mode(db: Database, mode: str, *, wait: bool) -> str | None:
    """Set SQLite's journal mode on the pooled connection: the mode it has after, or None when
    the database was busy (another connection has it open)."""
    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        timeout = driver.execute("PRAGMA busy_timeout").fetchone()[0]
        if not wait:
            driver.execute("PRAGMA busy_timeout=0")
        try:
            return str(driver.execute(f"PRAGMA journal_mode={mode}").fetchone()[0])
        except sqlite3.OperationalError:  # "database is locked"
            return None
        finally:
            driver.execute(f"PRAGMA busy_timeout={int(timeout)}")


def business_ids_taken(session, business_ids: Sequence[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether any of `business_ids` is already in the register (archived ones included)."""
    if len(business_ids) > _LOOKUP:  # many: the register's own IDs in one query
        stored = select(Organisation.business_id).where(Organisation.business_id.is_not(None))
        return not set(session.scalars(stored)).isdisjoint(business_ids)
    for chunk in _chunks(business_ids, _LOOKUP):
        if session.scalar(select(Organisation.id).where(Organisation.business_id.in_(chunk)).limit(1)):
            return True
    return False


def insert_organisations(
    session,  # type: ignore[no-untyped-def]
    new: Sequence[OrganisationValues],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Insert `new` organisations (no fees or roles) and their "create" audit entries."""
    if session.info.get("read_only"):
        raise ReadOnlyDatabase(session.info.get("holder", ""))
    connection = session.connection()  # Core inserts: the ORM's per-row bookkeeping is not needed
    write = _driver_insert if connection.dialect.name == "sqlite" else _core_insert
    history = AuditEntry.__table__
    now = utcnow()
    # The new ids in ascending order: the indexes on them (the organisations' key, the history's
    # record and owner) grow at their end instead of at random places. They are written as SQLite
    # stores them (hex digits); the Core insert reads them back.
    ids = ascending_uuid4_hexes(len(new))
    with _indexes_built_after(connection, len(new)), bulk_insert(connection):
        done = 0
        for start in range(0, len(new), _CHUNK):
            keys, rows = _rows(new[start : start + _CHUNK], ids[start : start + _CHUNK], now)
            write(connection, Organisation.__table__, keys, rows, encoded=("id",))
            entries = creation_entries(session, Organisation, keys, rows)
            write(connection, history, ENTRY_COLUMNS, entries, encoded=_ENCODED_ENTRY)
            done += len(rows)
            if progress is not None:
                progress(done)


@contextmanager
def _indexes_built_after(connection, count: int) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """SQLite: the indexes of a table that the new rows (`count` of them) will more than double
    are dropped before the inserts and made again after them, in the same transaction: building
    an index from all its rows at once costs less than growing it row by row. A failure rolls
    the drop back with everything else; a unique index refuses a duplicate when it is made."""
    if connection.dialect.name != "sqlite" or count < _REBUILD_FROM:
        yield
        return
    indexes = []
    for table in (Organisation.__tablename__, AuditEntry.__tablename__):
        rows = connection.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
        if count > int(rows or 0):
            indexes += connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                (table,),
            ).all()
    if indexes and not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")  # the driver would run the drops outside the transaction
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    # Without the indexes the inserts append: the roomy cache would only hold 50 MiB more memory.
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    if indexes:
        connection.exec_driver_sql(f"PRAGMA cache_size=-{_APPENDING_CACHE_KIB}")
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)
    connection.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")


_ENCODED_ENTRY = ("id", "entity_id", "owner_id", "changes")  # (ids as hex digits, the changes as JSON text)
_FIXED = ("id", "created_at", "updated_at", "version", "is_home", "shares_business_id")


def _rows(
    new: Sequence[OrganisationValues], ids: Sequence[uuid.UUID], now: datetime
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """The organisations' rows as tuples, and the columns they hold: every row the same columns
    (the checked values' fields are the same for every organisation)."""
    fields = tuple(new[0].scalars)
    values_of = itemgetter(*fields) if len(fields) > 1 else lambda scalars: (scalars[fields[0]],)
    own = []
    for values in new:
        if len(values.scalars) != len(fields):  # (another field missing raises KeyError in values_of)
            raise ValueError(f"fields {sorted(values.scalars)}, expected {sorted(fields)}")
        own.append(values_of(values.scalars))
    column = dict(zip(fields, zip(*own, strict=True), strict=True))
    derived = derived_rows(*(column[key] for key in _NAMED))
    fixed = (now, now, 1, False, False)
    rows = [
        (org_id, *fixed, *scalars, *more) for org_id, scalars, more in zip(ids, own, derived, strict=True)
    ]
    return (*_FIXED, *fields, *DERIVED), rows


def _core_insert(
    connection, table: Table, keys: Sequence[str], rows: list[tuple[Any, ...]], encoded: Sequence[str]
) -> None:  # type: ignore[no-untyped-def]
    """Through SQLAlchemy Core (PostgreSQL): the `encoded` columns' values are read back for their
    types to write (the JSON text parsed, the hex digits of an id made a UUID)."""
    readers = [(keys.index(key), _reader(table.c[key])) for key in encoded]
    values = [dict(zip(keys, row, strict=True)) for row in rows]
    for row in values:
        for index, read in readers:
            if row[keys[index]] is not None:
                row[keys[index]] = read(row[keys[index]])
    connection.execute(insert(table), values)


def _reader(column: Column[Any]) -> Callable[[str], Any]:
    return uuid.UUID if isinstance(column.type, Uuid) else json.loads


def _driver_insert(
    connection, table: Table, keys: Sequence[str], rows: list[tuple[Any, ...]], encoded: Sequence[str]
) -> None:  # type: ignore[no-untyped-def]
    """SQLite: the rows as tuples straight to the driver's executemany, each value converted by
    its column's own bind processor as a Core insert converts it (Core's per-row parameter
    handling cost more than SQLite's work), but for the `encoded` columns (JSON text, the ids' hex
    digits), written as they are. Columns missing from the rows stay NULL: they must have no default."""
    dialect = connection.dialect
    columns = [table.c[key] for key in keys]
    unset = [c.name for c in table.columns if c.key not in keys and c.default is not None]
    if unset:
        raise ValueError(f"{table.name}: no value for {unset}")
    values = [
        _converted(
            column_values,
            None if column.key in encoded else column.type.dialect_impl(dialect).bind_processor(dialect),
        )
        for column_values, column in zip(zip(*rows, strict=True), columns, strict=True)
    ]
    # A column that holds one value in every row (a bookkeeping column, a field the file leaves
    # empty) is written into the statement once instead of bound for each row; one column at
    # least stays bound.
    literals = [_literal(column_values) for column_values in values]
    literals[0] = None
    quote = dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join('?' if literal is None else literal for literal in literals)})"
    )
    bound = [
        column_values for column_values, literal in zip(values, literals, strict=True) if literal is None
    ]
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.executemany(statement, zip(*bound, strict=True))
    finally:
        cursor.close()


def _literal(values: Sequence[Any]) -> str | None:
    """The SQL text of the one value all `values` are, if it is one SQLite stores exactly as it
    stores the bound value (NULL, an integer, short text without NUL characters); else None."""
    first = values[0]
    if values.count(first) != len(values):
        return None
    if first is None:
        return "NULL"
    if type(first) is str and len(first) <= _LITERAL_LENGTH and "\x00" not in first:
        return "'" + first.replace("'", "''") + "'"
    if (
        type(first) in (int, bool)
        and -(2**63) < first < 2**63
        and all(type(v) is type(first) for v in values)
    ):
        return str(int(first))
    return None


def _converted(values: Sequence[Any], process: Callable[[Any], Any] | None) -> Sequence[Any]:
    """`values` through `process`; a column of a few distinct values (a choice, a date, a
    flag) converts each of them once."""
    if process is None:
        return values
    try:
        if len(set(values[:_SAMPLE])) * 4 > _SAMPLE:  # (ids, names: all different)
            return [process(value) for value in values]
        distinct = set(values)
    except TypeError:  # unhashable (a JSON value)
        return [process(value) for value in values]
    if len(distinct) * 4 > len(values):
        return [process(value) for value in values]
    converted = {value: process(value) for value in distinct}
    return [converted[value] for value in values]
