"""One organisation's contact log on its form: who talked to it last, and a contact added there."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.database.notebook import writes_meeting_parts
from jarjestokeskus.services.outreach.contact_log import ContactRow, contact_log
from jarjestokeskus.ui.outreach.contact_tab import ContactDialog


class OrganisationContacts(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.organisation: tuple[uuid.UUID, str] | None = None
        self.last = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(clicked=self.add)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_("Date"), _("Kind"), _("Subject"), _("By")])
        self.add_button.setText(_("Add a contact…"))
        self.show_organisation(*(self.organisation or (None, "")))

    def show_organisation(self, organisation_id: uuid.UUID | None, name: str = "") -> None:
        """The log of a stored organisation (None: a new one, which has none yet)."""
        self.organisation = (organisation_id, name) if organisation_id is not None else None
        rows: list[ContactRow] = []
        if organisation_id is not None:
            try:
                rows = contact_log(self.db, organisation_id, language=current_language())
            except DatabaseProblem:
                rows = []
        self.table.setRowCount(len(rows))
        for index, entry in enumerate(rows):
            for column, value in enumerate(
                (format_date(entry.happened_on), entry.kind.label, entry.subject, entry.done_by)
            ):
                item = QTableWidgetItem(value)
                if entry.note:
                    item.setToolTip(entry.note)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.last.setText(
                _("Last contact {date}: {kind}, {subject} ({by})").format(
                    date=format_date(rows[0].happened_on),
                    kind=rows[0].kind.label,
                    subject=rows[0].subject,
                    by=rows[0].done_by,
                )
            )
        else:
            self.last.setText(_("No contacts recorded."))
        self.add_button.setEnabled(organisation_id is not None and writes_meeting_parts(self.db))

    def add(self) -> None:
        if self.organisation is None:
            return
        dialog = ContactDialog(self.db, self)
        dialog.organisation.set_choice(*self.organisation)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.show_organisation(*self.organisation)
