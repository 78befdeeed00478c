"""The Alembic migrations build exactly the schema the models describe, and step back cleanly."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import jarjestokeskus.db.models  # noqa: F401  (registers every table)
from jarjestokeskus.db import search_index
from jarjestokeskus.db.base import Base
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.migrate import alembic_config, current_revision, head_revision


def differences(db: Database) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": search_index.include_name}
        )
        return compare_metadata(context, Base.metadata)


def test_migrated_database_matches_the_models(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()
    assert differences(db) == []


def test_every_model_table_exists_with_its_indexes(db: Database) -> None:
    inspector = inspect(db.engine)
    tables = {t for t in inspector.get_table_names() if search_index.include_name(t, "table")}
    tables -= {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        expected = {index.name for index in table.indexes}
        # PostgreSQL also lists the index behind each unique constraint: not an index of ours.
        found = {
            i["name"]
            for i in inspector.get_indexes(name)
            if not i.get("duplicates_constraint") and search_index.include_name(i["name"], "index")
        }
        assert found == expected, name


def test_migrations_go_down_to_nothing_and_up_again(db: Database) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert current_revision(db.engine) == head_revision()
    assert differences(db) == []
