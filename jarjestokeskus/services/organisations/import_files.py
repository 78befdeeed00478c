"""Reading a table to import: CSV (comma, semicolon or tab; UTF-8 or old Excel's cp1252) or XLSX."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.i18n import _

DELIMITERS = (";", ",", "\t")  # on a tie the first wins: Finnish and Swedish Excel write ";"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls of Excel 97–2003


class ImportFileProblem(Exception):
    """The file cannot be read as a table; the message says why, in the user's language."""


@dataclass(frozen=True)
class Table:
    """The header and the rows of a file, every cell as text.

    `numbers[i]` is the row number of `rows[i]` as a spreadsheet shows it (the header is row 1);
    blank rows are left out, so the numbers can skip.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers: tuple[int, ...]

    def column_name(self, index: int) -> str:
        """The column's heading, or its spreadsheet letter when the heading is empty."""
        text = self.header[index].strip() if index < len(self.header) else ""
        return text or column_letter(index)

    def cell(self, row: int, column: int) -> str:
        values = self.rows[row]
        return values[column] if column < len(values) else ""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as spreadsheets name columns."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an XLSX file, or a CSV file; raises ImportFileProblem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileProblem(
            _("Cannot read {path}: {reason}").format(path=path, reason=os_reason(error))
        ) from error
    if data.startswith(_OLD_EXCEL_MAGIC):
        raise ImportFileProblem(_("Old Excel files (.xls) cannot be read; save the file as XLSX or CSV."))
    if path.suffix.lower() in XLSX_SUFFIXES or data.startswith(_ZIP_MAGIC):
        return _table(_xlsx_rows(data))
    return _table(csv_rows(decode_text(data)))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), UTF-16 with one, else cp1252 (old Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte is a character: never fails


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns."""
    best, best_count = DELIMITERS[0], 0
    for delimiter in DELIMITERS:
        try:
            first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(first) > best_count:
            best, best_count = delimiter, len(first)
    return best


def csv_rows(text: str) -> list[list[str]]:
    """The records of CSV text; a quoted cell may hold delimiters, quotes and line breaks."""
    delimiter = sniff_delimiter(text)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileProblem(_("The file is not valid CSV: {reason}").format(reason=error)) from error


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileProblem(_("The file is not a valid Excel workbook (XLSX).")) from error
    try:
        if not book.worksheets:
            return []
        sheet = book.worksheets[0]
        return [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A spreadsheet value as the user would type it: dates d.m.yyyy, whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return cell_text(value.date())
        return f"{value.day}.{value.month}.{value.year} {value.hour}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value)


def _table(records: list[list[str]]) -> Table:
    numbered = [(number, record) for number, record in enumerate(records, start=1)]
    numbered = [(n, r) for n, r in numbered if any(cell.strip() for cell in r)]
    if not numbered:
        raise ImportFileProblem(_("The file has no rows."))
    width = max(len(record) for _n, record in numbered)
    # Spreadsheets often carry empty columns on the right: drop those.
    while width and all(len(r) < width or not r[width - 1].strip() for _n, r in numbered):
        width -= 1
    padded = [tuple((list(r) + [""] * width)[:width]) for _n, r in numbered]
    return Table(
        header=padded[0],
        rows=tuple(padded[1:]),
        numbers=tuple(n for n, _r in numbered[1:]),
    )
