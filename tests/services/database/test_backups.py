"""Automatic backups and their rotation, the list of backups, restoring into an open database."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database import backups
from jarjestokeskus.services.database.backups import (
    BackupKind,
    RestoreFailed,
    automatic_backup,
    backup_folder,
    backups_to_keep,
    list_backups,
    restore_and_reopen,
)
from jarjestokeskus.services.database.maintenance import DatabaseInUse, NotADatabase, backup_database
from jarjestokeskus.services.organisations.register import save_organisation
from tests.databases import hold_as_another


def names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name_fi FROM organisation")}
    finally:
        connection.close()


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def touch(path: Path, size: int = 0, mtime: datetime | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


@pytest.fixture
def fake_copy(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Backups as empty files: the rotation reads only names, so 400 days take no time."""
    made: list[Path] = []

    def copy(_db: Database, target: Path, *, progress: Any = None) -> Path:
        made.append(touch(target))
        return target

    monkeypatch.setattr(backups, "backup_database", copy)
    return made


# --- the rotation on its own ---------------------------------------------------------------------


def test_rotation_across_a_year_boundary() -> None:
    """ISO week 53 of 2026 runs into 2027: its newest day is 3 January, December's is the 31st."""
    dates = days(date(2026, 12, 1), date(2027, 1, 20))
    kept = backups_to_keep(dates, date(2027, 1, 20))
    daily = set(days(date(2027, 1, 14), date(2027, 1, 20)))
    weekly = {date(2027, 1, 20), date(2027, 1, 17), date(2027, 1, 10), date(2027, 1, 3)}
    monthly = {date(2027, 1, 20), date(2026, 12, 31)}
    assert kept == daily | weekly | monthly


def test_rotation_keeps_the_newest_of_each_month() -> None:
    dates = [date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 28), date(2026, 3, 1)]
    dates += [date(2025, m, 15) for m in range(1, 13)]
    kept = backups_to_keep(dates, date(2026, 3, 1))
    # 7 most recent days with a backup, then the newest of each of the 12 most recent months.
    assert kept == {
        date(2026, 3, 1),
        date(2026, 2, 28),
        date(2026, 2, 1),
        date(2026, 1, 31),
        date(2025, 12, 15),
        date(2025, 11, 15),
        date(2025, 10, 15),
        date(2025, 9, 15),
        date(2025, 8, 15),
        date(2025, 7, 15),
        date(2025, 6, 15),
        date(2025, 5, 15),
        date(2025, 4, 15),
    }


def test_a_holiday_does_not_thin_out_the_last_backups() -> None:
    dates = days(date(2026, 1, 1), date(2026, 1, 10))
    kept = backups_to_keep(dates, date(2026, 6, 1))
    assert kept == set(days(date(2026, 1, 4), date(2026, 1, 10)))


def test_several_on_one_day_keep_the_newest_and_a_future_date_is_kept() -> None:
    morning, evening = datetime(2026, 5, 4, 8), datetime(2026, 5, 4, 18)
    wrong_clock = datetime(2030, 1, 1, 12)
    kept = backups_to_keep([morning, evening, wrong_clock], date(2026, 5, 4))
    assert kept == {evening, wrong_clock}


# --- automatic backups ---------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_one_automatic_backup_a_day(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Kylätoimikunta"))
    first = automatic_backup(db, datetime(2026, 11, 23, 9, 0, 0))
    assert first is not None
    assert first.name == "auto-register-20261123-090000.sqlite"
    assert first.parent == backup_folder(db.path) and first.parent.parent == db.path.parent / "backups"
    assert names(first) == {"Kylätoimikunta"}
    assert automatic_backup(db, datetime(2026, 11, 23, 17, 30, 0)) is None
    second = automatic_backup(db, datetime(2026, 11, 24, 8, 0, 0))
    assert second is not None and second != first
    assert [r.path for r in list_backups(db)] == [second, first]


@pytest.mark.sqlite_only
def test_rotation_over_400_days_keeps_exactly_the_right_files(db: Database, fake_copy: list[Path]) -> None:
    folder = db.path.parent / "backups"  # the shared folder, as earlier versions used it
    manual = touch(folder / "jarjestokeskus-20251020-120000.sqlite")
    before_restore = touch(folder / "jarjestokeskus-before-restore-20251021-120000.sqlite")
    others = touch(folder / "auto-demo-20251020-120000.sqlite")  # another database's
    start = date(2025, 10, 20)
    for n in range(400):
        moment = datetime.combine(start + timedelta(days=n), datetime.min.time()).replace(hour=16)
        assert automatic_backup(db, moment) is not None
        assert automatic_backup(db, moment + timedelta(hours=1)) is None
    last = start + timedelta(days=399)
    assert last == date(2026, 11, 23)  # a Monday
    assert len(fake_copy) == 400
    kept = {r.taken_at.date() for r in list_backups(db) if r.kind is BackupKind.AUTOMATIC}
    daily = set(days(date(2026, 11, 17), date(2026, 11, 23)))
    weekly = {date(2026, 11, 23), date(2026, 11, 22), date(2026, 11, 15), date(2026, 11, 8)}
    monthly = {
        date(2026, 11, 23),
        date(2026, 10, 31),
        date(2026, 9, 30),
        date(2026, 8, 31),
        date(2026, 7, 31),
        date(2026, 6, 30),
        date(2026, 5, 31),
        date(2026, 4, 30),
        date(2026, 3, 31),
        date(2026, 2, 28),
        date(2026, 1, 31),
        date(2025, 12, 31),
    }
    assert kept == daily | weekly | monthly
    assert len(kept) == 20
    assert manual.exists() and before_restore.exists() and others.exists()


def held_elsewhere(db_path: Path) -> None:
    """Another computer's program has the database open."""
    hold_as_another(db_path, user="maija", host="toinen-kone")


def test_no_automatic_backup_of_a_server_or_a_read_only_database(
    db_path: Path, migrated_template: Path
) -> None:
    server = Database("postgresql+psycopg://office/register", None, None)  # type: ignore[arg-type]
    assert automatic_backup(server) is None
    assert list_backups(server) == []
    shutil.copyfile(migrated_template, db_path)
    held_elsewhere(db_path)
    reader = open_database(db_path)
    try:
        assert reader.read_only
        assert automatic_backup(reader) is None
    finally:
        reader.close()
    assert not (db_path.parent / "backups").exists()


# --- the list ------------------------------------------------------------------------------------


def test_list_backups_kinds_times_sizes_and_order(db_path: Path) -> None:
    folder = db_path.parent / "backups"  # as earlier versions kept them: the demo's beside this one's
    touch(folder / "auto-register-20261120-160000.sqlite", size=10)
    touch(folder / "jarjestokeskus-20261121-101500.sqlite", size=20)
    touch(folder / "jarjestokeskus-20261121-101500-2.sqlite", size=21)
    touch(folder / "jarjestokeskus-before-restore-20261122-090000.sqlite", size=30)
    touch(folder / "auto-demo-20261123-090000.sqlite")  # the demo's, not this database's
    touch(folder / ".jarjestokeskus-20261123-100000.sqlite.1a2b3c4d.partial")
    touch(folder / "notes.txt")
    own = touch(folder / "ennen-kokousta.sqlite", size=40, mtime=datetime(2026, 11, 19, 12, 0))
    rows = list_backups(db_path)
    assert [(r.path.name, r.kind, r.taken_at, r.size_bytes) for r in rows] == [
        (
            "jarjestokeskus-before-restore-20261122-090000.sqlite",
            BackupKind.BEFORE_RESTORE,
            datetime(2026, 11, 22, 9),
            30,
        ),
        ("jarjestokeskus-20261121-101500-2.sqlite", BackupKind.MANUAL, datetime(2026, 11, 21, 10, 15), 21),
        ("jarjestokeskus-20261121-101500.sqlite", BackupKind.MANUAL, datetime(2026, 11, 21, 10, 15), 20),
        ("auto-register-20261120-160000.sqlite", BackupKind.AUTOMATIC, datetime(2026, 11, 20, 16), 10),
        (own.name, BackupKind.MANUAL, datetime(2026, 11, 19, 12, 0), 40),
    ]


def test_no_backups_folder_is_an_empty_list(db_path: Path) -> None:
    assert list_backups(db_path) == []


# --- restoring into the window's database --------------------------------------------------------


@pytest.mark.sqlite_only
def test_restore_and_reopen_round_trip(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Ennen"))
    backup = backup_database(db)
    save_organisation(db, OrganisationForm(name_fi="Jälkeen"))
    reopened, _restored = restore_and_reopen(db, backup)
    try:
        assert reopened is not db and not reopened.read_only
        assert names(reopened.path) == {"Ennen"}
        save_organisation(reopened, OrganisationForm(name_fi="Uusi"))  # it is writable and locked
        assert names(reopened.path) == {"Ennen", "Uusi"}
        safety = [r for r in list_backups(reopened) if r.kind is BackupKind.BEFORE_RESTORE]
        assert len(safety) == 1
        assert names(safety[0].path) == {"Ennen", "Jälkeen"}
    finally:
        reopened.close()


@pytest.mark.sqlite_only
def test_failed_restore_reopens_the_database_as_it_was(db: Database, tmp_path: Path) -> None:
    save_organisation(db, OrganisationForm(name_fi="Säilyy"))
    not_a_backup = touch(tmp_path / "kuvat.sqlite", size=100)
    with pytest.raises(RestoreFailed) as failed:
        restore_and_reopen(db, not_a_backup)
    reopened = failed.value.database
    try:
        assert isinstance(failed.value.cause, NotADatabase)
        assert failed.value.user_message() == failed.value.cause.user_message()
        assert not reopened.read_only
        save_organisation(reopened, OrganisationForm(name_fi="Lisätty"))
        assert names(reopened.path) == {"Säilyy", "Lisätty"}
    finally:
        reopened.close()


@pytest.mark.sqlite_only
def test_read_only_window_does_not_close_or_restore(db_path: Path, db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Luettava"))
    backup = backup_database(db)
    db.close()
    held_elsewhere(db_path)
    reader = open_database(db_path)
    try:
        assert reader.read_only
        with pytest.raises(RestoreFailed) as failed:
            restore_and_reopen(reader, backup)
        assert failed.value.database is reader
        assert isinstance(failed.value.cause, DatabaseInUse)
        assert "maija" in failed.value.user_message()
        with reader.reading() as session:  # still open
            assert session.execute(text("SELECT count(*) FROM organisation")).scalar() == 1
    finally:
        reader.close()


class Stop(Exception):
    pass


@pytest.mark.sqlite_only
def test_cancelled_restore_leaves_the_database_whole(db: Database) -> None:
    with db.transaction() as session:  # a backup of more pages than one step of the copy
        session.execute(text("CREATE TABLE ballast (x TEXT)"))
        session.execute(text("INSERT INTO ballast VALUES (:x)"), [{"x": "x" * 3000}] * 1000)
    backup = backup_database(db)
    save_organisation(db, OrganisationForm(name_fi="Tehty varmuuskopion jälkeen"))
    steps: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        steps.append((done, total))
        raise Stop()

    with pytest.raises(RestoreFailed) as failed:
        restore_and_reopen(db, backup, progress=cancel)
    reopened = failed.value.database
    try:
        assert isinstance(failed.value.cause, Stop)
        assert steps[0][0] < steps[0][1]  # stopped halfway
        assert names(reopened.path) == {"Tehty varmuuskopion jälkeen"}
        with reopened.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        reopened.close()


@pytest.mark.sqlite_only
def test_cancel_after_the_last_step_is_too_late(db: Database) -> None:
    """The copy is complete when the last progress arrives: the restore stands, no error."""
    backup = backup_database(db)
    save_organisation(db, OrganisationForm(name_fi="Poistuu"))

    def cancel(done: int, total: int) -> None:
        raise Stop()

    reopened, _restored = restore_and_reopen(db, backup, progress=cancel)
    try:
        assert names(reopened.path) == set()
    finally:
        reopened.close()
