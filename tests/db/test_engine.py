"""Opening a database: SQLite settings, refusing what is not ours or too new, the lock file."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import CannotOpen, NewerDatabase, NotADatabase, ReadOnlyDatabase
from jarjestokeskus.db.lock import lock_path, read_holder
from jarjestokeskus.db.migrate import head_revision
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    count_organisations,
    save_organisation,
)
from tests.databases import hold_as_another


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_lock(database: Path, *, host: str, pid: int, user: str = "toinen") -> None:
    holder = {"user": user, "host": host, "pid": pid, "since": "2025-01-01T08:00:00+00:00"}
    lock_path(database).write_text(json.dumps(holder), encoding="utf-8")


def make_database(path: Path) -> None:
    """A database of this program with one organisation, closed again."""
    database = open_database(path)
    save_organisation(database, OrganisationForm(name_fi="Vaasan Martat ry"))
    database.close()


@pytest.mark.sqlite_only
def test_sqlite_connection_settings(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO membership_fee (id, organisation_id, year, amount, created_at, updated_at, "
                "version) VALUES ('00000000000000000000000000000001', '0000000000000000000000000000dead', "
                "2025, 10, '2025-01-01', '2025-01-01', 1)"
            )
        )


def test_new_database_is_created_at_head_and_lock_is_released(db_path: Path) -> None:
    database = open_database(db_path)
    assert not database.read_only
    assert read_holder(db_path) is not None and read_holder(db_path).pid == os.getpid()
    with database.engine.connect() as connection:
        assert (
            connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        )
    database.close()
    assert not lock_path(db_path).exists()


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_bytes(b"Tervetuloa! This is a letter, not a database.\n" * 20)
    before = digest(db_path)
    with pytest.raises(NotADatabase) as caught:
        open_database(db_path)
    assert caught.value.path == str(db_path)
    assert digest(db_path) == before
    assert not lock_path(db_path).exists()


def test_an_sqlite_file_of_another_program_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = digest(db_path)
    with pytest.raises(NotADatabase):
        open_database(db_path)
    assert digest(db_path) == before


def test_a_database_of_a_newer_program_is_refused_and_left_untouched(db_path: Path) -> None:
    make_database(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = digest(db_path)
    files_before = sorted(p.name for p in db_path.parent.iterdir())

    with pytest.raises(NewerDatabase) as caught:
        open_database(db_path)
    assert caught.value.revision == "9999_from_the_future"
    with pytest.raises(NewerDatabase):
        open_database(db_path, read_only=True)

    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before  # no backup, no lock left


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(CannotOpen):
        open_database(blocker / "register.sqlite")


@pytest.mark.parametrize("other", ["another host", "parent process"])
def test_second_user_gets_read_only_mode_and_sees_the_holder(db_path: Path, other: str) -> None:
    make_database(db_path)
    if other == "another host":
        hold_as_another(db_path, host="toimisto-pc-2", pid=4242, user="sihteeri")
    else:
        hold_as_another(db_path, host=socket.gethostname(), pid=os.getppid(), user="sihteeri")
    lock_before = lock_path(db_path).read_text(encoding="utf-8")

    database = open_database(db_path)
    try:
        assert database.read_only
        assert database.holder is not None and database.holder.user == "sihteeri"
        if other == "another host":
            assert database.holder.host == "toimisto-pc-2"
        # Reading works; writing is refused with the holder named.
        assert count_organisations(database, OrganisationQuery()) == 1
        with pytest.raises(ReadOnlyDatabase) as caught:
            save_organisation(database, OrganisationForm(name_fi="Uusi ry"))
        assert caught.value.holder == database.holder.describe()
        # Even a statement that bypasses the ORM cannot write.
        with pytest.raises(ReadOnlyDatabase), database.transaction() as session:
            session.execute(text("DELETE FROM organisation"))
        assert count_organisations(database, OrganisationQuery()) == 1
    finally:
        database.close()
    assert lock_path(db_path).read_text(encoding="utf-8") == lock_before  # not ours to remove


def test_stale_lock_of_a_dead_process_on_this_host_is_taken_over(db_path: Path) -> None:
    make_database(db_path)
    dead_pid = _dead_pid()
    write_lock(db_path, host=socket.gethostname(), pid=dead_pid)

    database = open_database(db_path)
    try:
        assert not database.read_only
        assert database.holder is None
        holder = read_holder(db_path)
        assert holder is not None and holder.pid == os.getpid()
        save_organisation(database, OrganisationForm(name_fi="Uusi ry"))
    finally:
        database.close()
    assert not lock_path(db_path).exists()


def test_unreadable_lock_file_is_taken_over(db_path: Path) -> None:
    make_database(db_path)
    lock_path(db_path).write_text("{broken", encoding="utf-8")
    database = open_database(db_path)
    try:
        assert not database.read_only
        assert read_holder(db_path) is not None
    finally:
        database.close()


def _dead_pid() -> int:
    """The pid of a process that has ended (and was reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    pid = process.pid
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    return pid


def test_the_same_file_opened_twice_in_one_program_keeps_its_lock_until_both_close(db_path: Path) -> None:
    first = open_database(db_path)
    second = open_database(db_path)  # the window reopening the file it has open
    assert not second.read_only
    first.close()
    holder = read_holder(db_path)
    assert holder is not None and holder.pid == os.getpid()
    save_organisation(second, OrganisationForm(name_fi="Yhä auki ry"))
    second.close()
    assert not lock_path(db_path).exists()
