"""The mark of a meeting copy inside its SQLite file, and the refusal to write into one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _

MARKER_TABLE = "jk_meeting_copy"


class MeetingCopyIsReadOnly(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "{path} is a meeting copy: it can only be read. Make changes, imports, erasures, "
            "backups and restores in the register itself."
        ).format(path=self.path)


def is_meeting_copy(path: Path) -> bool:
    """Whether the SQLite file carries the mark."""
    return mark_of(path) is not None


def mark_of(path: Path) -> tuple[object, object] | None:
    """(taken at, source) of a meeting copy's mark; None for any other file."""
    row = side_row(path, MARKER_TABLE, "taken_at, source")
    return (row[0], row[1]) if row else None


def side_row(path: Path, table: str, columns: str) -> tuple[object, ...] | None:
    """The first row of the side table `table` in the SQLite file `path`; None without one."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as file:
            if file.read(16) != b"SQLite format 3\x00":
                return None
        # immutable: reading the mark must leave no -wal or -shm beside the user's file.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            row = connection.execute(f"SELECT {columns} FROM {table}").fetchone() if found else None
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError):
        return None
    return tuple(row) if row else None
