"""Check, backup and restore of the database file."""

from __future__ import annotations

import json
import os
import sqlite3
import types
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import NewerDatabase, NotADatabase
from jarjestokeskus.db.lock import lock_path
from jarjestokeskus.db.plain import head_revision
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database.backup_folders import backup_folder
from jarjestokeskus.services.database.check import check_database
from jarjestokeskus.services.database.maintenance import (
    BackupExists,
    DatabaseInUse,
    FileMissing,
    NotAFile,
    SameFile,
    backup_database,
    restore_database,
)
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    count_organisations,
    save_organisation,
)
from tests.databases import hold_as_another


def names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT name_fi FROM organisation")}


def make_database(path: Path, *organisations: str) -> None:
    database = open_database(path)
    for name in organisations:
        save_organisation(database, OrganisationForm(name_fi=name))
    database.close()


def damage_index(path: Path) -> None:
    """Overwrite one index page: the file still opens, but SQLite's integrity check finds it."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_organisation_name_fi_key'"
    ).fetchone()
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)


def set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_check_a_healthy_database(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    result = check_database(db)
    assert result.ok
    assert result.integrity == "ok"
    assert result.schema_revision == result.head_revision == head_revision()
    assert result.problems == ()


@pytest.mark.sqlite_only
def test_check_finds_a_broken_foreign_key(db: Database) -> None:
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql(
            "INSERT INTO membership_fee (id, organisation_id, year, amount, created_at, updated_at, "
            "version) VALUES ('00000000000000000000000000000001', '0000000000000000000000000000dead', "
            "2025, 10, '2025-01-01', '2025-01-01', 1)"
        )
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    result = check_database(db)
    assert not result.ok
    assert result.integrity == "ok"
    assert len(result.problems) == 1 and "membership_fee" in result.problems[0]


@pytest.mark.parametrize("full", [False, True])
def test_check_finds_a_damaged_file(db_path: Path, full: bool) -> None:
    make_database(db_path, "Vaasan Martat ry", "Närpes Marthaförening rf")
    damage_index(db_path)
    database = open_database(db_path, migrate=False, read_only=True)
    try:
        result = check_database(database, full=full)
    finally:
        database.close()
    assert not result.ok
    assert result.integrity != "ok"
    assert result.problems


@pytest.mark.sqlite_only
def test_backup_goes_to_a_dated_file_beside_the_database(db: Database, db_path: Path) -> None:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    first = backup_database(db)
    second = backup_database(db)
    assert first.parent == backup_folder(db_path) and first.parent.parent == db_path.parent / "backups"
    assert first.name.startswith("jarjestokeskus-") and first.suffix == ".sqlite"
    assert first != second  # two backups in the same second do not collide
    assert names(first) == {"Vaasan Martat ry"}
    with sqlite3.connect(first) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])


@pytest.mark.sqlite_only
def test_backup_reports_progress(db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    backup_database(db, tmp_path / "copy.sqlite", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


@pytest.mark.sqlite_only
def test_backup_never_overwrites(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "kept.sqlite"
    target.write_bytes(b"an earlier file")
    with pytest.raises(BackupExists) as caught:
        backup_database(db, target)
    assert caught.value.user_message()
    assert target.read_bytes() == b"an earlier file"


@pytest.mark.sqlite_only
def test_a_failed_backup_leaves_nothing_behind(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def cancel(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        backup_database(db, folder / "copy.sqlite", progress=cancel)
    assert list(folder.iterdir()) == []


def test_backup_needs_a_file() -> None:
    with pytest.raises(NotAFile):
        backup_database(types.SimpleNamespace(path=None))  # type: ignore[arg-type]


def test_restore_round_trip_keeps_a_safety_copy(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path, "Vaasan Martat ry")
    database = open_database(db_path)
    backup = backup_database(database, tmp_path / "monday.sqlite")
    save_organisation(database, OrganisationForm(name_fi="Närpes Marthaförening rf"))
    database.close()

    safety = restore_database(db_path, backup).safety

    assert safety is not None and safety.parent.parent == db_path.parent / "backups"
    assert names(safety) == {"Vaasan Martat ry", "Närpes Marthaförening rf"}
    assert not lock_path(db_path).exists()
    database = open_database(db_path)
    try:
        assert count_organisations(database, OrganisationQuery()) == 1
        assert check_database(database).ok
    finally:
        database.close()


def test_restore_into_a_missing_database(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite"
    make_database(source, "Vaasan Martat ry")
    target = tmp_path / "new" / "register.sqlite"
    assert restore_database(target, source).safety is None
    assert names(target) == {"Vaasan Martat ry"}


def test_restore_over_a_damaged_file(db_path: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite"
    make_database(backup, "Vaasan Martat ry")
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8000)
    safety = restore_database(db_path, backup).safety
    assert safety is not None and safety.read_bytes() == b"SQLite format 3\x00" + b"\x5a" * 8000
    assert names(db_path) == {"Vaasan Martat ry"}


def test_restore_refuses_a_file_that_is_not_a_database(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path, "Vaasan Martat ry")
    before = db_path.read_bytes()
    letter = tmp_path / "letter.sqlite"
    letter.write_text("Hyvä vastaanottaja, tämä on kirje.\n" * 50, encoding="utf-8")
    with pytest.raises(NotADatabase):
        restore_database(db_path, letter)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
    connection.close()
    with pytest.raises(NotADatabase):
        restore_database(db_path, other)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()
    assert not lock_path(db_path).exists()


def test_restore_refuses_a_damaged_backup(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    damaged = tmp_path / "damaged.sqlite"
    make_database(damaged, "Vaasan Martat ry", "Närpes Marthaförening rf")
    damage_index(damaged)
    with pytest.raises(NotADatabase):
        restore_database(db_path, damaged)


def test_restore_refuses_a_newer_database(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    newer = tmp_path / "newer.sqlite"
    make_database(newer, "Vaasan Martat ry")
    set_revision(newer, "9999_from_the_future")
    with pytest.raises(NewerDatabase) as caught:
        restore_database(db_path, newer)
    assert caught.value.revision == "9999_from_the_future"


def test_restore_refuses_a_database_held_by_another_program(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path, "Vaasan Martat ry")
    backup = tmp_path / "backup.sqlite"
    make_database(backup)
    hold_as_another(db_path, user="toinen", host="toinen-kone")
    with pytest.raises(DatabaseInUse) as caught:
        restore_database(db_path, backup)
    assert caught.value.holder == "toinen @ toinen-kone"
    assert names(db_path) == {"Vaasan Martat ry"}
    assert lock_path(db_path).exists()  # the other program's lock stays


@pytest.mark.sqlite_only
def test_restore_refuses_a_database_this_program_has_open(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.sqlite"
    make_database(backup)
    with pytest.raises(DatabaseInUse):
        restore_database(db_path, backup)
    assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_restore_refuses_a_missing_file_and_the_database_itself(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    with pytest.raises(FileMissing):
        restore_database(db_path, tmp_path / "nowhere.sqlite")
    with pytest.raises(SameFile):
        restore_database(db_path, db_path)
