"""Export a list as the window shows it (its search, filters, sort and columns) to CSV or XLSX."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTreeView,
    QWidget,
)

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, current_language, format_date, format_datetime, format_money, format_number
from jarjestokeskus.services.exports.files import Euros, ExportFailed, Format, format_from_suffix, write_table
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress

FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"
STATUS_MS = 10000
BACKGROUND_ROWS = 2000  # longer lists are written off the GUI thread, with progress and Cancel
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATETIME = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2})\.(\d{2})$")
_NUMBER = re.compile(r"^[-\u2212]?\d[\d \u00a0\u202f]*(?:,\d+)?$")
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def typed_value(text: str, language: str | None = None) -> object:
    """The number, sum of euros or date a cell shows, when writing it back gives the same text.

    Anything else (a code such as "0123", a year, a phone number) stays text, as shown.
    """
    if not text or len(text) > 40 or not text[-1].isdigit() and not text.endswith("€"):
        return text
    if not (_DATE.match(text) or _DATETIME.match(text) or _NUMBER.match(text) or text.endswith("€")):
        return text
    value = _read_back(text, language or current_language())
    return text if value is None else value


@lru_cache(maxsize=4096)
def _read_back(text: str, language: str) -> object:
    """The value `text` shows, or None; cached, as a long list repeats its counts and dates."""
    if match := _DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            day_value = date(year, month, day)
        except ValueError:
            return None
        return day_value if format_date(day_value, language) == text else None
    if match := _DATETIME.match(text):
        day, month, year, hour, minute = (int(g) for g in match.groups())
        try:
            moment = datetime(year, month, day, hour, minute)
        except ValueError:
            return None
        return moment if format_datetime(moment, language) == text else None
    if text.endswith("€"):
        amount = _number(text[:-1].rstrip(" \u00a0\u202f"))
        if amount is not None and format_money(Decimal(amount), language) == text:
            return Euros(amount)
        return None
    number = _number(text)
    return number if number is not None and format_number(number, language) == text else None


def _number(text: str) -> int | Decimal | None:
    if not _NUMBER.match(text):
        return None
    plain = re.sub(r"[ \u00a0\u202f]", "", text).replace("\u2212", "-")
    try:
        return Decimal(plain.replace(",", ".")) if "," in plain else int(plain)
    except (ValueError, InvalidOperation):
        return None


def _header(view: QAbstractItemView) -> QHeaderView:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    raise TypeError(f"cannot export a {type(view).__name__}")


def _fetch_all(model: QAbstractItemModel) -> None:
    """A list that loads page by page as the user scrolls: read the rest of it.

    A model with a `fetch_all()` method reads the rest at once (page after page of a long list
    costs minutes); any other model is asked for one page after another.
    """
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    fetch_all = getattr(source, "fetch_all", None)
    if callable(fetch_all):
        fetch_all()
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        if model.rowCount() == before and model.canFetchMore(QModelIndex()):
            break


def view_contents(
    view: QAbstractItemView, language: str | None = None
) -> tuple[list[str], list[list[object]]]:
    """The header and rows the view shows: its sort and filter, visible columns in their order.

    A tree's rows come depth first, each parent before its children.
    """
    model = view.model()
    _fetch_all(model)
    texts, columns = _shown_columns(view)
    rows: list[list[object]] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            if _row_hidden(view, row, parent):
                continue
            rows.append([_cell(model.index(row, c, parent), language) for c in columns])
            if isinstance(view, QTreeView):
                first = model.index(row, 0, parent)
                if model.hasChildren(first):
                    walk(first)

    walk(QModelIndex())
    return texts, rows


def _shown_columns(view: QAbstractItemView) -> tuple[list[str], list[int]]:
    """The visible columns' titles and logical numbers, in the order the view shows them."""
    header = _header(view)
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    model = view.model()
    texts = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in columns]
    return ["" if t is None else str(t) for t in texts], columns


def _row_hidden(view: QAbstractItemView, row: int, parent: QModelIndex) -> bool:
    if isinstance(view, QTableView):
        return view.isRowHidden(row)
    if isinstance(view, QTreeView):
        return view.isRowHidden(row, parent)
    return False


def _cell(index: QModelIndex, language: str | None) -> object:
    value = index.data(Qt.ItemDataRole.DisplayRole)
    if value in (None, ""):
        checked = index.data(Qt.ItemDataRole.CheckStateRole)  # a box without text: "Done" and the like
        if checked is not None:
            return _("Yes") if Qt.CheckState(checked) == Qt.CheckState.Checked else _("No")
    if value is None:
        return None
    if isinstance(value, str):
        return typed_value(value, language)
    return value if isinstance(value, int | float | Decimal | date) else str(value)


def suggested_name(title: str, today: date, format: Format) -> str:
    """The view's title and the date, for example "Organisaatiot 2026-11-23.xlsx"."""
    cleaned = " ".join(_NOT_IN_FILE_NAMES.sub(" ", title).split()) or _("list")
    return f"{cleaned} {today.isoformat()}.{format}"


def current_table(view: QWidget) -> QAbstractItemView | None:
    """The list of a view to export: its `table`, else the list with the focus, else the first shown."""
    table = getattr(view, "table", None)
    if isinstance(table, QTableView | QTreeView) and table.isVisible():
        return table
    focus = QApplication.focusWidget()
    while focus is not None and focus is not view:
        if isinstance(focus, QTableView | QTreeView):
            return focus if view.isAncestorOf(focus) else None
        focus = focus.parentWidget()
    shown = [t for t in view.findChildren(QAbstractItemView) if isinstance(t, QTableView | QTreeView)]
    return next((t for t in shown if t.isVisible()), None)


def export_table_view(parent: QWidget, view: QAbstractItemView, title: str) -> None:
    """Ask for a file and write into it what `view` shows; tell how it went in the UI's language."""
    settings = QSettings()
    excel, csv_filter = _("Excel workbook (*.xlsx)"), _("CSV file for Excel (*.csv)")
    last_format: Format = "csv" if settings.value(FORMAT_KEY) == "csv" else "xlsx"
    folder = str(settings.value(FOLDER_KEY, "") or "")
    if not folder or not Path(folder).is_dir():
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / suggested_name(title, date.today(), last_format))
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        _("Export list"),
        suggested,
        f"{excel};;{csv_filter}",
        csv_filter if last_format == "csv" else excel,
    )
    if not path:
        return
    target = Path(path)
    format = format_from_suffix(target)
    if format is None:
        format = "csv" if chosen == csv_filter else "xlsx"
        target = target.with_name(f"{target.name}.{format}")
    settings.setValue(FOLDER_KEY, str(target.parent))
    settings.setValue(FORMAT_KEY, format)
    failure, count = _export(parent, view, target, format, title)
    if failure is not None:
        QMessageBox.warning(parent, _("Export list"), failure)
        return
    message = _("The list was exported to {path} (rows: {count}).").format(
        path=target, count=format_number(count)
    )
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, STATUS_MS)
    else:
        QMessageBox.information(parent, _("Export list"), message)


def _export(
    parent: QWidget, view: QAbstractItemView, target: Path, format: Format, title: str
) -> tuple[str | None, int]:
    """Write the file: (the problem or None, how many rows). A list read page by page from the
    database is read and written off the GUI thread, query included, with progress and Cancel."""
    model = view.model()
    export_texts = getattr(model, "export_texts", None)
    if callable(export_texts) and isinstance(view, QTableView):
        header, columns = _shown_columns(view)
        language = current_language()
        total, texts = export_texts(columns)
        rows = lambda: ([typed_value(text, language) for text in row] for row in texts())  # noqa: E731
        return _write(parent, target, header, rows, total, format, title, background=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        header, shown = view_contents(view, current_language())  # the model lives in this thread
    except DatabaseProblem as problem:
        return problem.user_message(), 0
    finally:
        QApplication.restoreOverrideCursor()
    return _write(
        parent, target, header, lambda: shown, len(shown), format, title, len(shown) >= BACKGROUND_ROWS
    )


def _write(
    parent: QWidget,
    target: Path,
    header: list[str],
    rows: Callable[[], Iterable[list[object]]],
    total: int,
    format: Format,
    title: str,
    background: bool,
) -> tuple[str | None, int]:
    """Write the file; a long list off the GUI thread with progress and Cancel."""
    try:
        if not background:
            return None, write_table(target, header, rows(), format, title)
        count = run_with_progress(
            parent,
            _("Exporting the list…"),
            lambda progress: write_table(target, header, rows(), format, title, progress, total),
        )
    except Cancelled:
        return _("The export was cancelled; {path} was not written.").format(path=target), 0
    except ExportFailed as problem:
        return problem.user_message(), 0
    except DatabaseProblem as problem:
        return problem.user_message(), 0
    return None, count


def export_current_view(parent: QWidget, view: QWidget, title: str | None = None) -> None:
    """File → Export list…: the list of the view on screen, named by `title` or the view's heading."""
    table = current_table(view)
    if table is None:
        QMessageBox.information(parent, _("Export list"), _("This view has no list to export."))
        return
    if title is None:
        label = getattr(view, "title", None)
        title = label.text() if isinstance(label, QLabel) else view.windowTitle()
    export_table_view(parent, table, title)
