"""The Goals tab: the goals listed by title; the chosen goal's commitments, indicator, follow-up beneath."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.domain.agreements import GoalForm, label
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.agreements.rows import GoalRow
from jarjestokeskus.ui.agreements.tables import GoalTable

TEXT_KEYS = ("our_commitment", "counterparty_commitment", "indicator", "follow_up_method")


class GoalsPanel(QWidget):
    """`table` keeps every goal's values (the long texts in hidden columns); the texts are edited below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = GoalTable()
        for key in TEXT_KEYS:
            self.table.table.setColumnHidden(self.table.keys.index(key), True)
        header = self.table.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.table.table.currentCellChanged.connect(lambda *_args: self._show_current())
        self.table.rows_removed.connect(self._show_current)
        self.edits = {key: QPlainTextEdit() for key in TEXT_KEYS}
        self.labels = {key: QLabel() for key in TEXT_KEYS}
        self.entries_label = QLabel()
        self.entries = QListWidget()
        self._entries: dict[uuid.UUID, tuple[str, ...]] = {}
        details = QWidget()
        form = QFormLayout(details)
        for key, edit in self.edits.items():
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4)
            edit.textChanged.connect(lambda k=key: self._typed(k))
            self.labels[key].setBuddy(edit)
            form.addRow(self.labels[key], edit)
        form.addRow(self.entries_label, self.entries)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show_current()

    def retranslate(self) -> None:
        self.table.retranslate()
        for key, widget_label in self.labels.items():
            widget_label.setText(label(key) + ":")
        self.entries_label.setText(_("Follow-up entries:"))
        self._show_current()

    def set_goals(self, forms: list[GoalForm], goals: tuple[GoalRow, ...]) -> None:
        """The goals as the form holds them, and their stored monitoring entries; the first is chosen."""
        self.table.set_goals(forms)
        self._entries = {
            g.id: tuple(
                _("{date}: {status} – {note} ({writer})").format(
                    date=format_date(e.entry_date), status=e.status.label, note=e.note, writer=e.written_by
                )
                for e in reversed(g.entries)
            )
            for g in goals
        }
        if self.table.row_count():
            self.table.table.setCurrentCell(0, 0)
        self._show_current()

    def _show_current(self) -> None:
        row = self.table.table.currentRow()
        valid = 0 <= row < self.table.row_count()
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(self.table.text(row, key) if valid else "")
            edit.blockSignals(False)
            edit.setEnabled(valid)
        self.entries.clear()
        goal_id = self.table.ids(row) if valid else None
        lines = self._entries.get(goal_id, ()) if isinstance(goal_id, uuid.UUID) else ()
        self.entries.addItems(list(lines) or [_("No follow-up entries yet.")])

    def _typed(self, key: str) -> None:
        row = self.table.table.currentRow()
        if 0 <= row < self.table.row_count() and not self.table.read_only:
            self.table.set_text(row, key, self.edits[key].toPlainText())

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
