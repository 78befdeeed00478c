"""A small editable table inside a form (fees, persons): text cells, Add/Remove, cell errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.domain.organisation import label
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.field_errors import ERROR_BACKGROUND, FieldBox

ID_ROLE = Qt.ItemDataRole.UserRole  # on the first cell of a row: the stored record's ids
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # on a choice cell: the enum value
ERROR_ROLE = Qt.ItemDataRole.UserRole + 2  # the cell's error message

_Index = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """Cells typed as d.m.yyyy: the editor shows the pattern while empty."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setPlaceholderText(_("d.m.yyyy"))
        editor.setFrame(False)
        return editor


class ChoiceDelegate(QStyledItemDelegate):
    """A cell holding one member of an enum: a combo while editing, the label otherwise."""

    def __init__(self, members: Sequence, parent: QWidget | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(parent)
        self.members = list(members)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for member in self.members:
            combo.addItem(member.label, member.value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), VALUE_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class FormTable(QWidget):
    """Rows of text cells keyed by the domain's field names; the first cell keeps the row's ids."""

    changed = Signal()
    cell_edited = Signal(int, str)  # row, key: the user changed a cell
    rows_removed = Signal()

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = list(keys)
        self.read_only = False
        self._filling = False
        self.table = QTableWidget(0, len(self.keys))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.itemChanged.connect(self._item_changed)
        self.box = FieldBox(self.table)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self._update_buttons()

    # --- for subclasses ----------------------------------------------------------------------
    def header_text(self, key: str) -> str:
        return label(key)

    def new_row_values(self) -> dict[str, str]:
        return {}

    def alignment(self, key: str) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def button_texts(self) -> tuple[str, str]:
        """The Add and Remove buttons' texts, naming what a row is (a fee, a person)."""
        raise NotImplementedError

    # --- rows -------------------------------------------------------------------------------
    def column_samples(self) -> dict[str, str]:
        return {}

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.header_text(key) for key in self.keys])
        add, remove = self.button_texts()
        self.add_button.setText(add)
        self.remove_button.setText(remove)
        self.size_columns(self.column_samples())

    def clear(self) -> None:
        self.clear_errors()
        self.table.setRowCount(0)
        self._update_buttons()

    def append(self, values: dict[str, str], ids: object = None) -> int:
        """A row with `values` (key -> text); returns its index."""
        self._filling = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, key in enumerate(self.keys):
                item = QTableWidgetItem(values.get(key, ""))
                item.setTextAlignment(self.alignment(key))
                self.table.setItem(row, column, item)
            first = self.table.item(row, 0)
            assert first is not None
            first.setData(ID_ROLE, ids)
        finally:
            self._filling = False
        self._update_buttons()
        return row

    def commit_editing(self) -> None:
        """A cell still being typed in counts: hand its text to the table before the form is read."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        index = self.table.currentIndex()
        if editor is None or not index.isValid() or not self.table.viewport().isAncestorOf(editor):
            return
        self.table.itemDelegateForIndex(index).commitData.emit(editor)

    def row_count(self) -> int:
        return self.table.rowCount()

    def text(self, row: int, key: str) -> str:
        item = self.table.item(row, self.keys.index(key))
        return item.text() if item is not None else ""

    def set_text(self, row: int, key: str, text: str) -> None:
        item = self.table.item(row, self.keys.index(key))
        assert item is not None
        item.setText(text)

    def ids(self, row: int) -> object:
        item = self.table.item(row, 0)
        return item.data(ID_ROLE) if item is not None else None

    def is_blank(self, row: int) -> bool:
        """Added and left empty: nothing typed, nothing stored."""
        return self.ids(row) is None and not any(self.text(row, key).strip() for key in self.keys)

    def add_row(self) -> None:
        if self.read_only:
            return
        row = self.append(self.new_row_values())
        self.changed.emit()
        column = next((c for c, key in enumerate(self.keys) if not self.text(row, key)), 0)
        self.table.setFocus()
        self.table.setCurrentCell(row, column)
        item = self.table.item(row, column)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        """Only from the form: the service archives a stored row when the form is saved."""
        if self.read_only:
            return
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if not rows:
            return
        self.clear_errors()
        for row in sorted(rows, reverse=True):
            self.table.removeRow(row)
        self.rows_removed.emit()
        self.changed.emit()
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self.read_only)
        has_row = bool(self.table.selectedIndexes()) or self.table.currentRow() >= 0
        self.remove_button.setEnabled(not self.read_only and has_row and self.table.rowCount() > 0)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        key = self.keys[item.column()]
        if item.data(ERROR_ROLE):
            self._clear_item_error(item)
            self._show_summary()
        self.cell_edited.emit(item.row(), key)
        self.changed.emit()

    # --- errors -----------------------------------------------------------------------------
    def mark_error(self, row: int, key: str, message: str) -> None:
        """The cell gets a red background and the message as its tooltip."""
        column = self.keys.index(key) if key in self.keys else 0
        item = self.table.item(row, column)
        if item is None:
            return
        self._filling = True
        try:
            previous = item.data(ERROR_ROLE)
            text = f"{previous}\n{message}" if previous else message
            item.setData(ERROR_ROLE, text)
            item.setToolTip(text)
            item.setBackground(QBrush(QColor(ERROR_BACKGROUND)))
        finally:
            self._filling = False
        self._show_summary()

    def _clear_item_error(self, item: QTableWidgetItem) -> None:
        self._filling = True
        try:
            item.setData(ERROR_ROLE, None)
            item.setToolTip("")
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
        finally:
            self._filling = False

    def clear_errors(self) -> None:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(ERROR_ROLE):
                    self._clear_item_error(item)
        self.box.clear_error()

    def error_at(self, row: int, key: str) -> str:
        item = self.table.item(row, self.keys.index(key))
        return str(item.data(ERROR_ROLE) or "") if item is not None else ""

    def _show_summary(self) -> None:
        """Under the table, each marked cell's message with its row number."""
        lines = []
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(ERROR_ROLE):
                    lines.append(_("Row {row}: {message}").format(row=row + 1, message=item.data(ERROR_ROLE)))
        if lines:
            self.box.show_error("\n".join(lines))
        else:
            self.box.clear_error()

    def focus_cell(self, row: int, key: str) -> None:
        self.table.setFocus()
        self.table.setCurrentCell(row, self.keys.index(key) if key in self.keys else 0)

    def size_columns(self, samples: dict[str, str]) -> None:
        """Each column wide enough for its header and a typical value (the last one stretches)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, key in enumerate(self.keys[:-1]):
            width = max(
                metrics.horizontalAdvance(self.header_text(key)) + 28,
                metrics.horizontalAdvance(samples.get(key, "")) + 20,
            )
            header.resizeSection(column, width)
