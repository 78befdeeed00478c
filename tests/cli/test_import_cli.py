"""`jarjestokeskus import members FILE` run in-process: summary, errors as FILE:ROW: COLUMN, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from tests.databases import new_database

GOOD = "Nimi;Y-tunnus;Kunta\nVaasan Martat ry;0242746-2;Vaasa\nKorsholms byaförening;;Mustasaari\n"
BAD = GOOD + "Huono ry;2077474-1;Vaasa\n"


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> Path | str:
    """A SQLite file, or a database on the PostgreSQL test server (JK_TEST_POSTGRES)."""
    db = new_database(tmp_path, migrated_template)
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))
    target = db.path or db.url
    db.close()
    return target


def names(path: Path) -> dict[str, str]:
    db = open_database(path, migrate=False, read_only=True)
    try:
        with db.reading() as session:
            return dict(session.execute(select(Organisation.name_fi, Organisation.municipality)).all())
    finally:
        db.close()


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jäsenet.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_import_updates_and_creates(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = csv_file(tmp_path, GOOD)
    assert main(["import", "members", str(file), "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert _("New organisations: {count}").format(count=1) in out
    assert _("Updated organisations: {count}").format(count=1) in out
    assert names(database) == {"Vaasan Martat ry": "Vaasa", "Korsholms byaförening": "Mustasaari"}


def test_skip_leaves_the_match_alone(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = csv_file(tmp_path, GOOD)
    assert main(["--db", str(database), "import", "members", str(file), "--on-match", "skip"]) == 0
    assert _("Skipped rows: {count}").format(count=1) in capsys.readouterr().out
    assert names(database)["Vaasan Martat ry"] == ""


def test_errors_name_file_row_and_column_and_save_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = csv_file(tmp_path, BAD)
    assert main(["import", "members", str(file), "--db", str(database)]) == 1
    err = capsys.readouterr().err
    assert f"{file}:4: Y-tunnus: " in err
    assert names(database) == {"Vaasan Martat ry": ""}


def test_dry_run_saves_nothing(database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = csv_file(tmp_path, GOOD)
    assert main(["import", "members", str(file), "--dry-run", "--db", str(database), "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert i18n.current_language() == "sv" and "FO-nummer" in out  # the field's name in Swedish
    assert _("Dry run: nothing was saved.") in out
    assert names(database) == {"Vaasan Martat ry": ""}


def test_unreadable_file_and_missing_name_column(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "puuttuu.csv"
    assert main(["import", "members", str(missing), "--db", str(database)]) == 1
    assert str(missing) in capsys.readouterr().err
    file = csv_file(tmp_path, "Kunta;Puhelin\nVaasa;1\n")
    assert main(["import", "members", str(file), "--db", str(database)]) == 1
    assert "Nimi" in capsys.readouterr().err


def test_xlsx_file(database: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Namn", "Kommun"])
    book.active.append(["Vasa Martha rf", "Vasa"])
    path = tmp_path / "medlemmar.xlsx"
    book.save(path)
    assert main(["import", "members", str(path), "--db", str(database)]) == 0
    db = open_database(database, migrate=False, read_only=True)
    with db.reading() as session:
        assert session.scalar(select(func.count()).where(Organisation.name_sv == "Vasa Martha rf")) == 1
    db.close()


def test_usage_without_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import"]) == 2


@pytest.mark.parametrize(
    ("file_name", "text", "words"),
    [
        ("header.csv", "Nimi;Kunta\n", "otsikkorivi"),
        ("quote.csv", 'Nimi;Kunta\n"Vaasan Martat ry;Vaasa\nLaihian Nuoret ry;Laihia\n', "lainausmerkki"),
    ],
)
def test_files_that_would_import_nothing_or_wrong_are_refused_with_exit_1(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], file_name: str, text: str, words: str
) -> None:
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    assert main(["--db", str(database), "import", "members", str(path)]) == 1
    assert words in capsys.readouterr().err
    assert names(database) == {"Vaasan Martat ry": ""}


def test_a_sparse_workbook_is_refused_on_the_command_line(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"], book.active["A2"], book.active["XFD1048576"] = "Nimi", "X ry", "x"
    book.save(tmp_path / "sparse.xlsx")
    assert main(["--db", str(database), "import", "members", str(tmp_path / "sparse.xlsx"), "--dry-run"]) == 1
    assert "XFD1048576" in capsys.readouterr().err


def test_no_garbage_collector_pass_from_reading_to_saving(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from jarjestokeskus.services.organisations import member_import

    enabled: list[bool] = []
    for name in ("plan_import", "apply_import"):
        step = getattr(member_import, name)

        def watched(*args, _step=step, **kwargs):  # type: ignore[no-untyped-def]
            enabled.append(gc.isenabled())
            return _step(*args, **kwargs)

        monkeypatch.setattr(member_import, name, watched)
    assert gc.isenabled()
    assert (
        main(["--lang", "fi", "import", "members", str(csv_file(tmp_path, GOOD)), "--db", str(database)]) == 0
    )
    assert enabled == [False, False] and gc.isenabled()


def test_a_large_import_alone_on_a_file_is_written_with_a_rollback_journal(
    database: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jarjestokeskus.services.organisations import import_saving

    if not isinstance(database, Path):
        pytest.skip("the journal mode is SQLite's")
    changes: list[tuple[str, str | None]] = []
    change = import_saving._journal_mode

    def recording(db, mode, *, wait):  # type: ignore[no-untyped-def]
        changes.append((mode, change(db, mode, wait=wait)))
        return changes[-1][1]

    monkeypatch.setattr(import_saving, "_journal_mode", recording)
    monkeypatch.setattr(import_saving, "_REBUILD_FROM", 1)  # one new organisation counts as large here
    assert (
        main(["--lang", "fi", "import", "members", str(csv_file(tmp_path, GOOD)), "--db", str(database)]) == 0
    )
    assert changes == [("DELETE", "delete"), ("WAL", "wal")]
    assert names(database)["Korsholms byaförening"] == "Mustasaari"
