"""The invoices of a year as a thin Qt table model; a QSortFilterProxyModel sorts it by SORT_ROLE."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import _, current_language, format_date, format_money, sort_key
from jarjestokeskus.services.fees.invoicing import InvoiceRow

COLUMNS = ("number", "organisation", "amount", "due_date", "paid_amount", "paid_on", "state")
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = {"number", "amount", "paid_amount"}

_Index = QModelIndex | QPersistentModelIndex


def state_text(row: InvoiceRow, today: date) -> str:
    if row.is_paid:
        return _("Paid in full")
    if row.is_overdue(today):
        return _("Overdue")
    if row.reminded_on is not None:
        return _("Reminded {date}").format(date=format_date(row.reminded_on))
    return _("Partly paid") if row.paid_amount else _("Unpaid")


class InvoiceTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InvoiceRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[InvoiceRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today or date.today()
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _("Invoice number"),
            _("Organisation"),
            _("Amount"),
            _("Due date"),
            _("Amount paid"),
            _("Paid on"),
            _("State"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            due = row.reminder_due_date or row.due_date
            return {
                "number": str(row.number),
                "organisation": row.name(current_language()),
                "amount": format_money(row.amount),
                "due_date": format_date(due),
                "paid_amount": format_money(row.paid_amount) if row.paid_amount else "",
                "paid_on": format_date(row.paid_on),
                "state": state_text(row, self.today),
            }[key]
        if role == SORT_ROLE:
            return {
                "number": row.number,
                "organisation": sort_key(row.name(current_language())),
                "amount": float(row.amount),
                "due_date": (row.reminder_due_date or row.due_date).isoformat(),
                "paid_amount": float(row.paid_amount),
                "paid_on": row.paid_on.isoformat() if row.paid_on else "",
                "state": state_text(row, self.today),
            }[key]
        return None
