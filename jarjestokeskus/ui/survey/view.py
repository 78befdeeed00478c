"""The Welfare survey view: a year's responses (answered, partly, not yet), writing the forms,
importing returned forms or a web survey's export, reminders to copy, and the appendix table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.domain.survey import ResponseState
from jarjestokeskus.i18n import _, current_language, format_date, ngettext
from jarjestokeskus.services.exports.files import ExportFailed
from jarjestokeskus.services.organisations.import_files import ImportFileProblem
from jarjestokeskus.services.survey.responses import ResponseRow, reminder_addresses, response_status
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress
from jarjestokeskus.ui.widgets.record_editor import heading_label


class SurveyView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[ResponseRow] = []
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.year_label = QLabel()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.questions_button = QPushButton(clicked=self.edit_questions)
        self.forms_button = QPushButton(clicked=self.write_forms)
        self.import_button = QPushButton(clicked=self.import_forms)
        self.web_button = QPushButton(clicked=self.import_web)
        self.remind_button = QPushButton(clicked=self.copy_reminders)
        self.appendix_button = QPushButton(clicked=self.write_appendix)
        self.objectives_button = QPushButton(clicked=self.edit_objectives)
        self.opens_label, self.closes_label = QLabel(), QLabel()
        self.opens, self.closes = QLineEdit(), QLineEdit()
        for label, edit in ((self.opens_label, self.opens), (self.closes_label, self.closes)):
            label.setBuddy(edit)
            edit.setMaximumWidth(110)
            edit.setPlaceholderText("1.9.2026")
            edit.returnPressed.connect(self.save_period)
        self.period_button = QPushButton(clicked=self.save_period)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        for button in (self.questions_button, self.forms_button, self.import_button, self.web_button):
            top.addWidget(button)
        top.addStretch(1)
        period = QHBoxLayout()
        for widget in (self.opens_label, self.opens, self.closes_label, self.closes, self.period_button):
            period.addWidget(widget)
        period.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.objectives_button)
        bottom.addWidget(self.remind_button)
        bottom.addWidget(self.appendix_button)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.hint)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._loaded = False
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.title.setText(_("Welfare survey"))
        self.year_label.setText(_("&Year"))
        self.questions_button.setText(_("&Questions…"))
        self.forms_button.setText(_("&Write the forms…"))
        self.import_button.setText(_("&Import returned forms…"))
        self.web_button.setText(_("Import a &web survey…"))
        self.remind_button.setText(_("&Copy reminder addresses"))
        self.appendix_button.setText(_("&Appendix table…"))
        self.objectives_button.setText(_("Welfare-plan &objectives…"))
        self.search.setPlaceholderText(_("Search the free-text answers"))
        self.search.setAccessibleName(_("Search the free-text answers"))
        self.opens_label.setText(_("Answering &starts"))
        self.closes_label.setText(_("and &ends"))
        self.period_button.setText(_("Save the &period"))
        self.hint.setText(
            _(
                "The contribution to the municipality's welfare report is printed in Reports. "
                "The questions ask for no personal data."
            )
        )
        if self._loaded:
            self.refresh()
        else:
            self._state_columns()

    def _state_columns(self) -> None:
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [_("Organisation"), _("Municipality"), _("State"), _("Received")]
        )

    def refresh(self) -> None:
        self._loaded = True
        if self.search.text().strip():
            self._show_hits()
            return
        try:
            self.rows = response_status(self.db, self.year.value(), current_language())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
            return
        self._state_columns()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (row.organisation, row.municipality, row.state.label, format_date(row.received_on))
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        counts = {state: sum(1 for r in self.rows if r.state == state) for state in ResponseState}
        self.summary.setText(" · ".join(f"{state.label}: {counts[state]}" for state in ResponseState))
        self._show_period()
        writable = not self.db.read_only
        for button in (self.forms_button, self.import_button, self.web_button, self.period_button):
            button.setEnabled(writable)
        self.remind_button.setEnabled(bool(reminder_addresses(self.rows)))

    def _show_hits(self) -> None:
        """The free-text answers found, in place of the response states while the search has text."""
        from jarjestokeskus.services.survey.responses import search_answers

        text = self.search.text().strip()
        try:
            hits = search_answers(self.db, self.year.value(), text, current_language())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
            return
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([_("Organisation"), _("Question"), _("Answer")])
        self.table.setRowCount(len(hits))
        for index, hit in enumerate(hits):
            for column, value in enumerate((hit.organisation, hit.question, hit.text)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            ngettext(
                "{count} answer contains “{text}”", "{count} answers contain “{text}”", len(hits)
            ).format(count=len(hits), text=text)
        )

    def _work(self, label: str, work):  # type: ignore[no-untyped-def]
        try:
            return run_with_progress(self, label, work)
        except Cancelled:
            return None
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Welfare survey"),
                _("The file cannot be written: {reason}").format(reason=os_reason(error)),
            )
        except (DatabaseProblem, ExportFailed) as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
        except ImportFileProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), str(problem))
        return None

    def confirm_leaving_edits(self) -> bool:
        return True

    def open(self, survey_id: object) -> None:
        """From the start page's survey dates: the survey's year."""
        from jarjestokeskus.services.survey.questions import survey_year

        year = survey_year(self.db, survey_id)  # type: ignore[arg-type]
        if year is not None:
            self.year.setValue(year)

    def _show_period(self) -> None:
        from jarjestokeskus.services.survey.questions import survey_period

        period = survey_period(self.db, self.year.value())
        self.opens.setText(format_date(period.opens_on) if period and period.opens_on else "")
        self.closes.setText(format_date(period.closes_on) if period and period.closes_on else "")

    def save_period(self) -> None:
        from jarjestokeskus.domain.validation import ValidationFailed
        from jarjestokeskus.services.survey.questions import set_period

        try:
            set_period(self.db, self.year.value(), self.opens.text(), self.closes.text())
        except ValidationFailed as failed:
            QMessageBox.warning(self, _("Welfare survey"), "\n".join(e.message for e in failed.errors))
            (self.opens if failed.errors[0].field == "opens_on" else self.closes).setFocus()
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
            return
        self._status(_("The survey period of {year} was saved").format(year=self.year.value()))
        self._show_period()

    def edit_questions(self) -> None:
        from jarjestokeskus.ui.survey.questions_dialog import QuestionsDialog

        try:
            dialog = QuestionsDialog(self.db, self.year.value(), self)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
            return
        try:
            if dialog.exec() == QuestionsDialog.DialogCode.Accepted:
                self._status(_("The questions of {year} were saved").format(year=self.year.value()))
        finally:
            dialog.deleteLater()
        self.refresh()

    def edit_objectives(self) -> None:
        from jarjestokeskus.ui.survey.objectives_dialog import ObjectivesDialog

        dialog = ObjectivesDialog(self.db, self.year.value(), self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def write_forms(self) -> None:
        from jarjestokeskus.services.survey.forms import write_forms

        folder = QFileDialog.getExistingDirectory(self, _("Folder for the forms"), QDir.homePath())
        if not folder:
            return
        year = self.year.value()
        written = self._work(
            _("Writing the forms…"), lambda progress: write_forms(self.db, year, Path(folder), progress)
        )
        if written is not None:
            self._status(_("Forms written: {count}").format(count=len(written)))
        self.refresh()

    def import_forms(self) -> None:
        from jarjestokeskus.services.survey.forms import import_forms

        names, _chosen = QFileDialog.getOpenFileNames(
            self, _("Returned forms"), QDir.homePath(), _("Excel workbooks (*.xlsx)")
        )
        if not names:
            return
        outcomes = self._work(
            _("Importing the forms…"), lambda _progress: import_forms(self.db, None, [Path(n) for n in names])
        )
        if outcomes is not None:
            self._report([(o.path.name, o.stored, o.errors) for o in outcomes])
        self.refresh()

    def import_web(self) -> None:
        from jarjestokeskus.services.organisations.import_files import read_table
        from jarjestokeskus.services.survey.questions import ensure_survey, questions
        from jarjestokeskus.services.survey.web_import import import_web_export
        from jarjestokeskus.ui.survey.mapping_dialog import WebMappingDialog

        name, _chosen = QFileDialog.getOpenFileName(
            self, _("A web survey's export"), QDir.homePath(), _("Tables (*.csv *.xlsx)")
        )
        if not name:
            return
        year = self.year.value()
        try:
            table = read_table(Path(name))
            ensure_survey(self.db, year)
            asked = questions(self.db, year)
        except ImportFileProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), str(problem))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Welfare survey"), problem.user_message())
            return
        dialog = WebMappingDialog(table, asked, self)
        try:
            if dialog.exec() != WebMappingDialog.DialogCode.Accepted:
                return
            mapping = dialog.mapping()
        finally:
            dialog.deleteLater()
        outcomes = self._work(
            _("Importing the answers…"),
            lambda _progress: import_web_export(self.db, year, Path(name), mapping),
        )
        if outcomes is not None:
            self._report([(_("row {row}").format(row=o.row), o.stored, o.errors) for o in outcomes])
        self.refresh()

    def _report(self, outcomes: list[tuple[str, bool, tuple[str, ...]]]) -> None:
        saved = sum(1 for _name, stored, _errors in outcomes if stored)
        lines = [_("Saved: {saved}, not saved: {failed}").format(saved=saved, failed=len(outcomes) - saved)]
        for name, _stored, errors in outcomes:
            lines += [f"{name}: {error}" for error in errors]
        box = QMessageBox.information if saved == len(outcomes) else QMessageBox.warning
        box(self, _("Welfare survey"), "\n".join(lines[:40]))

    def copy_reminders(self) -> None:
        addresses = reminder_addresses(self.rows)
        QGuiApplication.clipboard().setText("; ".join(addresses))
        self._status(_("{count} addresses copied for a reminder").format(count=len(addresses)))

    def write_appendix(self) -> None:
        from jarjestokeskus.services.survey.appendix import write_appendix

        name, _chosen = QFileDialog.getSaveFileName(
            self, _("Appendix table"), QDir.homePath(), _("Excel workbooks (*.xlsx)")
        )
        if not name:
            return
        year, language = self.year.value(), current_language()
        count = self._work(
            _("Writing the table…"),
            lambda _progress: write_appendix(self.db, year, Path(name), "xlsx", (), language),
        )
        if count is not None:
            self._status(_("Answers of {count} organisations written").format(count=count))

    def _status(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)
