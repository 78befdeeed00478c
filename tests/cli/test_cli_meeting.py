"""`jarjestokeskus meeting-copy -o FILE`: a marked read-only copy; an existing file is kept."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import build_parser, main
from jarjestokeskus.cli.meeting import add_meeting_copy_command, run_meeting_copy
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database.maintenance import BackupExists
from jarjestokeskus.services.database.meeting_copy import meeting_copy_info, open_for_window
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    list_organisations,
    save_organisation,
)


def _wired() -> bool:
    return "meeting-copy" in build_parser().format_help()


@pytest.fixture
def register(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "rekisteri.sqlite"
    shutil.copyfile(migrated_template, path)
    db = open_database(path)
    save_organisation(db, OrganisationForm(name_fi="Kokousyhdistys ry"))
    db.close()
    return path


def test_command_writes_a_marked_copy(register: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    parser = argparse.ArgumentParser()
    add_meeting_copy_command(parser.add_subparsers(), argparse.ArgumentParser(add_help=False))
    target = tmp_path / "kokous.sqlite"
    args = parser.parse_args(["meeting-copy", "-o", str(target)])
    args.db = str(register)
    assert run_meeting_copy(args) == 0
    assert str(target) in capsys.readouterr().out
    assert meeting_copy_info(target) is not None
    copy, _info = open_for_window(target)
    try:
        assert copy.read_only
        assert [r.name_fi for r in list_organisations(copy, OrganisationQuery())] == ["Kokousyhdistys ry"]
    finally:
        copy.close()
    with pytest.raises(BackupExists):
        run_meeting_copy(args)


@pytest.mark.skipif(not _wired(), reason="cli.py does not register meeting-copy yet")
def test_through_main(register: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "kokous.sqlite"
    assert main(["meeting-copy", "--db", str(register), "-o", str(target)]) == 0
    assert meeting_copy_info(target) is not None
    assert main(["meeting-copy", "--db", str(register), "-o", str(target)]) == 1
    assert BackupExists(str(target)).user_message() in capsys.readouterr().err


@pytest.fixture
def staffed(tmp_path: Path, migrated_template: Path) -> Path:
    """A register with a member's contact person and a worker in rehabilitative work."""
    from tests.people import worker_and_contact

    path = tmp_path / "rekisteri.sqlite"
    shutil.copyfile(migrated_template, path)
    db = open_database(path)
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    member = save_organisation(db, OrganisationForm(name_fi="Kokousyhdistys ry", email="info@kokous.fi")).id
    worker_and_contact(db, member)
    db.close()
    return path


def _contents(path: Path) -> bytes:
    return path.read_bytes()


def test_a_default_meeting_copy_holds_no_staff_contacts_history_or_documents(
    staffed: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "kokous.sqlite"
    assert main(["--db", str(staffed), "meeting-copy", "-o", str(copy)]) == 0
    data = _contents(copy)
    for secret in (
        b"Ville",
        b"ville@example.fi",
        b"KUNTOUTUS-77",
        b"jatkaa",
        b"kaisa@example.fi",
        b"050 222",
    ):
        assert secret not in data, secret
    assert b"Kaisa" in data and b"info@kokous.fi" in data  # the contact person's name, the official email
    db, info = open_for_window(copy)
    try:
        from sqlalchemy import func, select

        from jarjestokeskus.db.models import AuditEntry, Employment

        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Employment)) == 0
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
    finally:
        db.close()
    assert info is not None


def test_include_adds_the_parts_knowingly(staffed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kokous.sqlite"
    assert main(["--db", str(staffed), "meeting-copy", "-o", str(copy), "--include", "contacts,staff"]) == 0
    data = _contents(copy)
    assert b"KUNTOUTUS-77" in data and b"kaisa@example.fi" in data
    wrong = ["--db", str(staffed), "meeting-copy", "-o", str(tmp_path / "x.sqlite"), "--include", "pay"]
    assert main(wrong) == 2


def test_every_writing_command_refuses_a_meeting_copy(
    staffed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kokous.sqlite"
    assert main(["--db", str(staffed), "meeting-copy", "-o", str(copy)]) == 0
    members = tmp_path / "jäsenet.csv"
    members.write_text("Nimi;Kunta\nUusi ry;Vaasa\n", encoding="utf-8")
    backup = tmp_path / "varmuus.sqlite"
    assert main(["--db", str(staffed), "backup", "-o", str(backup)]) == 0
    before = copy.read_bytes()
    capsys.readouterr()
    for command in (
        ["import", "members", str(members)],
        ["person", "erase", "00000000-0000-0000-0000-000000000001", "--yes"],
        ["backup", "--auto"],
        ["restore", str(backup)],
    ):
        assert main(["--db", str(copy), *command]) == 1, command
        assert "kokouskopio" in capsys.readouterr().err, command
    assert copy.read_bytes() == before and meeting_copy_info(copy) is not None
    # …and a copy is never restored over a register.
    assert main(["--db", str(staffed), "restore", str(copy)]) == 1
    assert "kokouskopio" in capsys.readouterr().err
