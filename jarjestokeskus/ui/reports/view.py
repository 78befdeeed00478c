"""The Reports view: choose a report, build it off the GUI thread, look at it, save or open it."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.reports.catalogue import COUNTERPARTY, YEAR, MissingOption
from jarjestokeskus.services.closed_years import ClosedYearRow
from jarjestokeskus.ui.reports.build import ReportThread, cache_folder, start_build, suggested_name
from jarjestokeskus.ui.reports.closing import YearClosing
from jarjestokeskus.ui.reports.options import OptionProblem, ReportForm
from jarjestokeskus.ui.widgets.background import Cancelled
from jarjestokeskus.ui.widgets.pdf_preview import PdfPreview

SETTINGS_FOLDER = "reports/folder"
IDLE, BUILDING, CANCELLING, READY, CANCELLED, FAILED = (
    "idle",
    "building",
    "cancelling",
    "ready",
    "cancelled",
    "failed",
)


class ReportsView(QWidget):
    """The form and the build controls on the left, the built report on the right."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.state = IDLE
        self.pdf: bytes | None = None
        self.pdf_kind, self.pdf_language = "", ""
        self._thread: ReportThread | None = None
        self._message: Callable[[], str] | None = None  # re-run on a language change
        self.form = ReportForm(db)
        self.form.kind_changed.connect(lambda _kind: self._set_message(None))
        self.closing = YearClosing(db, self.form.year.value, self._chosen)
        self.closing.sent.connect(self.show_sent)
        self.form.kind_changed.connect(lambda _kind: self._show_closing())
        self.form.year.valueChanged.connect(lambda _year: self.closing.refresh())
        for box in (self.form.language_box, self.form.counterparty):
            box.currentIndexChanged.connect(lambda _index: self.closing.retranslate())
        self.build_button = QPushButton(objectName="buildReport")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.progress = QProgressBar(objectName="reportProgress")
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(objectName="cancelReport")
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(objectName="reportStatus", wordWrap=True)
        self.message = QLabel(objectName="reportMessage", wordWrap=True)
        self.message.setStyleSheet("QLabel#reportMessage { color: #a40000; }")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(objectName="saveReport")
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(objectName="openReport")
        self.open_button.clicked.connect(self.open_in_viewer)
        self.preview = PdfPreview()
        self._lay_out()
        self.shortcuts: list[QShortcut] = []
        for keys, slot, context in (
            ("Ctrl+Return", self.build, Qt.ShortcutContext.WindowShortcut),
            ("Ctrl+Enter", self.build, Qt.ShortcutContext.WindowShortcut),
            ("F5", self.build, Qt.ShortcutContext.WindowShortcut),
            ("Ctrl+Shift+S", self.save_as, Qt.ShortcutContext.WindowShortcut),
            ("Esc", self.cancel, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)  # WindowShortcut: only while this view is the one shown
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self._show_state()
        self.retranslate()

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.form)
        column.addWidget(self.closing)
        column.addWidget(self.build_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        column.addLayout(running)
        column.addWidget(self.status)
        column.addWidget(self.message)
        column.addSpacing(12)
        column.addWidget(self.save_button)
        column.addWidget(self.open_button)
        column.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # --- building -------------------------------------------------------------------------------
    def is_building(self) -> bool:
        return self._thread is not None

    def build(self) -> None:
        """Start building the chosen report (nothing happens while one is being built)."""
        if self.is_building():
            return
        try:
            options = self.form.options()
        except OptionProblem as problem:
            self._option_problem(problem.option)
            return
        self._set_message(None)
        thread = ReportThread(self.db, self.form.kind(), self.form.language(), options)
        thread.progressed.connect(self._progressed)
        thread.built.connect(self._built)
        self._thread = thread
        self.progress.setRange(0, 0)  # busy until the first step is reported
        self.state = BUILDING
        self._show_state()
        self.cancel_button.setFocus()  # Esc or Space cancels
        start_build(thread)

    def cancel(self) -> None:
        if self._thread is not None and self.state == BUILDING:
            self._thread.cancel_requested = True
            self.state = CANCELLING
            self._show_state()

    def _progressed(self, done: int, total: int) -> None:
        if self.state == BUILDING:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def _built(self, thread: ReportThread, pdf: bytes | None, error: BaseException | None) -> None:
        thread.wait()  # run() has emitted its last signal; let it return
        if thread is not self._thread:
            return
        self._thread = None
        if thread.cancel_requested or isinstance(error, Cancelled):
            self.state = CANCELLED
        elif error is not None:
            self.state = FAILED
            self._build_error(error)
        elif pdf is not None and self.preview.show_pdf(pdf) > 0:
            self.pdf, self.pdf_kind, self.pdf_language = pdf, thread.kind, thread.language
            self.state = READY
        else:
            self.state = FAILED
            self._set_message(lambda: _("The report could not be shown."))
        if self.state == FAILED:  # the report before is not the one asked for: not to be saved for it
            self.pdf = None
            self.preview.clear()
        self._show_state()

    def _build_error(self, error: BaseException) -> None:
        if isinstance(error, MissingOption):
            self._option_problem(error.option)
        elif isinstance(error, DatabaseProblem):
            self._set_message(error.user_message)
        elif isinstance(error, OSError):
            self._set_message(
                lambda: _("The report could not be built: {reason}").format(reason=os_reason(error))
            )
        elif isinstance(error, Exception):
            reason = str(error) or type(error).__name__
            self._set_message(lambda: _("The report could not be built: {reason}").format(reason=reason))
        else:  # KeyboardInterrupt and the like are not the user's business
            raise error

    def _option_problem(self, option: str) -> None:
        if not self.is_building():
            self.state = FAILED
            self._show_state()
        self._set_message(lambda: self.form.option_message(option))
        self.form.focus_option(option)

    def shutdown(self) -> None:
        """Stop a build in progress and wait until its thread has ended."""
        thread = self._thread
        if thread is None:
            return
        thread.cancel_requested = True
        thread.wait()
        self._thread = None
        self.state = CANCELLED
        self._show_state()

    def confirm_leaving_edits(self) -> bool:
        """The window is closing: a report being built is cancelled; nothing is lost."""
        self.shutdown()
        return True

    # --- a closed year's reports as sent ------------------------------------------------------
    def _chosen(self) -> tuple[str, str, uuid.UUID | None]:
        counterparty = self.form.counterparty.currentData()
        return (
            self.form.kind(),
            self.form.language(),
            counterparty if isinstance(counterparty, uuid.UUID) else None,
        )

    def _show_closing(self) -> None:
        self.closing.setVisible(YEAR in self.form.needs())
        self.closing.retranslate()

    def show_sent(self, pdf: bytes, kind: str, language: str, closing: ClosedYearRow) -> None:
        """The kept report in the preview, to be saved or opened exactly as it was sent."""
        if self.is_building() or self.preview.show_pdf(pdf) <= 0:
            return
        self.pdf, self.pdf_kind, self.pdf_language = pdf, kind, language
        self.state = READY
        self._set_message(None)
        self._show_state()
        self.status.setText(
            _("The report as sent, kept when {year} was closed on {date}.").format(
                year=closing.year, date=format_date(closing.closed_on)
            )
        )

    # --- saving and opening ---------------------------------------------------------------------
    def suggested_name(self) -> str:
        return suggested_name(self.pdf_kind, self.pdf_language, date.today())

    def save_as(self) -> Path | None:
        """Ask for a file and write the report shown into it; the written path, None if not."""
        if self.pdf is None:
            return None
        settings = QSettings()
        folder = settings.value(SETTINGS_FOLDER)
        start = Path(folder) if isinstance(folder, str) and folder else Path.home()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report"), str(start / self.suggested_name()), _("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not self._write(path):
            return None
        settings.setValue(SETTINGS_FOLDER, str(path.parent))
        self.status.setText(_("The report was written to {path}.").format(path=path))
        return path

    def open_in_viewer(self) -> Path | None:
        """Write a copy into the cache folder and open it in the system's PDF viewer."""
        if self.pdf is None:
            return None
        path = cache_folder() / self.suggested_name()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._cannot_write(path.parent, error)
            return None
        if not self._write(path):
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                _("Reports"),
                _("No program opened {path}. Save the report with “Save as…” and open it yourself.").format(
                    path=path
                ),
            )
        return path

    def _write(self, path: Path) -> bool:
        """Into a file beside it first: a full disk leaves no half report and the old file as it was."""
        assert self.pdf is not None
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_bytes(self.pdf)
            os.replace(partial, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            self._cannot_write(path, error)
            return False
        return True

    def _cannot_write(self, path: Path, error: OSError) -> None:
        reason = os_reason(error)
        QMessageBox.warning(
            self, _("Reports"), _("Cannot write {path}: {reason}").format(path=path, reason=reason)
        )

    # --- showing --------------------------------------------------------------------------------
    def _set_message(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.message.setText(message() if message else "")
        self.message.setVisible(message is not None)

    def _show_state(self) -> None:
        running = self.state in (BUILDING, CANCELLING)
        self.build_button.setEnabled(not running)
        self.form.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(self.state == BUILDING)
        self.save_button.setEnabled(self.pdf is not None and not running)
        self.open_button.setEnabled(self.pdf is not None and not running)
        texts = {
            IDLE: "",
            BUILDING: _("Building the report…"),
            CANCELLING: _("Cancelling…"),
            READY: _("Ready"),
            CANCELLED: _("Cancelled"),
            FAILED: _("The report was not built."),
        }
        self.status.setText(texts[self.state])

    def retranslate(self) -> None:
        self.form.retranslate()
        self.closing.retranslate()
        self.preview.retranslate()
        self.build_button.setText(_("&Build report"))
        self.build_button.setToolTip(_("Build the report (Ctrl+Enter or F5)"))
        self.cancel_button.setText(_("Cancel"))
        self.save_button.setText(_("&Save as…"))
        self.save_button.setToolTip(_("Save the report as a PDF file (Ctrl+Shift+S)"))
        self.open_button.setText(_("&Open in the PDF viewer"))
        self.open_button.setToolTip(_("Open a copy of the report in the system's PDF viewer"))
        self._show_state()
        self._set_message(self._message)

    def refresh(self) -> None:
        """The view is shown again: agreements may have changed, so read the counterparties again."""
        if COUNTERPARTY in self.form.needs():
            self.form.load_counterparties()
        self._show_closing()
        if YEAR in self.form.needs():
            self.closing.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.shutdown()
        super().closeEvent(event)
