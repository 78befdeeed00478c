"""SQLite's own failures while the program runs, turned into problems the user can act on.

A full disk, a read-only folder, a removed USB stick, a damaged file or a database file deleted
under the running program would otherwise reach the window as a driver error in English. The
listeners here are installed for every engine when `jarjestokeskus.db.engine` is imported:

- `handle_error` turns a failing SQLite statement or commit into a `DatabaseProblem`;
- a commit first checks that the database file is still the one that was opened: SQLite keeps
  writing into a deleted file, and everything saved after the deletion would be lost;
- a new connection to an open database whose file has gone is refused instead of letting SQLite
  make a new, empty file in its place.

Only SQLite is touched; a database server's errors are left as they are. `set_query_only` is the
read-only connections' setting (db.engine installs it), by which a refused write is told apart.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session

from jarjestokeskus.db.errors import DatabaseGone
from jarjestokeskus.db.plain import QUERY_ONLY, driver_problem

# The file each engine opened: (device, inode), taken at its first connection.
_opened: weakref.WeakKeyDictionary[Engine, tuple[int, int]] = weakref.WeakKeyDictionary()


def _path(engine: Engine | None) -> Path | None:
    if engine is None or engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def set_query_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """Read-only mode: SQLite itself refuses writes, also those that bypass the ORM's flush."""
    cursor = dbapi_connection.cursor()
    cursor.execute(QUERY_ONLY)
    cursor.close()


def _query_only(engine: Engine) -> bool:
    """A read-only window: its refused writes are worded by the engine, naming who holds the file."""
    return event.contains(engine, "connect", set_query_only)


@event.listens_for(Engine, "engine_connect")
def _remember_file(connection: Connection) -> None:
    engine = connection.engine
    if engine not in _opened and (path := _path(engine)) is not None:
        identity = _identity(path)
        if identity is not None:
            _opened[engine] = identity


@event.listens_for(Engine, "engine_disposed")
def _forget_closed(engine: Engine) -> None:
    _opened.pop(engine, None)


@event.listens_for(Engine, "do_connect")
def _no_empty_file_in_its_place(dialect, _record, cargs, _cparams) -> None:  # type: ignore[no-untyped-def]
    """A new connection to an open database whose file has gone: SQLite would make an empty file
    there, and the next start would take that for a new, empty register."""
    if dialect.name != "sqlite" or not cargs:
        return
    name = str(cargs[0])
    if not Path(name).exists() and any(str(_path(engine)) == name for engine in list(_opened)):
        raise DatabaseGone(name)


@event.listens_for(Engine, "handle_error")
def _translate(context: ExceptionContext) -> None:
    engine = context.engine
    path = _path(engine)
    if engine is None or path is None:
        return
    problem = driver_problem(context.original_exception, path, _query_only(engine))
    if problem is not None:
        raise problem from context.sqlalchemy_exception


@event.listens_for(Session, "before_commit")
def _file_still_there(session: Session) -> None:
    """Refuse to commit into a database file that was deleted or replaced since it was opened."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else getattr(bind, "engine", None)
    path = _path(engine)
    if engine is None or path is None or engine not in _opened:
        return
    if _identity(path) != _opened[engine]:
        raise DatabaseGone(str(path))


def forget(engine: Engine) -> None:
    """For a file replaced on purpose (a restore) while the engine stays in use."""
    _opened.pop(engine, None)


__all__ = ["driver_problem", "forget", "set_query_only"]
