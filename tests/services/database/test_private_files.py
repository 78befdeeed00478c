"""Files only their owner can read; backups kept per database; what killed copies left is removed."""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import data_dir, default_database_path, open_database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database.backup_folders import remove_stale_partials
from jarjestokeskus.services.database.backups import automatic_backup, backup_folder, list_backups
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.database.meeting_copy import take_meeting_copy
from jarjestokeskus.services.exports.files import write_table
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.settings import Settings, save_settings

pytestmark = pytest.mark.sqlite_only


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def chosen_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "yhteinen" / "varmuuskopiot"
    save_settings(Settings(backup_folder=str(folder)))
    yield folder
    save_settings(Settings())


def test_the_data_folder_database_backups_copies_and_exports_are_the_owners_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # an ordinary system: new files readable by everyone
    try:
        default_database_path().unlink(missing_ok=True)
        if data_dir().exists():
            data_dir().chmod(0o755)  # as an earlier version left it
        db = open_database(default_database_path())
        try:
            save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
            assert mode(data_dir()) == 0o700
            assert mode(default_database_path()) == 0o600
            assert mode(default_database_path().with_name(default_database_path().name + "-wal")) == 0o600
            elsewhere = tmp_path / "muualla.sqlite"
            made = [
                backup_database(db),
                automatic_backup(db, datetime(2026, 11, 23, 12)),
                backup_database(db, elsewhere),
                take_meeting_copy(db, tmp_path / "kokous.sqlite"),
            ]
            write_table(tmp_path / "jäsenet.csv", ["Nimi"], [["Vaasan Martat ry"]], "csv")
            made.append(tmp_path / "jäsenet.csv")
            assert {str(p): mode(p) for p in made if p} == {str(p): 0o600 for p in made if p}
            assert mode(backup_folder(db.path)) == 0o700
        finally:
            db.close()
    finally:
        os.umask(old_umask)


def test_a_shared_backup_folder_keeps_the_databases_apart(tmp_path: Path, chosen_folder: Path) -> None:
    a, b = (
        open_database(tmp_path / "a" / "rekisteri.sqlite"),
        open_database(tmp_path / "b" / "rekisteri.sqlite"),
    )
    try:
        made_a = automatic_backup(a, datetime(2026, 11, 23, 12))
        made_b = automatic_backup(b, datetime(2026, 11, 23, 13))  # not "exists already" because of A's
        assert made_a is not None and made_b is not None
        assert (
            made_a.parent != made_b.parent and made_a.parent.parent == made_b.parent.parent == chosen_folder
        )
        manual_a = backup_database(a)
        assert [r.path for r in list_backups(b)] == [made_b]  # B is never offered A's backups
        assert {r.path for r in list_backups(a)} == {made_a, manual_a}
    finally:
        a.close()
        b.close()


def test_what_killed_copies_left_is_removed_when_an_hour_old(tmp_path: Path) -> None:
    database = tmp_path / "rekisteri.sqlite"
    open_database(database).close()
    folder = backup_folder(database)
    folder.mkdir(parents=True)
    old = [
        folder / ".jarjestokeskus-20261123-120000.sqlite.1a2b3c4d.partial",
        folder / ".jarjestokeskus-20261123-120000.sqlite.1a2b3c4d.partial-journal",
        tmp_path / ".kokous.sqlite.9f8e7d6c.partial",
        tmp_path / ".rekisteri.sqlite.restoring",
    ]
    fresh = folder / ".auto-rekisteri-20261124-080000.sqlite.00aa11bb.partial"  # being written now
    for file in [*old, fresh]:
        file.write_bytes(b"SQLite format 3\x00" + b"x" * 1000)
    hour_ago = time.time() - 3700
    for file in old:
        os.utime(file, (hour_ago, hour_ago))
    keep = folder / "jarjestokeskus-20261123-120000.sqlite"
    keep.write_bytes(b"")
    os.utime(keep, (hour_ago, hour_ago))
    assert sorted(remove_stale_partials(database)) == sorted(old)
    assert fresh.exists() and keep.exists() and database.exists()
