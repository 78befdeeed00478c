"""Files and disks failing under the program: each gives a message in Finnish and Swedish, saves nothing
half-way and leaves what was stored before.

Simulated for real where the machine lets us: as root a small tmpfs is a full disk and a read-only
bind mount is a read-only folder (root ignores file permissions, so chmod proves nothing there);
as another user the folder is made read-only with chmod and the full disk is a patched write.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import (
    DatabaseDamaged,
    DatabaseGone,
    DatabaseProblem,
    DiskFull,
    NewerDatabase,
    NotADatabase,
    ReadOnlyLocation,
)
from jarjestokeskus.db.models import MembershipFee, Organisation
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.services.database.maintenance import BackupFailed, backup_database
from jarjestokeskus.services.exports import files as exports
from jarjestokeskus.services.exports.files import ExportFailed, write_table
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    count_organisations,
    save_organisation,
)
from tests import databases

pytestmark = pytest.mark.skipif(databases.on_postgres(), reason="failures of a database file")

ROOT = os.geteuid() == 0

# Words each language's message must have: it names the problem (the advice follows it).
DISK_FULL = {"fi": "täynnä", "sv": "full"}
READ_ONLY = {"fi": "vain luku", "sv": "skrivskyddad"}


def in_both_languages(problem: DatabaseProblem | ExportFailed) -> dict[str, str]:
    messages = {}
    for language in ("fi", "sv"):
        i18n.set_language(language)
        messages[language] = problem.user_message()
    i18n.set_language("fi")
    return messages


def assert_explained(
    problem: DatabaseProblem | ExportFailed, path: Path, words: dict[str, str] | None = None
) -> None:
    """A message in each language, naming the file and (when given) the problem in its words."""
    messages = in_both_languages(problem)
    assert messages["fi"] != messages["sv"], "the message is not translated"
    for language, message in messages.items():
        assert str(path) in message
        rest = message.replace(str(path), "")  # SQLite's or the system's English words stay out
        assert not any(word in rest for word in ("Errno", "sqlite", "disk image", "No space", "denied"))
        if words:
            assert words[language] in message, (language, message)


def organisation(number: int) -> OrganisationForm:
    return OrganisationForm(
        name_fi=f"Yhdistys {number} ry", notes="n" * 3000, fees=[FeeForm("2025", f"{number},00")]
    )


def stored_rows(db: Database) -> tuple[int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Organisation)) or 0,
            session.scalar(select(func.count()).select_from(MembershipFee)) or 0,
        )


# --- a full disk ---------------------------------------------------------------------------------
@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` at `folder` (root only)."""
    folder.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("mounting a small file system needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Take the disk's last free bytes; removing the returned file frees them again."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)
    return filler


@pytest.mark.skipif(not ROOT, reason="a real full disk needs a tmpfs mount (root)")
def test_disk_full_while_saving_keeps_every_whole_save_and_nothing_half(
    tmp_path: Path, migrated_template: Path
) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        shutil.copyfile(migrated_template, disk / "register.sqlite")
        db = open_database(disk / "register.sqlite")
        try:
            filler = fill(disk)
            saved = 0
            with pytest.raises(DiskFull) as failure:
                for number in range(10000):
                    save_organisation(db, organisation(number))
                    saved += 1
            assert stored_rows(db) == (saved, saved)  # each saved one whole, the failed one not at all
            assert_explained(failure.value, disk / "register.sqlite", DISK_FULL)
            filler.unlink()
            save_organisation(db, organisation(saved))  # room again: saving works
            assert stored_rows(db) == (saved + 1, saved + 1)
            with db.engine.connect() as connection:
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        finally:
            db.close()


@pytest.mark.skipif(not ROOT, reason="a real full disk needs a tmpfs mount (root)")
def test_disk_full_during_an_import_stores_none_of_it(tmp_path: Path, migrated_template: Path) -> None:
    from jarjestokeskus.services.organisations.import_files import Table
    from jarjestokeskus.services.organisations.import_mapping import guess_mapping
    from jarjestokeskus.services.organisations.member_import import apply_import, plan_import

    header = ("Nimi", "Kunta", "Lisätietoja")
    rows = tuple((f"Yhdistys {n} ry", "Vaasa", "n" * 3000) for n in range(400))
    table = Table(header, rows, tuple(range(2, len(rows) + 2)))
    with small_disk(tmp_path / "disk", "2m") as disk:
        shutil.copyfile(migrated_template, disk / "register.sqlite")
        db = open_database(disk / "register.sqlite")
        try:
            save_organisation(db, organisation(1))
            plan = plan_import(db, table, guess_mapping(header), "skip")
            assert plan.ok
            fill(disk)
            with pytest.raises(DiskFull):
                apply_import(db, plan)
            assert stored_rows(db) == (1, 1)  # all or nothing: none of the 400
        finally:
            db.close()


@pytest.mark.skipif(not ROOT, reason="a real full disk needs a tmpfs mount (root)")
def test_disk_full_for_a_backup_and_an_export(tmp_path: Path, db: Database) -> None:
    save_organisation(db, organisation(1))
    with small_disk(tmp_path / "disk", "64k") as disk:
        fill(disk)
        with pytest.raises(BackupFailed) as backup:
            backup_database(db, disk / "copy.sqlite")
        assert_explained(backup.value, disk / "copy.sqlite", DISK_FULL)
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no partial copy left behind
        with pytest.raises(ExportFailed) as export:
            write_table(disk / "list.xlsx", ["Nimi"], [["x" * 100]] * 5000, "xlsx")
        assert_explained(export.value, disk / "list.xlsx", DISK_FULL)
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_disk_full_patched_export_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without root: the write itself fails as on a full disk."""
    target = tmp_path / "list.csv"
    target.write_text("old")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports, "_sync", full)
    with pytest.raises(ExportFailed) as export:
        write_table(target, ["Nimi"], [["x"]], "csv")
    assert_explained(export.value, target, DISK_FULL)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


# --- a read-only folder --------------------------------------------------------------------------
@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` (a folder or a file) made read-only: a read-only bind mount as root, chmod otherwise."""
    if ROOT:
        subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], check=True)
            yield
        finally:
            subprocess.run(["umount", "-l", str(path)], check=False)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def test_database_in_a_read_only_folder_is_refused_with_advice(
    tmp_path: Path, migrated_template: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copyfile(migrated_template, folder / "register.sqlite")
    before = (folder / "register.sqlite").read_bytes()
    with read_only(folder), pytest.raises(ReadOnlyLocation) as failure:
        open_database(folder / "register.sqlite")
    assert_explained(failure.value, folder / "register.sqlite", READ_ONLY)
    assert (folder / "register.sqlite").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["register.sqlite"]


@pytest.mark.skipif(not ROOT, reason="root ignores a file's permissions; a bind mount of the file needs root")
def test_read_only_database_file_in_a_writable_folder(tmp_path: Path, migrated_template: Path) -> None:
    path = tmp_path / "register.sqlite"
    shutil.copyfile(migrated_template, path)
    with read_only(path), pytest.raises(ReadOnlyLocation) as failure:
        db = open_database(path)
        try:
            save_organisation(db, organisation(1))
        finally:
            db.close()
    assert_explained(failure.value, path, READ_ONLY)
    assert not (tmp_path / "register.sqlite.lock").exists()


def test_backup_and_export_into_a_read_only_folder(tmp_path: Path, db: Database) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(BackupFailed) as backup:
            backup_database(db, folder / "copy.sqlite")
        with pytest.raises(ExportFailed) as export:
            write_table(folder / "list.csv", ["Nimi"], [["x"]], "csv")
    words = READ_ONLY if ROOT else {"fi": "oikeutta", "sv": "rätt"}
    assert_explained(backup.value, folder / "copy.sqlite", words)
    assert_explained(export.value, folder / "list.csv", words)
    assert list(folder.iterdir()) == []


# --- the file deleted, truncated or damaged ------------------------------------------------------
def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def test_save_after_the_file_was_deleted_is_refused(db: Database, db_path: Path) -> None:
    first = save_organisation(db, organisation(1))
    remove_database(db_path)
    with pytest.raises(DatabaseGone) as failure:
        save_organisation(db, organisation(2), first.id, first.version)
    assert_explained(failure.value, db_path)
    assert not db_path.exists()  # no new, empty database made in its place


def test_a_new_connection_after_the_file_was_deleted_is_explained(db: Database, db_path: Path) -> None:
    save_organisation(db, organisation(1))
    remove_database(db_path)
    with db.engine.connect(), pytest.raises(DatabaseGone) as failure:
        count_organisations(db, OrganisationQuery())  # a second connection: the file is opened again
    assert_explained(failure.value, db_path)
    assert not db_path.exists()  # no empty database made in its place


def test_file_replaced_under_the_program_is_not_written_into(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """Another copy put in its place (a sync tool, a restore by hand): saving goes nowhere silently."""
    save_organisation(db, organisation(1))
    with sqlite3.connect(db_path) as source, sqlite3.connect(tmp_path / "other.sqlite") as copy:
        source.backup(copy)
    os.replace(tmp_path / "other.sqlite", db_path)
    with pytest.raises(DatabaseGone):
        save_organisation(db, organisation(2))


@pytest.mark.parametrize("size", [50, 8192, None])
def test_truncated_file_is_refused_when_opened(
    db_path: Path, migrated_template: Path, size: int | None
) -> None:
    shutil.copyfile(migrated_template, db_path)
    db = open_database(db_path)
    for number in range(40):
        save_organisation(db, organisation(number))
    db.close()
    with db_path.open("r+b") as file:
        file.truncate(size if size is not None else db_path.stat().st_size // 2)
    with pytest.raises((NotADatabase, DatabaseDamaged)) as failure:
        open_database(db_path)
    assert_explained(failure.value, db_path)
    assert not db_path.with_name(db_path.name + ".lock").exists()


def test_file_damaged_while_open_is_explained_on_the_next_read(db: Database, db_path: Path) -> None:
    for number in range(40):
        save_organisation(db, organisation(number))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with db_path.open("r+b") as file:  # pages after the first overwritten with rubbish
        file.seek(4096)
        file.write(b"\x5a" * (db_path.stat().st_size - 4096))
    db.engine.dispose()  # a fresh connection: SQLite reads the pages again
    with pytest.raises(DatabaseDamaged) as failure:
        count_organisations(db, OrganisationQuery())
    assert_explained(failure.value, db_path)


# --- a newer database, a file that is not a database ---------------------------------------------
def test_database_of_a_newer_version_is_refused(db_path: Path, migrated_template: Path) -> None:
    shutil.copyfile(migrated_template, db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    with pytest.raises(NewerDatabase) as failure:
        open_database(db_path)
    messages = in_both_languages(failure.value)
    assert messages["fi"] != messages["sv"]
    assert all("f00dfeedbeef" in message for message in messages.values())


def test_file_that_is_not_a_database(db_path: Path) -> None:
    db_path.write_text("Jäsenlista\nVaasan Martat ry;65100\n", encoding="utf-8")
    with pytest.raises(NotADatabase) as failure:
        open_database(db_path)
    assert_explained(failure.value, db_path)
    assert db_path.read_text(encoding="utf-8").startswith("Jäsenlista")
