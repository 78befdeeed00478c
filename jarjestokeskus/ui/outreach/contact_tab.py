"""The Contact log tab: who was contacted when and how, newest first; a contact added by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.database.notebook import writes_meeting_parts
from jarjestokeskus.services.outreach.contact_log import ContactForm, add_contact, contact_log
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker


class ContactDialog(QDialog):
    """A call, a meeting or a visit with one organisation."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Add a contact"))
        self.organisation = OrganisationPicker(db)
        self.happened_on = QLineEdit(format_date(date.today()), placeholderText=_("d.m.yyyy"))
        self.kind = QComboBox()
        for kind in ContactKind:
            self.kind.addItem(kind.label, kind)
        self.subject = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.boxes = {
            "organisation": FieldBox(self.organisation),
            "happened_on": FieldBox(self.happened_on),
            "subject": FieldBox(self.subject),
        }
        form = QFormLayout()
        form.addRow(_("&Organisation"), self.boxes["organisation"])
        form.addRow(_("&Date"), self.boxes["happened_on"])
        form.addRow(_("&Kind"), self.kind)
        form.addRow(_("S&ubject"), self.boxes["subject"])
        form.addRow(_("&Notes"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        organisation_id = self.organisation.organisation_id()
        if organisation_id is None:
            self.boxes["organisation"].show_error(
                _("{field}: choose the organisation from the list that opens as you type").format(
                    field=_("Organisation")
                )
            )
            self.organisation.setFocus()
            return
        form = ContactForm(
            self.happened_on.text(), self.kind.currentData(), self.subject.text(), self.note.toPlainText()
        )
        try:
            add_contact(self.db, organisation_id, form)
        except ValidationFailed as failed:
            for error in failed.errors:
                self.boxes[error.field].show_error(error.message)
            self.boxes[failed.errors[0].field].field.setFocus()
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()


class ContactTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.organisation = OrganisationPicker(db)
        self.organisation.chosen.connect(lambda _id: self.refresh())
        self.organisation.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.kind = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind.currentIndexChanged.connect(lambda _index: self.refresh())
        self.add_button = QPushButton(clicked=self.add)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.organisation)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.organisation, 1)
        top.addWidget(self.kind)
        top.addWidget(self.add_button)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_label.setText(_("&Organisation"))
        self.organisation.setPlaceholderText(_("All organisations"))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(_("All kinds of contact"), None)
        for kind in ContactKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)) if current else 0)
        self.kind.blockSignals(False)
        self.add_button.setText(_("&Add a contact…"))
        self.add_button.setEnabled(writes_meeting_parts(self.db))
        self.table.setHorizontalHeaderLabels(
            [_("Date"), _("Organisation"), _("Kind"), _("Subject"), _("By"), _("Mailing list")]
        )

    def refresh(self) -> None:
        kind = self.kind.currentData()
        try:
            rows = contact_log(
                self.db, self.organisation.organisation_id(), (kind,) if kind else (), current_language()
            )
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Contact log"), problem.user_message())
            return
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            values = (
                format_date(entry.happened_on),
                entry.organisation,
                entry.kind.label,
                entry.subject,
                entry.done_by,
                entry.mailing_list,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3 and entry.note:
                    item.setToolTip(entry.note)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        if ContactDialog(self.db, self).exec():
            self.refresh()
