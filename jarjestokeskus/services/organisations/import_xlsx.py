"""Reading the first sheet of an XLSX workbook within set bounds, whatever the file claims.

openpyxl reads the workbook's parts (sheet list, shared strings, number formats); the sheet itself
is streamed here cell by cell, so a cell at XFD1048576 costs one cell, not a billion empty ones.
Every limit that is reached is a refusal worded for the user, never a traceback or a full memory.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as clock_time
from decimal import Decimal
from typing import Any
from zipfile import BadZipFile, ZipFile

from jarjestokeskus.i18n import _

MAX_ROWS = 200_000  # rows of data a member list may have: the national register has over 100,000
MAX_COLUMNS = 200
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all parts of the workbook together, unpacked
MAX_SHARED_STRINGS_BYTES = 20 * 1024 * 1024  # read whole by openpyxl, so kept smaller
MAX_PARTS = 2_000
MAX_SECONDS = 60.0
_CHUNK = 64 * 1024


class XlsxProblem(Exception):
    """The workbook cannot be read; the message says why in the user's language."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as spreadsheets name columns."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_text(value: object) -> str:
    """A spreadsheet value as the user would type it: dates d.m.yyyy, whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if value.time() == clock_time(0, 0):
            return cell_text(value.date())
        return f"{value.day}.{value.month}.{value.year} {value.hour}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value)


def not_a_workbook() -> XlsxProblem:
    return XlsxProblem(_("The file is not a valid Excel workbook (XLSX)."))


def xlsx_records(data: bytes, now: Callable[[], float] = time.monotonic) -> list[tuple[int, list[str]]]:
    """The non-empty rows of the first sheet as (row number, cells as text)."""
    deadline = now() + MAX_SECONDS
    try:
        archive = ZipFile(io.BytesIO(data))
    except (BadZipFile, OSError, ValueError, NotImplementedError) as error:  # e.g. "zip file version 10.9"
        raise not_a_workbook() from error
    with archive:
        _check_sizes(archive)
        book = _load_book(data)
        try:
            if not book.worksheets:
                return []
            sheet = book.worksheets[0]
            parser = _cell_parser(book, sheet)
            with archive.open(sheet._worksheet_path) as source:
                rows = _stream_rows(source, parser, lambda: now() > deadline)
        except XlsxProblem:
            raise
        except Exception as error:  # a hostile or broken file: any parse failure is "not valid"
            raise not_a_workbook() from error
        finally:
            book.close()
    return [(number, [cell_text(value) for value in cells]) for number, cells in rows]


def _check_sizes(archive: ZipFile) -> None:
    parts = archive.infolist()
    total = sum(part.file_size for part in parts)
    strings = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if len(parts) > MAX_PARTS or total > MAX_UNCOMPRESSED_BYTES or strings > MAX_SHARED_STRINGS_BYTES:
        raise XlsxProblem(
            _(
                "The workbook is too large to import: unpacked it would take {size} MB (at most "
                "{limit} MB). Save only the sheet to import, or save it as CSV."
            ).format(size=max(total, strings) // (1024 * 1024), limit=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
        )


def _load_book(data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # broken XML, missing parts, odd relations: all "not a workbook"
        raise not_a_workbook() from error


def _cell_parser(book: Any, sheet: Any) -> Any:
    from openpyxl.worksheet._reader import WorkSheetParser

    return WorkSheetParser(
        None,
        sheet._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )


def _stream_rows(source: Any, parser: Any, late: Callable[[], bool]) -> list[tuple[int, list[object]]]:
    from xml.etree.ElementTree import XMLPullParser

    from openpyxl.worksheet._reader import CELL_TAG, FORMULA_TAG, ROW_TAG

    pull = XMLPullParser(events=("start", "end"))
    rows: list[tuple[int, list[object]]] = []
    formulas: list[str] = []
    stack: list[Any] = []
    cells: dict[int, object] = {}
    while chunk := source.read(_CHUNK):
        if late():
            raise XlsxProblem(
                _("Reading the workbook took longer than {seconds} seconds; it was stopped.").format(
                    seconds=int(MAX_SECONDS)
                )
            )
        pull.feed(chunk)
        for event, element in pull.read_events():
            if event == "start":
                if element.tag == ROW_TAG:
                    parser.row_counter = int(element.get("r") or parser.row_counter + 1)
                    parser.col_counter = 0
                    cells = {}
                stack.append(element)
                continue
            stack.pop()
            inside_cell = any(parent.tag == CELL_TAG for parent in stack[-3:])
            if element.tag == CELL_TAG:
                cell = parser.parse_cell(element)
                if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                    formulas.append(f"{column_letter(cell['column'] - 1)}{cell['row']}")
                elif cell["value"] not in (None, ""):
                    _check_place(cell["row"], cell["column"])
                    cells[cell["column"]] = cell["value"]
            elif element.tag == ROW_TAG and cells:
                if len(rows) >= MAX_ROWS + 1:
                    raise _too_many_rows()
                width = max(cells)
                rows.append((parser.row_counter, [cells.get(c) for c in range(1, width + 1)]))
            if stack and not inside_cell:  # done with it: memory holds only the cell being read
                stack[-1].remove(element)
    pull.close()
    if formulas:
        raise XlsxProblem(
            _(
                "Cells {cells} hold a formula whose value was not saved in the file. Open the file "
                "in a spreadsheet program, let it calculate and save it, then import again."
            ).format(cells=", ".join(formulas[:5]) + (" …" if len(formulas) > 5 else ""))
        )
    return rows


def _check_place(row: int, column: int) -> None:
    if row > MAX_ROWS + 1 or column > MAX_COLUMNS:
        raise XlsxProblem(
            _(
                "Cell {cell} lies outside what can be imported (at most {rows} rows and {columns} "
                "columns). Remove what lies outside the list, or copy the list to a new sheet."
            ).format(cell=f"{column_letter(column - 1)}{row}", rows=MAX_ROWS + 1, columns=MAX_COLUMNS)
        )


def _too_many_rows() -> XlsxProblem:
    return XlsxProblem(
        _("The file has more than {rows} rows; split it into smaller files.").format(rows=MAX_ROWS)
    )
