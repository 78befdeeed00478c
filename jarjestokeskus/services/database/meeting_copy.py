"""A meeting copy: a read-only SQLite snapshot of the register for a laptop with no network.

By default it carries no staff employment data, no persons' contact data, no change history
and no documents; each can be added knowingly (`include`).

The copy is marked as one by a small side table, `jk_meeting_copy`, written into the copy only
(not a migration: the shared database never has it, and the copy's schema is otherwise the
program's own). A table inside the file survives renaming and copying the file, unlike a sidecar,
and needs no change to the schema version. Opening a file with the table opens it read-only.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import create_engine, delete, func, insert, select
from sqlalchemy.exc import DBAPIError

from jarjestokeskus import __version__
from jarjestokeskus.db.copy_mark import MARKER_TABLE, mark_of
from jarjestokeskus.db.engine import Database, database_url, open_database, sqlite_path
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.notebook_guard import notebook_mark
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.maintenance import BackupExists, BackupFailed, backup_database
from jarjestokeskus.services.database.written_files import remember_written

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all); it may raise to cancel the copy."""

_ROWS_PER_STEP = 500
INCLUDE_CHOICES = ("contacts", "staff", "documents", "history")


@dataclass(frozen=True)
class MeetingCopyInfo:
    taken_at: datetime  # UTC
    source: str  # the database it was taken from (a server URL without its password)

    @property
    def taken_on(self) -> date:
        return self.taken_at.astimezone().date()


class CopyOfItself(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _("The copy cannot be written over the open database {path}; choose another file.").format(
            path=self.path
        )


class SchemaDiffers(DatabaseProblem):
    def user_message(self) -> str:
        return _(
            "The database's schema version differs from this program's. Open it once in the program "
            "that can write to it, then take the copy again."
        )


def suggested_file_name(today: date | None = None) -> str:
    """ "Järjestökeskus meeting copy YYYY-MM-DD.sqlite", in the window's language."""
    day = (today or date.today()).isoformat()
    return _("Järjestökeskus meeting copy {date}").format(date=day) + ".sqlite"


def take_meeting_copy(
    db: Database,
    target: Path,
    *,
    progress: Progress | None = None,
    overwrite: bool = False,
    now: datetime | None = None,
    include: frozenset[str] = frozenset(),
    notebook: bool = False,
    recorder: str | None = None,
) -> Path:
    """Write a snapshot of `db` into the SQLite file `target`, marked as a meeting copy.

    A SQLite database is copied with SQLite's online backup; a server's rows are read in one
    transaction into a new SQLite file of the same schema. The file appears whole or not at all.
    The copy carries only what a meeting needs: see `leave_out` for what `include` adds back.
    A `notebook` copy can be written in the meeting's parts (services.database.notebook), by
    `recorder` (the OS user unless named), and brought back into the register afterwards.
    """
    unknown = set(include) - set(INCLUDE_CHOICES)
    if unknown:
        raise ValueError(f"unknown parts to include: {sorted(unknown)}")
    target = Path(target).expanduser()
    if db.path is not None and target.exists() and target.resolve() == db.path.resolve():
        raise CopyOfItself(str(target))
    if target.exists() and not overwrite:
        raise BackupExists(str(target))
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        if db.path is not None:
            backup_database(db, partial, progress=progress)
        else:
            # First of all: the folder is there and may be written to (a USB stick, say).
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            _copy_rows(db, partial, progress)
        leave_out(partial, include)
        taken_at = (now or datetime.now(UTC)).astimezone(UTC)
        if notebook:
            from jarjestokeskus.services.database.notebook import mark_notebook

            mark_notebook(partial, taken_at, recorder)
        _stamp(partial, MeetingCopyInfo(taken_at, _describe(db.url)))
        _give_name(partial, target, overwrite)
        remember_written(db.path or _describe(db.url), target, "meeting-copy")
    except BackupFailed as failed:
        raise BackupFailed(str(target), failed.error) from failed
    except (sqlite3.DatabaseError, OSError) as exc:
        raise BackupFailed(str(target), exc) from exc
    except DBAPIError as exc:  # the server went away meanwhile
        raise BackupFailed(str(target), exc.orig or exc) from exc
    except DatabaseProblem as problem:  # a full disk, say, worded by db.sqlite_errors
        if getattr(problem, "path", None) == str(partial):
            problem.path = str(target)  # name the file the user chose, not the temporary one
        raise
    finally:
        for leftover in (
            partial,
            *(partial.with_name(partial.name + s) for s in ("-wal", "-shm", "-journal")),
        ):
            leftover.unlink(missing_ok=True)
    return target


def leave_out(copy: Path, include: frozenset[str]) -> None:
    """Remove from the copy what the meeting does not need, unless `include` names it:
    "staff" the employment periods (schemes, subsidies, decisions, outcomes) and the persons who
    are only staff; "contacts" persons' emails and phones (organisations' official contact data
    always stay); "documents" the agreements' attached documents; "history" the change history.
    The file is then rebuilt, so nothing removed stays readable in its free pages."""
    statements = []
    if "staff" not in include:
        statements += [
            "DELETE FROM employment_funding",
            "DELETE FROM employment",
            _only_staff_persons(),
        ]
    if "contacts" not in include:
        statements.append("UPDATE person SET email = '', phone = ''")
        statements.append("UPDATE event_registration SET email = ''")
    if "documents" not in include:
        statements.append("DELETE FROM agreement_document")
    if "history" not in include:
        statements.append("DELETE FROM audit_entry")
    connection = sqlite3.connect(copy)
    try:
        connection.execute("PRAGMA secure_delete=ON")
        with connection:
            for statement in statements:
                connection.execute(statement)
        connection.execute("VACUUM")
    finally:
        connection.close()


def _only_staff_persons() -> str:
    """Delete the persons whom nothing but their employment names: every other table that refers
    to a person (roles, seats in bodies…) keeps its persons."""
    from jarjestokeskus.db import models  # noqa: F401  (every table in the metadata)
    from jarjestokeskus.db.base import Base

    person = Base.metadata.tables["person"]
    kept = [
        f"SELECT {key.parent.name} FROM {table.name} WHERE {key.parent.name} IS NOT NULL"
        for table in Base.metadata.sorted_tables
        if table.name not in ("employment", "employment_funding")
        for key in table.foreign_keys
        if key.column.table is person
    ]
    return "DELETE FROM person" + "".join(f" AND id NOT IN ({q})" for q in kept).replace(" AND", " WHERE", 1)


def meeting_copy_info(target: str | Path | None) -> MeetingCopyInfo | None:
    """The mark of a meeting copy in the SQLite file `target`; None for any other database."""
    if target is None:
        return None
    path = sqlite_path(database_url(target))
    row = mark_of(path) if path is not None else None
    if row is None:
        return None
    try:
        taken_at = datetime.fromisoformat(str(row[0]))
    except ValueError:
        taken_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    if taken_at.tzinfo is None:
        taken_at = taken_at.replace(tzinfo=UTC)
    return MeetingCopyInfo(taken_at, str(row[1] or ""))


def open_for_window(target: str | Path | None) -> tuple[Database, MeetingCopyInfo | None]:
    """Open a database for the window: a meeting copy read-only, any other as usual.

    A notebook opens for writing, but `read_only` for the window: only the editors of the
    meeting's parts (`can_write_notebook`) write in it."""
    info = meeting_copy_info(target)
    if info is not None:
        notebook = notebook_mark(sqlite_path(database_url(target)))
        db = open_database(target, migrate=False, read_only=notebook is None)
        db.read_only = True  # for the window's editors; the meeting's parts ask writes_meeting_parts
        return db, info
    return open_database(target), None


def _copy_rows(db: Database, partial: Path, progress: Progress | None) -> None:
    """Every table's rows, read in one transaction, into a new SQLite file migrated to head."""
    from jarjestokeskus.db import models  # noqa: F401  (every table in the metadata)
    from jarjestokeskus.db.base import Base
    from jarjestokeskus.db.migrate import current_revision, head_revision, upgrade

    if current_revision(db.engine) != head_revision():
        raise SchemaDiffers()
    copy = create_engine(f"sqlite:///{partial}")
    try:
        upgrade(copy, None)  # the same schema as the program's, stamped with its revision
        tables = Base.metadata.sorted_tables  # parents first
        source = db.engine.connect()
        if db.engine.dialect.name == "postgresql":
            # One snapshot for all tables: rows saved meanwhile cannot half-appear in the copy.
            source = source.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with source, source.begin(), copy.begin() as destination:
            counts = [source.scalar(select(func.count()).select_from(table)) or 0 for table in tables]
            total, done = sum(counts), 0
            if progress is not None:
                progress(0, total)
            # The migration seeded the reference data (rules, municipalities): the copy takes the
            # source's rows instead, which the user may have changed.
            for table in reversed(tables):
                destination.execute(delete(table))
            for table in tables:
                result = source.execution_options(yield_per=_ROWS_PER_STEP).execute(select(table))
                for rows in result.partitions():
                    destination.execute(insert(table), [_plain(row._mapping) for row in rows])
                    done += len(rows)
                    if progress is not None:
                        progress(done, total)
            broken = destination.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise BackupFailed(str(partial), f"foreign keys: {broken[:3]}")
    finally:
        copy.dispose()


def _plain(mapping: object) -> dict[str, object]:
    """Times as UTC: SQLite keeps them without a zone, as the program writes them there."""
    row = dict(mapping)  # type: ignore[call-overload]
    for key, value in row.items():
        if isinstance(value, datetime) and value.tzinfo is not None:
            row[key] = value.astimezone(UTC)
    return row


def _stamp(path: Path, info: MeetingCopyInfo) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(f"DROP TABLE IF EXISTS {MARKER_TABLE}")  # a copy of a copy
            connection.execute(
                f"CREATE TABLE {MARKER_TABLE} (taken_at TEXT NOT NULL, source TEXT NOT NULL, "
                "program_version TEXT NOT NULL)"
            )
            connection.execute(
                f"INSERT INTO {MARKER_TABLE} VALUES (?, ?, ?)",
                (info.taken_at.isoformat(), info.source, __version__),
            )
        connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        connection.close()


def _give_name(partial: Path, target: Path, overwrite: bool) -> None:
    try:
        if overwrite:
            os.replace(partial, target)
            return
        os.link(partial, target)  # fails if the name was taken meanwhile
    except FileExistsError as exc:
        raise BackupExists(str(target)) from exc
    except OSError as exc:
        raise BackupFailed(str(target), exc) from exc


def _describe(url: str) -> str:
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


__all__ = [
    "INCLUDE_CHOICES",
    "MARKER_TABLE",
    "CopyOfItself",
    "MeetingCopyInfo",
    "SchemaDiffers",
    "meeting_copy_info",
    "open_for_window",
    "suggested_file_name",
    "take_meeting_copy",
]
