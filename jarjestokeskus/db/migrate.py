"""Schema versions with Alembic: create, upgrade step by step after a copy, refuse newer."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from jarjestokeskus.db.errors import NewerDatabase, NotADatabase

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK = 0x4A4B4D49  # PostgreSQL advisory lock key held while upgrading ("JKMI")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_version(engine: Engine) -> str | None:
    """The database's schema revision; refuses one that this program does not know."""
    revision = current_revision(engine)
    if revision is None:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
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


__all__ = ["backup_before_upgrade", "check_version", "head_revision", "upgrade"]
