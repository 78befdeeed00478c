"""The backups dialog: the list of backups, "Back up now", and choosing one to restore."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.i18n import N_, _, format_datetime, format_number
from jarjestokeskus.services.database.backup_folders import remove_stale_partials
from jarjestokeskus.services.database.backups import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    BackupKind,
    BackupRow,
    RestoreFailed,
    automatic_backup,
    list_backups,
    restore_and_reopen,
)
from jarjestokeskus.services.database.maintenance import NotAFile, backup_database
from jarjestokeskus.services.events.reduction import reduced_again_notice
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress

KIND_LABELS = {
    BackupKind.AUTOMATIC: N_("Automatic"),
    BackupKind.MANUAL: N_("Manual"),
    BackupKind.BEFORE_RESTORE: N_("Before a restore"),
}
COL_TAKEN, COL_KIND, COL_SIZE = range(3)
_KIB = 1024


def format_size(size_bytes: int) -> str:
    """Sizes as a file manager shows them: whole kilobytes below a megabyte, else one decimal."""
    if size_bytes < _KIB * _KIB:
        return _("{size} kB").format(size=format_number(max(1, -(-size_bytes // _KIB))))
    megabytes = (Decimal(size_bytes) / (_KIB * _KIB)).quantize(Decimal("0.1"))
    return _("{size} MB").format(size=format_number(megabytes))


class RestoreDialog(QDialog):
    """After `exec()`, `chosen_backup` is the backup the user confirmed, or None.

    The dialog does not restore: the window holds the database (and its lock) open, so it
    closes it, restores and opens it again with `run_restore`.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.chosen_backup: Path | None = None
        self._rows: list[BackupRow] = []
        self.intro = QLabel(wordWrap=True)
        self.notice = QLabel(wordWrap=True, objectName="backupNotice")
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.backup_button = QPushButton()
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(row)
        self.resize(620, 420)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Backups"))
        if self.db.path is None:
            self.intro.setText(NotAFile().user_message())
        else:
            self.intro.setText(
                _(
                    "Backups of {database}. The program backs the database up when it is closed, at "
                    "most once a day, and keeps {daily} daily, {weekly} weekly and {monthly} monthly "
                    "automatic backups. Other backups are kept until you remove them."
                ).format(database=self.db.path, daily=KEEP_DAILY, weekly=KEEP_WEEKLY, monthly=KEEP_MONTHLY)
            )
        self.table.setHorizontalHeaderLabels([_("When"), _("Kind"), _("Size")])
        self.backup_button.setText(_("&Back up now"))
        self.restore_button.setText(_("&Restore…"))
        self._fill()

    def refresh(self) -> None:
        self._rows = list_backups(self.db)
        self._fill()

    def rows(self) -> list[BackupRow]:
        return list(self._rows)

    def _fill(self) -> None:
        selected = self.selected_backup()
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            cells = {
                COL_TAKEN: format_datetime(row.taken_at),
                COL_KIND: _(KIND_LABELS[row.kind]),
                COL_SIZE: format_size(row.size_bytes),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(str(row.path))
                if column == COL_SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
            if row.path == selected:
                self.table.selectRow(index)
        if self.table.currentRow() < 0 and self._rows:
            self.table.selectRow(0)
        if self.db.path is None:
            self.notice.setText("")
        elif self.db.read_only:
            self.notice.setText(
                ReadOnlyDatabase(self.db.holder.describe() if self.db.holder else "").user_message()
            )
        elif not self._rows:
            self.notice.setText(_("No backups yet."))
        else:
            self.notice.setText("")
        self.notice.setVisible(bool(self.notice.text()))
        self._enable()

    def _enable(self) -> None:
        on_file = self.db.path is not None
        self.backup_button.setEnabled(on_file)
        self.restore_button.setEnabled(
            on_file and not self.db.read_only and self.selected_backup() is not None
        )

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._rows):
            return None
        return self._rows[rows[0].row()].path

    def select_backup(self, path: Path) -> None:
        for index, row in enumerate(self._rows):
            if row.path == path:
                self.table.selectRow(index)

    def back_up_now(self) -> Path | None:
        """Copy the database into the backups folder now; the list shows the new copy."""
        try:
            path = run_with_progress(
                self, _("Backing up…"), lambda progress: backup_database(self.db, progress=progress)
            )
        except Cancelled:
            return None
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Backups"), problem.user_message())
            return None
        self.refresh()
        self.select_backup(path)
        self.notice.setText(_("Backup saved to {path}").format(path=path))
        self.notice.setVisible(True)
        return path

    def restore_selected(self) -> bool:
        """Ask, naming the backup; on yes remember it and close for the window to restore it."""
        path = self.selected_backup()
        if path is None or self.db.read_only or self.db.path is None:
            return False
        row = next(r for r in self._rows if r.path == path)
        answer = QMessageBox.question(
            self,
            _("Restore from a backup"),
            _(
                "Replace the database with the backup taken {taken} ({kind}, {file})?\n\n"
                "The current database is first copied into the backups folder, so nothing is lost. "
                "Changes made after the backup are not in the restored database."
            ).format(taken=format_datetime(row.taken_at), kind=_(KIND_LABELS[row.kind]), file=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.chosen_backup = path
        self.accept()
        return True


def run_restore(parent: QWidget | None, db: Database, backup: Path) -> Database | None:
    """Restore `backup` into the window's database with a progress dialog; tell how it went.

    Returns the database to go on with: a new one after a restore (and after a failed or
    cancelled one, the old file opened again), `db` itself when nothing was closed, or None
    when no database could be opened again (the message was shown; the window should close).
    """
    try:
        reopened, restored = run_with_progress(
            parent, _("Restoring…"), lambda progress: restore_and_reopen(db, backup, progress=progress)
        )
    except RestoreFailed as failed:
        if not isinstance(failed.cause, Cancelled):
            QMessageBox.warning(parent, _("Restore from a backup"), failed.user_message())
        return failed.database
    except DatabaseProblem as problem:  # the database could not be opened again
        QMessageBox.critical(parent, _("Restore from a backup"), problem.user_message())
        return None
    message = _("The database was restored from {backup}.").format(backup=backup.name)
    if restored.safety is not None:
        message += "\n" + _("The earlier content was kept in {path}").format(path=restored.safety)
    if restored.reduced_again:
        message += "\n" + reduced_again_notice(restored.reduced_again)
    QMessageBox.information(parent, _("Restore from a backup"), message)
    return reopened


class DailyBackup(QObject):
    """The automatic backup also while the window stays open for days, not only on closing it:
    every hour the day's backup is made unless it exists (automatic_backup decides)."""

    INTERVAL_MS = 60 * 60 * 1000

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.back_up)
        self.timer.start()
        database = getattr(window, "database", None)
        if database is not None and database.path is not None and not database.read_only:
            remove_stale_partials(database.path)  # left by a backup or copy killed earlier

    def back_up(self) -> Path | None:
        if getattr(self.window, "meeting_copy", None) is not None:
            return None  # a meeting copy is itself a copy
        try:
            return automatic_backup(self.window.database)  # type: ignore[attr-defined]
        except DatabaseProblem:
            return None  # told when the window closes, where the user can act on it


def back_up_now(window: Any) -> None:  # noqa: ANN401 - the MainWindow, which imports this module
    """File ▸ Back up now: a copy of the window's database, with progress."""
    try:
        path = run_with_progress(
            window, _("Backing up…"), lambda progress: backup_database(window.database, progress=progress)
        )
    except Cancelled:
        return
    except DatabaseProblem as problem:
        QMessageBox.warning(window, _("Backups"), problem.user_message())
        return
    window.statusBar().showMessage(_("Backup saved to {path}").format(path=path), 10000)


def restore_from_backup(window: Any) -> None:  # noqa: ANN401 - the MainWindow
    """Choose a backup; the window lets go of the database while it is restored, then reopens it."""
    dialog = RestoreDialog(window.database, window)
    if not dialog.exec() or dialog.chosen_backup is None:
        return
    db = run_restore(window, window.database, dialog.chosen_backup)  # shows its own messages
    if db is None:  # nothing could be reopened
        window.close()
    elif db is not window.database:
        window.switch_database(db)
