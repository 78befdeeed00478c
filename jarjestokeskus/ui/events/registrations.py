"""The Registrations tab: who registered (a place or the waiting list), adding and cancelling,
attendance ticked and saved, a web form's export imported, the sign-in sheet printed."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.domain.events import RegistrationForm, RegistrationStatus
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.notebook import writes_meeting_parts
from jarjestokeskus.services.events.registrations import (
    RegistrationRow,
    cancel,
    import_registrations,
    mark_attendance,
    register,
    registrations,
)
from jarjestokeskus.services.organisations.import_files import ImportFileProblem
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.layout_fit import FlowLayout

ATTENDED_COLUMN = 5


class RegistrationDialog(QDialog):
    def __init__(self, db: Database, event_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.event_id = db, event_id
        self.setWindowTitle(_("Add a registration"))
        self.inputs = {
            key: QLineEdit()
            for key in ("first_name", "last_name", "email", "organisation", "dietary", "accessibility")
        }
        self.boxes = {key: FieldBox(line) for key, line in self.inputs.items()}
        self.language = QComboBox()
        self.language.addItem(_("Finnish"), "fi")
        self.language.addItem(_("Swedish"), "sv")
        self.consent = QCheckBox(_("May be named in the list of participants"))
        form = QFormLayout()
        labels = {
            "first_name": _("&First name"),
            "last_name": _("&Last name"),
            "email": _("&Email"),
            "organisation": _("&Organisation"),
            "dietary": _("&Diet"),
            "accessibility": _("&Accessibility needs"),
        }
        for key, text in labels.items():
            form.addRow(text, self.boxes[key])
        form.addRow(_("Lan&guage"), self.language)
        form.addRow("", self.consent)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.added: list[RegistrationRow] = []

    def save(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        form = RegistrationForm(
            self.inputs["first_name"].text(),
            self.inputs["last_name"].text(),
            self.inputs["email"].text(),
            self.inputs["organisation"].text(),
            self.language.currentData(),
            self.inputs["dietary"].text(),
            self.inputs["accessibility"].text(),
            self.consent.isChecked(),
        )
        try:
            self.added = register(self.db, self.event_id, [form])
        except ValidationFailed as failed:
            for error in failed.errors:
                key = error.field if error.field in self.boxes else "last_name"
                self.boxes[key].show_error(error.message)
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()


class RegistrationsPanel(QWidget):
    changed = Signal()  # registrations or attendance saved: the list's figures change

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.shown_event = None
        self.rows: list[RegistrationRow] = []
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.add_button = QPushButton(clicked=self.add)
        self.cancel_button = QPushButton(clicked=self.cancel_selected)
        self.attendance_button = QPushButton(clicked=self.save_attendance)
        self.import_button = QPushButton(clicked=self.import_file)
        self.sheet_button = QPushButton(clicked=self.print_sheet)
        self.export_button = QPushButton(clicked=self.export_participants)
        buttons = FlowLayout()  # on two rows when the editor is narrow (Swedish, 1280 × 720)
        for button in (
            self.add_button,
            self.cancel_button,
            self.attendance_button,
            self.import_button,
            self.sheet_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Organisation"), _("Language"), _("Diet"), _("State"), _("Attended")]
        )
        self.add_button.setText(_("&Add…"))
        self.cancel_button.setText(_("Ca&ncel the registration"))
        self.attendance_button.setText(_("Save a&ttendance"))
        self.import_button.setText(_("Import from a &web form…"))
        self.sheet_button.setText(_("Sign-in s&heet…"))
        self.export_button.setText(_("E&xport participants…"))
        self.show_event(self.shown_event)

    def show_event(self, event) -> None:  # type: ignore[no-untyped-def]
        """The registrations of `event` (an EventRow), or nothing for a new one."""
        self.shown_event = event
        try:
            self.rows = registrations(self.db, event.id) if event is not None else []
        except DatabaseProblem:
            self.rows = []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (row.name, row.organisation, row.language, row.dietary, row.status.label)
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
            tick = QTableWidgetItem()
            tick.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            tick.setCheckState(Qt.CheckState.Checked if row.attended else Qt.CheckState.Unchecked)
            self.table.setItem(index, ATTENDED_COLUMN, tick)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def attendance(self) -> dict[uuid.UUID, bool | None]:
        ticked = {}
        for index, row in enumerate(self.rows):
            item = self.table.item(index, ATTENDED_COLUMN)
            if item is not None and row.status == RegistrationStatus.REGISTERED:
                came = item.checkState() == Qt.CheckState.Checked
                ticked[row.id] = came if came or row.attended is not None else None
        return ticked

    def _update_buttons(self) -> None:
        writable = self.shown_event is not None and writes_meeting_parts(self.db)
        for button in (self.add_button, self.import_button):
            button.setEnabled(writable)
        self.cancel_button.setEnabled(writable and bool(self.rows))
        changed = any(
            self.attendance().get(r.id) != r.attended
            for r in self.rows
            if r.status == RegistrationStatus.REGISTERED
        )
        self.attendance_button.setEnabled(writable and changed)
        self.sheet_button.setEnabled(self.shown_event is not None and bool(self.rows))
        self.export_button.setEnabled(self.shown_event is not None and bool(self.rows))

    def add(self) -> None:
        dialog = RegistrationDialog(self.db, self.shown_event.id, self)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            waiting = [r for r in dialog.added if r.status == RegistrationStatus.WAITING]
            if waiting:
                QMessageBox.information(
                    self,
                    _("Registrations"),
                    _("The event is full: {name} is on the waiting list.").format(name=waiting[0].name),
                )
            self._after()

    def cancel_selected(self) -> None:
        index = self.table.currentRow()
        if index < 0 or index >= len(self.rows):
            return
        row = self.rows[index]
        question = _("Cancel the registration of {name}?").format(name=row.name)
        if QMessageBox.question(self, _("Registrations"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            moved = cancel(self.db, row.id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Registrations"), problem.user_message())
            return
        if moved is not None:
            QMessageBox.information(
                self, _("Registrations"), _("{name} moved up from the waiting list.").format(name=moved.name)
            )
        self._after()

    def save_attendance(self) -> None:
        try:
            mark_attendance(self.db, self.attendance())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Registrations"), problem.user_message())
            return
        self._after()

    def import_file(self) -> None:
        name, _chosen = QFileDialog.getOpenFileName(
            self, _("A web form's registrations"), QDir.homePath(), _("Tables (*.csv *.xlsx)")
        )
        if not name:
            return
        try:
            added = import_registrations(self.db, self.shown_event.id, Path(name))
        except ValidationFailed as failed:
            QMessageBox.warning(self, _("Registrations"), "\n".join(e.message for e in failed.errors[:30]))
            return
        except ImportFileProblem as problem:
            QMessageBox.warning(self, _("Registrations"), str(problem))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Registrations"), problem.user_message())
            return
        QMessageBox.information(
            self, _("Registrations"), _("Registrations imported: {count}").format(count=len(added))
        )
        self._after()

    def print_sheet(self) -> None:
        from jarjestokeskus.reports.sign_in import build_sign_in_sheet
        from jarjestokeskus.services.events.register import get_event
        from jarjestokeskus.services.organisations.report_data import home_names

        name, _chosen = QFileDialog.getSaveFileName(
            self, _("Sign-in sheet"), QDir.homePath(), _("PDF (*.pdf)")
        )
        if not name:
            return
        try:
            build_sign_in_sheet(
                get_event(self.db, self.shown_event.id), self.rows, home_names(self.db), Path(name)
            )
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Registrations"),
                _("The file cannot be written: {reason}").format(reason=os_reason(error)),
            )

    def export_participants(self) -> None:
        from jarjestokeskus.ui.events.participants_export import ParticipantsExportDialog

        dialog = ParticipantsExportDialog(self.db, self.shown_event.id, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _after(self) -> None:
        self.show_event(self.shown_event)
        self.changed.emit()
