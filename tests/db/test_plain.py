"""A database file opened for reading with sqlite3 alone (db.plain): refused as db.engine refuses
it, in the same words; read in one moment's content; the same rows as through SQLAlchemy."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from jarjestokeskus.cli.common import open_existing, open_to_read
from jarjestokeskus.db import plain
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import CannotOpen, DatabaseProblem, NewerDatabase, NotADatabase
from jarjestokeskus.db.plain import FileMissing, PlainDatabase, open_for_reading
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.member_register import count_members, member_register
from jarjestokeskus.services.organisations.register import save_organisation

pytestmark = pytest.mark.sqlite_only


def _missing(path: Path, _template: Path) -> None:
    pass


def _folder(path: Path, _template: Path) -> None:
    path.mkdir()


def _empty(path: Path, _template: Path) -> None:
    path.touch()


def _text(path: Path, _template: Path) -> None:
    path.write_text("name;municipality\nVaasan Martat ry;Vaasa\n", encoding="utf-8")


def _another_programs(path: Path, _template: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE person (name TEXT)")
    connection.close()


def _no_tables(path: Path, _template: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 7")  # a database file with nothing in it
    connection.close()


def _garbage_after_the_header(path: Path, _template: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)


def _newer(path: Path, template: Path) -> None:
    shutil.copyfile(template, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()


BAD_FILES: list[tuple[Callable[[Path, Path], None], type[DatabaseProblem]]] = [
    (_missing, FileMissing),
    (_folder, CannotOpen),
    (_empty, NotADatabase),
    (_text, NotADatabase),
    (_another_programs, NotADatabase),
    (_no_tables, NotADatabase),
    (_garbage_after_the_header, DatabaseProblem),  # whichever: the same as db.engine's
    (_newer, NewerDatabase),
]


def _refusal(open_it: Callable[[argparse.Namespace], object], path: Path) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as refused:
        opened = open_it(argparse.Namespace(db=str(path)))
        opened.close()  # type: ignore[attr-defined]
    return refused.value


@pytest.mark.parametrize(("make", "problem"), BAD_FILES, ids=[make.__name__ for make, _ in BAD_FILES])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_refused_as_sqlalchemys_way_refuses_it(
    tmp_path: Path,
    migrated_template: Path,
    make: Callable[[Path, Path], None],
    problem: type[DatabaseProblem],
    language: str,
) -> None:
    from jarjestokeskus import i18n

    i18n.set_language(language)
    path = tmp_path / "rekisteri.sqlite"
    make(path, migrated_template)
    before = path.read_bytes() if path.is_file() else None
    by_engine = _refusal(open_existing, path)
    by_sqlite = _refusal(open_to_read, path)
    assert isinstance(by_sqlite, problem)
    assert type(by_sqlite) is type(by_engine)
    assert by_sqlite.user_message() == by_engine.user_message()
    assert (path.read_bytes() if path.is_file() else None) == before  # nothing written
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_it_may_not_read_is_worded_as_sqlalchemys_way_words_it(db: Database) -> None:
    path = db.path
    assert path is not None
    db.close()
    path.chmod(0)
    try:
        by_engine, by_sqlite = _refusal(open_existing, path), _refusal(open_to_read, path)
    finally:
        path.chmod(0o600)
    assert isinstance(by_sqlite, CannotOpen)
    assert by_sqlite.user_message() == by_engine.user_message()


def _member(db: Database, name: str) -> None:
    save_organisation(db, OrganisationForm(name_fi=name, membership_status=MembershipStatus.MEMBER))


def test_what_is_read_is_one_moments_content(db: Database) -> None:
    """The count and the rows of an export agree although someone saves in between."""
    _member(db, "Vaasan Martat ry")
    assert db.path is not None
    reading = open_for_reading(db.path)
    try:
        assert count_members(reading) == (1, 0)
        _member(db, "Närpes Marthaförening rf")  # saved while the file is open for reading
        assert [row.name_fi for row in member_register(reading)] == ["Vaasan Martat ry"]
        assert count_members(reading) == (1, 0)
    finally:
        reading.close()
    assert count_members(db) == (2, 0)


def test_nothing_can_be_written(db: Database) -> None:
    assert db.path is not None
    reading = open_for_reading(db.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reading.connection.execute("DELETE FROM organisation")
    finally:
        reading.close()


def test_a_file_in_a_read_only_folder_is_read_as_it_is(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    _member(db, "Vaasan Martat ry")
    assert db.path is not None
    db.close()
    monkeypatch.setattr(plain.os, "access", lambda _path, _mode: False)  # as on a read-only share
    assert plain.read_only_uri(db.path) == f"file:{db.path.as_posix()}?mode=ro&immutable=1"
    reading = open_for_reading(db.path)
    try:
        assert [row.name_fi for row in member_register(reading)] == ["Vaasan Martat ry"]
    finally:
        reading.close()


def test_the_same_rows_as_through_sqlalchemy(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    _member(db, "Vaasan Martat ry")
    _member(db, "Närpes Marthaförening rf")
    assert db.path is not None
    reading = open_for_reading(db.path)
    try:
        assert isinstance(reading, PlainDatabase)
        assert member_register(reading, sorted_for="sv") == member_register(db, sorted_for="sv")
    finally:
        reading.close()
