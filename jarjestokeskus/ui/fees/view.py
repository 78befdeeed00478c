"""The Membership fees view: a year's invoices, issuing them and reminders, and the bank's payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDir, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.domain.payments import format_iban
from jarjestokeskus.i18n import _, format_date, format_money, ngettext
from jarjestokeskus.services.fees.invoicing import (
    NoFeeTerms,
    NoHomeOrganisation,
    issue_invoices,
    list_invoices,
    overdue_invoices,
    plan_invoices,
    send_reminders,
    sender,
)
from jarjestokeskus.services.fees.payments import NotAPaymentFile, import_payments
from jarjestokeskus.services.fees.terms import get_fee_year
from jarjestokeskus.ui.fees.payments_dialog import PaymentsDialog
from jarjestokeskus.ui.fees.table_model import SORT_ROLE, InvoiceTableModel
from jarjestokeskus.ui.fees.terms_dialog import FeeTermsDialog
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress
from jarjestokeskus.ui.widgets.record_editor import heading_label


class FeesView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = date.today()
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.year_label = QLabel()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.terms_button = QPushButton(clicked=self.edit_terms)
        self.issue_button = QPushButton(clicked=self.issue)
        self.remind_button = QPushButton(clicked=self.remind)
        self.print_button = QPushButton(clicked=self.print_again)
        self.payments_button = QPushButton(clicked=self.import_payments)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        for button in (
            self.terms_button,
            self.issue_button,
            self.remind_button,
            self.print_button,
            self.payments_button,
        ):
            top.addWidget(button)
        top.addStretch(1)
        self.terms_label = QLabel(wordWrap=True)
        self.model = InvoiceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.terms_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._loaded = False
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.title.setText(_("Membership fees"))
        self.year_label.setText(_("&Year"))
        self.terms_button.setText(_("&Terms and fee classes…"))
        self.issue_button.setText(_("&Issue invoices…"))
        self.remind_button.setText(_("Send &reminders…"))
        self.print_button.setText(_("&Print again…"))
        self.payments_button.setText(_("Import &payments…"))
        self.model.retranslate()
        if self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        year = self.year.value()
        try:
            terms = get_fee_year(self.db, year)
            rows = list_invoices(self.db, year)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Membership fees"), problem.user_message())
            return
        if terms is None:
            self.terms_label.setText(_("No due date or account set for {year} yet.").format(year=year))
        else:
            self.terms_label.setText(
                _("Due date {due} · account {iban}").format(
                    due=format_date(terms.due_date), iban=format_iban(terms.account_iban)
                )
            )
        self.model.set_rows(rows, self.today)
        paid = sum(1 for r in rows if r.is_paid)
        open_total = sum((r.open_amount for r in rows), Decimal(0))
        self.summary.setText(
            ngettext("{count} invoice", "{count} invoices", len(rows)).format(count=len(rows))
            + " · "
            + _("paid {paid} · open {amount}").format(paid=paid, amount=format_money(open_total))
        )
        writable = not self.db.read_only
        for button in (self.terms_button, self.issue_button, self.remind_button, self.payments_button):
            button.setEnabled(writable)
        self.print_button.setEnabled(bool(rows))

    # --- actions ---------------------------------------------------------------------------
    def edit_terms(self) -> None:
        if FeeTermsDialog(self.db, self.year.value(), self).exec():
            self.refresh()

    def _choose_folder(self, caption: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, caption, QDir.homePath())
        return Path(folder) if folder else None

    def issue(self) -> None:
        year = self.year.value()
        try:
            terms, home = get_fee_year(self.db, year), sender(self.db)
            if terms is None:
                raise NoFeeTerms(year)
            plan = plan_invoices(self.db, year)
        except (NoFeeTerms, NoHomeOrganisation) as problem:
            QMessageBox.information(self, _("Membership fees"), problem.user_message())
            return
        if not plan.to_issue:
            QMessageBox.information(
                self, _("Membership fees"), _("Every member has an invoice for {year}.").format(year=year)
            )
            return
        total = sum(item.amount or 0 for item in plan.to_issue)
        text = _("Issue {count} invoices for {year}, {amount} in all?").format(
            count=len(plan.to_issue), year=year, amount=format_money(total)
        )
        if plan.without_class:
            names = ", ".join(item.name for item in plan.without_class)
            text += "\n\n" + _("No fee class fits these, and they get no invoice: {names}").format(
                names=names
            )
        if QMessageBox.question(self, _("Issue invoices"), text) != QMessageBox.StandardButton.Yes:
            return
        folder = self._choose_folder(_("Folder for the invoices"))
        if folder is None:
            return
        self._write(folder, lambda: issue_invoices(self.db, year), terms, home, reminder=False)

    def remind(self) -> None:
        year = self.year.value()
        try:
            terms, home = get_fee_year(self.db, year), sender(self.db)
            if terms is None:
                raise NoFeeTerms(year)
        except (NoFeeTerms, NoHomeOrganisation) as problem:
            QMessageBox.information(self, _("Membership fees"), problem.user_message())
            return
        late = overdue_invoices(self.db, year, self.today)
        if not late:
            QMessageBox.information(self, _("Membership fees"), _("No invoice is overdue."))
            return
        text = _("Send reminders of {count} overdue invoices?").format(count=len(late))
        if QMessageBox.question(self, _("Send reminders"), text) != QMessageBox.StandardButton.Yes:
            return
        folder = self._choose_folder(_("Folder for the reminders"))
        if folder is not None:
            self._write(folder, lambda: send_reminders(self.db, year, self.today), terms, home, reminder=True)

    def print_again(self) -> None:
        year = self.year.value()
        terms = get_fee_year(self.db, year)
        chosen = {
            index.data(Qt.ItemDataRole.UserRole) for index in self.table.selectionModel().selectedRows()
        }
        rows = [row for row in self.model.rows if not chosen or row.id in chosen]
        folder = self._choose_folder(_("Folder for the invoices"))
        if folder is None or terms is None:
            return
        try:
            home = sender(self.db)
        except NoHomeOrganisation as problem:
            QMessageBox.information(self, _("Membership fees"), problem.user_message())
            return
        self._write(folder, lambda: rows, terms, home, reminder=False)

    def _write(self, folder: Path, issue, terms, home, *, reminder: bool) -> None:  # type: ignore[no-untyped-def]
        from jarjestokeskus.reports.invoices import write_invoice_files

        try:
            invoices = issue()
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Membership fees"), problem.user_message())
            return
        finally:
            self.refresh()
        try:
            run_with_progress(
                self,
                _("Writing the invoices…"),
                lambda progress: write_invoice_files(
                    invoices, terms, home, folder, reminder=reminder, progress=progress
                ),
            )
        except Cancelled:
            pass
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Membership fees"),
                _("The files cannot be written to {folder}: {reason}").format(
                    folder=folder, reason=os_reason(error)
                )
                + "\n"
                + _("The invoices are saved: print them again from this view."),
            )
            return
        message = _("{count} files written to {folder}").format(count=len(invoices), folder=folder)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 10000)

    def import_payments(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("The bank's payment file"), QDir.homePath(), _("Bank files (*.xml)")
        )
        if not name:
            return
        path = Path(name)
        try:
            preview = import_payments(self.db, path, dry_run=True)
        except NotAPaymentFile as problem:
            QMessageBox.warning(self, _("Membership fees"), problem.user_message())
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Membership fees"), problem.user_message())
            return
        if PaymentsDialog(self.db, path, preview, self).exec():
            self.refresh()
