"""What the cooperation tabs share: a thin table model over frozen rows, enum choices, problems shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_date, format_money, sort_key

Column = tuple[str, Callable[[Any], object]]  # header (marked with N_), the cell of a row
_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole  # the row's record id (column 0)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def sort_value(value: object) -> object:
    """What a column sorts by: dates and amounts as themselves, texts in the language's order."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return float(value)
    return sort_key(cell_text(value))


def cell_text(value: object) -> str:
    """A row's value as shown: dates and money in the window's language, labels translated."""
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value)
    return str(value)


class RowsTableModel(QAbstractTableModel):
    """A list of frozen rows and the columns to show of them; nothing else."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section][0])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self.columns[index.column()][1](row))
        if role == SORT_ROLE:
            return sort_value(self.columns[index.column()][1](row))
        return None


def table_for(model: RowsTableModel, on_select: Callable[[Any], None] | None = None) -> QTableView:
    """A read-only table of whole rows; `on_select(row)` when the current row changes."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    if on_select is not None:
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: on_select(model.row_at(current.row()))
        )
    return table


def enum_combo(enum_type: type[LabelledEnum]) -> QComboBox:
    combo = QComboBox()
    for member in enum_type:
        combo.addItem(member.label, member)
    return combo


def retranslate_combo(combo: QComboBox) -> None:
    for index in range(combo.count()):
        member = combo.itemData(index)
        if isinstance(member, LabelledEnum):
            combo.setItemText(index, member.label)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def run_saving(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    """Run a save; a rejected field or a database problem is shown, and False returned."""
    try:
        action()
    except ValidationFailed as failed:
        QMessageBox.warning(parent, title, "\n".join(error.message for error in failed.errors))
        return False
    except DatabaseProblem as problem:
        QMessageBox.warning(parent, title, problem.user_message())
        return False
    return True


class FormBox(QGroupBox):
    """A titled form: labelled fields (labels marked with N_) and a row of buttons under them."""

    def __init__(self, title: str, rows: Sequence[tuple[str, QWidget]], *buttons: QWidget) -> None:
        super().__init__()
        self.title_source = title
        self.rows = list(rows)
        self.form = QFormLayout(self)
        for _label, widget in self.rows:
            self.form.addRow(QLabel(), widget)
        if buttons:
            line = QHBoxLayout()
            for button in buttons:
                line.addWidget(button)
            self.form.addRow(line)

    def retranslate(self) -> None:
        self.setTitle(_(self.title_source))
        for label, widget in self.rows:
            self.form.labelForField(widget).setText(_(label))
