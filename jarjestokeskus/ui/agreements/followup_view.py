"""The follow-up view: per counterparty and year, each goal's latest status; what needs attention stands out."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.agreements import MonitoringForm, label
from jarjestokeskus.domain.enums import MonitoringStatus
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date, format_number, localized
from jarjestokeskus.services import changes
from jarjestokeskus.services.agreements.followup import STALE_DAYS, add_monitoring_entry, follow_up
from jarjestokeskus.services.agreements.register import counterparties
from jarjestokeskus.services.agreements.rows import FollowUp, FollowUpGoalRow
from jarjestokeskus.ui.widgets.changes import watch_changes
from jarjestokeskus.ui.widgets.closed_year import NotConfirmed, confirming
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, FieldBox

WARNING = "⚠"
COL_AGREEMENT, COL_GOAL, COL_STATUS, COL_DATE, COL_ATTENTION = range(5)
GOAL_ROLE = Qt.ItemDataRole.UserRole


class FollowUpView(QWidget):
    """Choose a counterparty and a year; add a monitoring entry to the chosen goal."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result = FollowUp((), ())
        self.setStyleSheet(STYLE_SHEET)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.counterparty = QComboBox()
        self.counterparty.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year = QComboBox()
        self.counterparty_label, self.year_label = QLabel(), QLabel()
        self.counterparty_label.setBuddy(self.counterparty)
        self.year_label.setBuddy(self.year)
        choose = QHBoxLayout()
        for widget in (self.counterparty_label, self.counterparty, self.year_label, self.year):
            choose.addWidget(widget)
        choose.addStretch(1)
        self.alerts = QLabel(wordWrap=True)
        self.alerts.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.alerts.font())
        bold.setBold(True)
        self.alerts.setFont(bold)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_entry_box)
        self.legend = QLabel(wordWrap=True)
        self.entry_box = QGroupBox()
        self.entry_date = QLineEdit()
        self.date_box = FieldBox(self.entry_date)
        self.entry_status = QComboBox()
        self.entry_note = QLineEdit()
        self.add_button = QPushButton(clicked=self.add_entry)
        self.entry_labels = {key: QLabel() for key in ("goal", "entry_date", "status", "note")}
        self.goal_name = QLabel(wordWrap=True)
        self.goal_figures = QLabel(wordWrap=True)  # the year's events and survey for the goal
        form = QFormLayout(self.entry_box)
        form.addRow(self.entry_labels["goal"], self.goal_name)
        form.addRow("", self.goal_figures)
        form.addRow(self.entry_labels["entry_date"], self.date_box)
        form.addRow(self.entry_labels["status"], self.entry_status)
        form.addRow(self.entry_labels["note"], self.entry_note)
        form.addRow(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(choose)
        layout.addWidget(self.alerts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.entry_box)
        self.counterparty.currentIndexChanged.connect(self.refresh)
        self.year.currentIndexChanged.connect(self.refresh)
        self.retranslate()
        # New agreements bring new counterparties; a renamed organisation its new name.
        watch_changes(self, db, (changes.AGREEMENTS, changes.ORGANISATIONS), self.reload)

    def retranslate(self) -> None:
        self.title.setText(_("Follow-up of agreements"))
        self.counterparty_label.setText(_("&Counterparty:"))
        self.year_label.setText(_("&Year:"))
        self.table.setHorizontalHeaderLabels(
            [_("Agreement"), _("Goal"), _("Latest status"), _("Date"), _("Attention")]
        )
        self.legend.setText(
            _("{mark} marks a goal without a follow-up entry in {days} days.").format(
                mark=WARNING, days=STALE_DAYS
            )
        )
        self.entry_box.setTitle(_("New follow-up entry"))
        self.entry_labels["goal"].setText(_("Goal:"))
        self.entry_labels["entry_date"].setText(label("entry_date") + ":")
        self.entry_labels["status"].setText(_("Status:"))
        self.entry_labels["note"].setText(label("note") + ":")
        self.entry_date.setPlaceholderText(_("d.m.yyyy"))
        self.add_button.setText(_("&Add entry"))
        current = self.entry_status.currentData()
        self.entry_status.clear()
        for member in MonitoringStatus:
            self.entry_status.addItem(member.label, member)
        self.entry_status.setCurrentIndex(max(0, self.entry_status.findData(current)))
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        language = current_language()
        for combo in (self.counterparty, self.year):
            combo.blockSignals(True)
        chosen, year = self.counterparty.currentData(), self.year.currentData()
        self.counterparty.clear()
        self.counterparty.addItem(_("All counterparties"), None)
        try:
            choices = counterparties(self.db)
        except DatabaseProblem:
            choices = []
        for organisation_id, fi, sv in choices:
            self.counterparty.addItem(localized(fi, sv, language), str(organisation_id))
        self.counterparty.setCurrentIndex(max(0, self.counterparty.findData(chosen)))
        this_year = date.today().year
        self.year.clear()
        self.year.addItem(_("All years"), None)
        for value in range(this_year + 2, this_year - 12, -1):
            self.year.addItem(str(value), value)
        self.year.setCurrentIndex(max(0, self.year.findData(year if year is not None else this_year)))
        for combo in (self.counterparty, self.year):
            combo.blockSignals(False)

    def reload(self) -> None:
        """The counterparties offered and the goals again."""
        self._fill_choices()
        self.refresh()

    def refresh(self) -> None:
        chosen = self.counterparty.currentData()
        try:
            self.result = follow_up(self.db, uuid.UUID(chosen) if chosen else None, self.year.currentData())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Follow-up of agreements"), problem.user_message())
            self.result = FollowUp((), ())
        self._show()

    def _show(self) -> None:
        language = current_language()
        lines = []
        for alert in self.result.alerts:
            title = localized(alert.title_fi, alert.title_sv, language)
            if alert.notice_soon:
                lines.append(
                    _("{mark} {title}: renewal notice by {date}").format(
                        mark=WARNING, title=title, date=format_date(alert.renewal_notice_date)
                    )
                )
            if alert.ends_soon:
                lines.append(
                    _("{mark} {title}: ends on {date}").format(
                        mark=WARNING, title=title, date=format_date(alert.valid_to)
                    )
                )
        self.alerts.setText("\n".join(lines))
        self.alerts.setVisible(bool(lines))
        self.table.setRowCount(len(self.result.goals))
        for index, row in enumerate(self.result.goals):
            self._fill_row(index, row, language)
        self.table.resizeColumnsToContents()
        for column in (COL_AGREEMENT, COL_GOAL):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self._update_entry_box()

    def _fill_row(self, index: int, row: FollowUpGoalRow, language: str) -> None:
        texts = (
            localized(row.agreement_title_fi, row.agreement_title_sv, language),
            localized(row.title_fi, row.title_sv, language),
            row.latest_status.label if row.latest_status else _("No entries"),
            format_date(row.latest_date),
            f"{WARNING} " + _("No recent entry") if row.stale else "",
        )
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if row.stale:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if column == 0:
                item.setData(GOAL_ROLE, row.goal_id)
            self.table.setItem(index, column, item)

    def current_goal(self) -> FollowUpGoalRow | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectedItems():
            return None
        return self.result.goals[row] if row < len(self.result.goals) else None

    def _update_entry_box(self) -> None:
        goal = self.current_goal()
        name = localized(goal.title_fi, goal.title_sv, current_language()) if goal else ""
        self.goal_name.setText(name or _("Choose a goal in the table."))
        self.goal_figures.setText(self._figures_text(goal))
        self.add_button.setEnabled(goal is not None and not self.db.read_only)

    def _figures_text(self, goal: FollowUpGoalRow | None) -> str:
        from jarjestokeskus.services.events.goal_figures import goal_figures

        year = self.year.currentData() or date.today().year
        if goal is None:
            return ""
        figures = goal_figures(self.db, goal.goal_id, year, current_language())
        lines = []
        if figures.events:
            lines.append(
                _(
                    "Events in {year}: {events}, participants {attended}, organisations reached {organisations}"
                ).format(
                    year=year,
                    events=figures.events,
                    attended=figures.attended,
                    organisations=figures.organisations,
                )
            )
        if figures.feedback_average is not None:
            lines.append(
                _("Their feedback: {answers} scored answers, average {average}").format(
                    answers=figures.feedback_answers, average=format_number(figures.feedback_average)
                )
            )
        if figures.survey:
            observed = ", ".join(f"{theme} {count}" for theme, count in figures.survey)
            lines.append(
                _("Welfare survey {year}, organisations that observed: {observed}").format(
                    year=year, observed=observed
                )
            )
        return "\n".join(lines)

    def add_entry(self) -> bool:
        goal = self.current_goal()
        if goal is None or self.db.read_only:
            return False
        self.date_box.clear_error()
        form = MonitoringForm(
            goal.goal_id, self.entry_date.text(), self.entry_status.currentData(), self.entry_note.text()
        )
        try:
            confirming(self, lambda: add_monitoring_entry(self.db, form))
        except NotConfirmed:
            return False
        except ValidationFailed as exc:
            self.date_box.show_error("\n".join(e.message for e in exc.errors))
            self.entry_date.setFocus()
            return False
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Follow-up of agreements"), problem.user_message())
            return False
        self.entry_date.clear()
        self.entry_note.clear()
        goal_id = goal.goal_id
        self.refresh()
        for index, row in enumerate(self.result.goals):
            if row.goal_id == goal_id:
                self.table.selectRow(index)
        return True
