"""Rows of the speed table: importing the member list (CSV) into an empty database.

Program: `jarjestokeskus import members FILE --db DB`, which checks every row, inserts and
writes the audit. Reference: sqlite3's `.import` of the same file into a new table.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import databases
import harness

GOAL_SECONDS = 10.0  # at 100,000 rows
GOAL_RATIO = 50.0


def _empty() -> Path:
    """A database with the program's schema and no organisations."""
    path = databases.DATA / "empty.sqlite"
    if not path.exists():
        from jarjestokeskus.db.engine import open_database

        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        open_database(partial).close()
        partial.rename(path)
    return path


def rows(sizes: tuple[int, ...]) -> list[harness.Row]:
    empty = _empty()
    sqlite3 = shutil.which("sqlite3")
    found = []
    for size in sizes:
        source = databases.csv_file(size)
        target = databases.DATA / "import-target.sqlite"
        program = harness.run(
            [
                "sh",
                "-c",
                f'cp "{empty}" "{target}" && exec "{harness.PYTHON}" -m jarjestokeskus import members '
                f'"{source}" --db "{target}"',
            ]
        )
        reference = None
        if sqlite3:
            plain = databases.DATA / "import-reference.sqlite"
            reference = harness.run(
                [
                    "sh",
                    "-c",
                    f'rm -f "{plain}" && exec {sqlite3} "{plain}" ".separator ;" ".import {source} t"',
                ]
            )
        ratio = program.seconds / reference.seconds if reference else 0.0
        met = (size < 100000 or program.seconds <= GOAL_SECONDS) and (
            reference is None or ratio <= GOAL_RATIO
        )
        found.append(
            harness.Row("Import organisations (CSV)", size, program, reference, "≤ 10 s at 100k, ≤ 50×", met)
        )
    return found


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(harness.table(rows(databases.SIZES)))
