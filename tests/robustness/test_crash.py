"""Crash test: a writer is killed at random moments; the database stays whole and keeps every commit.

Each trial starts `writer.py` on the same file and kills it with SIGKILL at a random moment:
mostly while it saves organisations one after another, sometimes while it is still opening the
database. Afterwards the database must open for writing (the dead writer's lock is taken over),
pass `PRAGMA integrity_check` and `foreign_key_check`, hold every organisation the writer reported
as committed, and hold no organisation that is only partly written.

The default run makes a few trials; `JK_CRASH_TRIALS=200` makes the long run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.services.organisations.register import get_organisation
from tests import databases
from tests.robustness.writer import form

ROOT = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("JK_CRASH_TRIALS", "5"))

pytestmark = pytest.mark.skipif(
    databases.on_postgres() or not hasattr(signal, "SIGKILL"), reason="kills a SQLite writer process"
)


class Writer:
    """The writer process and the lines it has printed so far (read by a thread)."""

    def __init__(self, path: Path, first: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.writer", str(path), str(first)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.opened = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: not a report of a commit
            self.lines.append(line.strip())
            if line.strip() in ("open", "read-only"):
                self.opened.set()

    def kill(self) -> tuple[str, dict[int, uuid.UUID]]:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        assert self.process.stderr is not None
        errors = self.process.stderr.read()
        self.process.stdout.close()  # type: ignore[union-attr]
        self.process.stderr.close()
        committed = {}
        for line in self.lines[1:]:
            number, ident = line.split()
            committed[int(number)] = uuid.UUID(ident)
        return errors, committed


def run_trial(
    path: Path, first: int, rng: random.Random, *, after_a_commit: bool = False
) -> dict[int, uuid.UUID]:
    """One writer killed at a random moment; `after_a_commit`: not before its first reported save
    (on a busy machine a save can take longer than the random wait)."""
    writer = Writer(path, first)
    if after_a_commit:
        deadline = time.monotonic() + 60
        while len(writer.lines) < 2 and time.monotonic() < deadline and writer.process.poll() is None:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.6))
    elif rng.random() < 0.2:
        time.sleep(rng.uniform(0.0, 1.5))  # perhaps still starting or opening the database
    else:
        assert writer.opened.wait(60), "the writer did not open the database"
        time.sleep(rng.uniform(0.0, 0.6))
    errors, committed = writer.kill()
    assert writer.process.returncode == -signal.SIGKILL, errors
    assert "Traceback" not in errors, errors
    if writer.lines:
        assert writer.lines[0] == "open", "the dead writer's lock was not taken over"
    return committed


def check_database(path: Path, reported: dict[int, uuid.UUID], first: int) -> tuple[int, int]:
    """The database after a crash: how many organisations it holds and the highest number.

    Every reported organisation must be there; those of this trial (numbered from `first`,
    including one saved but not yet reported) are read back whole.
    """
    db = open_database(path)
    try:
        assert not db.read_only, "the lock of the killed writer was not taken over"
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        with db.reading() as session:
            stored = {
                row.id: row.name_fi for row in session.execute(select(Organisation.id, Organisation.name_fi))
            }
        missing = [number for number, ident in reported.items() if ident not in stored]
        assert not missing, f"reported as saved but not in the database: {missing}"
        for organisation_id, name in stored.items():
            number = int(name.split()[1])
            if number >= first:
                assert_whole(get_organisation(db, organisation_id), number)
        return len(stored), max((int(name.split()[1]) for name in stored.values()), default=-1)
    finally:
        db.close()


def assert_whole(detail, number: int) -> None:  # type: ignore[no-untyped-def]
    expected = form(number)
    assert (detail.name_fi, detail.name_sv, detail.notes) == (
        expected.name_fi,
        expected.name_sv,
        expected.notes,
    )
    assert [(f.year, f.amount) for f in detail.fees] == [(2000 + number % 25, Decimal(f"{number}.50"))]
    assert [(r.first_name, r.last_name) for r in detail.roles] == [(f"Etu{number}", f"Suku{number}")]


def test_killed_writer_leaves_a_whole_database_with_every_reported_commit(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    open_database(path).close()
    rng = random.Random(os.environ.get("JK_CRASH_SEED", time.time_ns()))
    reported: dict[int, uuid.UUID] = {}
    next_number = 0
    stored = 0
    started = time.monotonic()
    for trial in range(TRIALS):
        committed = run_trial(path, next_number, rng, after_a_commit=trial == 0)
        reported.update(committed)
        stored, highest = check_database(path, reported, next_number)
        assert stored - len(reported) <= trial + 1  # at most one unreported save per killed writer
        next_number = highest + 1  # numbers go on after every organisation in the file
    print(
        f"\n{TRIALS} trials, {len(reported)} reported commits, {stored} organisations, "
        f"{time.monotonic() - started:.1f} s"
    )
    assert TRIALS < 5 or reported, "no trial got as far as a commit: the kill came too early"
