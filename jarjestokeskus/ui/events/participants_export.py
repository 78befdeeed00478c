"""Export participants…: for the organiser's own use (everyone, with email; needs when ticked) or
a list to pass on (only those who consented to be listed, no email or needs), as CSV or XLSX."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.events.participants import ParticipantsChoice, participants_table
from jarjestokeskus.services.exports.files import ExportFailed, format_from_suffix, write_table


class ParticipantsExportDialog(QDialog):
    def __init__(self, db: Database, event_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.event_id = db, event_id
        self.written: Path | None = None
        self.setWindowTitle(_("Export participants"))
        self.own_use = QRadioButton(_("For the organiser's own use: everyone registered, with email"))
        self.to_share = QRadioButton(_("To pass on: only those who consented to be listed, without email"))
        self.own_use.setChecked(True)
        self.needs = QCheckBox(_("Include dietary and accessibility &needs"))
        self.own_use.toggled.connect(self._enable)
        note = QLabel(
            _(
                "Needs are personal data: include them only when the work needs them, and never in a list to pass on."
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(_("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.own_use, self.to_share, self.needs, note, buttons):
            layout.addWidget(widget)

    def _enable(self) -> None:
        self.needs.setEnabled(self.own_use.isChecked())
        if not self.own_use.isChecked():
            self.needs.setChecked(False)

    def choice(self) -> ParticipantsChoice:
        own = self.own_use.isChecked()
        return ParticipantsChoice(own_use=own, needs=own and self.needs.isChecked())

    def export(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _("Export participants"),
            QDir.homePath(),
            _("CSV for Excel (*.csv);;Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if format_from_suffix(path) is None:
            path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".csv")
        title, header, rows = participants_table(self.db, self.event_id, self.choice(), current_language())
        try:
            write_table(path, header, rows, format_from_suffix(path) or "csv", title)
        except ExportFailed as problem:
            QMessageBox.warning(self, _("Export participants"), problem.user_message())
            return
        self.written = path
        self.accept()
