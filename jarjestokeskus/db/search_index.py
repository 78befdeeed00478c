"""The text index of the organisation search: SQLite FTS5 (trigram), PostgreSQL pg_trgm.

SQLite: a contentless FTS5 table whose rowid is the organisation's rowid, and a narrow table of
the name keys beside it, kept in step with `organisation` by triggers, so every writer (the editor, the import, a bulk insert,
a meeting copy) keeps it right without knowing of it. The indexed text ends in two spaces, so every
character of the text starts a trigram: a one- or two-letter word is found through the terms that
start with it (the `organisation_search_terms` vocabulary). The rowids stay valid through VACUUM
(SQLite keeps the rowids of a table that has an index, and `organisation` has several); a
migration that rebuilds `organisation` (Alembic's batch mode copies it) drops the triggers and
renumbers the rows: it must call `create()` again afterwards (tests/db check the index at head).

PostgreSQL: a GIN index with pg_trgm's operator class serves the same `LIKE '%word%'` the
search always used. When the extension cannot be created (no right to, or not installed) the
search works as before without it, and the migration says so in its log.

Neither lives in the ORM models; `include_name` keeps them out of the schema comparison.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

TABLE = "organisation_search"
TERMS = "organisation_search_terms"
# What the name order and the search need of each organisation, narrow enough to sort thousands of
# matches by reading it (an organisation's row is ten times as wide).
KEYS = "organisation_search_keys"
TRIGRAM_INDEX = "ix_organisation_search_text_trgm"
_PADDING = "'  '"
_DEFAULT_HASHSIZE = 1024 * 1024  # FTS5's own default
_BULK_HASHSIZE = 8 * 1024 * 1024
_KEY_VALUES = "new.rowid, new.id, new.archived_at IS NULL, new.name_fi_key, new.name_sv_key, new.search_text"
_TRIGGERS = {
    "organisation_search_insert": f"""
        AFTER INSERT ON organisation BEGIN
            INSERT INTO {TABLE}(rowid, text) VALUES (new.rowid, new.search_text || {_PADDING});
            INSERT INTO {KEYS} VALUES ({_KEY_VALUES});
        END""",
    "organisation_search_update": f"""
        AFTER UPDATE OF search_text ON organisation WHEN old.search_text IS NOT new.search_text BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.rowid, old.search_text || {_PADDING});
            INSERT INTO {TABLE}(rowid, text) VALUES (new.rowid, new.search_text || {_PADDING});
        END""",
    "organisation_search_keys_update": f"""
        AFTER UPDATE OF archived_at, name_fi_key, name_sv_key, search_text ON organisation BEGIN
            INSERT OR REPLACE INTO {KEYS} VALUES ({_KEY_VALUES});
        END""",
    "organisation_search_delete": f"""
        AFTER DELETE ON organisation BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.rowid, old.search_text || {_PADDING});
            DELETE FROM {KEYS} WHERE organisation_rowid = old.rowid;
        END""",
}

log = logging.getLogger("alembic.runtime.migration")


def include_name(name: str | None, type_: str, _parents: object = None) -> bool:
    """For Alembic's comparison: the search index's tables and index are not the models'."""
    return not (name and (name.startswith(TABLE) or name == TRIGRAM_INDEX))


def create(connection: Connection) -> None:
    """Make the index (again) and fill it from the organisations as they are."""
    if connection.dialect.name == "postgresql":
        _create_trigram_index(connection)
        return
    if not fts5_trigram(connection):
        log.warning(
            "SQLite %s has no FTS5 trigram tokenizer: the search reads every row", _version(connection)
        )
        return
    drop(connection)
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, tokenize='trigram', content='')"
    )
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {TERMS} USING fts5vocab({TABLE}, 'row')")
    connection.exec_driver_sql(
        f"CREATE TABLE {KEYS} (organisation_rowid INTEGER PRIMARY KEY, id CHAR(32) NOT NULL, current BOOLEAN NOT NULL, "
        "name_fi_key VARCHAR(200) NOT NULL, name_sv_key VARCHAR(200) NOT NULL, search_text TEXT NOT NULL)"
    )
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE}(rowid, text) SELECT rowid, search_text || {_PADDING} FROM organisation"
    )
    connection.exec_driver_sql(
        f"INSERT INTO {KEYS} SELECT {_KEY_VALUES.replace('new.', '')} FROM organisation"
    )
    for name, body in _TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


@contextmanager
def bulk_insert(connection: Connection) -> Iterator[None]:
    """Many organisations inserted at once (the member import): the index is filled for the new
    rows by one statement after them instead of by the trigger row by row (a fourth of the time),
    in the same transaction. Elsewhere (no index, PostgreSQL) nothing changes."""
    name = "organisation_search_insert"
    if not present(connection):
        yield
        return
    if not connection.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN")  # the trigger comes back if anything fails: one transaction
    before = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM organisation").scalar()
    connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    new = f"FROM organisation WHERE rowid > {int(before or 0)}"
    # FTS5 keeps this much of new terms in memory before writing them out as a segment: with more
    # of them at once it writes and merges fewer segments (a third less time at 100,000 rows).
    hashsize = connection.exec_driver_sql(f"SELECT v FROM {TABLE}_config WHERE k = 'hashsize'").scalar()
    _configure(connection, "hashsize", _BULK_HASHSIZE)
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE}(rowid, text) SELECT rowid, search_text || {_PADDING} {new}"
    )
    _configure(connection, "hashsize", int(hashsize or _DEFAULT_HASHSIZE))
    connection.exec_driver_sql(f"INSERT INTO {KEYS} SELECT {_KEY_VALUES.replace('new.', '')} {new}")
    connection.exec_driver_sql(f"CREATE TRIGGER {name} {_TRIGGERS[name]}")


def _configure(connection: Connection, option: str, value: int) -> None:
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('{option}', {int(value)})")


def drop(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
        return
    for name in _TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {KEYS}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TERMS}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def present(connection: Connection) -> bool:
    """Whether this SQLite database has the FTS index (False on PostgreSQL: it searches by LIKE)."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.execute(
        text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'organisation_search_%'"
        )
    ).scalar()
    return found == len(_TRIGGERS)


def fts5_trigram(connection: Connection) -> bool:
    try:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(t, tokenize='trigram')"
        )
    except Exception:  # noqa: BLE001 (an SQLite without FTS5, or older than 3.34)
        return False
    connection.exec_driver_sql("DROP TABLE temp.trigram_probe")
    return True


def _version(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT sqlite_version()").scalar())


def _create_trigram_index(connection: Connection) -> None:
    savepoint = connection.begin_nested()
    try:
        connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON organisation USING gin (search_text gin_trgm_ops)"
        )
    except Exception as problem:  # noqa: BLE001 (no right to create the extension, or not installed)
        savepoint.rollback()
        log.warning(
            "pg_trgm could not be used (%s): the organisation search reads every row until a "
            "database administrator runs: CREATE EXTENSION pg_trgm; CREATE INDEX %s ON organisation "
            "USING gin (search_text gin_trgm_ops)",
            str(problem).splitlines()[0],
            TRIGRAM_INDEX,
        )
        return
    savepoint.commit()
