"""The Agreements view: search (goals and commitments too), filters, the register as a tree, the editor."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.i18n import _, current_language, format_date, format_number, ngettext
from jarjestokeskus.services.agreements import register as service
from jarjestokeskus.services.agreements.rows import AgreementNode, AgreementRow
from jarjestokeskus.services.rows import localized
from jarjestokeskus.ui.agreements.editor import AgreementEditor
from jarjestokeskus.ui.widgets.unsaved import confirm_leaving_edits

SEARCH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole
COL_TITLE, COL_KIND, COL_STATUS, COL_PERIOD, COL_PARTIES = range(5)
RENEWAL_MARK = "↻"


def period_text(row: AgreementRow) -> str:
    if row.valid_from is None and row.valid_to is None:
        return ""
    return _("{start} – {end}").format(start=format_date(row.valid_from), end=format_date(row.valid_to))


class AgreementsView(QWidget):
    """Every agreement with the city, the county and the associations; the archive behind a check box.

    `table` is a QTreeWidget: use `table.header()`.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._count = 0
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.kind_filter = QComboBox()
        self.status_filter = QComboBox()
        self.counterparty_filter = QComboBox()
        self.year_filter = QComboBox()
        self.filters = (self.kind_filter, self.status_filter, self.counterparty_filter, self.year_filter)
        filters = QHBoxLayout()
        for combo in self.filters:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filters)
            filters.addWidget(combo)
        self.counterparty_filter.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 30)
        self.archived_box = QCheckBox()
        self.archived_box.toggled.connect(self._archive_toggled)
        filters.addStretch(1)
        self.table = QTreeWidget()
        self.table.setColumnCount(5)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setUniformRowHeights(True)
        self.table.header().resizeSection(COL_TITLE, 360)
        self.table.currentItemChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.editor = AgreementEditor(db, self)
        self.editor.saved.connect(self._after_change)
        self.editor.archived.connect(self._after_change)
        self.editor.restored.connect(self._after_change)
        # The context is set afterwards: PySide6 ignores a `context=` keyword here.
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
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.archived_box)
        left_layout.addLayout(bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        self.apply_filters()

    def retranslate(self) -> None:
        self.title.setText(_("Agreements"))
        self.search.setPlaceholderText(_("Search titles, parties, goals and commitments (Ctrl+F)"))
        self.archived_box.setText(_("Show archi&ved agreements"))
        self.table.setHeaderLabels([_("Agreement"), _("Kind"), _("Status"), _("Valid"), _("Parties")])
        self._fill(self.kind_filter, _("All kinds"), [(m.label, m) for m in AgreementKind])
        self._fill(self.status_filter, _("All statuses"), [(m.label, m) for m in AgreementStatus])
        self.reload_filters()
        self.editor.retranslate()
        self.apply_filters()

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
        language = current_language()
        # As text: a combo's findData() does not compare UUID objects by value.
        names = [(localized(fi, sv, language), str(i)) for i, fi, sv in service.counterparties(self.db)]
        self._fill(self.counterparty_filter, _("All counterparties"), names)
        this_year = date.today().year
        years = [(str(y), y) for y in range(this_year + 3, this_year - 15, -1)]
        self._fill(self.year_filter, _("All years"), years)

    # --- the register ----------------------------------------------------------------------
    def query(self) -> service.AgreementQuery:
        counterparty = self.counterparty_filter.currentData()
        return service.AgreementQuery(
            text=self.search.text(),
            kind=self.kind_filter.currentData(),
            status=self.status_filter.currentData(),
            counterparty_id=uuid.UUID(counterparty) if counterparty else None,
            year=self.year_filter.currentData(),
            archived=self.archived_box.isChecked(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        try:
            rows = service.list_agreements(self.db, self.query())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Agreements"), problem.user_message())
            rows = []
        titles = {r.id: localized(r.title_fi, r.title_sv, current_language()) for r in rows}
        self.table.blockSignals(True)
        self.table.clear()
        for node in service.agreement_tree(rows):
            self.table.addTopLevelItem(self._item(node, titles))
        self.table.expandAll()
        self.table.blockSignals(False)
        for column in (COL_KIND, COL_STATUS, COL_PERIOD):
            self.table.resizeColumnToContents(column)
        self._count = len(rows)
        self.count_label.setText(
            ngettext("{count} agreement", "{count} agreements", self._count).format(
                count=format_number(self._count)
            )
        )
        selected = self.editor.current_id()
        if selected is not None:
            self._select(selected, load=False)

    def _item(self, node: AgreementNode, titles: dict[uuid.UUID, str]) -> QTreeWidgetItem:
        row = node.row
        language = current_language()
        title = titles[row.id] or _("Untitled agreement")
        if row.predecessor_id is not None:
            title = f"{RENEWAL_MARK} {title}"
        parties = ", ".join(n for n in (localized(fi, sv, language) for fi, sv in row.party_names) if n)
        item = QTreeWidgetItem([title, row.kind.label, row.status.label, period_text(row), parties])
        item.setData(COL_TITLE, ID_ROLE, row.id)
        item.setToolTip(COL_PARTIES, parties)
        if row.predecessor_id is not None:
            item.setToolTip(COL_TITLE, _("A renewal of an earlier agreement"))
        for child in node.children:
            item.addChild(self._item(child, titles))
        return item

    def row_count(self) -> int:
        return self._count

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append(item)
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.table.topLevelItemCount()):
            walk(self.table.topLevelItem(index))
        return found

    def _select(self, agreement_id: uuid.UUID, load: bool = True) -> None:
        item = next((i for i in self._items() if i.data(COL_TITLE, ID_ROLE) == agreement_id), None)
        if item is None:
            return
        self.table.blockSignals(not load)
        self.table.setCurrentItem(item)
        self.table.blockSignals(False)
        self.table.scrollToItem(item)
        if load and self.editor.current_id() != agreement_id:
            self.open(agreement_id)

    def _current_changed(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        agreement_id = current.data(COL_TITLE, ID_ROLE) if current is not None else None
        if agreement_id is None or agreement_id == self.editor.current_id():
            return
        if not self.confirm_leaving_edits():
            self.table.blockSignals(True)
            self.table.setCurrentItem(previous)
            self.table.blockSignals(False)
            return
        self.open(agreement_id)

    def _open_first_match(self) -> None:
        self.apply_filters()
        if self.table.topLevelItemCount():
            self.table.setFocus()
            self._select(self.table.topLevelItem(0).data(COL_TITLE, ID_ROLE))

    def open(self, agreement_id: uuid.UUID) -> None:
        try:
            self.editor.load(agreement_id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Agreements"), problem.user_message())
            self.apply_filters()

    def _after_change(self, agreement_id: uuid.UUID) -> None:
        self.reload_filters()
        self.apply_filters()
        self._select(agreement_id, load=False)

    def _archive_toggled(self) -> None:
        if not self.confirm_leaving_edits():
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(not self.archived_box.isChecked())
            self.archived_box.blockSignals(False)
            return
        self.editor.new_agreement()
        self.apply_filters()

    def confirm_leaving_edits(self) -> bool:
        return confirm_leaving_edits(
            self, self.editor, _("The agreement has changes that are not saved. Save them?")
        )

    # --- actions from the main window ----------------------------------------------------
    def new_record(self) -> None:
        if self.db.read_only or not self.confirm_leaving_edits():
            return
        self.table.clearSelection()
        self.editor.new_agreement()
        self.editor.focus_first_field()

    def save(self) -> bool:
        return self.editor.save()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
