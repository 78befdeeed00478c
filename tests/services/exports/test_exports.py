"""Lists written to CSV (for Finnish Excel) and XLSX read back as they went in; formulas neutralised."""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus import i18n
from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.services.exports import files as exports
from jarjestokeskus.services.exports.files import Euros, ExportFailed, csv_text, sheet_name, write_table

HEADER = ["Nimi", "Jäseniä", "Alkaa", "Myönnetty", "Huom"]
ROWS: list[list[object]] = [
    ["Åbo Akademis vänner rf", 120, date(2025, 3, 1), Euros("1234.50"), "rivi 1\nrivi 2"],
    ['Puoli; "lainattu"', -5, None, Decimal("0.25"), ""],
    ["Östra ry", None, date(2024, 12, 31), None, "ääkköset ÅÄÖ"],
]
DANGEROUS = ["=cmd|' /C calc'!A0", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def read_xlsx(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_csv_has_bom_semicolons_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_table(path, HEADER, ROWS, "csv", "Jäsenet")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    first_line = raw[3:].split(b"\r\n")[0].decode("utf-8")
    assert first_line == "Nimi;Jäseniä;Alkaa;Myönnetty;Huom"
    assert raw.count(b"\r\n") == 1 + len(ROWS)  # the break inside a quoted cell is a bare \n
    assert b"\r\n" in raw and b"\n\n" not in raw


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_table(path, HEADER, ROWS, "csv", "Jäsenet")
    assert read_csv(path) == [
        HEADER,
        ["Åbo Akademis vänner rf", "120", "1.3.2025", "1234,50", "rivi 1\nrivi 2"],
        ['Puoli; "lainattu"', "-5", "", "0,25", ""],
        ["Östra ry", "", "31.12.2024", "", "ääkköset ÅÄÖ"],
    ]


def test_xlsx_round_trip_keeps_types(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_table(path, HEADER, ROWS, "xlsx", "Jäsenet")
    back = read_xlsx(path)
    assert back[0] == HEADER
    for written, read in zip(ROWS, back[1:], strict=True):
        assert read[0] == written[0]
        assert read[1] == written[1]
        assert read[2] == (datetime.combine(written[2], datetime.min.time()) if written[2] else None)  # type: ignore[arg-type]
        assert (Decimal(str(read[3])) if read[3] is not None else None) == written[3]
        assert (read[4] or "") == written[4]


def test_xlsx_looks_like_a_list(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_table(path, HEADER, ROWS, "xlsx", "Jäsenet: [kaikki]/2025 ja paljon muuta tekstiä")
    sheet = load_workbook(path).active
    assert sheet.title == "Jäsenet   kaikki  2025 ja paljo"
    assert len(sheet.title) <= 31
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet["C2"].number_format == "d.m.yyyy"
    assert "€" in sheet["D2"].number_format
    assert sheet["D3"].number_format == "#,##0.00"
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_neutralises_formulas(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.csv"
    write_table(path, ["a", "b"], [[text, -5]], "csv")
    assert read_csv(path)[1] == ["'" + text, "-5"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_xlsx_keeps_formulas_as_quoted_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.xlsx"
    write_table(path, ["a", "b"], [[text, -5]], "xlsx")
    sheet = load_workbook(path).active
    cell = sheet["A2"]
    assert cell.value == text.replace("\r", "\n")  # XML reads a lone carriage return as a line break
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert sheet["B2"].value == -5
    assert sheet["B2"].data_type == "n"
    assert "<f>" not in _sheet_xml(path)


def test_a_long_csv_is_written_the_same_in_every_part(tmp_path: Path) -> None:
    """Hundreds of rows go at once where no cell needs more than the csv module; the parts with
    a formula (also as a part's very first cell), a separator before an equals sign, a yes/no or
    a date are written cell by cell. Parts are 500 rows: each case below is alone in its part."""
    rows: list[list[object]] = [[f"Yhdistys {n}", n, None, "Vaasa"] for n in range(2500)]
    rows[0] = ["+358 40 123", 0, None, "Vaasa"]
    rows[510] = ["Kahvila ry", 510, None, "a;=b"]
    rows[1000] = ["@SUM(A1)", 1000, None, "Vaasa"]
    rows[1600] = ["Jäsen ry", True, date(2025, 1, 31), '"=lainattu"']
    rows[2100] = ["Rivit ry", -3, None, "x\n=y"]
    path = tmp_path / "list.csv"
    write_table(path, ["Nimi", "Numero", "Päivä", "Kunta"], rows, "csv")
    expected = [[f"Yhdistys {n}", str(n), "", "Vaasa"] for n in range(2500)]
    expected[0] = ["'+358 40 123", "0", "", "Vaasa"]
    expected[510] = ["Kahvila ry", "510", "", "a;=b"]
    expected[1000] = ["'@SUM(A1)", "1000", "", "Vaasa"]
    expected[1600] = ["Jäsen ry", "1", "31.1.2025", '"=lainattu"']
    expected[2100] = ["Rivit ry", "-3", "", "x\n=y"]
    assert read_csv(path) == [["Nimi", "Numero", "Päivä", "Kunta"], *expected]


@pytest.mark.parametrize(
    "odd",
    [
        ["a;b", "c"],  # a separator in a cell: quoted
        ['Puoli "lainattu"', "c"],  # a quote: quoted, doubled
        ["rivi 1\nrivi 2", "c"],  # a line break: quoted
        ["rivi 1\rrivi 2", "c"],
        ["", "=SUM(A1)"],  # a formula after a separator
        ["-5", "+358 40 123"],  # a plain number stays, a phone number gets a quote
        ["\t=1", "c"],  # a formula first in the part
        [""],  # a lone empty cell: quoted
        ["Vaasa"],  # a lone cell
        ["Jäsen", MembershipStatus.MEMBER],  # a StrEnum: its value
    ],
)
def test_an_all_text_part_is_written_as_the_csv_module_writes_it(tmp_path: Path, odd: list[object]) -> None:
    """A part whose cells are all text is joined without the csv module when no cell needs
    quotes or a quote in front; one odd cell (alone in its part of 500 rows, among plain ones)
    gives the same file as the csv module writing every cell through csv_text."""
    rows: list[list[object]] = [[f"Yhdistys {n}", "Vaasa"] for n in range(1200)]
    rows[0 if odd[0] == "\t=1" else 700] = odd
    path = tmp_path / "list.csv"
    write_table(path, ["Nimi", "Kunta"], rows, "csv")
    expected = tmp_path / "expected.csv"
    with expected.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerows([[csv_text(cell) for cell in row] for row in [["Nimi", "Kunta"], *rows]])
    assert path.read_bytes() == expected.read_bytes()


def test_plain_numbers_as_text_stay_as_they_are() -> None:
    assert csv_text("-5") == "-5"
    assert csv_text("+358 40 123") == "'+358 40 123"
    assert csv_text("Kahvila - kohtaamispaikka") == "Kahvila - kohtaamispaikka"
    assert csv_text(-5) == "-5"
    assert csv_text(Decimal("-1234.5")) == "-1234,5"


def test_datetime_in_local_time(tmp_path: Path) -> None:
    moment = datetime(2026, 1, 2, 13, 5)
    assert csv_text(moment) == "2.1.2026 13:05"
    path = tmp_path / "list.xlsx"
    write_table(path, ["aika"], [[moment]], "xlsx")
    assert read_xlsx(path)[1] == [moment]


def test_sheet_name_never_empty() -> None:
    assert sheet_name("") == "Sheet1"
    assert sheet_name("a/b") == "a b"


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    path = tmp_path / f"list.{format}"
    path.write_bytes(b"old content")

    def broken_replace(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exports.os, "replace", broken_replace)
    with pytest.raises(ExportFailed) as failure:
        write_table(path, HEADER, ROWS, format, "x")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old content"
    assert os.listdir(tmp_path) == [path.name]  # no temporary file left behind
    assert failure.value.path == path
    assert str(path) in failure.value.user_message()
    assert os_reason(PermissionError(13, "Permission denied")) in failure.value.user_message()


def test_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.xlsx"

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports, "_write_xlsx", broken)
    with pytest.raises(ExportFailed):
        write_table(path, HEADER, ROWS, "xlsx", "x")
    assert os.listdir(tmp_path) == []


def test_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "list.csv"
    with pytest.raises(ExportFailed) as failure:
        write_table(path, HEADER, ROWS, "csv")
    i18n.set_language("sv")
    message = failure.value.user_message()
    assert str(path) in message
    assert message.startswith(i18n.catalog("sv").gettext("Cannot write {path}: {reason}").split("{")[0])


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("old")
    path.chmod(0o640)
    write_table(path, HEADER, ROWS, "csv")
    assert read_csv(path)[0] == HEADER
    assert path.stat().st_mode & 0o777 == 0o640


def _sheet_xml(path: Path) -> str:
    from zipfile import ZipFile

    with ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_progress_is_told_and_a_cancel_keeps_the_old_file(tmp_path: Path, format: str) -> None:
    rows = [[f"rivi {n}", n] for n in range(1200)]
    target = tmp_path / f"list.{format}"
    calls: list[tuple[int, int]] = []
    write_table(
        target, ["Nimi", "Numero"], rows, format, "Lista", lambda done, total: calls.append((done, total))
    )
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)]
    before = target.read_bytes()

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        write_table(target, ["Nimi"], [["uusi"]] * 600, format, "Lista", cancel)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind
