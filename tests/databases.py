"""Fresh test databases: SQLite files by default, PostgreSQL databases when JK_TEST_POSTGRES is set.

`JK_TEST_POSTGRES` is a server URL without a database name, e.g.
`postgresql+psycopg://postgres@localhost:5433`. A migrated template database is made once per run,
and each test gets `CREATE DATABASE … TEMPLATE` of it (a file copy on the server's side); the
databases made are dropped at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from jarjestokeskus.db.engine import Database, open_database

SERVER = os.environ.get("JK_TEST_POSTGRES", "").rstrip("/")
TEMPLATE = f"jk_test_template_{os.getpid()}"  # one per run: two runs on one server keep apart
_made: list[str] = []


def on_postgres() -> bool:
    return bool(SERVER)


def admin(statement: str) -> None:
    engine = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _create_empty(database: str) -> None:
    try:
        # A Finnish office server's order (ICU, PostgreSQL 15+): it skips punctuation such as the
        # "{", "|", "}" in sort keys, which a C-locale test cluster would not show.
        admin(
            f"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8' "
            "LOCALE_PROVIDER icu ICU_LOCALE 'fi-FI' LOCALE 'C.UTF-8'"
        )
    except DBAPIError:  # no ICU, or an older server
        admin(f"CREATE DATABASE {database}")


def make_template() -> None:
    """Create and migrate the template database on the server (once per run)."""
    admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    _create_empty(TEMPLATE)
    open_database(f"{SERVER}/{TEMPLATE}").close()


def _from_template(template: str) -> Database:
    database = f"jk_test_{uuid.uuid4().hex[:16]}"
    admin(f"CREATE DATABASE {database} TEMPLATE {template}")
    _made.append(database)
    return open_database(f"{SERVER}/{database}")


def new_database(folder: Path, template: Path, name: str = "register.sqlite") -> Database:
    """A fresh migrated database: a copy of the SQLite template, or a new PostgreSQL database."""
    if not SERVER:
        path = folder / name
        shutil.copyfile(template, path)
        return open_database(path)
    return _from_template(TEMPLATE)


def copy_of(target: Path | str, folder: Path) -> Database:
    """An open copy of a closed database: the file copied, or a server database made from it."""
    if isinstance(target, Path):
        path = folder / target.name
        shutil.copyfile(target, path)
        return open_database(path)
    return _from_template(target.rsplit("/", 1)[1])


def empty_database() -> str:
    """The URL of a new, empty database on the test server (nothing migrated yet)."""
    database = f"jk_test_{uuid.uuid4().hex[:16]}"
    _create_empty(database)
    _made.append(database)
    return f"{SERVER}/{database}"


def drop_all() -> None:
    if not SERVER:
        return
    for database in [*_made, TEMPLATE]:
        admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    _made.clear()


_other_programs: list = []  # the locks "another program" holds in a test


def hold_as_another(database: Path, *, user: str, host: str, pid: int = 4242) -> None:
    """Another program has the database open: it holds the OS lock and has written its name.

    A lock taken through a second handle conflicts with this process's own, as another
    program's would; it is let go after the test (conftest)."""
    import json

    from filelock import FileLock

    from jarjestokeskus.db.lock import lock_path, os_lock_path

    lock = FileLock(os_lock_path(database), thread_local=False)
    lock.acquire(timeout=0)
    _other_programs.append(lock)
    holder = {"user": user, "host": host, "pid": pid, "since": "2026-11-23T08:00:00+00:00"}
    lock_path(database).write_text(json.dumps(holder), encoding="utf-8")


def let_other_programs_go() -> None:
    while _other_programs:
        _other_programs.pop().release()
