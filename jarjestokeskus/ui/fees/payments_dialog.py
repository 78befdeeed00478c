"""Import payments…: the bank's file read first and shown line by line; "Mark as paid" saves it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.fees import PaymentOutcome
from jarjestokeskus.i18n import _, format_date, format_money
from jarjestokeskus.services.fees.payments import PaymentImport, import_payments


class PaymentsDialog(QDialog):
    """The dry run's lines; accepting records them in one transaction."""

    def __init__(
        self, db: Database, path: Path, preview: PaymentImport, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.path, self.result = db, path, preview
        self.setWindowTitle(_("Payments from the bank: {file}").format(file=path.name))
        self.table = QTableWidget(len(preview.lines), 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels(
            [_("Date"), _("Amount"), _("Reference number"), _("Invoice number"), _("Payer"), _("Result")]
        )
        for row, line in enumerate(preview.lines):
            values = (
                format_date(line.entry.booked_on),
                format_money(line.entry.amount),
                line.entry.reference,
                str(line.invoice_number or ""),
                line.organisation or line.entry.payer,
                line.outcome.label if line.outcome else _("imported earlier"),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        counts = [f"{outcome.label}: {preview.count(outcome)}" for outcome in PaymentOutcome]
        counts.append(_("Imported earlier: {count}").format(count=preview.count(None)))
        self.summary = QLabel(" · ".join(counts), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.mark_button = buttons.addButton(_("&Mark as paid"), QDialogButtonBox.ButtonRole.AcceptRole)
        new_lines = sum(1 for line in preview.lines if line.outcome is not None)
        self.mark_button.setEnabled(new_lines > 0 and not db.read_only)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def save(self) -> None:
        try:
            self.result = import_payments(self.db, self.path)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()
