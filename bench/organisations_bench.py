"""The member register database that bench/reports_bench.py reads, from bench/databases.py.

The organisations list's own measurements (search as you type, Ctrl+End) are rows of `make bench`
now: bench/search_rows.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import databases


def build(path: Path, size: int, *, members_only: bool = True) -> None:
    """A copy of the `size` benchmark database at `path` (every organisation in it is a member)."""
    if not path.exists():
        shutil.copyfile(databases.database(size), path)
