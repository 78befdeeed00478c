"""The projects list as a thin Qt table model; a QSortFilterProxyModel sorts it by SORT_ROLE."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import _, current_language, format_date, format_money, sort_key
from jarjestokeskus.services.exports.columns import PROJECT_HEADERS as HEADERS
from jarjestokeskus.services.rows import ProjectRow

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_CODE, COL_OWNER, COL_STATUS, COL_PERIOD, COL_APPLIED, COL_GRANTED = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
MONEY_COLUMNS = (COL_APPLIED, COL_GRANTED)


class ProjectTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProjectRow] = []

    def set_rows(self, rows: list[ProjectRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ProjectRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, project_id: object) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == project_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            other = row.name_sv if current_language() == "fi" else row.name_fi
            return other or None
        return None

    def _display(self, row: ProjectRow, column: int) -> str:
        language = current_language()
        if column == COL_NAME:
            return row.name(language)
        if column == COL_CODE:
            return row.code
        if column == COL_OWNER:
            return row.owner_name(language)
        if column == COL_STATUS:
            return row.status.label
        if column == COL_PERIOD:
            if row.start_date is None and row.end_date is None:
                return ""
            return _("{start}–{end}").format(start=format_date(row.start_date), end=format_date(row.end_date))
        amount = row.amount_applied if column == COL_APPLIED else row.amount_granted
        return format_money(amount) if amount else ""

    def _sort_value(self, row: ProjectRow, column: int) -> Any:
        """Collation keys for text, ISO dates, cents for money (the proxy compares like with like)."""
        if column in (COL_NAME, COL_CODE, COL_OWNER, COL_STATUS):
            return sort_key(self._display(row, column))
        if column == COL_PERIOD:
            return row.start_date.isoformat() if row.start_date else ""
        amount = row.amount_applied if column == COL_APPLIED else row.amount_granted
        return int(amount * 100)
