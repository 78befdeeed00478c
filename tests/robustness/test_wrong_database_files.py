"""Wrong database files on the command line: messages, never a traceback or a silent new file."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from tests.robustness.test_failures import ROOT

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def members(tmp_path: Path) -> Path:
    path = tmp_path / "jäsenet.csv"
    path.write_text("Nimi;Kunta\nVaasan Martat ry;Vaasa\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "members", "--format", "csv", "-o", "{out}/x.csv"],
        ["report", "members", "--lang", "fi", "-o", "{out}/x.pdf"],
        ["person", "export", "Maija", "-o", "{out}/x.json"],
        ["import", "members", "{members}", "--dry-run"],
        ["import", "members", "{members}"],
    ],
)
def test_another_programs_sqlite_file_is_a_message(
    tmp_path: Path, members: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    other = tmp_path / "muu.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE person (name TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    args = [part.format(out=tmp_path, members=members) for part in command]
    assert main(["--db", str(other), *args]) == 1
    assert "ei ole tämän ohjelman tietokanta" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("command", [["import", "members", "{members}"], ["person", "erase", "x", "--yes"]])
def test_an_empty_db_file_does_not_silently_become_a_new_database(
    tmp_path: Path, members: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    empty = tmp_path / "tyhja.sqlite"
    empty.touch()
    assert main(["--db", str(empty), *[p.format(members=members) for p in command]]) == 1
    assert "ei ole tämän ohjelman tietokanta" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_a_folder_as_db_is_worded_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path), "--lang", "sv", "check"]) == 1
    err = capsys.readouterr().err
    assert "mapp" in err and "directory" not in err


@pytest.mark.skipif(not ROOT, reason="a read-only file system needs a tmpfs mount (root)")
def test_read_only_commands_work_in_a_read_only_folder(
    tmp_path: Path, migrated_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "levy"
    folder.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(folder)], check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("mounting a file system needs root")
    try:
        database = folder / "rekisteri.sqlite"
        shutil.copyfile(migrated_template, database)
        db = open_database(database)
        member = OrganisationForm(name_fi="Vaasan Martat ry", membership_status=MembershipStatus.MEMBER)
        save_organisation(db, member)
        db.close()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        assert main(["--db", str(database), "check"]) == 0
        assert (
            main(
                [
                    "--db",
                    str(database),
                    "export",
                    "organisations",
                    "--format",
                    "csv",
                    "-o",
                    str(tmp_path / "j.csv"),
                ]
            )
            == 0
        )
        assert "Vaasan Martat ry" in (tmp_path / "j.csv").read_text(encoding="utf-8-sig")
        members = [
            "export",
            "members",
            "--format",
            "csv",
            "-o",
            str(tmp_path / "m.csv"),
        ]  # with sqlite3 alone
        assert main(["--db", str(database), *members]) == 0
        assert "Vaasan Martat ry" in (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
