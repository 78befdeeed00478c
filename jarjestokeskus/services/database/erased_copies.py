"""Erasing persons in the register's own copies: the backups and the copies made before an upgrade.

Each copy that still names an erased person is copied to a temporary file beside it, upgraded,
erased there and compacted, and then put in its place in one rename: a crash midway leaves the
old copy whole (and the next erasure or restore erases it again), never half a file. A reduction
of old attendance lists reaches the copies the same way (services.events.reduction).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from jarjestokeskus.db import erasure
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.migrate import upgrade
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.backup_folders import backup_folder, shared_folder


def own_copies(database: Path) -> list[Path]:
    """The backups in the database's backup folder and its copies made before an upgrade."""
    found: list[Path] = []
    for folder in (backup_folder(database), shared_folder(database)):  # and the earlier layout
        with contextlib.suppress(OSError):
            found += sorted(
                f
                for f in folder.iterdir()
                if f.suffix == ".sqlite" and not f.name.startswith(".") and f.is_file()
            )
    with contextlib.suppress(OSError):
        found += sorted(database.parent.glob(f"{database.stem}.before-upgrade-*{database.suffix}"))
    return found


Progress = Callable[[int, int], None]
"""progress(done, total): one more copy was gone through (rewritten, untouched or failed)."""


def erase_in_copies(
    copies: list[Path], person_ids: set[uuid.UUID], progress: Progress | None = None
) -> tuple[list[Path], list[Path]]:
    """Erase `person_ids` in each copy; returns (copies rewritten, copies that could not be)."""
    return in_each(copies, lambda copy: erase_in_copy(copy, person_ids), progress)


def copies_failed_notice(copies: Iterable[Path]) -> str:
    """The own copies an erasure or a reduction could not rewrite, for the user to delete."""
    return (
        _("These backups could not be rewritten; delete them yourself:") + "\n" + "\n".join(map(str, copies))
    )


def in_each(
    copies: list[Path], one: Callable[[Path], bool], progress: Progress | None = None
) -> tuple[list[Path], list[Path]]:
    """`one` on each copy (True when it rewrote it); returns (copies rewritten, copies that could not be)."""
    rewritten, failed = [], []
    for done, copy in enumerate(copies, start=1):
        try:
            if one(copy):
                rewritten.append(copy)
        except (OSError, sqlite3.Error, DatabaseProblem):
            failed.append(copy)
        if progress is not None:
            progress(done, len(copies))
    return rewritten, failed


def names_any(copy: Path, person_ids: set[uuid.UUID]) -> bool:
    """Whether the copy still holds one of the persons unerased (read without changing it)."""
    return holds_any(copy, "SELECT 1 FROM person WHERE anonymised = 0 AND id IN", person_ids)


def holds_any(copy: Path, query: str, ids: set[uuid.UUID]) -> bool:
    """Whether `query` ("SELECT 1 FROM … WHERE … IN") finds a row for one of `ids` (read only)."""
    if not ids:
        return False
    connection = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(ids))
        row = connection.execute(f"{query} ({marks}) LIMIT 1", [i.hex for i in ids]).fetchone()  # noqa: S608
        return row is not None
    except sqlite3.OperationalError:  # a file of another program saved in the folder: no persons
        return False
    finally:
        connection.close()


def erase_in_copy(copy: Path, person_ids: set[uuid.UUID]) -> bool:
    """Erase the persons in one copy, swapped in atomically; False when it names none of them."""
    if not names_any(copy, person_ids):
        return False
    rewrite(copy, lambda session: erasure.apply_ledger(session, person_ids))
    return True


def rewrite(copy: Path, apply: Callable[[Session], object]) -> None:
    """`apply` in an upgraded temporary copy, compacted, then swapped in for the copy in one rename."""
    partial = copy.with_name(f".{copy.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        source = sqlite3.connect(copy)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        db = open_database(partial, migrate=False)
        try:
            upgrade(db.engine, None)  # no copy of the copy before upgrading it
            with db.transaction() as session:
                apply(session)
        finally:
            db.close()
        connection = sqlite3.connect(partial)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, as before
            connection.execute("VACUUM")
        finally:
            connection.close()
        os.replace(partial, copy)
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm", ".lock"))):
            leftover.unlink(missing_ok=True)


def erased_in(database_path: Path) -> set[uuid.UUID]:
    """The erasure ledger of a database file (empty when it has none or cannot be read)."""
    if not database_path.is_file():
        return set()
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT person_id FROM erasure").fetchall()
        finally:
            connection.close()
        return {uuid.UUID(str(row[0])) for row in rows}
    except (sqlite3.Error, ValueError):
        return set()
