"""Moving a test database down and up the migrations, for the tests of one migration's data."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.migrate import alembic_config


def migrate(db: Database, target: str, down: bool) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


def before(revision: str) -> str:
    """The revision the migration follows (it moves as other migrations land before it)."""
    down = ScriptDirectory.from_config(alembic_config()).get_revision(revision).down_revision
    assert isinstance(down, str)
    return down
