"""Write a list (a header and rows) into a CSV file for Finnish Excel or an XLSX workbook."""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence, Sized
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import IO, Literal

from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.i18n import _

Progress = Callable[[int, int], None]

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")
MAX_COLUMN_WIDTH = 60
WIDTH_SAMPLE = 1000  # a long list's column widths come from its first rows
# A spreadsheet takes a cell starting with one of these for a formula (or, after a tab or a line
# break, shows it as one): such text gets a quote in front in CSV and is a plain string in XLSX.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_PART = 500  # rows written at once to a CSV file (progress is told every 500)
# Cells the csv module writes as csv_text would: text, whole numbers (not bool) and None.
_AS_THEY_ARE = frozenset({str, int, type(None)})
# How a cell that starts as a formula begins in CSV text: plain, or in quotes (a cell starting
# with a line break is always quoted). A match inside a quoted cell is a false alarm, which only
# sends its part cell by cell.
_FORMULA_CELL = '(?:[{plain}]|"[{quoted}])'.format(
    plain=re.escape("".join(c for c in FORMULA_STARTS if c not in "\r\n")),
    quoted=re.escape("".join(FORMULA_STARTS)),
)
# Where it shows: at the start, after a separator, after a line break. One pattern each, since a
# pattern that starts with a fixed character is searched for several times faster.
_MAYBE_FORMULA = (
    re.compile(_FORMULA_CELL),  # matched at the start only
    re.compile(";" + _FORMULA_CELL),
    re.compile("\n" + _FORMULA_CELL),
)


class Euros(Decimal):
    """An amount of money: a number cell shown with the euro sign."""


class ExportFailed(Exception):
    """The file could not be written; the old file (if any) is left as it was."""

    def __init__(self, path: Path, reason: str | BaseException) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = (
            reason if isinstance(reason, str) else (getattr(reason, "strerror", None) or str(reason))
        )
        self.error = reason  # worded in the user's language when shown

    def user_message(self) -> str:
        return _("Cannot write {path}: {reason}").format(path=self.path, reason=os_reason(self.error))


def format_from_suffix(path: Path) -> Format | None:
    """ "csv" or "xlsx" by the file's ending, None for any other ending."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None  # type: ignore[return-value]


def needs_neutralising(text: str) -> bool:
    """Would a spreadsheet read this text as a formula? A plain number such as -5 is harmless."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text)


def write_table(
    path: Path | str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    format: Format,
    sheet_title: str = "",
    progress: Progress | None = None,
    total: int | None = None,
) -> int:
    """Write `header` and `rows` into `path`, replacing it only when the whole file is written;
    the number of rows written.

    Cells may be text, int, Decimal (Euros for money), float, date, datetime, bool or None.
    `rows` may be a list or rows read as they are written (`total` then tells how many to expect).
    Raises ExportFailed (naming the file) when the file cannot be written. `progress(done, total)`
    is told every few hundred rows; an exception from it (a cancel) leaves the old file as it was.
    """
    if total is None:
        total = len(rows) if isinstance(rows, Sized) else 0
    written = 0

    def report(done: int) -> None:
        nonlocal written
        written = done
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)

    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}")
    target = Path(path)
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        temporary = Path(name)
        if format == "csv":
            # Excel opens a semicolon-separated file with a byte order mark as UTF-8, in Finland too.
            with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as text:
                _write_csv(text, header, rows, report)
                _sync(text)
        else:
            with os.fdopen(handle, "wb") as binary:
                _write_xlsx(binary, header, rows, sheet_title, report)
                _sync(binary)
        # mkstemp makes a private file; the export keeps the old file's mode, else stays private.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o600)
        os.replace(temporary, target)
        temporary = None
        from jarjestokeskus.services.database.written_files import remember_written

        remember_written(None, target, "export")  # an erasure names it to the user
    except OSError as error:
        raise ExportFailed(target, error) from error
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return written


# --- CSV -------------------------------------------------------------------------------------
def csv_text(value: object) -> str:
    """A cell as Finnish Excel reads it: decimal comma, d.m.yyyy dates, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        value = _local(value)
        return f"{value.day}.{value.month}.{value.year} {value.hour}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    text = str(value)
    return "'" + text if needs_neutralising(text) else text


def _write_csv(
    file: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]], report: Callable[[int], None]
) -> None:
    writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_text(h) for h in header])
    # A few hundred rows at a time: joined as they are when every cell is text that needs no
    # quotes, else through the csv module as they are; a part with a cell that might need
    # csv_text (another type, or a formula's first character) goes cell by cell.
    buffer = io.StringIO()
    plain = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    done = 0
    rows = iter(rows)
    while part := list(islice(rows, _PART)):
        text = _joined(part)
        if text is None:
            buffer.seek(0)
            buffer.truncate()
            if _AS_THEY_ARE.issuperset(map(type, chain.from_iterable(part))):
                plain.writerows(part)
            text = buffer.getvalue()
        if text and not _might_have_formula(text):
            file.write(text)
        else:
            writer.writerows(
                [v if type(v) is str and not v.startswith(FORMULA_STARTS) else csv_text(v) for v in row]
                for row in part
            )
        done += len(part)
        if done % 500 == 0:
            report(done)
    report(done)


def _joined(part: list[Sequence[object]]) -> str | None:
    """The rows' lines as the csv module writes them, when every cell is text (str or a StrEnum,
    whose text is its value) and none needs quotes (no separator, quote or line break in it) and
    every row has two cells or more (a lone empty cell is quoted); None otherwise."""
    try:
        text = "\r\n".join(map(";".join, part)) + "\r\n"  # type: ignore[arg-type]
    except TypeError:  # a cell that is not text
        return None
    lines = len(part)
    if min(map(len, part)) < 2 or text.count(";") != sum(map(len, part)) - lines or '"' in text:
        return None
    if text.count("\n") != lines or text.count("\r") != lines:
        return None
    return text


def _might_have_formula(text: str) -> bool:
    """Might a cell of these CSV lines start as a formula (see _FORMULA_CELL)?"""
    first, after_separator, after_line_break = _MAYBE_FORMULA
    return bool(first.match(text) or after_separator.search(text) or after_line_break.search(text))


def _sync(file: IO[str] | IO[bytes]) -> None:
    file.flush()
    os.fsync(file.fileno())  # on disk before it replaces the old file


def _local(value: datetime) -> datetime:
    """A time as the user's clock shows it, without a zone (spreadsheets know none)."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


# --- XLSX ------------------------------------------------------------------------------------
def sheet_name(title: str) -> str:
    """What Excel allows as a sheet's name: at most 31 characters, none of []:*?/\\."""
    cleaned = _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip().strip("'")
    return cleaned[:31].strip() or "Sheet1"


def _write_xlsx(
    file: IO[bytes],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
    report: Callable[[int], None],
) -> None:
    from jarjestokeskus.services.exports.xlsx import write_sheet

    rows = iter(rows)
    first = list(islice(rows, WIDTH_SAMPLE))
    columns = max([len(header), *(len(row) for row in first)])
    widths = [len(str(h)) for h in header] + [0] * (columns - len(header))
    for row in first:
        for column, value in enumerate(row):
            widths[column] = max(widths[column], _width(value))
    widths = [min(MAX_COLUMN_WIDTH, max(8, width + 2)) for width in widths]
    write_sheet(file, sheet_name(sheet_title), header, chain(first, rows), widths, needs_neutralising, report)


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if isinstance(value, Decimal):
        return len(csv_text(value)) + (4 if isinstance(value, Euros) else 1)
    return max((len(line) for line in str(value).splitlines()), default=0)
