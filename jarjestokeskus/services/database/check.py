"""`check`: the database's integrity, its references and its schema revision against this program's.

Reads only: on a file opened with db.plain (the command line) no SQLAlchemy is loaded; on a
server's database or an open db.engine.Database it runs through SQLAlchemy, with the same SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jarjestokeskus.db.errors import DatabaseProblem, NewerDatabase
from jarjestokeskus.db.plain import (
    PlainDatabase,
    database_errors,
    head_revision,
    known_revisions,
    reader,
    stored_revision,
)
from jarjestokeskus.i18n import _

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    integrity: str  # SQLite's own words: "ok", or the damage it found
    schema_revision: str | None
    head_revision: str
    problems: tuple[str, ...]


def check_database(db: PlainDatabase | Database, *, full: bool = False) -> CheckResult:
    """Integrity and foreign keys (SQLite), and the schema revision against this program's.

    SQLite's quick_check reads every page, free list and record (linear in the file's size);
    `full` runs integrity_check, which also compares each index with its table and checks
    UNIQUE: several times slower on a large file."""
    problems: list[str] = []
    head = head_revision()
    integrity = "ok"
    failed = database_errors(db)
    if db.path is not None:
        try:
            with reader(db) as execute:
                pragma = "integrity_check" if full else "quick_check"
                rows = execute(f"PRAGMA {pragma}").fetchall()
                integrity = "\n".join(str(row[0]) for row in rows) or "ok"
                if integrity != "ok":
                    problems.extend(str(row[0]) for row in rows)
                for table, rowid, parent, _fk in execute("PRAGMA foreign_key_check"):
                    problems.append(
                        _("Table {table} row {rowid} refers to a missing row in {parent}.").format(
                            table=table, rowid=rowid, parent=parent
                        )
                    )
        except failed as exc:
            integrity = _driver_words(exc)
            problems.append(integrity)
    try:
        revision = _schema_revision(db)
    except failed as exc:
        revision = None
        problems.append(_driver_words(exc))
    else:
        if revision is None:
            problems.append(_("The database has no schema version: it was not made by this program."))
        elif revision not in known_revisions():
            problems.append(NewerDatabase(revision).user_message())
    return CheckResult(not problems, integrity, revision, head, tuple(problems))


def _schema_revision(db: PlainDatabase | Database) -> str | None:
    if isinstance(db, PlainDatabase):
        with reader(db) as execute:
            return stored_revision(execute)
    from jarjestokeskus.db.migrate import current_revision

    return current_revision(db.engine)


def _driver_words(error: BaseException) -> str:
    """SQLite's own words for a failed check (a DatabaseProblem made of it keeps them as its cause)."""
    cause = error.__cause__ if isinstance(error, DatabaseProblem) and error.__cause__ else error
    return str(getattr(cause, "orig", None) or cause)
