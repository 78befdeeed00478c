"""The start page: key figures and what is overdue or falls due soon, each row opening its record;
beside them charts of grants by year and funder, staff by scheme and the agreements on a timeline."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.plain import PlainDatabase
from jarjestokeskus.i18n import _, current_language, format_date, format_money, format_number, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.calendar.deadlines import VIEW_AGREEMENTS, DeadlineRow, KeyFigures
from jarjestokeskus.services.start_charts import StartCharts
from jarjestokeskus.services.start_page import DEADLINE_DAYS, StartPageRead, read_start_page
from jarjestokeskus.ui.start.municipalities import MembersByMunicipality
from jarjestokeskus.ui.start.row_table import RowTable
from jarjestokeskus.ui.widgets.changes import watch_changes
from jarjestokeskus.ui.widgets.chart_base import Number
from jarjestokeskus.ui.widgets.charts import BarChart, BarSeries, HorizontalBarChart
from jarjestokeskus.ui.widgets.layout_fit import fit_columns
from jarjestokeskus.ui.widgets.timeline_chart import TimelineChart

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

RECORD_ROLE = Qt.ItemDataRole.UserRole
WARNING_SIGN = "⚠"
# The name before what is due: the name (free text) ends in "…" past its width, what is due is
# shown whole, so in a narrow window (1280×720) a long kind scrolls and the name stays in view.
COL_DUE, COL_NAME, COL_WHAT, COL_WHEN = range(4)
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


class DeadlineTable(RowTable):
    """When, name, what and when: name and what share the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, (COL_NAME, COL_WHAT), parent)
        # Name and what as wide as their texts (a long name ends in "…", the tooltip has it whole);
        # the list scrolls sideways in a small window rather than cutting a deadline's kind.
        for column in (COL_NAME, COL_WHAT):
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # Headings at the left, above where their texts begin (a wide kind column's heading would
        # otherwise sit in its middle, scrolled out of view).
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )


class RememberingSplitter(QSplitter):
    """A splitter that knows whether the user's sizes were restored (by the main window)."""

    restored = False

    def restoreState(self, state: QByteArray | bytes) -> bool:  # noqa: N802 (Qt's name)
        self.restored = super().restoreState(state)
        return self.restored


class StartPage(QWidget):
    """Key figures above, deadlines below; `open_record(view, record_id)` asks to open a record,
    `open_municipality(name)` the member organisations of a municipality.

    At the program's start the page may first read the file with sqlite3 alone (a PlainDatabase,
    ui/window/start_up.py), before the database layer has loaded; `attach` then gives it the
    database the window opened, whose saves it follows from then on."""

    open_record = Signal(str, object)
    open_municipality = Signal(str)

    def __init__(
        self, db: Database | PlainDatabase, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.rows: list[DeadlineRow] = []
        self._read: StartPageRead | None = None
        self._split = False
        self.figures_box = QGroupBox()
        self.figures = QFormLayout()
        figures_row = QHBoxLayout(self.figures_box)
        figures_row.addLayout(self.figures)
        figures_row.addStretch(1)
        self.deadlines_box = QGroupBox()
        self.days_label = QLabel()
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(DEADLINE_DAYS)
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
        left = QWidget()
        self.places = MembersByMunicipality()
        self.places.municipality_chosen.connect(self.open_municipality)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.figures_box)
        column.addWidget(self.deadlines_box, 1)
        self.splitter = RememberingSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._build_charts())
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.retranslate()
        if not isinstance(db, PlainDatabase):  # a file read before the database layer saves nothing
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Read `db` from now on, and again when a record it shows is saved there."""
        self.db = db
        areas = (
            changes.ORGANISATIONS,
            changes.PROJECTS,
            changes.AGREEMENTS,
            changes.STAFF,
            changes.YEAR_CLOCK,
        )
        watch_changes(self, db, areas, self._refresh_if_read)

    def _build_charts(self) -> QScrollArea:
        """The charts, one above the other, in a column that scrolls when the window is small."""
        self.funding_box, self.staff_box, self.agreements_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.funding_chart = BarChart()
        self.staff_chart = HorizontalBarChart()
        self.timeline = TimelineChart()
        self.timeline.agreement_chosen.connect(
            lambda record_id: self.open_record.emit(VIEW_AGREEMENTS, record_id)
        )
        self.timeline_hint = QLabel()
        self.timeline_hint.setWordWrap(True)
        QVBoxLayout(self.funding_box).addWidget(self.funding_chart)
        QVBoxLayout(self.staff_box).addWidget(self.staff_chart)
        timeline_layout = QVBoxLayout(self.agreements_box)
        timeline_layout.addWidget(self.timeline)
        timeline_layout.addWidget(self.timeline_hint)
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        for box in (self.funding_box, self.staff_box, self.agreements_box, self.places):
            column.addWidget(box)  # members by municipality too: this column scrolls in a low window
        column.addStretch(1)
        self.charts_area = QScrollArea()
        self.charts_area.setWidgetResizable(True)
        self.charts_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.charts_area.setWidget(charts)
        return self.charts_area

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # The first time, unless the main window restored the user's split: deadlines get more room.
        if not self._split and not self.splitter.restored:
            self._split = True
            width = max(self.splitter.width(), 1)
            self.splitter.setSizes([width * 56 // 100, width * 44 // 100])
        if self._read is None:  # read when first shown: the window opens on another view fast
            self.refresh()
        super().showEvent(event)

    def _today(self) -> date:
        return self.today or date.today()

    def retranslate(self) -> None:
        self.figures_box.setTitle(_("Key figures"))
        self.deadlines_box.setTitle(_("Deadlines"))
        self.funding_box.setTitle(_("Grants granted by year and funder"))
        self.staff_box.setTitle(_("Staff by scheme today"))
        self.agreements_box.setTitle(_("Agreements in force and starting within a year"))
        for box, chart in (
            (self.funding_box, self.funding_chart),
            (self.staff_box, self.staff_chart),
            (self.agreements_box, self.timeline),
        ):
            chart.setAccessibleName(box.title())
        self.funding_chart.set_empty_text(_("No grants granted in the last five years."))
        self.staff_chart.set_empty_text(_("Nobody has an employment period running today."))
        self.timeline.set_empty_text(_("No agreements in force or starting within a year."))
        self.timeline_hint.setText(_("Click an agreement, or press Enter on it, to open it."))
        self.days_label.setText(_("Overdue and due within (days):"))
        self.hint.setText(_("Double-click a row or press Enter to open its record."))
        self.table.setHorizontalHeaderLabels([_("Due date"), _("Name"), _("What"), _("When")])
        self.places.retranslate()
        if self._read is not None and self._read.language != current_language():
            self.show_read(self._read.in_language(self.db, current_language()))  # not read again

    def _refresh_if_read(self) -> None:
        if self._read is not None:  # else it reads when first shown
            self.refresh()

    def refresh(self) -> None:
        """Read the figures and deadlines again (after a save elsewhere, or a new day)."""
        self.show_read(read_start_page(self.db, self._today(), self.days.value(), current_language()))

    def show_read(self, read: StartPageRead) -> None:
        """Show what was read (here, or before the page was built: ui/window/start_up.py); what
        was read for another day or window of days is read again."""
        if (read.today, read.within_days) != (self._today(), self.days.value()):
            read = read_start_page(self.db, self._today(), self.days.value(), read.language)
        self._read = read.in_language(self.db, current_language())
        self._show_figures(self._read.figures)
        self.places.set_rows(self._read.places)
        self._show_charts(self._read.charts)
        self.rows = self._read.deadlines
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

    def _show_charts(self, charts: StartCharts) -> None:
        language = current_language()

        def money(value: Number) -> str:
            return format_money(Decimal(value), language)

        def number(value: Number) -> str:
            return format_number(value, language)

        funding = charts.funding
        series = [
            BarSeries(_("Other funders") if s.is_other else s.short_name(language), s.amounts, s.is_other)
            for s in funding.series
        ]
        self.funding_chart.axis_text = number
        self.funding_chart.set_data([str(year) for year in funding.years], series, money)
        self.staff_chart.set_data([(scheme.label, count) for scheme, count in charts.staff_by_scheme], number)
        self.timeline.set_data(charts.agreements, charts.today)
        self.timeline_hint.setVisible(bool(charts.agreements))

    def _show_rows(self) -> None:
        language = current_language()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            when = days_text(row.days_left)
            texts = [
                format_date(row.due_date, language),
                row.name(language),
                what_text(row),
                f"{WARNING_SIGN} {when}" if row.overdue else when,
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.overdue:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(f"{text}\n{_('Overdue')}")
                item.setData(RECORD_ROLE, (row.view, row.record_id))
                self.table.setItem(index, column, item)
        fit_columns(self.table)
        self.table.resizeColumnToContents(COL_WHAT)  # a deadline's kind whole, however long
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
