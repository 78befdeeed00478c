"""An existing SQLite database read with Python's own sqlite3: no SQLAlchemy, no Alembic.

The read-only commands (`check`, `export members`, `report members`) open a database file with
`open_for_reading` and so skip loading SQLAlchemy (a third of a second); a server's database
(`postgresql://`) is opened with SQLAlchemy as before. The rules of opening a file are here,
once, for both ways: what a database file of this program is (`require_database_file`,
`looks_like_sqlite`, the schema revisions read from the migration scripts as text), how a
read-only folder is read (`read_only_uri`), the connection's settings (`set_pragmas`) and what a
SQLite error means to the user (`driver_problem`). db.engine and db.sqlite_errors use them.

The queries are plain SQL with `:name` parameters, which sqlite3 and SQLAlchemy's `text()` both
take: `reader(db)` gives a function that runs one on either kind of database.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from jarjestokeskus.db.errors import (
    CannotOpen,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseGone,
    DatabaseProblem,
    DatabaseUnavailable,
    DiskFull,
    NewerDatabase,
    NotADatabase,
    ReadOnlyLocation,
)
from jarjestokeskus.db.places import sqlite_path
from jarjestokeskus.i18n import _

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
# Every connection's settings. Deleted and overwritten content is zeroed in the file, not left
# readable in free space (Debian's SQLite does this by default, the one in CPython's Windows
# build does not). WAL is written into the file, so db.engine sets it once the file is ours.
PRAGMAS = (
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
)
QUERY_ONLY = "PRAGMA query_only=ON"  # read-only mode: SQLite itself refuses every write

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_ERROR, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED = 1, 3, 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 8, 10, 11, 13
SQLITE_CANTOPEN, SQLITE_NOTADB = 14, 26

_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|None)', re.MULTILINE)


# --- the schema revisions this program knows ---------------------------------------------------
@functools.cache
def _revisions() -> dict[str, str | None]:
    """Each migration script's revision and the one it follows, read from the scripts as text
    (tests/db/test_revisions.py holds them to Alembic's own reading)."""
    steps: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((name, value) for name, value in _REVISION_LINE.findall(script.read_text("utf-8")))
        if found.get("revision"):
            steps[found["revision"]] = found.get("down_revision") or None
    return steps


def known_revisions() -> frozenset[str]:
    return frozenset(_revisions())


def head_revision() -> str:
    """The revision no other script follows (the scripts form one line)."""
    followed = set(_revisions().values())
    heads = [revision for revision in _revisions() if revision not in followed]
    assert len(heads) == 1, heads
    return heads[0]


# --- what a database file of this program is ---------------------------------------------------
class FileMissing(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _("The file {path} does not exist.").format(path=self.path)


def require_database_file(path: Path) -> None:
    """A command on an existing database: a missing file, a folder or an empty file is refused
    (an empty one would silently become a new database)."""
    if path.is_dir():
        raise CannotOpen(str(path), IsADirectoryError(errno.EISDIR, "", str(path)))
    if not path.is_file():
        raise FileMissing(str(path))
    if path.stat().st_size == 0:
        raise NotADatabase(str(path))


def looks_like_sqlite(path: Path) -> bool:
    """The file starts as a SQLite database does."""
    try:
        with path.open("rb") as file:
            return file.read(16) == SQLITE_HEADER
    except OSError as exc:  # no right to read it, say: that, not "not a database"
        raise CannotOpen(str(path), exc, reading=True) from exc


def read_only_uri(path: Path) -> str | None:
    """Reading a file in a folder this program may not write (a read-only share or disk):
    SQLite cannot make its -shm file there, so it reads the file as it is, trusting that
    nobody writes it meanwhile (nobody has it open: there is no -shm). None: open it as usual."""
    folder = path.parent
    if not folder.is_dir() or os.access(folder, os.W_OK):
        return None
    shared_memory = path.with_name(path.name + "-shm")
    mode = "mode=ro" if shared_memory.exists() else "mode=ro&immutable=1"
    return f"file:{path.as_posix()}?{mode}"


def set_pragmas(connection: Any, *, query_only: bool = False) -> None:
    """Every connection's settings, on a driver's connection (`query_only`: refuse writes)."""
    cursor = connection.cursor()
    for pragma in (*PRAGMAS, QUERY_ONLY) if query_only else PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def stored_revision(execute: Callable[[str], Any]) -> str | None:
    """The schema revision stamped in a SQLite database (Alembic's table); None when it has none.
    `execute`: a sqlite3 connection's, or `reader`'s."""
    found = execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    revision = execute("SELECT version_num FROM alembic_version").fetchone()
    return None if revision is None else str(revision[0])


# --- what a SQLite error means to the user -----------------------------------------------------
def driver_problem(
    error: BaseException, path: Path | None, query_only: bool = False
) -> DatabaseProblem | None:
    """The problem a SQLite error means to the user, or None for an error that is a bug."""
    if not isinstance(error, sqlite3.Error) or path is None:
        return None
    code = getattr(error, "sqlite_errorcode", SQLITE_ERROR) & 0xFF
    where = str(path)
    if code == SQLITE_FULL:
        return DiskFull(where)
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return None if query_only else ReadOnlyLocation(where)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamaged(where)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return DatabaseGone(where) if not path.exists() else DatabaseUnavailable(where)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy()
    if code == SQLITE_ERROR and str(error).startswith("no such table") and _emptied(path):
        # The file was deleted and SQLite made a new, empty one in its place.
        return DatabaseGone(where)
    return None


def _emptied(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return True


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """SQLite's failures while reading as the problems the user can act on (as db.sqlite_errors
    words them for SQLAlchemy's engines); an error that is a bug stays as it is."""
    try:
        yield
    except sqlite3.Error as error:
        problem = driver_problem(error, path, query_only=True)
        if problem is not None:
            raise problem from error
        raise


# --- a database file opened for reading --------------------------------------------------------
class PlainDatabase:
    """An existing database file open for reading with sqlite3, in one read transaction (what is
    read is one moment's content). Has what the readers use of db.engine.Database."""

    read_only = True

    def __init__(self, url: str, connection: sqlite3.Connection) -> None:
        self.url = url
        self.connection = connection

    @property
    def path(self) -> Path:
        path = sqlite_path(self.url)
        assert path is not None
        return path

    def close(self) -> None:
        self.connection.close()


def open_for_reading(path: Path) -> PlainDatabase:
    """Open an existing database file of this program without changing it, refused as
    db.engine.open_database(…, migrate=False, read_only=True) refuses it, in the same words."""
    require_database_file(path)
    if not looks_like_sqlite(path):
        raise NotADatabase(str(path))
    uri = read_only_uri(path)
    connection = None
    try:
        with _translated(path):
            # No transaction of the module's own: one read transaction, begun here, ended by close.
            connection = sqlite3.connect(uri or path, uri=uri is not None, isolation_level=None)
            set_pragmas(connection, query_only=True)
            connection.execute("BEGIN")
            revision = stored_revision(connection.execute)
    except sqlite3.Error as exc:
        if connection is not None:
            connection.close()
        if "not a database" in str(exc).lower():
            raise NotADatabase(str(path)) from exc
        raise CannotOpen(str(path), str(exc).strip()) from exc
    except BaseException:
        if connection is not None:
            connection.close()
        raise
    if revision is None or revision not in known_revisions():
        connection.close()
        # No revision: another program's database (or an empty file), reading it would only fail later.
        raise NotADatabase(str(path)) if revision is None else NewerDatabase(revision)
    return PlainDatabase(f"sqlite:///{path}", connection)


# --- running a query on either kind of database ------------------------------------------------
class Rows(Protocol):
    """What a query gives: rows (tuples, or SQLAlchemy's rows) to iterate or fetch."""

    def __iter__(self) -> Iterator[Sequence[Any]]: ...

    def fetchone(self) -> Sequence[Any] | None: ...

    def fetchmany(self, size: int) -> Sequence[Sequence[Any]]: ...

    def fetchall(self) -> Sequence[Sequence[Any]]: ...


Execute = Callable[..., Rows]
"""execute(sql, parameters={}): one statement with `:name` parameters, its rows."""


class EngineDatabase(Protocol):
    """db.engine.Database, as `reader` uses it (named so here: db.engine uses this module)."""

    engine: Any


@contextmanager
def reader(db: PlainDatabase | EngineDatabase, *, stream: bool = False) -> Iterator[Execute]:
    """A way to run queries on `db` while the block lasts: sqlite3's cursor on a file opened
    here, else a connection of SQLAlchemy's engine (`stream`: a server's rows come as they are
    read, not all at once). Rows are as the driver gives them (SQLite: text for ids and dates)."""
    if isinstance(db, PlainDatabase):
        path, connection = db.path, db.connection

        def execute(sql: str, parameters: Mapping[str, object] | None = None) -> Rows:
            with _translated(path):
                return _Translating(connection.execute(sql, _sqlite_values(parameters or {})), path)

        yield execute
        return
    from sqlalchemy import text

    with db.engine.connect() as connection:
        if stream:
            connection = connection.execution_options(stream_results=True)
        sqlite = connection.dialect.name == "sqlite"

        def execute_sql(sql: str, parameters: Mapping[str, object] | None = None) -> Rows:
            values = _sqlite_values(parameters or {}) if sqlite else dict(parameters or {})
            return connection.execute(text(sql), values)

        yield execute_sql


def database_errors(db: PlainDatabase | EngineDatabase) -> tuple[type[BaseException], ...]:
    """What a query on `db` fails with when the database is at fault (not the program)."""
    if isinstance(db, PlainDatabase):
        return (sqlite3.Error, DatabaseProblem)
    from sqlalchemy.exc import DBAPIError

    return (DBAPIError, DatabaseProblem)


class _Translating:
    """sqlite3's cursor whose failures while fetching are worded as `_translated` words them."""

    def __init__(self, cursor: sqlite3.Cursor, path: Path) -> None:
        self.cursor, self.path = cursor, path

    def __iter__(self) -> Iterator[Sequence[Any]]:
        while part := self.fetchmany(1000):
            yield from part

    def fetchone(self) -> Sequence[Any] | None:
        with _translated(self.path):
            return self.cursor.fetchone()  # type: ignore[no-any-return]

    def fetchmany(self, size: int) -> Sequence[Sequence[Any]]:
        with _translated(self.path):
            return self.cursor.fetchmany(size)

    def fetchall(self) -> Sequence[Sequence[Any]]:
        with _translated(self.path):
            return self.cursor.fetchall()


def _sqlite_values(parameters: Mapping[str, object]) -> dict[str, object]:
    """Parameters as SQLAlchemy stores them in SQLite: a day as YYYY-MM-DD text, an id as 32 hex
    digits."""
    return {name: _sqlite_value(value) for name, value in parameters.items()}


def _sqlite_value(value: object) -> object:
    if isinstance(value, datetime):
        raise TypeError("a time of day is not a parameter these queries take")
    if isinstance(value, uuid.UUID):
        return value.hex
    return value.isoformat() if isinstance(value, date) else value


def sql_list(values: Iterable[str]) -> str:
    """The program's own constants (enum values) as an SQL list: `('a', 'b')`. Never user text."""
    listed = list(values)
    assert all(value.replace("_", "").isalnum() for value in listed), listed
    return "(" + ", ".join(f"'{value}'" for value in listed) + ")"


__all__ = [
    "FileMissing",
    "EngineDatabase",
    "PlainDatabase",
    "database_errors",
    "driver_problem",
    "head_revision",
    "known_revisions",
    "looks_like_sqlite",
    "open_for_reading",
    "read_only_uri",
    "reader",
    "require_database_file",
    "set_pragmas",
    "sql_list",
    "stored_revision",
]
