"""The shape of every register: search, filters and a sortable list, with the record's editor beside it.

A register supplies its list (`build_table`, `reload`), its filters and its editor; the search's
debounce, choosing a row (save, discard or stay when the open record has unsaved edits), the keys
(Enter/F6/Tab into the editor, Esc back or asking first), the refresh after a save, archive or
restore (here or anywhere in the program) and the first read when the view is first shown are here.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.changes import read_at, watch_changes
from jarjestokeskus.ui.widgets.layout_fit import FlowLayout, fit_columns
from jarjestokeskus.ui.widgets.record_editor import heading_label
from jarjestokeskus.ui.widgets.unsaved import confirm_leaving_edits

SEARCH_DELAY_MS = 150
FILTER_WIDTH = 260  # a long choice (a funder's name) is elided in the closed filter box
STATUS_MS = 8000  # how long "Saved: …" stays in the status bar
ROW_FLAGS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def fill_combo(combo: QComboBox, everything: str, items: Iterable[tuple[str, object]]) -> None:
    """ "All …" and the items; the chosen item stays chosen when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.blockSignals(False)


def _indexes(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[QModelIndex]:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _indexes(model, index)


def list_table(model: QAbstractItemModel) -> QTableView:
    """A sortable table of whole rows, one chosen at a time."""
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class RegisterView(QWidget):
    """A list with an editor beside it; the subclass sets the class attributes and the hooks below."""

    count_changed = Signal(int)

    id_role: int = Qt.ItemDataRole.UserRole  # where a row keeps its record's id (column 0)
    has_search = True
    has_archive_box = True  # a "Show archived" check box among the filters
    lazy = False  # rows read when first shown, not when built
    splitter_sizes = (700, 700)
    stretch = (1, 1)
    areas: tuple[str, ...] = ()  # changes of these areas (services.changes) refresh the list

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._loaded = False
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.search.setVisible(self.has_search)
        self.archived_box = QCheckBox()
        self.archived_box.toggled.connect(self._archive_toggled)
        self.archived_box.setVisible(self.has_archive_box)
        self.count_label = QLabel()
        self.table = self.build_table()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the editor
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.focus_editor())  # Enter or double-click
        self.editor = self.build_editor()
        # The record named in the status bar: before after_save/after_archive empty the editor.
        self.editor.saved.connect(lambda _id: self.tell_done(_("Saved: {name}")))
        self.editor.archived.connect(lambda _id: self.tell_done(_("Archived: {name}")))
        self.editor.restored.connect(lambda _id: self.tell_done(_("Restored: {name}")))
        self.editor.saved.connect(self.after_save)
        self.editor.archived.connect(self.after_archive)
        self.editor.restored.connect(self.after_archive)
        self.filters: list[QWidget] = self.build_filters()
        for widget in self.filters:
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                widget.setMaximumWidth(FILTER_WIDTH)
                widget.currentIndexChanged.connect(self.apply_filters)
        self._layout()
        self._keys()
        if self.areas:
            watch_changes(self, self.db, self.areas, self.refresh_after_change)
        self.retranslate()
        if not self.lazy:
            self.ensure_loaded()

    def _layout(self) -> None:
        filters = FlowLayout()  # on two rows when the list is narrow (Swedish, 1280 × 720)
        extras = self.extra_widgets()
        for widget in (*self.filters, self.archived_box, *extras):
            filters.addWidget(widget)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        for widget in (self.count_label, *self.below_list()):
            left_layout.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, self.stretch[0])
        self.splitter.setStretchFactor(1, self.stretch[1])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes(list(self.splitter_sizes))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body(self.splitter), 1)
        chain = [w for w in (self.search, *self.filters, self.archived_box) if not w.isHidden()]
        chain += [*extras, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if self.editor.focusProxy() is None:
            QWidget.setTabOrder(self.table, self.editor.first_widget())

    def _keys(self) -> None:
        """Esc in the search clears it; Esc in the editor goes back (asking first); F6 switches."""
        # Contexts are set afterwards: PySide6 ignores a `context=` keyword, and two window-wide
        # Esc shortcuts would be ambiguous and neither would fire.
        shortcuts = (
            (
                Qt.Key.Key_Escape,
                self.editor,
                self.escape_editor,
                Qt.ShortcutContext.WidgetWithChildrenShortcut,
            ),
            (Qt.Key.Key_Escape, self.search, self.search.clear, Qt.ShortcutContext.WidgetShortcut),
            (Qt.Key.Key_F6, self, self.switch_focus, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        )
        for key, widget, slot, context in shortcuts:
            shortcut = QShortcut(QKeySequence(key), widget, slot)
            shortcut.setContext(context)

    # --- what each register supplies -----------------------------------------------------------
    def build_table(self) -> QAbstractItemView:
        raise NotImplementedError

    def build_editor(self) -> Any:
        raise NotImplementedError

    def build_filters(self) -> list[QWidget]:
        """Filter combos (their changes re-read the list) and other widgets in the filter row."""
        return []

    def extra_widgets(self) -> list[QWidget]:
        """Buttons at the right end of the filter row."""
        return []

    def below_list(self) -> list[QWidget]:
        return []

    def body(self, splitter: QSplitter) -> QWidget:
        """The list and the editor as shown (the staff view puts them on a tab)."""
        return splitter

    def retranslate(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        """Read the rows for the search and filters as they are now into the list."""
        raise NotImplementedError

    def reload_choices(self) -> None:
        """Filter choices that come from the records (municipalities, funders, years)."""

    def row_total(self) -> int:
        return self.table.model().rowCount()

    def fit_list(self) -> None:  # the columns widened to the values read (after a reload, on show)
        fit_columns(self.table)

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def showing_archive(self) -> bool:
        return self.archived_box.isChecked()

    def start_new(self) -> None:
        """A blank record in the editor."""
        self.editor.new_record()

    # --- loading and the list -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self.ensure_loaded()
        self.fit_list()  # also over the widths the window restored from the last session
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload_choices()
            self.clear_editor()
            self.apply_filters()

    def apply_filters(self) -> None:
        """Search text and filters changed: the matching rows; the open record stays chosen."""
        if not self._loaded:
            self.ensure_loaded()
            return
        self._search_timer.stop()
        selected = self.editor.current_id()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # rows coming and going choose no record
        try:
            self.reload()
            self.fit_list()
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.title.text(), problem.user_message())
        finally:
            selection.blockSignals(False)
        self.show_count()
        if selected is not None:
            self.select(selected, load=False)

    def refresh_after_change(self) -> None:
        """A record was saved, archived or restored somewhere: the choices and the list again."""
        if not self._loaded:
            return
        with contextlib.suppress(DatabaseProblem):
            self.reload_choices()
        self.apply_filters()

    def show_count(self) -> None:
        total = self.row_total()
        self.count_label.setText(self.count_text(total) + read_at(self.db))  # when it can be stale
        self.count_changed.emit(total)

    def record_id(self, index: QModelIndex) -> uuid.UUID | None:
        return index.siblingAtColumn(0).data(self.id_role) if index.isValid() else None

    def index_of(self, record_id: uuid.UUID) -> QModelIndex:
        found = (i for i in _indexes(self.table.model(), QModelIndex()) if i.data(self.id_role) == record_id)
        return next(found, QModelIndex())

    def select(self, record_id: uuid.UUID, load: bool = True) -> None:
        """Make the record's row current; with `load`, open it in the editor too."""
        index = self.index_of(record_id)
        if not index.isValid():
            return
        selection = self.table.selectionModel()
        selection.blockSignals(not load)
        selection.setCurrentIndex(index, ROW_FLAGS)
        selection.blockSignals(False)
        self.table.scrollTo(index)
        if load and self.editor.current_id() != record_id:
            self.open(record_id)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record_id = self.record_id(current)
        if record_id is None or record_id == self.editor.current_id():
            return
        if not self.confirm_leaving_edits():
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(previous, ROW_FLAGS)
            selection.blockSignals(False)
            return
        self.open(record_id)

    def _open_first_match(self) -> None:
        self.apply_filters()
        first = next((i for i in _indexes(self.table.model(), QModelIndex()) if self.record_id(i)), None)
        if first is not None:
            self.table.setFocus()
            self.select(self.record_id(first))  # type: ignore[arg-type]

    def open(self, record_id: uuid.UUID) -> None:
        try:
            self.editor.load(record_id)
            self.editor.setEnabled(True)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.title.text(), problem.user_message())
            # It may have been archived meanwhile: the list as it is now. When the database itself
            # failed, the message above said so already.
            with contextlib.suppress(DatabaseProblem):
                self.reload()
                self.show_count()

    def confirm_leaving_edits(self) -> bool:
        return confirm_leaving_edits(self, self.editor, self.editor.leave_question())

    def _archive_toggled(self) -> None:
        if not self.confirm_leaving_edits():
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(not self.archived_box.isChecked())
            self.archived_box.blockSignals(False)
            return
        self.clear_editor()
        self.apply_filters()

    def clear_editor(self) -> None:
        """Nothing chosen: a blank form for a new record (none in the archive or read-only)."""
        self.editor.new_record()
        self.editor.setEnabled(not self.showing_archive() and not self.db.read_only)

    # --- keys ----------------------------------------------------------------------------------
    def focus_editor(self) -> None:
        """From the list into the editor (Enter, F6, Tab)."""
        if self.editor.isEnabled():
            self.editor.focus_first_field()

    def escape_editor(self) -> None:
        """Esc in the editor: unsaved edits are saved, thrown away or kept (asked); then the list."""
        if not self.confirm_leaving_edits():
            return
        self.table.setFocus()

    def switch_focus(self) -> None:
        if self.editor.isAncestorOf(self.focusWidget()):
            self.table.setFocus()
        else:
            self.focus_editor()

    # --- actions from the main window ----------------------------------------------------------
    def new_record(self) -> None:
        if self.db.read_only or not self.confirm_leaving_edits():
            return
        if self.archived_box.isChecked():
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(False)
            self.archived_box.blockSignals(False)
            self.apply_filters()
        self.table.clearSelection()
        self.start_new()
        self.editor.setEnabled(True)
        self.editor.focus_first_field()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save(self) -> bool:
        return self.editor.save()

    def tell_done(self, message: str) -> None:  # "Saved: Vaasan Martat ry" in the status bar
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message.format(name=self.editor.heading.text()), STATUS_MS)

    def after_save(self, record_id: uuid.UUID) -> None:
        self.reload_choices()
        self.apply_filters()
        self.select(record_id, load=False)

    def after_archive(self, _record_id: uuid.UUID) -> None:
        self.reload_choices()
        self.clear_editor()
        self.apply_filters()
