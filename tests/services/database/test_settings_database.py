"""The database, backup folder and recent databases in the settings, and where they take effect."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import ENV_DB, Database
from jarjestokeskus.services import settings
from jarjestokeskus.services.database import backups
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.settings import (
    RECENT_LIMIT,
    Settings,
    backup_folder_for,
    load_settings,
    recent_for_menu,
    remember_database,
    save_settings,
    start_database,
    without_password,
)


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(settings, "settings_path", lambda: target)
    return target


def test_database_and_backup_folder_round_trip(path: Path) -> None:
    saved = Settings(database="/srv/Järjestöt/rekisteri.sqlite", backup_folder="/mnt/usb/varmuuskopiot")
    save_settings(saved)
    assert load_settings() == saved
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["database"] == "/srv/Järjestöt/rekisteri.sqlite"


def test_empty_or_wrong_values_mean_the_defaults(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"database": "  ", "backup_folder": 7}), encoding="utf-8")
    assert load_settings() == Settings()


def test_recent_puts_the_newest_first_without_duplicates(tmp_path: Path) -> None:
    first, second = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    recent = (
        Settings().with_recent(first).with_recent(second).with_recent(str(tmp_path / "x" / ".." / "a.sqlite"))
    )
    assert len(recent.recent_databases) == 2
    assert Path(recent.recent_databases[0]).resolve() == Path(first).resolve()
    assert recent.recent_databases[1] == second


def test_recent_keeps_at_most_eight() -> None:
    recent = Settings()
    for number in range(12):
        recent = recent.with_recent(f"/data/{number}.sqlite")
    assert recent.recent_databases == tuple(f"/data/{n}.sqlite" for n in range(11, 3, -1))
    assert len(recent.recent_databases) == RECENT_LIMIT


def test_menu_leaves_out_files_that_are_gone(tmp_path: Path) -> None:
    there = tmp_path / "there.sqlite"
    there.write_bytes(b"")
    server = "postgresql+psycopg://kirsi@palvelin/rekisteri"
    chosen = Settings(recent_databases=(str(tmp_path / "gone.sqlite"), str(there), server))
    assert recent_for_menu(chosen) == [str(there), server]


def test_remembered_server_has_no_password(path: Path) -> None:
    remember_database("postgresql+psycopg://kirsi:salainen@palvelin:5432/rekisteri")
    assert load_settings().recent_databases == ("postgresql+psycopg://kirsi@palvelin:5432/rekisteri",)
    assert "salainen" not in path.read_text(encoding="utf-8")
    assert without_password("/home/a.sqlite") == "/home/a.sqlite"


def test_start_database_environment_wins(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DB, raising=False)
    assert start_database(Settings()) is None
    assert start_database(Settings(database="/srv/a.sqlite")) == "/srv/a.sqlite"
    monkeypatch.setenv(ENV_DB, "/env/b.sqlite")
    assert start_database(Settings(database="/srv/a.sqlite")) == "/env/b.sqlite"


def test_backup_folder_default_is_beside_the_database(path: Path, tmp_path: Path) -> None:
    assert backup_folder_for(tmp_path / "register.sqlite") == tmp_path / "backups"
    save_settings(Settings(backup_folder=str(tmp_path / "usb")))
    assert backup_folder_for(tmp_path / "register.sqlite") == tmp_path / "usb"


def test_backups_go_to_the_chosen_folder(path: Path, db: Database, tmp_path: Path) -> None:
    if db.path is None:
        pytest.skip("backups are of database files")
    chosen = tmp_path / "usb" / "varmuuskopiot"
    save_settings(Settings(backup_folder=str(chosen)))
    manual = backup_database(db)
    automatic = backups.automatic_backup(db, datetime(2026, 11, 23, 12))
    # A folder of its own inside the chosen one: another database may share the chosen folder.
    assert manual.parent.parent == chosen and automatic is not None and automatic.parent == manual.parent
    assert {row.path for row in backups.list_backups(db)} == {manual, automatic}
    assert not (db.path.parent / "backups").exists()
