"""`meeting-copy --notebook` and `merge-back FILE [--dry-run]`: conflicts listed, decided by a flag; a kill leaves the register."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jarjestokeskus.cli.main import build_parser, main
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import AuditEntry, EventRegistration
from jarjestokeskus.services.database.merge_back import PAUSE_ENV
from jarjestokeskus.services.events.registrations import mark_attendance, registrations
from tests.services.database.test_notebook import _events, by_name, forum_with_three

ROOT = Path(__file__).resolve().parents[2]


def _state(db: Database) -> tuple[int, list[tuple[object, ...]]]:
    with db.reading() as session:
        audit = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        rows = session.execute(
            select(EventRegistration.id, EventRegistration.version, EventRegistration.attended).order_by(
                EventRegistration.id
            )
        ).all()
    return audit, [tuple(r) for r in rows]


@pytest.fixture
def notebook(db: Database, tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    forum_with_three(db)
    target = tmp_path / "muistikirja.sqlite"
    args = ["meeting-copy", "--notebook", "--recorder", "Kaisa Kirjuri", "-o", str(target), "--db", db.url]
    assert main(args) == 0
    assert "merge-back" in capsys.readouterr().out
    copy = open_database(target)
    try:
        people = by_name(copy, _events(copy)[0])
        mark_attendance(copy, {people["Aino"].id: True, people["Bo"].id: True, people["Cecilia"].id: False})
    finally:
        copy.close()
    return target


def test_help_names_the_flags() -> None:
    text = build_parser().format_help()
    assert "merge-back" in text
    assert main(["merge-back", "--help"]) == 0


def test_dry_run_prints_and_changes_nothing(db: Database, notebook: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _state(db)
    assert main(["merge-back", str(notebook), "--dry-run", "--db", db.url, "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert "Aino Testinen" in out and "Ilmoittautuminen" in out
    assert _state(db) == before


def test_conflicts_wait_for_a_flag(db: Database, notebook: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    event = _events(db)[0]
    aino = by_name(db, event)["Aino"]
    mark_attendance(db, {aino.id: False})  # changed in the register since the copy
    assert main(["merge-back", str(notebook), "--db", db.url]) == 1
    captured = capsys.readouterr()
    assert "Aino Testinen" in captured.out and "--keep-register" in captured.err
    now = {r.first_name: r.attended for r in registrations(db, event)}
    assert now == {"Aino": False, "Bo": True, "Cecilia": False}  # the rest merged, the conflict not
    assert main(["merge-back", str(notebook), "--take-notebook", "--db", db.url]) == 0
    assert by_name(db, event)["Aino"].attended is True
    before = _state(db)
    assert main(["merge-back", str(notebook), "--db", db.url]) == 0
    assert _state(db) == before  # the second time changes nothing


def test_a_closed_year_refusal_reaches_the_user(db: Database, notebook: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import uuid

    from jarjestokeskus.db.models import ClosedYear

    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=2027, closed_on=date(2028, 1, 20), closed_by="test"))
    before = _state(db)
    assert main(["merge-back", str(notebook), "--db", db.url, "--lang", "fi"]) == 1
    assert "2027" in capsys.readouterr().err
    assert _state(db) == before


def test_a_merge_killed_half_way_leaves_the_register_as_before(
    db: Database, notebook: Path, tmp_path: Path
) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL here")
    before = _state(db)
    paused = tmp_path / "paused"
    db.close() if db.path is not None else None  # the child takes the file's lock
    environment = {**os.environ, PAUSE_ENV: str(paused)}
    process = subprocess.Popen(
        [sys.executable, "-m", "jarjestokeskus", "merge-back", str(notebook), "--db", db.url],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not paused.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert paused.exists(), "the merge never started"
        paused.unlink()
        while not paused.exists() and time.monotonic() < deadline:  # the second record: one flushed
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    register = open_database(db.url)
    try:
        assert _state(register) == before
        assert main(["merge-back", str(notebook), "--db", db.url]) == 0  # and it can be brought back after
        assert {r.first_name: r.attended for r in registrations(register, _events(register)[0])} == {
            "Aino": True,
            "Bo": True,
            "Cecilia": False,
        }
    finally:
        register.close()
