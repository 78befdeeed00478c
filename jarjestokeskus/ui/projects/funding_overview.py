"""The funding overview of a year: applied against granted by funder and instrument; reports to watch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import FundingInstrument
from jarjestokeskus.i18n import _, current_language, format_date, format_money, format_number, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.projects.funding import DUE_SOON_DAYS, year_overview
from jarjestokeskus.services.projects.register import funding_years
from jarjestokeskus.services.rows import AmountTotal, DueReportRow, YearOverview
from jarjestokeskus.ui.projects.funding_rules_dialog import FundingRulesDialog
from jarjestokeskus.ui.widgets.changes import watch_changes
from jarjestokeskus.ui.widgets.field_errors import ERROR_COLOUR

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class FundingOverview(QWidget):
    """One year at a time; `today` can be fixed (tests), else it is the computer's date."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.overview: YearOverview | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year_label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.days_label = QLabel()
        self.days = QSpinBox(minimum=1, maximum=365, value=DUE_SOON_DAYS)
        self.days_label.setBuddy(self.days)
        self.days.valueChanged.connect(self.refresh)
        self.rules_button = QPushButton(clicked=self.edit_rules)
        self.rules_button.setEnabled(not db.read_only)
        top = QHBoxLayout()
        for widget in (self.year_label, self.year, self.days_label, self.days):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.rules_button)
        self.totals = QLabel()
        bold = self.totals.font()
        bold.setBold(True)
        self.totals.setFont(bold)
        self.by_funder = _table(4)
        self.by_instrument = _table(4)
        self.reports = _table(6)
        self.funder_group, self.instrument_group, self.report_group = QGroupBox(), QGroupBox(), QGroupBox()
        for group, table in (
            (self.funder_group, self.by_funder),
            (self.instrument_group, self.by_instrument),
            (self.report_group, self.reports),
        ):
            QVBoxLayout(group).addWidget(table)
        sums = QHBoxLayout()
        sums.addWidget(self.funder_group)
        sums.addWidget(self.instrument_group)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addLayout(sums, 1)
        layout.addWidget(self.report_group, 2)
        self.retranslate()
        # A new year of funding, a changed sum or funder: the years offered and the figures again.
        watch_changes(self, db, (changes.PROJECTS, changes.ORGANISATIONS), self.reload_years)

    def retranslate(self) -> None:
        self.title.setText(_("Funding overview"))
        self.year_label.setText(_("&Year"))
        self.days_label.setText(_("Reports due within (&days)"))
        self.rules_button.setText(_("Funders' &rules…"))
        self.funder_group.setTitle(_("By funder"))
        self.instrument_group.setTitle(_("By instrument"))
        self.report_group.setTitle(_("Reports due soon and overdue"))
        self.by_funder.setHorizontalHeaderLabels([_("Funder"), _("Applied"), _("Granted"), _("Fundings")])
        self.by_instrument.setHorizontalHeaderLabels(
            [_("Instrument"), _("Applied"), _("Granted"), _("Fundings")]
        )
        self.reports.setHorizontalHeaderLabels(
            [_("State"), _("Due date"), _("Project"), _("Report"), _("Funder"), _("Year")]
        )
        self.reload_years()

    def reload_years(self) -> None:
        current = self.year.currentData()
        this_year = self.today().year
        years = sorted(set(funding_years(self.db)) | {this_year}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(current if current is not None else this_year)))
        self.year.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        try:
            self.overview = year_overview(self.db, year, self.today(), self.days.value())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Funding overview"), problem.user_message())
            return
        overview = self.overview
        totals = _("{year}: applied {applied}, granted {granted}").format(
            year=year,
            applied=format_money(overview.amount_applied),
            granted=format_money(overview.amount_granted),
        )
        if overview.running_fundings:
            totals += "; " + _(
                "running multi-year grants of earlier years: {count}, share of the year {share}"
            ).format(count=overview.running_fundings, share=format_money(overview.running_share))
        self.totals.setText(totals)
        language = current_language()
        self._fill_totals(
            self.by_funder, overview.by_funder, lambda t: t.name(language) or _("Funder not given")
        )
        self._fill_totals(
            self.by_instrument, overview.by_instrument, lambda t: FundingInstrument(t.key).label
        )
        self._fill_reports(overview.reports)

    def _fill_totals(self, table: QTableWidget, totals: tuple[AmountTotal, ...], name) -> None:  # type: ignore[no-untyped-def]
        table.setRowCount(len(totals))
        for row, total in enumerate(totals):
            texts = (
                name(total),
                format_money(total.amount_applied),
                format_money(total.amount_granted),
                format_number(total.fundings),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
        # The sums always show in full; the name takes what is left and is elided if need be.
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _fill_reports(self, reports: tuple[DueReportRow, ...]) -> None:
        language = current_language()
        self.reports.setRowCount(len(reports))
        for row, report in enumerate(reports):
            if report.overdue:
                days = -report.days_left
                state = ngettext("⚠ Overdue by {days} day", "⚠ Overdue by {days} days", days).format(
                    days=days
                )
            elif report.days_left == 0:
                state = _("Due today")
            else:
                days = report.days_left
                state = ngettext("Due in {days} day", "Due in {days} days", days).format(days=days)
            texts = (
                state,
                format_date(report.due_date),
                report.project_name(language),
                report.kind.label,
                report.funder_name(language),
                str(report.year),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                font = QFont(item.font())
                font.setBold(report.overdue or report.days_left <= 7 or column == 0)
                item.setFont(font)
                if report.overdue:
                    item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                self.reports.setItem(row, column, item)
        self.reports.resizeColumnsToContents()
        self.report_group.setTitle(
            _("Reports due soon and overdue")
            if reports
            else _("Reports due soon and overdue: none within {days} days").format(days=self.days.value())
        )

    def report_states(self) -> list[str]:
        """The state column as shown (for tests)."""
        return [self.reports.item(r, 0).text() for r in range(self.reports.rowCount())]

    def edit_rules(self) -> None:
        FundingRulesDialog(self.db, self).exec()
        self.refresh()
