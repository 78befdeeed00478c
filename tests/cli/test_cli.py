"""The command line, run in-process: options on either side, exit codes, check, backup, restore, demo."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from jarjestokeskus import __version__, i18n
from jarjestokeskus.cli.main import build_parser, chosen_command, main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.errors import NewerDatabase, NotADatabase
from jarjestokeskus.db.lock import lock_path
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.maintenance import FileMissing
from jarjestokeskus.services.organisations.register import save_organisation

COMMANDS = ("gui", "demo", "check", "backup", "restore")
HAS_DEMO = importlib.util.find_spec("jarjestokeskus.services.demo.scenario") is not None


def make_database(path: Path, *organisations: str) -> None:
    database = open_database(path)
    for name in organisations:
        save_organisation(database, OrganisationForm(name_fi=name))
    database.close()


def names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        found = {row[0] for row in connection.execute("SELECT name_fi FROM organisation")}
    connection.close()
    return found


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in out
    for option in ("--db", "--lang", "--version"):
        assert option in out


def test_help_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--output" in out and "--db" in out


def test_help_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help", "--lang", "sv"]) == 0
    assert i18n.current_language() == "sv"
    assert _("create a new database filled with the demo scenario") in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "--help"],
        ["--lang", "sv", "person", "export", "--help"],
        ["--db=x.sqlite", "report", "--help"],
        ["export", "members"],
        ["server-roles", "--no-such-option"],
    ],
)
def test_a_command_alone_is_parsed_as_among_all(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the asked command's parser is built; its help and usage errors are as among all."""
    assert chosen_command(arguments) == next(a for a in arguments if not a.startswith("-") and a != "sv")
    assert main(arguments) in (0, 2)
    alone = capsys.readouterr()
    with pytest.raises(SystemExit):
        build_parser().parse_args(arguments)
    among_all = capsys.readouterr()
    assert (alone.out, alone.err) == (among_all.out, among_all.err) != ("", "")


@pytest.mark.parametrize(
    "arguments", [[], ["--help", "export"], ["-h"], ["no-such-command"], ["--d", "x.sqlite", "check"]]
)
def test_help_before_a_command_or_no_command_builds_every_command(arguments: list[str]) -> None:
    assert chosen_command(arguments) is None


@pytest.mark.parametrize("arguments", [["--version"], ["check", "--version"]])
def test_version(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 0
    assert capsys.readouterr().out.strip() == f"jarjestokeskus {__version__}"


def test_version_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jarjestokeskus", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"jarjestokeskus {__version__}"


@pytest.mark.parametrize(
    "arguments",
    [
        ["no-such-command"],
        ["--lang", "en", "check"],
        ["check", "--lang", "de"],
        ["restore"],
        ["backup", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 2
    assert _("usage: ") in capsys.readouterr().err  # argparse's own text, translated


@pytest.mark.parametrize("before", [True, False])
def test_options_before_or_after_the_command(before: bool, db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path, "Vaasan Martat ry")
    options = ["--db", str(db_path), "--lang", "sv"]
    arguments = [*options, "check"] if before else ["check", *options]
    assert main(arguments) == 0
    assert i18n.current_language() == "sv"
    out = capsys.readouterr().out
    assert str(db_path) in out
    assert _("The database is in order.") in out


def test_option_after_the_command_wins(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    assert main(["--db", str(tmp_path / "missing.sqlite"), "check", "--db", str(db_path)]) == 0


def test_language_from_the_settings(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jarjestokeskus.services import settings

    monkeypatch.setattr(settings, "load_settings", lambda: settings.Settings(language="sv"))
    make_database(db_path)
    assert main(["check", "--db", str(db_path)]) == 0
    assert i18n.current_language() == "sv"
    assert main(["check", "--db", str(db_path), "--lang=fi"]) == 0
    assert i18n.current_language() == "fi"


def test_without_a_command_the_window_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str | None, str | None]] = []
    fake = types.ModuleType("jarjestokeskus.ui.app")
    fake.run_gui = lambda db_target, language: calls.append((db_target, language)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "jarjestokeskus.ui.app", fake)
    assert main([]) == 0
    assert main(["--db", "x.sqlite", "--lang", "sv"]) == 0
    assert main(["gui", "--db", "y.sqlite"]) == 0
    assert calls == [(None, None), ("x.sqlite", "sv"), ("y.sqlite", None)]


def test_check_on_a_missing_file_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sqlite"
    assert main(["check", "--db", str(missing), "--lang", "sv"]) == 1
    assert capsys.readouterr().err.strip() == FileMissing(str(missing)).user_message()
    assert not missing.exists()


@pytest.mark.parametrize("full", [[], ["--full"]])
def test_check_a_damaged_database(db_path: Path, capsys: pytest.CaptureFixture[str], full: list[str]) -> None:
    make_database(db_path, "Vaasan Martat ry", "Närpes Marthaförening rf")
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode=DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_organisation_name_fi_key'"
    ).fetchone()
    connection.close()
    with db_path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)
    assert main(["check", *full, "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert _("Integrity: {result}").format(result="ok") not in captured.out
    assert captured.err


def test_only_the_full_check_compares_an_index_with_its_table(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(db_path, "Vaasan Martat ry", "Närpes Marthaförening rf")
    # The index's definition now names another column: its entries no longer match the rows.
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_organisation_name_fi_key ON organisation (id)'"
        " WHERE name = 'ix_organisation_name_fi_key'"
    )
    connection.commit()
    connection.close()
    assert main(["check", "--db", str(db_path)]) == 0
    assert _("Integrity: {result}").format(result="ok") in capsys.readouterr().out
    assert main(["check", "--full", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "ix_organisation_name_fi_key" in captured.out
    assert _("The database has problems. Restore it from a backup, or ask for help.") in captured.err


def test_check_help_names_the_full_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help", "--lang", "sv"]) == 0
    out = "".join(capsys.readouterr().out.split())  # argparse wraps the lines
    help_text = _(
        "also compare every index with its table and check uniqueness (SQLite's integrity_check, "
        "slower on a large database); by default SQLite's quick_check reads every page and record"
    )
    assert "--full" in out and "".join(help_text.split()) in out


def test_check_a_newer_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_database(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    assert main(["check", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == NewerDatabase("9999_from_the_future").user_message()


def test_backup_and_restore_round_trip(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path, "Vaasan Martat ry")
    backup = tmp_path / "monday.sqlite"
    assert main(["--db", str(db_path), "backup", "-o", str(backup)]) == 0
    assert str(backup) in capsys.readouterr().out
    assert names(backup) == {"Vaasan Martat ry"}

    make_database(db_path, "Närpes Marthaförening rf")
    assert main(["restore", str(backup), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    (safety,) = (db_path.parent / "backups").rglob("*.sqlite")
    assert str(safety) in out
    assert names(safety) == {"Vaasan Martat ry", "Närpes Marthaförening rf"}
    assert names(db_path) == {"Vaasan Martat ry"}
    assert not lock_path(db_path).exists()
    assert main(["check", "--db", str(db_path)]) == 0


def test_backup_to_the_default_folder_and_never_over_a_file(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path, "Vaasan Martat ry")
    assert main(["backup", "--db", str(db_path)]) == 0
    (made,) = (db_path.parent / "backups").rglob("*.sqlite")
    assert str(made) in capsys.readouterr().out
    before = made.read_bytes()
    assert main(["backup", "--db", str(db_path), "--output", str(made)]) == 1
    assert capsys.readouterr().err
    assert made.read_bytes() == before


def test_restore_refuses_a_file_that_is_not_a_database(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path, "Vaasan Martat ry")
    letter = tmp_path / "letter.txt"
    letter.write_text("Hyvä vastaanottaja!\n" * 100, encoding="utf-8")
    assert main(["--lang", "sv", "restore", str(letter), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == NotADatabase(str(letter)).user_message()
    assert names(db_path) == {"Vaasan Martat ry"}


def test_restore_refuses_a_newer_database(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path, "Vaasan Martat ry")
    newer = tmp_path / "newer.sqlite"
    make_database(newer, "Tulevaisuus ry")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    assert main(["restore", str(newer), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == NewerDatabase("9999_from_the_future").user_message()
    assert names(db_path) == {"Vaasan Martat ry"}


def test_restore_of_a_missing_backup(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    make_database(db_path)
    missing = tmp_path / "nowhere.sqlite"
    assert main(["restore", str(missing), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == FileMissing(str(missing)).user_message()


@pytest.mark.skipif(not HAS_DEMO, reason="jarjestokeskus.services.demo.scenario is not written yet")
def test_demo_creates_a_filled_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out
    database = open_database(target)
    try:
        from jarjestokeskus.services.organisations.register import OrganisationQuery, count_organisations

        count = count_organisations(database, OrganisationQuery())
    finally:
        database.close()
    assert count > 0
    assert _("Organisations: {count}").format(count=count) in out
    assert not lock_path(target).exists()


def stand_in_demo(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """A stand-in for services.demo: the command's plumbing is tested apart from the scenario."""
    steps: list[tuple[int, int]] = []

    def create_demo(db, progress=None):  # type: ignore[no-untyped-def]
        for done in range(1, 5):
            steps.append((done, 4))
            if progress is not None:
                progress(done, 4)
        save_organisation(db, OrganisationForm(name_fi="Demo ry"))
        return types.SimpleNamespace(organisations=1, members=1, projects=2, agreements=3, staff=4)

    fake = types.ModuleType("jarjestokeskus.services.demo.scenario")
    fake.create_demo = create_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "jarjestokeskus.services.demo.scenario", fake)
    return steps


def test_demo_command_prints_progress_and_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = stand_in_demo(monkeypatch)
    target = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(target)]) == 0
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
    captured = capsys.readouterr()
    assert "4/4" in captured.err
    for line in (
        _("Organisations: {count}").format(count=1),
        _("Projects: {count}").format(count=2),
        _("Agreements: {count}").format(count=3),
        _("Staff: {count}").format(count=4),
    ):
        assert line in captured.out
    assert names(target) == {"Demo ry"}
    assert not lock_path(target).exists()


def test_demo_refuses_a_database_with_data(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jarjestokeskus.services.demo.scenario import DemoNotEmpty

    make_database(db_path, "Vaasan Martat ry")
    assert main(["--db", str(db_path), "demo"]) == 1
    assert DemoNotEmpty().user_message() in capsys.readouterr().err
    assert names(db_path) == {"Vaasan Martat ry"}
