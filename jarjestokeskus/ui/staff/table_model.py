"""The staff list's Qt model: rows of StaffRow, their columns and translated headers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import _, format_date, sort_key
from jarjestokeskus.services.staff.rows import StaffRow

COL_NAME, COL_SCHEME, COL_TITLE, COL_START, COL_END = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[StaffRow] = []

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Name"), _("Scheme"), _("Title"), _("Start date"), _("End date"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.person_id
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name if not row.anonymised else _("Anonymised person"),
                row.scheme.label if row.scheme else "",
                row.title,
                format_date(row.start_date),
                format_date(row.end_date),
            )[column]
        if role == SORT_ROLE:
            return (
                sort_key(f"{row.last_name} {row.first_name}"),
                sort_key(row.scheme.label) if row.scheme else "",
                sort_key(row.title),
                row.start_date.isoformat() if row.start_date else "",
                row.end_date.isoformat() if row.end_date else "9999",
            )[column]
        return None

    def row_of(self, person_id: Any) -> int:
        return next((i for i, r in enumerate(self.rows) if r.person_id == person_id), -1)
