"""Opening a database: URL, engine, SQLite settings, lock, migrations, sessions."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

# sqlite_errors: SQLite's failures become problems the user can act on, for every engine here.
from jarjestokeskus.db import audit, closed_year_guard, notebook_guard, sqlite_errors
from jarjestokeskus.db.copy_mark import MeetingCopyIsReadOnly, is_meeting_copy
from jarjestokeskus.db.errors import CannotOpen, NotADatabase, ReadOnlyDatabase, StaleRecord
from jarjestokeskus.db.lock import DatabaseLock, LockHolder
from jarjestokeskus.db.places import APP_NAME as APP_NAME
from jarjestokeskus.db.places import ENV_DB as ENV_DB
from jarjestokeskus.db.places import data_dir, database_url, sqlite_path
from jarjestokeskus.db.places import default_database_path as default_database_path
from jarjestokeskus.db.plain import looks_like_sqlite, read_only_uri, set_pragmas


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Per-connection settings only: WAL is written into the file, so it is set in open_database
    # once the file is known to be ours (a refused file is left as it was).
    set_pragmas(dbapi_connection)


def _postgres_read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """Read-only mode on a server: every transaction of this connection refuses writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()  # psycopg began a transaction for the statement


def refused_as_read_only(exc: DBAPIError) -> bool:
    """SQLite's "attempt to write a readonly database" or PostgreSQL's read-only transaction."""
    if getattr(exc.orig, "sqlstate", None) == "25006":  # read_only_sql_transaction
        return True
    return "readonly" in str(exc.orig).lower()


@dataclass
class Database:
    """An open database: the services take this and open sessions from it."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    read_only: bool = False
    holder: LockHolder | None = None
    lock: DatabaseLock | None = field(default=None, repr=False)
    # On a server with the program's roles (db.server_roles): the login the history names.
    login: str | None = None
    # A meeting notebook (db.notebook_guard): only the meeting's parts can be written. The window
    # opens it `read_only` with this set, so that only the editors of those parts write.
    notebook: notebook_guard.NotebookMark | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error."""
        from sqlalchemy.orm.exc import StaleDataError

        session = self.session_factory()
        session.info["read_only"] = self.read_only and self.notebook is None
        session.info["holder"] = self.holder.describe() if self.holder else ""
        if self.login:
            session.info["user"] = self.login
        if self.notebook is not None and self.notebook.recorder:
            session.info["user"] = self.notebook.recorder  # the history of the meeting names its recorder
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise StaleRecord() from exc
        except DBAPIError as exc:
            session.rollback()
            if self.read_only and refused_as_read_only(exc):
                raise ReadOnlyDatabase(session.info["holder"]) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self.session_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def open_database(
    target: str | Path | None = None, *, migrate: bool = True, read_only: bool = False
) -> Database:
    """Open (creating or upgrading when needed) the database at `target`."""
    from jarjestokeskus.db.migrate import upgrade

    url = database_url(target)
    path = sqlite_path(url)
    lock = None
    holder = None
    notebook = None
    if path is not None:
        try:
            _private_place(path, create=not read_only)
        except OSError as exc:
            raise CannotOpen(str(path), exc) from exc
        if path.exists() and path.stat().st_size and not looks_like_sqlite(path):
            raise NotADatabase(str(path))
        notebook = notebook_guard.notebook_mark(path) if not read_only else None
        if notebook is not None:
            migrate = False  # brought back as it was taken: the register's schema
        elif not read_only and is_meeting_copy(path):
            raise MeetingCopyIsReadOnly(str(path))
        if not read_only:
            lock = DatabaseLock(path)
            holder = lock.acquire()
            if holder is not None:
                read_only, lock = True, None
    engine = _engine(_read_only_url(path) if read_only and path is not None else url)
    if path is not None:
        event.listen(engine, "connect", _sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", sqlite_errors.set_query_only)
    elif read_only and engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_read_only)
    try:
        if migrate and not read_only:
            upgrade(engine, path)
        else:
            from jarjestokeskus.db.migrate import check_version

            if check_version(engine) is None and (path is not None or _has_tables(engine)):
                # Another program's database (or an empty file): reading it would only fail later.
                raise NotADatabase(str(path or _shown(url)))
        if path is not None and not read_only:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if lock:
            lock.release()
        if path is not None and "not a database" in str(exc).lower():
            raise NotADatabase(str(path)) from exc
        raise CannotOpen(str(path or _shown(url)), str(exc.orig).strip()) from exc
    except BaseException:
        engine.dispose()
        if lock:
            lock.release()
        raise
    if path is None and engine.dialect.name == "postgresql":
        from jarjestokeskus.db import server_errors

        server_errors.install(engine, _shown(url))
    factory = sessionmaker(engine, expire_on_commit=False)
    audit.install(factory)
    closed_year_guard.install(factory)
    database = Database(url, engine, factory, read_only=read_only, holder=holder, lock=lock)
    if notebook is not None and not read_only:
        notebook_guard.install(factory, notebook)
        database.notebook = notebook
    if path is None and engine.dialect.name == "postgresql":
        database.login = _server_login(engine)
    if migrate and not read_only:
        try:
            _erase_again(database)
        except BaseException:
            database.close()
            raise
    return database


def _server_login(engine: Engine) -> str | None:
    """With the program's roles on the server each person signs in as themselves: their login."""
    from jarjestokeskus.db.server_roles import server_role

    if server_role(engine) is None:
        return None
    with engine.connect() as connection:
        return str(connection.exec_driver_sql("SELECT current_user").scalar())


def _erase_again(database: Database) -> None:
    """An older copy (a backup restored, an old file opened): erase its erased persons again."""
    from jarjestokeskus.db import erasure
    from jarjestokeskus.db.server_errors import NoRight

    try:
        with database.transaction() as session:
            erased = erasure.reapply_on_open(session, data_dir())
    except NoRight:  # a staff login may not rewrite the history: personnel administration's open will
        return
    if erased:
        erasure.compact(database.engine)


def _engine(url: str) -> Engine:
    if not url.startswith("postgresql"):
        return create_engine(url, future=True)
    # A server far away: give up on a dead one in seconds, and test a pooled connection before
    # use, since the window stays open for hours and the server may have dropped it meanwhile.
    return create_engine(url, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _shown(url: str) -> str:
    """The URL as the user may see it: without the password."""
    from sqlalchemy import make_url

    return make_url(url).render_as_string(hide_password=True)


def _read_only_url(path: Path) -> str:
    uri = read_only_uri(path)  # a read-only folder's file is read as it is
    return f"sqlite:///{path}" if uri is None else f"sqlite:///{uri}&uri=true"


def _has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect

    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def _private_place(path: Path, *, create: bool) -> None:
    """A new database file is readable by its owner only (SQLite gives its -wal and -shm the
    same mode), and so is the program's own data folder with everything in it. A file the user
    keeps elsewhere (a shared folder) keeps the mode it has."""
    own = path.parent == data_dir()
    if not path.parent.is_dir():
        if not create:
            return  # reading a file that is not there: SQLite says so
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if own:
        with contextlib.suppress(OSError):
            path.parent.chmod(0o700)
            if path.is_file():
                path.chmod(0o600)
    if create and not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
