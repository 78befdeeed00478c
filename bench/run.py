"""`make bench`: every row of the speed table against its reference, in one run.

Each module in ROWS has `rows(sizes) -> list[harness.Row]`. The results are printed and kept in
bench/RESULTS.md with the date and the machine.

The program's modules are compiled first (`compileall`), as an installed program's are (pip
compiles them on installing, a built program holds them compiled) and as PySide's and
SQLAlchemy's already are: under PYTHONDONTWRITEBYTECODE a source checkout would otherwise be
compiled again at every command's start (~0.14 s), which no user's start does.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import databases  # noqa: E402
import harness  # noqa: E402

# One module per group of rows; each owns its measurements.
ROWS: tuple[str, ...] = (
    "start_rows",
    "search_rows",
    "import_rows",
    "io_rows",
)


def main() -> int:
    sizes = databases.SIZES
    for size in sizes:
        databases.database(size)
        databases.csv_file(size)
    program = Path(__file__).resolve().parent.parent / "jarjestokeskus"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(program)], check=True)
    print(f"machine: {harness.machine()}")
    rows: list[harness.Row] = []
    for name in ROWS:
        module = importlib.import_module(name)
        found = module.rows(sizes)
        print(harness.table(found), flush=True)
        rows.extend(found)
    print(harness.table(rows))
    print("\n".join(harness.growth(rows)))
    harness.write_results(rows)
    missed = [row for row in rows if not row.met]
    print(f"{len(rows) - len(missed)} of {len(rows)} goals met")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
