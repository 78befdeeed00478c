"""Schema versions with Alembic: create, upgrade step by step after a copy, refuse newer.

Opening a database that is up to date only compares its stored revision with the head read from
the migration scripts' own `revision =` lines (db.plain): Alembic is imported only when there is
work to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect

from jarjestokeskus.db.errors import NewerDatabase, NotADatabase
from jarjestokeskus.db.plain import MIGRATIONS, head_revision, known_revisions

if TYPE_CHECKING:
    from alembic.config import Config

_MIGRATION_LOCK = 0x4A4B4D49  # PostgreSQL advisory lock key held while upgrading ("JKMI")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database (Alembic's table); None when it has none."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def check_version(engine: Engine) -> str | None:
    """The database's schema revision; refuses one that this program does not know."""
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions():
        raise NewerDatabase(revision)
    return revision


def backup_before_upgrade(path: Path, revision: str) -> Path:
    """Copy the file (with its WAL content) beside it, its old schema in the name."""
    import sqlite3

    target = path.with_name(f"{path.stem}.before-upgrade-{revision}{path.suffix}")
    if not target.exists():  # readable by its owner only, as the database's personal data should be
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, path: Path | None) -> None:
    """Bring the database to this program's schema (create it when empty)."""
    revision = check_version(engine)
    head = head_revision()
    if revision == head:
        return
    if revision is None:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
        if tables:
            # Tables but no schema revision: another program's database, not a newer one of ours.
            raise NotADatabase(str(path) if path is not None else engine.url.render_as_string())
    elif path is not None:
        backup_before_upgrade(path, revision)
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild tables: with foreign keys on, dropping the old copy of a
            # referenced table would fail or cascade (the pragma works only outside a transaction).
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            # pysqlite starts no transaction before DDL, so each statement would commit on its
            # own; begin one: the steps and their stamp are all or nothing.
            connection.exec_driver_sql("BEGIN")
        elif connection.dialect.name == "postgresql":
            # Two programs opening a new or older server database at once: the second waits here
            # until the first has committed, and then finds nothing left to do.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.dialect.name == "postgresql":
                from jarjestokeskus.db.server_roles import refresh_after_upgrade

                refresh_after_upgrade(connection)  # the roles' rights reach the new tables too
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the schema upgrade broke references: {broken[:5]}")
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


__all__ = ["backup_before_upgrade", "check_version", "head_revision", "known_revisions", "upgrade"]
