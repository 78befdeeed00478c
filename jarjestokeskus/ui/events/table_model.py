"""The events list as a thin Qt table model; a QSortFilterProxyModel sorts it by SORT_ROLE."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import _, current_language, format_date, sort_key
from jarjestokeskus.services.events.register import EventRow

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The figures before the place: in a narrow window (1280×720 beside the editor) they stay in view,
# and the place, free text, is the last column that stretches or scrolls.
COL_DATE, COL_TITLE, COL_KIND, COL_REGISTERED, COL_ATTENDED, COL_PLACE = range(6)

_Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[EventRow] = []

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 5))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Date"), _("Event"), _("Kind"), _("Registered"), _("Attended"), _("Place"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_REGISTERED, COL_ATTENDED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            registered = str(row.registered) if row.capacity is None else f"{row.registered} / {row.capacity}"
            if row.waiting:
                registered += " + " + _("{count} waiting").format(count=row.waiting)
            return (
                format_date(row.starts_on),
                row.title(current_language()),
                row.kind.label,
                registered,
                str(row.attended) if row.attended else "",
                row.place,
            )[column]
        if role == SORT_ROLE:
            return (
                row.starts_on.isoformat(),
                sort_key(row.title(current_language())),
                sort_key(row.kind.label),
                row.registered,
                row.attended,
                sort_key(row.place),
            )[column]
        return None

    def row_of(self, event_id: object) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == event_id), -1)
