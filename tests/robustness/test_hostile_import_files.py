"""Hostile and broken import files: each ends in a table or a refusal in the user's language."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from jarjestokeskus import i18n
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table

ENGLISH = ("field larger", "Is a directory", "Permission denied", "No such file", "end of data", "NUL")


def workbook(path: Path, cells: dict[str, object]) -> Path:
    book = Workbook()
    sheet = book.active
    for place, value in cells.items():
        sheet[place] = value
    book.save(path)
    return path


def shared_strings_workbook(path: Path | io.BytesIO, strings: list[str], sheet_rows: str) -> Path:
    """A minimal workbook as Excel writes it: cells refer to a shared strings part."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Jäsenet" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ImportFileProblem) as problem:
        read_table(path)
    message = str(problem.value)
    assert not any(word in message for word in ENGLISH), message
    return message


def bounded(path: Path, megabytes: int = 60, seconds: float = 20.0) -> str:
    """The refusal, read within a bounded memory and time."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        return refusal(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < megabytes * 1024 * 1024, f"{peak // 1024 // 1024} MB"
        assert time.monotonic() - started < seconds


def test_a_cell_at_the_last_place_of_a_sheet_is_refused_without_filling_memory(tmp_path: Path) -> None:
    path = workbook(tmp_path / "sparse.xlsx", {"A1": "Nimi", "A2": "Vaasan Martat ry", "XFD1048576": "x"})
    assert path.stat().st_size < 10_000
    message = bounded(path)
    assert "XFD1048576" in message and "200" in message


def test_a_far_empty_dimension_costs_nothing(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Nimi", "Kunta"])
    book.active.append(["Vaasan Martat ry", "Vaasa"])
    book.active["XFD1048576"] = ""  # styled or emptied cell: the dimension claims the whole sheet
    book.save(tmp_path / "wide.xlsx")
    table = read_table(tmp_path / "wide.xlsx")
    assert table.header == ("Nimi", "Kunta") and table.rows == (("Vaasan Martat ry", "Vaasa"),)


def test_shared_strings_are_read(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>'
    path = shared_strings_workbook(tmp_path / "s.xlsx", ["Nimi", "Vaasan Martat ry"], rows)
    table = read_table(path)
    assert table.header == ("Nimi",) and table.rows == (("Vaasan Martat ry",),) and table.numbers == (3,)


def test_huge_shared_strings_are_refused_before_they_are_read(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    big = shared_strings_workbook(tmp_path / "big.xlsx", ["Nimi", "Yhdistys ry" + " " * 30_000_000], rows)
    assert big.stat().st_size < 200_000
    assert "100" in bounded(big)


def test_too_many_rows_and_columns_are_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append([f"Sarake {n}" for n in range(201)])
    book.active.append(["x"] * 201)
    book.save(tmp_path / "wide.xlsx")
    assert "GS1" in refusal(tmp_path / "wide.xlsx")  # column 201 of row 1
    rows = "\n".join(["Nimi"] + [f"Yhdistys {n}" for n in range(200_001)])
    (tmp_path / "long.csv").write_text(rows, encoding="utf-8")
    assert "200000" in refusal(tmp_path / "long.csv").replace("\xa0", "")


def test_broken_xml_in_a_workbook_is_a_message(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    path = shared_strings_workbook(tmp_path / "ok.xlsx", ["Nimi", "Yhdistys ry"], rows)
    assert read_table(path).rows == (("Yhdistys ry",),)
    for part in (
        "xl/worksheets/sheet1.xml",
        "xl/workbook.xml",
        "xl/sharedStrings.xml",
        "[Content_Types].xml",
    ):
        broken = tmp_path / f"broken-{part.replace('/', '-')}.xlsx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                target.writestr(item, data[: len(data) // 2] if item.filename == part else data)
        assert "XLSX" in refusal(broken), part


def test_formula_without_a_saved_value_is_named(tmp_path: Path) -> None:
    # openpyxl writes formulas without their value, as a program that never calculated would.
    path = workbook(tmp_path / "f.xlsx", {"A1": "Nimi", "B1": "Jäsenmäärä", "A2": "X ry", "B2": "=10*12"})
    message = refusal(path)
    assert "B2" in message and "kaava" in message


def test_header_only_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("Nimi;Kunta\n\n", encoding="utf-8")
    assert "otsikkorivi" in refusal(tmp_path / "h.csv")
    workbook(tmp_path / "h.xlsx", {"A1": "Nimi"})
    assert "otsikkorivi" in refusal(tmp_path / "h.xlsx")


def test_a_line_in_another_encoding_is_refused_not_turned_into_mojibake(tmp_path: Path) -> None:
    data = "Nimi;Kunta\nÖstra ry;Mustasaari\n".encode() + "Pääkylä ry;Vöyri\n".encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(data)
    assert "3" in refusal(tmp_path / "mixed.csv")


def test_an_unclosed_quote_does_not_merge_rows(tmp_path: Path) -> None:
    text = 'Nimi;Kunta\n"Vaasan Martat ry;Vaasa\nLaihian Nuoret ry;Laihia\nÖstra ry;Mustasaari\n'
    (tmp_path / "q.csv").write_text(text, encoding="utf-8")
    assert "lainausmerkki" in refusal(tmp_path / "q.csv")


def test_csv_module_errors_are_in_the_users_language(tmp_path: Path) -> None:
    (tmp_path / "long.csv").write_text("Nimi\n" + "x" * 200_000 + "\n", encoding="utf-8")
    assert "131072" in refusal(tmp_path / "long.csv").replace("\xa0", "")
    i18n.set_language("sv")
    (tmp_path / "nul.csv").write_bytes(b"Namn\nX\x00 rf\n")
    assert "binär" in refusal(tmp_path / "nul.csv")


def test_a_folder_or_unreadable_or_missing_file_is_worded_for_reading(tmp_path: Path) -> None:
    assert "kansio" in refusal(tmp_path)
    assert "ei ole olemassa" in refusal(tmp_path / "missing.csv")
    locked = tmp_path / "locked.csv"
    locked.write_text("Nimi\nX ry\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if locked.open("rb"):  # root reads anyway
            pytest.skip("root reads every file")
    except PermissionError:
        message = refusal(locked)
        assert "lukea" in message and "kirjoittaa" not in message
    finally:
        locked.chmod(0o600)


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    (tmp_path / "z.xlsx").write_bytes(buffer.getvalue())
    assert "XLSX" in refusal(tmp_path / "z.xlsx")


def test_an_unreadable_database_is_worded_for_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.errors import CannotOpen

    database = tmp_path / "rekisteri.sqlite"
    database.write_bytes(b"SQLite format 3\x00" + bytes(100))
    real_open = Path.open

    def no_right(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == database:  # as for a file of another user's, 0600
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", no_right)
    with pytest.raises(CannotOpen) as caught:
        open_database(database, migrate=False, read_only=True)
    message = caught.value.user_message()
    assert "lukea" in message and "kirjoittaa" not in message and "Permission" not in message
