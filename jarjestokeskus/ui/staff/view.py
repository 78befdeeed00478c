"""The Staff view: the list and the person's form, the ending periods and the year's statistics as tabs."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, format_number, ngettext
from jarjestokeskus.services.staff import employment as service
from jarjestokeskus.ui.staff.editor import EmploymentEditor
from jarjestokeskus.ui.staff.ending_view import EndingView
from jarjestokeskus.ui.staff.statistics import StaffStatistics
from jarjestokeskus.ui.staff.table_model import COL_NAME, ID_ROLE, SORT_ROLE, StaffTableModel
from jarjestokeskus.ui.widgets.unsaved import confirm_leaving_edits

TAB_STAFF, TAB_ENDING, TAB_STATISTICS = range(3)


class StaffView(QWidget):
    """Tabs: Staff (list + editor in `splitter`), Ending periods, Statistics."""

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.model = StaffTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self.retranslate()
        self.reload()

    def _build(self) -> None:
        self.title = QLabel(objectName="viewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self.reload())
        self.show_archived = QCheckBox()
        self.show_archived.toggled.connect(lambda _on: self._archive_toggled())
        self.limits_button = QPushButton()
        self.limits_button.clicked.connect(self.open_limits)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 170, 170, 90)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.editor = EmploymentEditor(self.db, self)
        self.editor.saved.connect(self._after_save)
        self.editor.archived.connect(self._after_change)
        self.editor.restored.connect(self._after_change)
        self.editor.erased.connect(self._after_save)
        # The context is set after construction: PySide6 ignores a `context=` keyword, and two
        # window-wide Esc shortcuts would be ambiguous and neither would fire.
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.editor, self.editor.cancel)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        options = QHBoxLayout()
        options.addWidget(self.show_archived)
        options.addStretch(1)
        options.addWidget(self.limits_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(options)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([700, 700])
        self.ending = EndingView(self.db, self, today=self.today)
        self.ending.person_chosen.connect(self.show_person)
        self.statistics = StaffStatistics(self.db, self, today=self.today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.ending, "")
        self.tabs.addTab(self.statistics, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.search, self.show_archived)
        self.setTabOrder(self.show_archived, self.limits_button)
        self.setTabOrder(self.limits_button, self.table)

    def retranslate(self) -> None:
        self.title.setText(_("Staff"))
        self.search.setPlaceholderText(_("Search by name or title (Ctrl+F)"))
        self.show_archived.setText(_("Show a&rchived"))
        self.limits_button.setText(_("Scheme &limits…"))
        self.tabs.setTabText(TAB_STAFF, _("Staff"))
        self.tabs.setTabText(TAB_ENDING, _("Ending periods"))
        self.tabs.setTabText(TAB_STATISTICS, _("Statistics"))
        self.model.retranslate()
        self.editor.retranslate()
        self.ending.retranslate()
        self.statistics.retranslate()
        self._show_count()

    # --- the list ------------------------------------------------------------------------
    def reload(self) -> None:
        rows = service.list_staff(
            self.db,
            self.today or date.today(),
            archived=self.show_archived.isChecked(),
            text=self.search.text(),
        )
        selected = self.editor.current_id()
        self.model.set_rows(rows)
        self._show_count()
        if selected is not None:
            self._select(selected, load=False)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(
            ngettext("{count} person", "{count} persons", count).format(count=format_number(count))
        )

    def _archive_toggled(self) -> None:
        if self.confirm_leaving_edits():
            self.editor.new_person()
        self.reload()

    def _select(self, person_id: uuid.UUID, load: bool = True) -> None:
        row = self.model.row_of(person_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_NAME))
        selection = self.table.selectionModel()
        selection.blockSignals(not load)
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.blockSignals(False)
        self.table.scrollTo(index)
        if load:
            self.open(person_id)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        person_id = current.data(ID_ROLE) if current.isValid() else None
        if person_id is None or person_id == self.editor.current_id():
            return
        if not self.confirm_leaving_edits():
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.selectionModel().blockSignals(False)
            return
        self.open(person_id)

    def open(self, person_id: uuid.UUID) -> None:
        try:
            self.editor.load(person_id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Staff"), problem.user_message())
            self.reload()

    def show_person(self, person_id: uuid.UUID) -> None:
        """From the ending view: open the person on the Staff tab."""
        if not self.confirm_leaving_edits():
            return
        self.tabs.setCurrentIndex(TAB_STAFF)
        if self.model.row_of(person_id) < 0 and self.show_archived.isChecked():
            self.show_archived.setChecked(False)
        self._select(person_id)
        if self.editor.current_id() != person_id:
            self.open(person_id)

    def _tab_changed(self, index: int) -> None:
        if index == TAB_ENDING:
            self.ending.reload()
        elif index == TAB_STATISTICS:
            self.statistics.reload()

    def confirm_leaving_edits(self) -> bool:
        return confirm_leaving_edits(
            self, self.editor, _("The person has changes that are not saved. Save them?")
        )

    # --- actions from the main window ----------------------------------------------------
    def new_record(self) -> None:
        if not self.confirm_leaving_edits() or self.db.read_only:
            return
        self.tabs.setCurrentIndex(TAB_STAFF)
        self.table.clearSelection()
        self.editor.new_person()
        self.editor.add_period()
        self.editor.dirty = False
        self.editor.focus_first_field()

    def save(self) -> bool:
        return self.editor.save()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_STAFF)
        self.search.setFocus()
        self.search.selectAll()

    def open_limits(self) -> None:
        from jarjestokeskus.ui.staff.scheme_limits_dialog import SchemeLimitsDialog

        SchemeLimitsDialog(self.db, self).exec()
        self.editor.check_limits()

    def _after_save(self, person_id: uuid.UUID) -> None:
        self.reload()
        self._select(person_id, load=False)
        self.ending.reload()
        self.statistics.reload()

    def _after_change(self, _person_id: uuid.UUID) -> None:
        self.editor.new_person()
        self.reload()
        self.ending.reload()
        self.statistics.reload()
