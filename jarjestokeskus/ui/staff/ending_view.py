"""Periods ending in the next 30, 60 or 90 days, and ended periods still without an outcome."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, format_date, ngettext
from jarjestokeskus.services.staff.ending import EndingRow, ended_without_outcome, ending_periods

DAYS = (30, 60, 90)


class EndingView(QWidget):
    """Two lists; a double click on a row asks the staff view to open that person."""

    person_chosen = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.title = QLabel()
        self.days_label = QLabel()
        self.days = QComboBox()
        self.days_label.setBuddy(self.days)
        self.days.currentIndexChanged.connect(self.reload)
        self.ending = self._table()
        self.no_outcome_title = QLabel()
        self.no_outcome = self._table()
        top = QHBoxLayout()
        top.addWidget(self.days_label)
        top.addWidget(self.days)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.ending, 1)
        layout.addWidget(self.no_outcome_title)
        layout.addWidget(self.no_outcome, 1)
        self.retranslate()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        table.cellDoubleClicked.connect(lambda row, _column, t=table: self._chosen(t, row))
        return table

    def _chosen(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.person_chosen.emit(item.data(256))

    def retranslate(self) -> None:
        current = self.days.currentData() or DAYS[0]
        self.days.blockSignals(True)
        self.days.clear()
        for days in DAYS:
            self.days.addItem(ngettext("{count} day", "{count} days", days).format(count=days), days)
        self.days.setCurrentIndex(DAYS.index(current))
        self.days.blockSignals(False)
        self.days_label.setText(_("Periods ending &within:"))
        headers = [_("Name"), _("Scheme"), _("Title"), _("End date"), _("Days left")]
        self.ending.setHorizontalHeaderLabels(headers)
        self.no_outcome.setHorizontalHeaderLabels([*headers[:4], _("Days since the end")])
        self.reload()

    def reload(self) -> None:
        today = self.today or date.today()
        days = self.days.currentData() or DAYS[0]
        ending = ending_periods(self.db, today, days)
        ended = ended_without_outcome(self.db, today)
        self.title.setText(
            ngettext(
                "{count} period ends within {days} days",
                "{count} periods end within {days} days",
                len(ending),
            ).format(count=len(ending), days=days)
        )
        self.no_outcome_title.setText(
            ngettext(
                "{count} ended period without an outcome",
                "{count} ended periods without an outcome",
                len(ended),
            ).format(count=len(ended))
        )
        self._fill(self.ending, ending, lambda r: r.days_left)
        self._fill(self.no_outcome, ended, lambda r: -r.days_left)

    def _fill(self, table: QTableWidget, rows: list[EndingRow], days) -> None:  # type: ignore[no-untyped-def]
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (row.name, row.scheme.label, row.title, format_date(row.end_date), str(days(row)))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(256, row.person_id)
                table.setItem(index, column, item)
        table.resizeColumnsToContents()

    def names(self, table: QTableWidget) -> list[str]:
        return [table.item(r, 0).text() for r in range(table.rowCount())]  # type: ignore[union-attr]
