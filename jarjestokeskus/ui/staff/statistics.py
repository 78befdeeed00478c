"""Staff figures of a year: persons and person-years by scheme, long-term unemployed placed, outcomes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
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
from jarjestokeskus.domain.enums import EmploymentOutcome
from jarjestokeskus.i18n import _, format_number
from jarjestokeskus.services.staff.statistics import YearStatistics, staff_statistics, statistics_years

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class StaffStatistics(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.stats: YearStatistics | None = None
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year_label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(self._show)
        self.schemes = QTableWidget(0, 3)
        self.outcomes = QTableWidget(0, 2)
        for table in (self.schemes, self.outcomes):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(wordWrap=True)
        self.definition = QLabel(wordWrap=True)
        self.outcomes_title = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.schemes, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcomes_title)
        layout.addWidget(self.outcomes, 1)
        layout.addWidget(self.definition)
        self.retranslate()

    def retranslate(self) -> None:
        self.year_label.setText(_("&Year:"))
        self.schemes.setHorizontalHeaderLabels([_("Scheme"), _("Persons"), _("Person-years")])
        self.outcomes.setHorizontalHeaderLabels([_("Outcome"), _("Periods")])
        self.outcomes_title.setText(_("Outcomes of the periods that ended in the year"))
        self.definition.setText(
            _(
                "Person-years: the days of the year within each period × hours a week ÷ 37.5 (or days a week × "
                "hours a day ÷ 37.5; full time when not given) ÷ the days of the year."
            )
        )
        self.reload()

    def reload(self) -> None:
        current = self.year.currentData()
        today = self.today or date.today()
        years = statistics_years(self.db, today)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(current if current else today.year)))
        self.year.blockSignals(False)
        self._show()

    def _show(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        self.stats = stats = staff_statistics(self.db, year)
        rows = [
            (f.scheme.label, format_number(f.persons), format_number(f.person_years)) for f in stats.schemes
        ]
        rows.append((_("Total"), format_number(stats.persons), format_number(stats.person_years)))
        # Work trial and rehabilitative work are not employment: participants, no person-years.
        rows += [
            (_("{scheme} (participants)").format(scheme=f.scheme.label), format_number(f.persons), "")
            for f in stats.participant_schemes
        ]
        self.schemes.setRowCount(len(rows))
        for index, values in enumerate(rows):
            self._set(self.schemes, index, values)
        self.summary.setText(
            _("Long-term unemployed people placed in {year}: {count}").format(
                year=year, count=format_number(stats.long_term_unemployed_placed)
            )
        )
        outcomes = [(o, stats.outcomes[o]) for o in (*EmploymentOutcome, None) if o in stats.outcomes]
        self.outcomes.setRowCount(len(outcomes))
        for index, (outcome, count) in enumerate(outcomes):
            name = outcome.label if outcome is not None else _("Not yet recorded")
            self._set(self.outcomes, index, (name, format_number(count)))
        self.schemes.resizeColumnsToContents()
        self.outcomes.resizeColumnsToContents()

    @staticmethod
    def _set(table: QTableWidget, row: int, values: tuple[str, ...]) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column > 0:
                item.setTextAlignment(RIGHT)
            table.setItem(row, column, item)
