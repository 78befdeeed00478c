"""Rows of the speed table: importing the member list (CSV) into an empty database.

Program: `jarjestokeskus import members FILE --db DB`, which checks every row, inserts and
writes the audit. Reference: sqlite3's `.import` of the same file into a new table.

The goal (issue #18) is stated for 100,000 rows: at most 10 s and at most 50× the reference.
At 1,000 and 10,000 rows the program's fixed cost (starting Python, loading the program and
the database) outweighs the rows and the ratio says little: those rows show the growth instead.
Their Goal is "growth" and they are met when the time to the next larger size measured grows at
most linearly (10× the rows, at most 10.5× the time; the last size is compared with the one
before it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import databases
import harness

GOAL_SIZE = 100000
GOAL_SECONDS = 10.0  # at GOAL_SIZE rows
GOAL_RATIO = 50.0
LINEAR = 10.5  # the most the time may grow for ten times the rows (harness.growth's bound)


def _empty() -> Path:
    """A database with the program's schema (its newest revision: the import must not upgrade
    it first) and no organisations."""
    from jarjestokeskus.db.migrate import head_revision

    path = databases.DATA / f"empty-{head_revision()}.sqlite"
    if not path.exists():
        from jarjestokeskus.db.engine import open_database

        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        open_database(partial).close()
        partial.rename(path)
    return path


def _measure(size: int, empty: Path, sqlite3: str | None) -> tuple[harness.Measure, harness.Measure | None]:
    source = databases.csv_file(size)
    target = databases.DATA / "import-target.sqlite"
    program = harness.run(
        [
            "sh",
            "-c",
            f'rm -f "{target}-wal" "{target}-shm" && cp "{empty}" "{target}" && '
            f'exec "{harness.PYTHON}" -m jarjestokeskus import members "{source}" --db "{target}"',
        ]
    )
    reference = None
    if sqlite3:
        plain = databases.DATA / "import-reference.sqlite"
        reference = harness.run(
            ["sh", "-c", f'rm -f "{plain}" && exec {sqlite3} "{plain}" ".separator ;" ".import {source} t"']
        )
    return program, reference


def _linear(smaller: tuple[int, harness.Measure], larger: tuple[int, harness.Measure]) -> bool:
    rows = larger[0] / smaller[0]
    return larger[1].seconds <= smaller[1].seconds * rows * LINEAR / 10


def rows(sizes: tuple[int, ...]) -> list[harness.Row]:
    empty = _empty()
    sqlite3 = shutil.which("sqlite3")
    measured = {size: _measure(size, empty, sqlite3) for size in sorted(sizes)}
    order = sorted(measured)
    found = []
    for index, size in enumerate(order):
        program, reference = measured[size]
        if size >= GOAL_SIZE:
            ratio = program.seconds / reference.seconds if reference else 0.0
            met = program.seconds <= GOAL_SECONDS and (reference is None or ratio <= GOAL_RATIO)
            goal = "≤ 10 s, ≤ 50×"
        else:
            goal = "growth"
            if index + 1 < len(order):
                met = _linear((size, program), (order[index + 1], measured[order[index + 1]][0]))
            elif index > 0:
                met = _linear((order[index - 1], measured[order[index - 1]][0]), (size, program))
            else:
                met = True  # one size alone shows no growth
        found.append(harness.Row("Import organisations (CSV)", size, program, reference, goal, met))
    return found


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(harness.table(rows(databases.SIZES)))
