"""The Organisations view (and the Archive): search, filters, the list and the editor beside it."""

from __future__ import annotations

import contextlib
import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.i18n import _, current_language, format_number, ngettext
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.ui.organisations.editor import OrganisationEditor
from jarjestokeskus.ui.organisations.table_model import COL_NAME, ID_ROLE, OrganisationTableModel
from jarjestokeskus.ui.widgets.unsaved import confirm_leaving_edits

SEARCH_DELAY_MS = 150


class OrganisationsView(QWidget):
    """One list of organisations, the current ones or (archived=True) the archive."""

    count_changed = Signal(int)

    def __init__(self, db: Database, archived: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.archived = archived
        self.model = OrganisationTableModel(
            lambda query, limit: service.first_page(db, query, limit),
            lambda query, offset, limit, total: service.list_organisations(db, query, offset, limit, total),
            self,
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build()
        self._loaded = False  # rows are read when the view is first shown: a fast start
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload_municipalities()
            self.clear_editor()
            self.apply_filters()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(objectName="viewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.status_filter = QComboBox()
        self.field_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.municipality_filter = QComboBox()
        self.municipality_filter.setMinimumContentsLength(12)
        for combo in (self.status_filter, self.field_filter, self.kind_filter, self.municipality_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filters)
        filters = QHBoxLayout()
        for combo in (self.status_filter, self.field_filter, self.kind_filter, self.municipality_filter):
            filters.addWidget(combo)
        filters.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_NAME, 320)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()

        self.editor = OrganisationEditor(self.db, self)
        self.editor.saved.connect(self._after_save)
        self.editor.archived.connect(self._after_archive)
        self.editor.restored.connect(self._after_archive)
        # PySide6 ignores a `context=` keyword here: set the context afterwards.
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
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([680, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.field_filter)
        self.setTabOrder(self.field_filter, self.kind_filter)
        self.setTabOrder(self.kind_filter, self.municipality_filter)
        self.setTabOrder(self.municipality_filter, self.table)

    def retranslate(self) -> None:
        self.title.setText(_("Archive: archived organisations") if self.archived else _("Organisations"))
        self.search.setPlaceholderText(
            _("Search by name, abbreviation, business ID or municipality (Ctrl+F)")
        )
        self._fill(self.status_filter, _("All membership statuses"), list(MembershipStatus))
        self._fill(self.field_filter, _("All fields"), list(Field))
        self._fill(self.kind_filter, _("All kinds"), list(OrganisationKind))
        if self.municipality_filter.count():
            self.municipality_filter.setItemText(0, _("All municipalities"))
        self.model.retranslate()
        if self._loaded and self.model.query.language != current_language():
            self.apply_filters()
        self.editor.retranslate()
        self._show_count()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, members: list) -> None:  # type: ignore[type-arg]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for member in members:
            combo.addItem(member.label, member)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def reload_municipalities(self) -> None:
        current = self.municipality_filter.currentData()
        self.municipality_filter.blockSignals(True)
        self.municipality_filter.clear()
        self.municipality_filter.addItem(_("All municipalities"), None)
        names = service.municipalities(self.db)
        for name in names:
            self.municipality_filter.addItem(name, name)
        self.editor.set_municipalities(names)
        index = self.municipality_filter.findData(current) if current else 0
        self.municipality_filter.setCurrentIndex(max(0, index))
        self.municipality_filter.blockSignals(False)

    # --- the list ------------------------------------------------------------------------
    def apply_filters(self) -> None:
        """Search text and filters changed: ask the service for the matching page."""
        if not self._loaded:
            self.ensure_loaded()
            return
        self._search_timer.stop()
        selected = self.editor.current_id()
        query = self.model.query.with_(
            text=self.search.text(),
            membership_status=self.status_filter.currentData(),
            field=self.field_filter.currentData(),
            kind=self.kind_filter.currentData(),
            municipality=self.municipality_filter.currentData(),
            archived=self.archived,
            language=current_language(),
        )
        self.model.set_query(query)
        self._show_count()
        if selected is not None:
            self._select(selected, load=False)

    def _show_count(self) -> None:
        total = self.model.total
        text = ngettext("{count} organisation", "{count} organisations", total)
        self.count_label.setText(text.format(count=format_number(total)))
        self.count_changed.emit(total)

    def _select(self, organisation_id: uuid.UUID, load: bool = True) -> None:
        row = self.model.row_of(organisation_id)
        if row < 0:
            return
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().blockSignals(not load)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        organisation_id = current.data(ID_ROLE) if current.isValid() else None
        if organisation_id is None or organisation_id == self.editor.current_id():
            return
        if not self.confirm_leaving_edits():
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.selectionModel().blockSignals(False)
            return
        self.open(organisation_id)

    def _open_first_match(self) -> None:
        self.apply_filters()
        if self.model.rowCount():
            self.table.setFocus()
            self._select(self.model.row_at(0).id)  # type: ignore[union-attr]

    def open(self, organisation_id: uuid.UUID) -> None:
        try:
            self.editor.load(organisation_id)
            self.editor.setEnabled(True)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Organisations"), problem.user_message())
            # It may have been archived meanwhile: the list as it is now. When the database itself
            # failed, the message above said so already.
            with contextlib.suppress(DatabaseProblem):
                self.apply_filters()

    def confirm_leaving_edits(self) -> bool:
        return confirm_leaving_edits(
            self, self.editor, _("The organisation has changes that are not saved. Save them?")
        )

    # --- actions from the main window ----------------------------------------------------
    def new_record(self) -> None:
        if self.archived or not self.confirm_leaving_edits():
            return
        self.table.clearSelection()
        self.editor.new_organisation()
        self.editor.focus_first_field()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save(self) -> bool:
        return self.editor.save()

    def _after_save(self, organisation_id: uuid.UUID) -> None:
        self.reload_municipalities()
        self.apply_filters()
        self._select(organisation_id, load=False)

    def _after_archive(self, _organisation_id: uuid.UUID) -> None:
        self.reload_municipalities()
        self.clear_editor()
        self.apply_filters()

    def clear_editor(self) -> None:
        """Nothing chosen: a blank form for a new one, or (in the archive) nothing to edit."""
        self.editor.new_organisation()
        self.editor.setEnabled(not self.archived and not self.db.read_only)
