"""The audit view: every change in the database, newest first, filtered by user, record kind and date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, _, format_datetime, ngettext
from jarjestokeskus.services.history import audit_log
from jarjestokeskus.services.history.audit_log import PAGE_SIZE, AuditPage, AuditQuery, AuditRow
from jarjestokeskus.services.history.fields import entity_label
from jarjestokeskus.ui.history.panel import ACTIONS, change_lines, local_time
from jarjestokeskus.ui.widgets.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

COL_WHEN, COL_WHO, COL_ACTION, COL_KIND, COL_RECORD, COL_CHANGES = range(6)
HEADERS = (N_("When"), N_("Who"), N_("Action"), N_("Record kind"), N_("Record"), N_("Changes"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# The date edits show this (as "–") for "no limit".
NO_DATE = QDate(2000, 1, 1)

FirstPage = Callable[[AuditQuery, int], AuditPage]
Pager = Callable[[AuditQuery, int, int], list[AuditRow]]


def action_label(action: str) -> str:
    return _(ACTIONS[action]) if action in ACTIONS else action


class AuditTableModel(PagedTableModel):
    """Holds the entries fetched so far; the view asks for more as the user scrolls."""

    def __init__(self, first_page: FirstPage, page: Pager, parent: Any = None) -> None:
        super().__init__(first_page, page, AuditQuery(), HEADERS, PAGE_SIZE, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_CHANGES:
            return "\n".join(change_lines(row.history())) or None
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: AuditRow, column: int) -> str:
        if column == COL_WHEN:
            return format_datetime(local_time(row.at))
        if column == COL_WHO:
            return row.user
        if column == COL_ACTION:
            return action_label(row.action)
        if column == COL_KIND:
            return entity_label(row.entity)
        if column == COL_RECORD:
            return row.owner_name(i18n.current_language())
        return "; ".join(change_lines(row.history()))


class AuditView(QWidget):
    """Filters above, the changes below; the count says how many match."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._filling = False
        self.model = AuditTableModel(
            lambda query, limit: audit_log.first_page(db, query, limit),
            lambda query, offset, limit: audit_log.audit_page(db, query, offset, limit),
            self,
        )
        self.user_label = QLabel()
        self.user_filter = QComboBox()
        self.kind_label = QLabel()
        self.kind_filter = QComboBox()
        self.since_label = QLabel()
        self.since = self._date_edit()
        self.until_label = QLabel()
        self.until = self._date_edit()
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = QLabel()
        for label, widget in (
            (self.user_label, self.user_filter),
            (self.kind_label, self.kind_filter),
            (self.since_label, self.since),
            (self.until_label, self.until),
        ):
            label.setBuddy(widget)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        filters = QHBoxLayout()
        for label, widget in (
            (self.user_label, self.user_filter),
            (self.kind_label, self.kind_filter),
            (self.since_label, self.since),
            (self.until_label, self.until),
        ):
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.user_filter.currentIndexChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.since.dateChanged.connect(self.apply_filters)
        self.until.dateChanged.connect(self.apply_filters)
        self._loaded = False  # the trail is read when the view is first shown: a fast start
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("–")
        edit.setDate(NO_DATE)
        edit.setDisplayFormat("d.M.yyyy")
        return edit

    # --- filters ----------------------------------------------------------------------------
    def query(self) -> AuditQuery:
        return AuditQuery(
            user=self.user_filter.currentData() or None,
            entity=self.kind_filter.currentData() or None,
            since=_day(self.since.date()),
            until=_day(self.until.date()),
        )

    def apply_filters(self) -> None:
        if self._filling or not self._loaded:
            return
        self.model.set_query(self.query())
        self.table.resizeColumnsToContents()
        self._show_count()

    def clear_filters(self) -> None:
        self._filling = True
        try:
            self.user_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            self.since.setDate(NO_DATE)
            self.until.setDate(NO_DATE)
        finally:
            self._filling = False
        self.apply_filters()

    def set_filters(
        self,
        user: str | None = None,
        entity: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> None:
        """Choose the filters at once (for the window's "history of this record" and for tests)."""
        self._filling = True
        try:
            self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(user or "")))
            self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(entity or "")))
            self.since.setDate(QDate(since) if since else NO_DATE)
            self.until.setDate(QDate(until) if until else NO_DATE)
        finally:
            self._filling = False
        self.apply_filters()

    def _fill_choices(self) -> None:
        """The users and record kinds the trail holds, keeping what was chosen."""
        self._filling = True
        try:
            user = self.user_filter.currentData() or ""
            kind = self.kind_filter.currentData() or ""
            self.user_filter.clear()
            self.user_filter.addItem(_("All users"), "")
            for name in audit_log.audit_users(self.db):
                self.user_filter.addItem(name, name)
            self.kind_filter.clear()
            self.kind_filter.addItem(_("All kinds"), "")
            kinds = sorted(audit_log.audit_entities(self.db), key=lambda e: i18n.sort_key(entity_label(e)))
            for entity in kinds:
                self.kind_filter.addItem(entity_label(entity), entity)
            self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(user)))
            self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))
        finally:
            self._filling = False

    def _show_count(self) -> None:
        total = self.model.total
        self.count.setText(ngettext("{count} change", "{count} changes", total).format(count=total))

    # --- the view's contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the trail again: new changes, new users and kinds."""
        self._loaded = True
        self._fill_choices()
        self.apply_filters()

    def retranslate(self) -> None:
        self.user_label.setText(_("&User:"))
        self.kind_label.setText(_("Record &kind:"))
        self.since_label.setText(_("&From:"))
        self.until_label.setText(_("&To:"))
        self.clear_button.setText(_("Clear filters"))
        self.since.setToolTip(_("Leave at – for no limit."))
        self.until.setToolTip(_("Leave at – for no limit."))
        if self._loaded:
            self._fill_choices()
            self._show_count()
        self.model.retranslate()

    def shown_rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests)."""
        return [
            [self.model.data(self.model.index(r, c)) for c in range(len(HEADERS))]
            for r in range(self.model.rowCount())
        ]


def _day(value: QDate) -> date | None:
    return None if value == NO_DATE else value.toPython()
