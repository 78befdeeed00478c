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
    """Whether the SQLite file carries the mark (read without leaving anything beside it)."""
    try:
        with path.open("rb") as file:
            if file.read(16) != b"SQLite format 3\x00":
                return False
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MARKER_TABLE,)
            ).fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError):
        return False
    return found is not None
