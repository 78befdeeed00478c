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

from jarjestokeskus.db.engine import Database, open_database

SERVER = os.environ.get("JK_TEST_POSTGRES", "").rstrip("/")
TEMPLATE = "jk_test_template"
_made: list[str] = []


def on_postgres() -> bool:
    return bool(SERVER)


def _admin(statement: str) -> None:
    engine = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def make_template() -> None:
    """Create and migrate the template database on the server (once per run)."""
    _admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    _admin(f"CREATE DATABASE {TEMPLATE}")
    open_database(f"{SERVER}/{TEMPLATE}").close()


def new_database(folder: Path, template: Path, name: str = "register.sqlite") -> Database:
    """A fresh migrated database: a copy of the SQLite template, or a new PostgreSQL database."""
    if not SERVER:
        path = folder / name
        shutil.copyfile(template, path)
        return open_database(path)
    database = f"jk_test_{uuid.uuid4().hex[:16]}"
    _admin(f"CREATE DATABASE {database} TEMPLATE {TEMPLATE}")
    _made.append(database)
    return open_database(f"{SERVER}/{database}")


def drop_all() -> None:
    for database in _made:
        _admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    _made.clear()
