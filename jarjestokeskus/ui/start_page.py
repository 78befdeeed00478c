"""The start page: key figures and what is overdue or falls due soon, each row opening its record."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, current_language, format_date, format_money, format_number, ngettext
from jarjestokeskus.services.deadlines import DeadlineRow, KeyFigures, deadlines, key_figures

RECORD_ROLE = Qt.ItemDataRole.UserRole
WARNING_SIGN = "⚠"
COLUMNS = 4


def days_text(days_left: int) -> str:
    """“today”, “in 3 days” or “overdue by 5 days” in the UI language."""
    if days_left == 0:
        return _("today")
    if days_left > 0:
        return ngettext("in {count} day", "in {count} days", days_left).format(count=days_left)
    late = -days_left
    return ngettext("overdue by {count} day", "overdue by {count} days", late).format(count=late)


def what_text(row: DeadlineRow) -> str:
    if row.detail is None:
        return row.kind.label
    return _("{what}: {detail}").format(what=row.kind.label, detail=row.detail.label)


class DeadlineTable(QTableWidget):
    """A read-only table that reports Enter on a row like a double click."""

    row_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.cellDoubleClicked.connect(lambda row, _column: self.row_chosen.emit(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.row_chosen.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    """Key figures above, deadlines below; `open_record(view, record_id)` asks to open a record."""

    open_record = Signal(str, object)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.rows: list[DeadlineRow] = []
        self.figures_box = QGroupBox()
        self.figures = QFormLayout()
        self.staff_title = QLabel()
        self.staff = QLabel()
        self.staff.setAlignment(Qt.AlignmentFlag.AlignTop)
        staff_column = QVBoxLayout()
        staff_column.addWidget(self.staff_title)
        staff_column.addWidget(self.staff, 1)
        figures_row = QHBoxLayout(self.figures_box)
        figures_row.addLayout(self.figures)
        figures_row.addSpacing(40)
        figures_row.addLayout(staff_column)
        figures_row.addStretch(1)
        self.deadlines_box = QGroupBox()
        self.days_label = QLabel()
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(30)
        self.days_label.setBuddy(self.days)
        self.days.valueChanged.connect(self.refresh)
        self.table = DeadlineTable()
        self.table.row_chosen.connect(self._choose)
        self.empty = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.days_label)
        top.addWidget(self.days)
        top.addStretch(1)
        box = QVBoxLayout(self.deadlines_box)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty)
        box.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.deadlines_box, 1)
        self.retranslate()

    def _today(self) -> date:
        return self.today or date.today()

    def retranslate(self) -> None:
        self.figures_box.setTitle(_("Key figures"))
        self.deadlines_box.setTitle(_("Deadlines"))
        self.staff_title.setText(_("Staff by scheme:"))
        self.days_label.setText(_("Overdue and due within (days):"))
        self.hint.setText(_("Double-click a row or press Enter to open its record."))
        self.table.setHorizontalHeaderLabels([_("Due date"), _("What"), _("Name"), _("When")])
        self.refresh()

    def refresh(self) -> None:
        """Read the figures and deadlines again (after a save elsewhere, or a new day)."""
        today = self._today()
        self._show_figures(key_figures(self.db, today))
        self.rows = deadlines(self.db, today, self.days.value())
        self._show_rows()

    def _show_figures(self, figures: KeyFigures) -> None:
        while self.figures.rowCount():
            self.figures.removeRow(0)
        language = current_language()
        self.figures.addRow(_("Member organisations:"), QLabel(format_number(figures.members, language)))
        self.figures.addRow(_("Running projects:"), QLabel(format_number(figures.active_projects, language)))
        self.figures.addRow(
            _("Grants granted for {year}:").format(year=self._today().year),
            QLabel(format_money(figures.granted_this_year, language)),
        )
        self.figures.addRow(
            _("Agreements in force:"), QLabel(format_number(figures.agreements_in_force, language))
        )
        staff = "\n".join(
            _("{scheme}: {count}").format(scheme=scheme.label, count=format_number(count, language))
            for scheme, count in figures.staff_by_scheme
        )
        self.staff.setText(staff or _("none"))

    def _show_rows(self) -> None:
        language = current_language()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            when = days_text(row.days_left)
            texts = [
                format_date(row.due_date, language),
                what_text(row),
                row.name(language),
                f"{WARNING_SIGN} {when}" if row.overdue else when,
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if row.overdue:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(_("Overdue"))
                item.setData(RECORD_ROLE, (row.view, row.record_id))
                self.table.setItem(index, column, item)
        self.empty.setVisible(not self.rows)
        self.empty.setText(_("Nothing is overdue or due within {days} days.").format(days=self.days.value()))

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            row = self.rows[index]
            self.open_record.emit(row.view, row.record_id)

    def record_at(self, index: int) -> tuple[str, uuid.UUID]:
        """The (view, record id) a row opens."""
        row = self.rows[index]
        return row.view, row.record_id
