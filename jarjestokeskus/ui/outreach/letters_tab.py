"""The Letters tab: templates in Finnish and Swedish, and letters or labels for the chosen recipients."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.domain.outreach import RecipientFilter
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.report_data import home_names
from jarjestokeskus.services.outreach.letters import (
    FIELDS,
    TemplateForm,
    TemplateRow,
    archive_template,
    letters,
    save_template,
    templates,
)
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress
from jarjestokeskus.ui.widgets.field_errors import ErrorList, FieldBox


class TemplateErrors(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The template was not saved. Correct these and save again:"))


class LettersTab(QWidget):
    def __init__(self, db: Database, current_filter, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.db = db
        self.current_filter: Callable[[], RecipientFilter] = current_filter
        self.template = QComboBox()
        self.template.activated.connect(lambda _index: self._show(self.template.currentData()))
        self.new_button = QPushButton(clicked=lambda: self._show(None))
        self.remove_button = QPushButton(clicked=self.remove)
        self.errors = TemplateErrors()
        self.name = QLineEdit()
        self.title_fi, self.title_sv = QLineEdit(), QLineEdit()
        self.body_fi, self.body_sv = QPlainTextEdit(), QPlainTextEdit()
        for body in (self.body_fi, self.body_sv):
            body.setTabChangesFocus(True)
        self.boxes = {
            "name": FieldBox(self.name),
            "title_fi": FieldBox(self.title_fi),
            "title_sv": FieldBox(self.title_sv),
            "body_fi": FieldBox(self.body_fi),
            "body_sv": FieldBox(self.body_sv),
        }
        self.labels = {key: QLabel() for key in self.boxes}
        form = QFormLayout()
        for key, box in self.boxes.items():
            self.labels[key].setBuddy(box.field)
            form.addRow(self.labels[key], box)
        self.fields_hint = QLabel(wordWrap=True)
        self.save_button = QPushButton(clicked=self.save)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        self.write_button = QPushButton(clicked=self.write_combined)
        self.separate_button = QPushButton(clicked=self.write_separate)
        self.labels_button = QPushButton(clicked=self.write_labels)
        top = QHBoxLayout()
        top.addWidget(self.template, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(self.year_label)
        bottom.addWidget(self.year)
        for button in (self.write_button, self.separate_button, self.labels_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.errors)
        layout.addLayout(form, 1)
        layout.addWidget(self.fields_hint)
        layout.addLayout(bottom)
        self.shown: TemplateRow | None = None
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "name": _("&Name"),
            "title_fi": _("&Title in Finnish"),
            "title_sv": _("Title in S&wedish"),
            "body_fi": _("Letter in &Finnish"),
            "body_sv": _("Letter in Swe&dish"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.fields_hint.setText(
            _("Fields that each letter fills in: {fields}").format(
                fields=", ".join("{" + f + "}" for f in FIELDS)
            )
        )
        self.new_button.setText(_("N&ew template"))
        self.remove_button.setText(_("Remove template"))
        self.save_button.setText(_("&Save template"))
        self.year_label.setText(_("Fee &year"))
        self.write_button.setText(_("&Write letters…"))
        self.separate_button.setText(_("One file &each…"))
        self.labels_button.setText(_("Address &labels…"))
        self.errors.retranslate()

    def refresh(self) -> None:
        current = self.shown.id if self.shown else None
        try:
            rows = templates(self.db)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Letters"), problem.user_message())
            return
        self.template.clear()
        for row in rows:
            self.template.addItem(row.name, row)
        index = next((i for i, r in enumerate(rows) if r.id == current), 0)
        self.template.setCurrentIndex(index)
        self._show(rows[index] if rows else None)

    def _show(self, row: TemplateRow | None) -> None:
        self.shown = row
        self.errors.set_items([])
        for box in self.boxes.values():
            box.clear_error()
        self.name.setText(row.name if row else "")
        self.title_fi.setText(row.title_fi if row else "")
        self.title_sv.setText(row.title_sv if row else "")
        self.body_fi.setPlainText(row.body_fi if row else "")
        self.body_sv.setPlainText(row.body_sv if row else "")
        writable = not self.db.read_only
        self.save_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and row is not None)
        for button in (self.write_button, self.separate_button, self.labels_button):
            button.setEnabled(row is not None)

    def form(self) -> TemplateForm:
        return TemplateForm(
            self.name.text(),
            self.title_fi.text(),
            self.title_sv.text(),
            self.body_fi.toPlainText(),
            self.body_sv.toPlainText(),
        )

    def save(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        try:
            saved = save_template(
                self.db,
                self.form(),
                self.shown.id if self.shown else None,
                self.shown.version if self.shown else None,
            )
        except ValidationFailed as failed:
            for error in failed.errors:
                self.boxes[error.field].show_error(error.message)
            self.errors.set_items([(e.field, e.message) for e in failed.errors])
            self.boxes[failed.errors[0].field].field.setFocus()
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Letters"), problem.user_message())
            return
        self.shown = saved
        self.refresh()

    def remove(self) -> None:
        if self.shown is None:
            return
        question = _("Remove the template {name}?").format(name=self.shown.name)
        if QMessageBox.question(self, _("Letters"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            archive_template(self.db, self.shown.id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Letters"), problem.user_message())
        self.shown = None
        self.refresh()

    def _letters(self):  # type: ignore[no-untyped-def]
        if self.shown is None:
            return []
        return letters(self.db, self.shown, self.current_filter(), home_names(self.db), self.year.value())

    def _run(self, work) -> None:  # type: ignore[no-untyped-def]
        try:
            run_with_progress(self, _("Writing the letters…"), work)
        except Cancelled:
            return
        except OSError as error:
            QMessageBox.warning(
                self, _("Letters"), _("The file cannot be written: {reason}").format(reason=os_reason(error))
            )

    def write_combined(self) -> None:
        from jarjestokeskus.reports.letters import build_letters

        found = self._letters()
        name, _chosen = QFileDialog.getSaveFileName(
            self, _("Letters for printing"), QDir.homePath(), _("PDF (*.pdf)")
        )
        if name and found:
            self._run(
                lambda _progress: build_letters(
                    found, home_names(self.db), Path(name), title=self.name.text()
                )
            )

    def write_separate(self) -> None:
        from jarjestokeskus.reports.letters import write_letter_files

        found = self._letters()
        folder = QFileDialog.getExistingDirectory(self, _("Folder for the letters"), QDir.homePath())
        if folder and found:
            self._run(
                lambda progress: write_letter_files(
                    found, home_names(self.db), Path(folder), title=self.name.text(), progress=progress
                )
            )

    def write_labels(self) -> None:
        from jarjestokeskus.reports.letters import build_labels

        found = self._letters()
        name, _chosen = QFileDialog.getSaveFileName(
            self, _("Address labels"), QDir.homePath(), _("PDF (*.pdf)")
        )
        if name and found:
            self._run(lambda _progress: build_labels(found, Path(name)))
