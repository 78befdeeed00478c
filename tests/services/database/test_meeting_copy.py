"""Meeting copies: a marked, read-only SQLite snapshot that searches and reports work on."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import ReadOnlyDatabase
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports.catalogue import ReportOptions, build_report
from jarjestokeskus.services.database import meeting_copy
from jarjestokeskus.services.database.maintenance import BackupExists, BackupFailed
from jarjestokeskus.services.database.meeting_copy import (
    MARKER_TABLE,
    CopyOfItself,
    meeting_copy_info,
    open_for_window,
    suggested_file_name,
    take_meeting_copy,
)
from jarjestokeskus.services.organisations import register as service
from tests.reports.pdf_text import pdf_text

NAMES = [("Vaasan Omaishoitajat ry", "Vasanejdens Närståendevårdare rf"), ("Öjan Kyläyhdistys ry", "")]
TAKEN = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def filled(db: Database) -> Database:
    for fi, sv in NAMES:
        service.save_organisation(
            db,
            OrganisationForm(
                name_fi=fi, name_sv=sv, municipality="Vaasa", membership_status=MembershipStatus.MEMBER
            ),
        )
    return db


def _names(db: Database, text: str = "") -> list[str]:
    rows = service.list_organisations(db, service.OrganisationQuery(text=text))
    return sorted(row.name_fi for row in rows)


def test_copy_opens_read_only_with_the_same_organisations(filled: Database, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    target = take_meeting_copy(
        filled, tmp_path / "meeting.sqlite", progress=lambda d, t: steps.append((d, t)), now=TAKEN
    )
    assert steps and steps[-1][0] == steps[-1][1]
    info = meeting_copy_info(target)
    assert info is not None and info.taken_at == TAKEN and info.taken_on == TAKEN.astimezone().date()
    copy, opened_info = open_for_window(target)
    try:
        assert opened_info == info
        assert copy.read_only and copy.lock is None
        assert _names(copy) == _names(filled) == sorted(fi for fi, _sv in NAMES)
        assert _names(copy, "närstående") == ["Vaasan Omaishoitajat ry"]  # search works
        buffer = BytesIO()
        build_report(copy, "members", "sv", buffer, ReportOptions())
        assert "Vasanejdens Närståendevårdare rf" in pdf_text(buffer.getvalue())
        with pytest.raises(ReadOnlyDatabase):
            service.save_organisation(copy, OrganisationForm(name_fi="Uusi ry", municipality="Vaasa"))
    finally:
        copy.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("meeting")) == ["meeting.sqlite"]


def test_the_original_is_not_marked_and_opens_for_writing(filled: Database, tmp_path: Path) -> None:
    take_meeting_copy(filled, tmp_path / "meeting.sqlite")
    assert meeting_copy_info(filled.url) is None
    if filled.path is not None:
        connection = sqlite3.connect(filled.path)
        try:
            assert not connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (MARKER_TABLE,)
            ).fetchall()
        finally:
            connection.close()


def test_an_existing_file_is_not_overwritten_unless_asked(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "meeting.sqlite"
    target.write_bytes(b"keep me")
    with pytest.raises(BackupExists):
        take_meeting_copy(filled, target)
    assert target.read_bytes() == b"keep me"
    take_meeting_copy(filled, target, overwrite=True)
    assert meeting_copy_info(target) is not None
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_the_open_database_itself_is_refused(db_path: Path, migrated_template: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(CopyOfItself) as raised:
            take_meeting_copy(db, db_path, overwrite=True)
        assert str(db_path) in raised.value.user_message()
        assert meeting_copy_info(db_path) is None
    finally:
        db.close()


def test_a_folder_that_is_not_there_is_a_clear_message(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "usb-tikku" / "meeting.sqlite"
    with pytest.raises(BackupFailed) as raised:
        take_meeting_copy(filled, target)
    assert str(target) in raised.value.user_message()
    assert not target.parent.exists()


def test_a_cancelled_copy_leaves_nothing(filled: Database, tmp_path: Path) -> None:
    def cancel(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        take_meeting_copy(filled, tmp_path / "meeting.sqlite", progress=cancel)
    assert [p.name for p in tmp_path.iterdir() if "meeting" in p.name] == []


def test_copy_of_a_copy_is_marked_again(filled: Database, tmp_path: Path) -> None:
    first = take_meeting_copy(filled, tmp_path / "first.sqlite", now=TAKEN)
    copy, _info = open_for_window(first)
    try:
        later = datetime(2026, 4, 1, 8, tzinfo=UTC)
        second = take_meeting_copy(copy, tmp_path / "second.sqlite", now=later)
    finally:
        copy.close()
    assert meeting_copy_info(second).taken_at == later  # type: ignore[union-attr]


def test_rows_copy_reads_every_table(filled: Database, tmp_path: Path) -> None:
    """The server path (rows through SQLAlchemy) works from any database, SQLite included."""
    target = tmp_path / "rows.sqlite"
    meeting_copy._copy_rows(filled, target, None)
    copy = open_database(target, migrate=False, read_only=True)
    try:
        assert _names(copy) == _names(filled)
        assert service.home_organisation(copy) == service.home_organisation(filled)
    finally:
        copy.close()


def test_other_files_are_not_meeting_copies(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hello", encoding="utf-8")
    assert meeting_copy_info(text_file) is None
    assert meeting_copy_info(tmp_path / "missing.sqlite") is None
    assert meeting_copy_info("postgresql+psycopg://someone@server/register") is None
    assert meeting_copy_info(None) is None


def test_suggested_name_has_the_date() -> None:
    assert suggested_file_name(date(2026, 11, 23)).endswith("2026-11-23.sqlite")


def test_times_survive_the_copy(filled: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL the rows path converts aware times to UTC, as SQLite keeps them."""
    if filled.path is None:
        monkeypatch.setenv("PGTZ", "Europe/Helsinki")  # the server's times come in Finnish time
        filled.engine.dispose()  # new connections read it
    from sqlalchemy import select

    from jarjestokeskus.db.models.organisations import Organisation

    def stamps(db: Database) -> dict[str, datetime]:
        with db.reading() as session:
            rows = session.execute(select(Organisation.name_fi, Organisation.created_at)).all()
        return {name: _utc(at) for name, at in rows}

    target = take_meeting_copy(filled, tmp_path / "meeting.sqlite")
    copy, _info = open_for_window(target)
    try:
        assert stamps(copy) == stamps(filled)
    finally:
        copy.close()


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
