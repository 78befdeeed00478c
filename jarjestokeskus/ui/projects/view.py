"""The Projects view: search, filters by status, funder, instrument and year, the list and the editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import FundingInstrument, ProjectStatus
from jarjestokeskus.i18n import _, current_language, format_number, ngettext
from jarjestokeskus.services.projects import register as service
from jarjestokeskus.services.rows import localized
from jarjestokeskus.ui.projects.editor import ProjectEditor
from jarjestokeskus.ui.projects.table_model import COL_NAME, ID_ROLE, SORT_ROLE, ProjectTableModel
from jarjestokeskus.ui.widgets.unsaved import confirm_leaving_edits

SEARCH_DELAY_MS = 150


class ProjectsView(QWidget):
    """Every project the umbrella runs or takes part in; the archive behind a check box."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = ProjectTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build()
        self.retranslate()
        self.clear_editor()
        self.apply_filters()

    def _build(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.status_filter = QComboBox()
        self.funder_filter = QComboBox()
        self.instrument_filter = QComboBox()
        self.year_filter = QComboBox()
        self.filters = (self.status_filter, self.funder_filter, self.instrument_filter, self.year_filter)
        filters = QHBoxLayout()
        for combo in self.filters:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filters)
            filters.addWidget(combo)
        self.funder_filter.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 30)
        self.archived_box = QCheckBox()
        self.archived_box.toggled.connect(self._archive_toggled)
        filters.addWidget(self.archived_box)
        filters.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_NAME, 260)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()

        self.editor = ProjectEditor(self.db, self)
        self.editor.saved.connect(self._after_save)
        self.editor.archived.connect(self._after_archive)
        self.editor.restored.connect(self._after_archive)
        # The context is set after construction: PySide6 ignores a `context=` keyword here, and two
        # window-wide Esc shortcuts would be ambiguous and neither would fire.
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.editor, self.editor.cancel)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        chain: list[QWidget] = [self.search, *self.filters, self.archived_box, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        self.title.setText(_("Projects"))
        self.search.setPlaceholderText(_("Search by name, code or owner (Ctrl+F)"))
        self.archived_box.setText(_("Show archi&ved projects"))
        self._fill(self.status_filter, _("All statuses"), [(m.label, m) for m in ProjectStatus])
        self._fill(self.instrument_filter, _("All instruments"), [(m.label, m) for m in FundingInstrument])
        if self.funder_filter.count():
            self.funder_filter.setItemText(0, _("All funders"))
        if self.year_filter.count():
            self.year_filter.setItemText(0, _("All years"))
        self.reload_filters()
        self.model.retranslate()
        self.proxy.invalidate()
        self.editor.retranslate()
        self._show_count()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def reload_filters(self) -> None:
        """The funders and years in use change when fundings are saved."""
        language = current_language()
        # As text: a combo's findData() does not compare UUID objects by value.
        funders = [
            (localized(fi, sv, language), str(funder_id)) for funder_id, fi, sv in service.funders(self.db)
        ]
        self._fill(self.funder_filter, _("All funders"), funders)
        self._fill(self.year_filter, _("All years"), [(str(y), y) for y in service.funding_years(self.db)])

    # --- the list ------------------------------------------------------------------------
    def query(self) -> service.ProjectQuery:
        funder = self.funder_filter.currentData()
        return service.ProjectQuery(
            text=self.search.text(),
            status=self.status_filter.currentData(),
            funder_id=uuid.UUID(funder) if funder else None,
            instrument=self.instrument_filter.currentData(),
            year=self.year_filter.currentData(),
            archived=self.archived_box.isChecked(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        selected = self.editor.current_id()
        try:
            rows = service.list_projects(self.db, self.query())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Projects"), problem.user_message())
            rows = []
        first = self.model.rowCount() == 0
        self.model.set_rows(rows)
        if first and rows:
            for column in range(COL_NAME + 1, self.model.columnCount() - 1):
                self.table.resizeColumnToContents(column)
        self._show_count()
        if selected is not None:
            self._select(selected, load=False)

    def _show_count(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(
            ngettext("{count} project", "{count} projects", total).format(count=format_number(total))
        )

    def _archive_toggled(self) -> None:
        if not self.confirm_leaving_edits():
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(not self.archived_box.isChecked())
            self.archived_box.blockSignals(False)
            return
        self.clear_editor()
        self.apply_filters()

    def _select(self, project_id: uuid.UUID, load: bool = True) -> None:
        row = self.model.row_of(project_id)
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
        if load and self.editor.current_id() != project_id:
            self.open(project_id)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        project_id = current.data(ID_ROLE) if current.isValid() else None
        if project_id is None or project_id == self.editor.current_id():
            return
        if not self.confirm_leaving_edits():
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            selection.blockSignals(False)
            return
        self.open(project_id)

    def _open_first_match(self) -> None:
        self.apply_filters()
        if self.proxy.rowCount():
            self.table.setFocus()
            self._select(self.proxy.index(0, COL_NAME).data(ID_ROLE))

    def open(self, project_id: uuid.UUID) -> None:
        try:
            self.editor.load(project_id)
            self.editor.setEnabled(True)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Projects"), problem.user_message())
            self.apply_filters()

    def confirm_leaving_edits(self) -> bool:
        return confirm_leaving_edits(
            self, self.editor, _("The project has changes that are not saved. Save them?")
        )

    # --- actions from the main window ----------------------------------------------------
    def new_record(self) -> None:
        if self.db.read_only or not self.confirm_leaving_edits():
            return
        if self.archived_box.isChecked():
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(False)
            self.archived_box.blockSignals(False)
            self.apply_filters()
        self.table.clearSelection()
        self.editor.new_project()
        self.editor.setEnabled(True)
        self.editor.focus_first_field()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save(self) -> bool:
        return self.editor.save()

    def _after_save(self, project_id: uuid.UUID) -> None:
        self.reload_filters()
        self.apply_filters()
        self._select(project_id, load=False)

    def _after_archive(self, _project_id: uuid.UUID) -> None:
        self.clear_editor()
        self.apply_filters()

    def clear_editor(self) -> None:
        """Nothing chosen: a blank form for a new project (none in the archive or read-only)."""
        self.editor.new_project()
        self.editor.setEnabled(not self.archived_box.isChecked() and not self.db.read_only)
