"""Closing a reported year in the window, as `close-year` does: close it (after saying what that
means), see whether it is closed and what has changed since, show a report as it was sent, and
reopen it with a reason. The year is the one chosen in the Reports view's form."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_date, ngettext
from jarjestokeskus.reports.catalogue import KINDS
from jarjestokeskus.services import closed_years
from jarjestokeskus.services.closed_years import ClosedReportRow, ClosedYearRow
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress


class YearClosing(QGroupBox):
    """The closing of the form's year. `sent(pdf, kind, language, closing)` carries a report as sent."""

    sent = Signal(bytes, str, str, object)

    def __init__(
        self,
        db: Database,
        year: Callable[[], int],
        chosen: Callable[[], tuple[str, str, uuid.UUID | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("yearClosing")
        self.db = db
        self.year = year  # the form's year
        self.chosen = chosen  # the form's kind, report language and counterparty
        self.closing: ClosedYearRow | None = None
        self.changed: list[ClosedReportRow] = []
        self.state = QLabel(objectName="closingState", wordWrap=True)
        self.close_button = QPushButton(objectName="closeYear", clicked=self.close_year)
        self.sent_button = QPushButton(objectName="showSent", clicked=self.show_sent)
        self.reopen_button = QPushButton(objectName="reopenYear", clicked=self.reopen)
        buttons = QHBoxLayout()
        for button in (self.close_button, self.sent_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)

    # --- what is shown ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the year's closing again, and which reports' figures have changed since."""
        year = self.year()
        try:
            self.closing = closed_years.closed_year(self.db, year)
            self.changed = closed_years.changes_since_closing(self.db, year) if self.closing else []
        except DatabaseProblem as problem:
            self.closing, self.changed = None, []
            self.state.setText(problem.user_message())
            return
        self.retranslate()

    def sent_report(self) -> ClosedReportRow | None:
        """The kept report of the form's kind, language (and counterparty), if there is one."""
        if self.closing is None:
            return None
        kind, language, counterparty = self.chosen()
        return next(
            (
                r
                for r in self.closing.reports
                if r.kind == kind
                and r.language == language
                and (kind != "agreements" or r.counterparty_id == counterparty)
            ),
            None,
        )

    def retranslate(self) -> None:
        self.setTitle(_("Closing the year"))
        year = self.year()
        closing = self.closing if self.closing is not None and self.closing.year == year else None
        self.close_button.setText(_("&Close the year {year}…").format(year=year))
        self.close_button.setToolTip(_("Keep the year's reports as sent inside the database"))
        self.sent_button.setText(_("Show as se&nt"))
        self.sent_button.setToolTip(_("The report of this kind and language exactly as it was kept"))
        self.reopen_button.setText(_("Reo&pen…"))
        self.close_button.setVisible(closing is None)
        self.sent_button.setVisible(closing is not None)
        self.reopen_button.setVisible(closing is not None)
        self.sent_button.setEnabled(self.sent_report() is not None)
        writable = not self.db.read_only
        self.close_button.setEnabled(writable)
        self.reopen_button.setEnabled(writable)
        if closing is None:
            self.state.setText(
                _("{year} is open: its reports are built from the register as it is now.").format(year=year)
            )
            return
        lines = [
            _("{year} is closed (on {date} by {user}); reports kept: {count}.").format(
                year=year,
                date=format_date(closing.closed_on),
                user=closing.closed_by,
                count=len(closing.reports),
            )
        ]
        if self.changed:
            titles = ", ".join(dict.fromkeys(_(KINDS[r.kind].title) for r in self.changed))
            lines.append(
                ngettext(
                    "Figures changed since it was sent: {titles}",
                    "Figures changed since they were sent: {titles}",
                    len(self.changed),
                ).format(titles=titles)
            )
        else:
            lines.append(_("The figures are as they were sent."))
        self.state.setText("\n".join(lines))

    # --- actions ----------------------------------------------------------------------------
    def close_year(self) -> bool:
        """Say what closing means; on yes build and keep the reports (off the GUI thread)."""
        year = self.year()
        text = _(
            "Closing {year} keeps the year's reports as they are now inside the database: the annual "
            "overview, projects and funding, staff statistics (without names) and the agreement follow-up "
            "of each city and wellbeing services county, in Finnish and Swedish, with the figures behind "
            "them. They can be printed again exactly as sent. Later changes to the year's figures ask "
            "first and are listed here. The year can be reopened with a reason."
        ).format(year=year)
        box = QMessageBox(
            QMessageBox.Icon.Question, _("Close the year"), text, QMessageBox.StandardButton.NoButton, self
        )
        box.setObjectName("closeYearQuestion")
        yes = box.addButton(_("Close {year}").format(year=year), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        chosen = box.clickedButton() is yes
        box.deleteLater()
        if not chosen:
            return False
        try:
            run_with_progress(
                self,
                _("Building the reports…"),
                lambda progress: closed_years.close_year(self.db, year, progress=progress),
            )
        except Cancelled:
            return False
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Close the year"), problem.user_message())
            return False
        self.refresh()
        return True

    def show_sent(self) -> bool:
        report = self.sent_report()
        if report is None or self.closing is None:
            return False
        try:
            pdf = closed_years.reprint(
                self.db, self.closing.year, report.kind, report.language, report.counterparty_id
            )
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Reports"), problem.user_message())
            return False
        self.sent.emit(pdf, report.kind, report.language, self.closing)
        return True

    def reopen(self) -> bool:
        """Ask why; the reason goes into the change history with who and when."""
        year = self.year()
        reason, ok = QInputDialog.getText(
            self,
            _("Reopen the year"),
            _("Why is {year} reopened? The reason is kept in the change history.").format(year=year),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return False
        try:
            closed_years.reopen_year(self.db, year, reason)
        except ValidationFailed as failed:
            QMessageBox.warning(self, _("Reopen the year"), "\n".join(e.message for e in failed.errors))
            return False
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Reopen the year"), problem.user_message())
            return False
        self.refresh()
        return True
