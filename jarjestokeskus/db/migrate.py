"""Schema versions with Alembic: create, upgrade step by step after a copy, refuse newer."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from jarjestokeskus.db.errors import NewerDatabase

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
            raise NewerDatabase("?")
    elif path is not None:
        backup_before_upgrade(path, revision)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


__all__ = ["backup_before_upgrade", "check_version", "head_revision", "upgrade"]
