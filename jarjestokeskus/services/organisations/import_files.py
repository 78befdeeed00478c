"""Reading a table to import: CSV (comma, semicolon or tab; UTF-8 or old Excel's cp1252) or XLSX.

Every file ends in a table, or an ImportFileProblem worded for the user: never a traceback, and
never more than a bounded size, width and number of rows.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jarjestokeskus.db.errors import os_read_reason
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.import_xlsx import (
    MAX_COLUMNS,
    MAX_ROWS,
    XlsxProblem,
    column_letter,
    xlsx_records,
)

DELIMITERS = (";", ",", "\t")  # on a tie the first wins: Finnish and Swedish Excel write ";"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_FILE_BYTES = 50 * 1024 * 1024
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


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an XLSX file, or a CSV file; raises ImportFileProblem."""
    with steady():  # 100,000 rows of cells: every garbage-collector pass would walk them all
        return _read_table(Path(path))


def _read_table(path: Path) -> Table:
    try:
        data = _read_at_most(path, MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileProblem(
            _("Cannot read {path}: {reason}").format(path=path, reason=os_read_reason(error))
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileProblem(
            _("The file is larger than {limit} MB; split it into smaller files.").format(
                limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    if data.startswith(_OLD_EXCEL_MAGIC):
        raise ImportFileProblem(_("Old Excel files (.xls) cannot be read; save the file as XLSX or CSV."))
    if path.suffix.lower() in XLSX_SUFFIXES or data.startswith(_ZIP_MAGIC):
        try:
            return _table(xlsx_records(data))
        except XlsxProblem as problem:
            raise ImportFileProblem(str(problem)) from problem
    return _table(list(enumerate(csv_rows(decode_text(data)), start=1)))


@contextmanager
def steady() -> Iterator[None]:
    """No garbage-collector passes while an import builds its rows.

    Each pass walks every object alive, and an import keeps 100,000 rows alive: the passes would
    cost more than the work, growing with the file (worse than linear). Nothing an import makes
    is a cycle that must be freed before it ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_at_most(path: Path, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    with path.open("rb") as file:
        while size < limit and (chunk := file.read(1024 * 1024)):  # read(limit) would reserve it all
            chunks.append(chunk)
            size += len(chunk)
    return b"".join(chunks)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), UTF-16 with one, else cp1252 (old Excel).

    A UTF-8 file with a line in another encoding (pasted from an old file) is refused: read as
    cp1252 every other line would turn into mojibake, read as UTF-8 that line would.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        if any(ord(c) > 0x7F and c != "\ufffd" for c in text):
            line = data[: error.start].count(b"\n") + 1
            raise ImportFileProblem(
                _(
                    "Line {line} is not in the same character encoding (UTF-8) as the rest of the "
                    "file. Save the whole file as UTF-8 (or CSV UTF-8 in Excel) and import again."
                ).format(line=line)
            ) from error
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte is a character: never fails


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header into the most columns."""
    best, best_count = DELIMITERS[0], 0
    for delimiter in DELIMITERS:
        try:
            first = next(csv.reader(lines, delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(first) > best_count:
            best, best_count = delimiter, len(first)
    return best


# str.splitlines ends a line at these too; the csv module's lines (as io.StringIO(text,
# newline="") gives them) end only at "\n", "\r" and "\r\n".
_OTHER_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _lines(text: str) -> list[str]:
    """The lines of `text`, each with its end, as the csv module reads them from
    io.StringIO(text, newline=""); split at once (a StringIO is first copied to four bytes a
    character, and read a line at a time)."""
    if any(other in text for other in _OTHER_LINE_BREAKS):
        return io.StringIO(text, newline="").readlines()
    return text.splitlines(keepends=True)


def csv_rows(text: str) -> list[list[str]]:
    """The records of CSV text; a quoted cell may hold delimiters, quotes and line breaks.

    Strict: a quote left open to the end of the file, or closed in the middle of a cell, is refused
    (read loosely, it would merge the following rows into one cell).
    """
    if "\x00" in text:  # a binary file chosen by mistake (csv itself would read it on)
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileProblem(
            _("Line {line} cannot be read as CSV: {reason}").format(line=line, reason=_csv_reason("NUL"))
        )
    lines = _lines(text)
    reader = csv.reader(lines, delimiter=sniff_delimiter(lines), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            if len(records) > MAX_ROWS or len(record) > MAX_COLUMNS:
                raise ImportFileProblem(_too_large(len(record) > MAX_COLUMNS))
            records.append(record)
    except csv.Error as error:
        raise ImportFileProblem(
            _("Line {line} cannot be read as CSV: {reason}").format(
                line=reader.line_num, reason=_csv_reason(str(error))
            )
        ) from error
    return records


def _csv_reason(reason: str) -> str:
    # The csv module's messages are English: word the ones a user meets in their language.
    if "field larger than field limit" in reason:
        return _("a cell is longer than {limit} characters.").format(limit=csv.field_size_limit())
    if "unexpected end of data" in reason:
        return _('a quote mark (") is opened and never closed.')
    if "NUL" in reason:
        return _("the file holds binary data; it is not a text (CSV) file.")
    return _('a quote mark (") stands where it cannot be; put quoted cells wholly in quotes.')


def _too_large(too_wide: bool) -> str:
    if too_wide:
        return _("The file has more than {columns} columns; it cannot be imported.").format(
            columns=MAX_COLUMNS
        )
    return _("The file has more than {rows} rows; split it into smaller files.").format(rows=MAX_ROWS)


def _table(records: list[tuple[int, list[str]]]) -> Table:
    """`records`: (row number, cells); blank rows are left out, blank columns on the right too."""
    numbered = [(n, r) for n, r in records if "".join(r).strip()]  # (one string per row: fast)
    if not numbered:
        raise ImportFileProblem(_("The file has no rows."))
    if len(numbered) == 1:
        raise ImportFileProblem(_("The file has only the header row; there is nothing to import."))
    width = max(len(record) for _n, record in numbered)
    # Spreadsheets often carry empty columns on the right: drop those.
    while width and all(len(r) < width or not r[width - 1].strip() for _n, r in numbered):
        width -= 1
    padded = [tuple(r) if len(r) == width else tuple((list(r) + [""] * width)[:width]) for _n, r in numbered]
    return Table(
        header=padded[0],
        rows=tuple(padded[1:]),
        numbers=tuple(n for n, _r in numbered[1:]),
    )
