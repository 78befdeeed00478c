"""`jarjestokeskus export KIND` run in-process: files read back, messages and exit codes."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.services.exports.columns import (
    AGREEMENT_HEADERS,
    MEMBER_HEADERS,
    ORGANISATION_HEADERS,
    PROJECT_HEADERS,
    STAFF_HEADERS,
)
from jarjestokeskus.services.exports.files import csv_text
from jarjestokeskus.services.exports.tables import KINDS, export_table
from tests.reports.pdf_text import demo_database

HEADERS = {
    "members": MEMBER_HEADERS,
    "organisations": ORGANISATION_HEADERS,
    "projects": PROJECT_HEADERS,
    "employment": STAFF_HEADERS,
    "agreements": AGREEMENT_HEADERS,
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path | str:
    db = demo_database(tmp_path_factory.mktemp("cli-export"), migrated_template)
    target = db.path or db.url  # a file, or a database on the PostgreSQL test server
    db.close()
    return target


def expected(demo: Path, kind: str, language: str) -> tuple[str, list[str], list[list[object]]]:
    db = open_database(demo, migrate=False, read_only=True)
    try:
        return export_table(db, kind, language)
    finally:
        db.close()


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def comparable(value: object) -> object:
    """A cell as openpyxl reads it back: dates as datetimes, sums as floats or ints, no empty text."""
    if value == "":
        return None
    if isinstance(value, Decimal):
        return float(value)
    if value is not None and not isinstance(value, int | str | datetime) and hasattr(value, "year"):
        return datetime(value.year, value.month, value.day)  # type: ignore[attr-defined]
    return value


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", KINDS)
def test_csv_export(
    demo: Path, tmp_path: Path, kind: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{kind}.csv"
    assert main(["export", kind, "--lang", language, "--db", str(demo), "-o", str(out)]) == 0
    _title, header, rows = expected(demo, kind, language)
    translate = i18n.catalog(language).gettext
    assert header == [translate(h) for h in HEADERS[kind]]
    assert rows, "the demo has rows in every list"
    back = read_csv(out)
    assert back[0] == header
    assert back[1:] == [[csv_text(v) for v in row] for row in rows]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    message = translate("Rows written to {path}: {count}").format(path=out, count=len(rows))
    assert message in capsys.readouterr().out


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_export(demo: Path, tmp_path: Path, kind: str, language: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    assert main(["--lang", language, "export", kind, "--db", str(demo), "-o", str(out)]) == 0
    title, header, rows = expected(demo, kind, language)
    sheet = load_workbook(out).active
    assert sheet.title == title
    back = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert back[0] == header
    assert back[1:] == [[comparable(v) for v in row] for row in rows]


def test_lists_show_what_the_demo_holds(demo: Path) -> None:
    _title, header, rows = expected(demo, "projects", "sv")
    by_code = {row[1]: row for row in rows}
    assert by_code["STEA-C-2025"][0] == "Delaktighet tillsammans"
    assert by_code["STEA-C-2025"][5] == Decimal("312000")
    names = [row[0] for row in rows]
    assert names == sorted(names, key=i18n.sort_key)
    _title, _header, agreements = expected(demo, "agreements", "fi")
    assert any(str(row[0]).startswith("↻ ") for row in agreements)
    _title, _header, members = expected(demo, "organisations", "fi")
    assert [row[0] for row in members] == sorted((row[0] for row in members), key=i18n.sort_key)
    _title, _header, members = expected(demo, "members", "fi")
    shown = [row[0] or row[1] for row in members]  # the Finnish name, else the Swedish one
    assert shown == sorted(shown, key=i18n.sort_key)


def test_format_option_wins_over_the_ending(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.txt"
    assert main(["export", "members", "--format", "xlsx", "--db", str(demo), "-o", str(out)]) == 0
    with out.open("rb") as file:  # openpyxl goes by the ending of a file name, not of a file
        assert load_workbook(file).active.max_row > 1


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_unknown_ending_needs_a_format(
    demo: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "list.txt"
    assert main(["export", "members", "--lang", language, "--db", str(demo), "-o", str(out)]) == 1
    message = i18n.catalog(language).gettext(
        "Choose the format with --format csv or --format xlsx, or end the file name in .csv or .xlsx."
    )
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_unwritable_file_is_named(
    demo: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "members.csv"
    assert main(["export", "members", "--lang", language, "--db", str(demo), "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert str(out) in error
    assert i18n.catalog(language).gettext("Cannot write {path}: {reason}").split("{")[0] in error


def test_unknown_kind_is_a_usage_error(demo: Path, tmp_path: Path) -> None:
    assert main(["export", "fees", "--db", str(demo), "-o", str(tmp_path / "x.csv")]) == 2


def test_missing_database_is_a_user_error(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", "members", "--db", str(tmp_path / "none.sqlite"), "-o", str(out)]) == 1
    assert not out.exists()


def test_the_garbage_collector_is_paused_while_the_list_is_written(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from jarjestokeskus.services.exports import files

    enabled: list[bool] = []
    write = files.write_table

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        enabled.append(gc.isenabled())
        return write(*args, **kwargs)

    monkeypatch.setattr(files, "write_table", watched)
    assert gc.isenabled()
    assert main(["--lang", "fi", "export", "members", "--db", str(demo), "-o", str(tmp_path / "j.csv")]) == 0
    assert enabled == [False] and gc.isenabled()
