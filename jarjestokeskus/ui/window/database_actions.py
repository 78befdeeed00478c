"""The window's database actions: Open database…, Recent databases, a meeting copy, Settings…."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QStatusBar, QWidget

from jarjestokeskus.db.engine import Database, database_url, default_database_path, sqlite_path
from jarjestokeskus.db.errors import CannotOpen, DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.database.connection import is_password_problem, server_address
from jarjestokeskus.services.database.meeting_copy import (
    MeetingCopyInfo,
    open_for_window,
    suggested_file_name,
    take_meeting_copy,
)
from jarjestokeskus.services.settings import (
    load_settings,
    recent_for_menu,
    remember_database,
    save_settings,
    without_password,
)
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress
from jarjestokeskus.ui.window.settings_dialog import DATABASE_FILTER_HINT, SettingsChoice, SettingsDialog


class MainWindow(Protocol):
    """What these actions need of the main window (which imports this module, not the reverse)."""

    database: Database

    def addAction(self, action: QAction) -> None: ...  # noqa: N802
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def confirm_leaving_edits(self) -> bool: ...
    def switch_database(self, db: Database) -> None: ...
    def offer_first_start(self) -> None: ...
    def set_language(self, language: str) -> None: ...


PASSWORD_TRIES = 3


def describe(target: str | Path | None) -> str:
    """A database as the user knows it: the file's path, or the server URL without a password."""
    url = database_url(target)
    path = sqlite_path(url)
    return str(path) if path is not None else without_password(url)


def banner_and_title(db: Database, copy: MeetingCopyInfo | None) -> tuple[str, str]:
    """The read-only banner's text and the window title for `db` (a meeting copy says so)."""
    title = _("Järjestökeskus")
    if copy is not None and db.notebook is not None:
        day = format_date(copy.taken_on)
        return (
            _(
                "Meeting notebook of {date}: only attendance, registrations, event notes, the agendas "
                "and decisions of bodies' meetings and new contacts can be written; everything else "
                "is read only."
            ).format(date=day),
            _("{title} — meeting notebook of {date}").format(title=title, date=day),
        )
    if copy is not None:
        day = format_date(copy.taken_on)
        return (
            _("Meeting copy of {date} — read only").format(date=day),
            _("{title} — meeting copy of {date}, read only").format(title=title, date=day),
        )
    banner = ReadOnlyDatabase(db.holder.describe() if db.holder else "").user_message()
    if db.read_only:
        title = _("{title} (read-only)").format(title=title)
    return banner, title


def try_open(parent: QWidget | None, target: str | None) -> Database | str:
    """Open `target` for the window, asking for a server's password when it is needed.

    Returns the database, or the message saying why it could not be opened (nothing changed).
    """
    for _attempt in range(PASSWORD_TRIES + 1):
        try:
            return open_for_window(target)[0]
        except CannotOpen as problem:
            address = server_address(target)
            if address is None or not is_password_problem(problem.reason):
                return _hidden(problem.user_message(), target)
            password, given = QInputDialog.getText(
                parent,
                _("Password"),
                _("The password of {user} on the server {server}:").format(
                    user=address.user, server=address.host
                ),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return _hidden(problem.user_message(), target)
            target = address.url(password)
        except DatabaseProblem as problem:
            return _hidden(problem.user_message(), target)
    return _("The password was not accepted.")


def _hidden(message: str, target: str | None) -> str:
    """A message that names a server URL shows it without the password typed."""
    if target and "://" in target:
        message = message.replace(target, without_password(target))
    return message


class DatabaseActions(QObject):
    """Menu actions of the main window that open, copy or choose its database."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open_action = self._action(QKeySequence.StandardKey.Open, self.open_file)
        self.settings_action = self._action(QKeySequence.StandardKey.Preferences, self.show_settings)
        self.meeting_copy_action = self._action(None, self.take_meeting_copy)
        self.merge_back_action = self._action(None, self.bring_back)
        self.copy_actions = [self.meeting_copy_action, self.merge_back_action]  # File menu, together
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    def _action(self, shortcut: QKeySequence.StandardKey | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self.window)
        if shortcut is not None:
            # Some platforms (Linux without a desktop's theme) have no key for Preferences.
            fallback = [QKeySequence("Ctrl+,")] if shortcut == QKeySequence.StandardKey.Preferences else []
            action.setShortcuts(QKeySequence.keyBindings(shortcut) or fallback)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.open_action.setText(_("&Open database…"))
        self.recent_menu.setTitle(_("Recent &databases"))
        self.meeting_copy_action.setText(_("Take a &copy for a meeting…"))
        self.merge_back_action.setText(_("B&ring back a meeting copy…"))
        self.settings_action.setText(_("Se&ttings…"))
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = recent_for_menu(load_settings())
        for number, target in enumerate(entries, start=1):
            shown = describe(target)
            path = sqlite_path(database_url(target))
            if path is not None:
                shown = f"{path.name} — {path.parent}"
            action = self.recent_menu.addAction(f"&{number} {shown}" if number < 10 else shown)
            action.setToolTip(describe(target))
            action.setData(target)
            action.triggered.connect(lambda _checked=False, t=target: self.open_target(t))
        if not entries:
            self.recent_menu.addAction(_("No recent databases")).setEnabled(False)

    # --- opening -----------------------------------------------------------------------------
    def open_file(self) -> bool:
        current = self.window.database.path
        start = str(current.parent) if current is not None else str(default_database_path().parent)
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window,
            _("Open database"),
            start,
            _("Järjestökeskus databases") + f" {DATABASE_FILTER_HINT};;" + _("All files") + " (*)",
        )
        return bool(chosen) and self.open_target(chosen)

    def is_open(self, target: str) -> bool:
        return without_password(database_url(target)) == without_password(self.window.database.url)

    def open_target(self, target: str) -> bool:
        """Switch the window to `target` after the unsaved-edits check; on failure keep the old one."""
        if self.is_open(target):
            self.window.statusBar().showMessage(_("The database is open already."), 5000)
            return True
        if not self.window.confirm_leaving_edits():
            return False
        opened = try_open(self.window, target)
        if isinstance(opened, str):
            QMessageBox.warning(self.window, _("Open database"), opened)
            return False
        self.window.switch_database(opened)
        remember_database(target)
        self.window.offer_first_start()  # a new, empty file: the home organisation or the demo
        return True

    # --- settings ----------------------------------------------------------------------------
    def show_settings(self) -> bool:
        dialog = SettingsDialog(
            load_settings(),
            describe(self.window.database.url),
            self.apply_settings,
            self.window,
            self.window.database,
        )
        return bool(dialog.exec())

    def apply_settings(self, choice: SettingsChoice) -> str | None:
        """Open the new database first: if it cannot be opened, nothing is saved or switched."""
        opened = None
        if choice.open_now is not None and not self.is_open(choice.open_now):
            if not self.window.confirm_leaving_edits():
                return _("Save or discard the unsaved changes first, or keep the database as it is.")
            opened = try_open(self.window, choice.open_now)
            if isinstance(opened, str):
                return opened
        save_settings(choice.settings)
        if isinstance(opened, Database) and choice.open_now is not None:
            self.window.switch_database(opened)
            remember_database(choice.open_now)
            QTimer.singleShot(0, self.window.offer_first_start)  # after the dialog has closed
        language = choice.settings.language
        if language:
            self.window.set_language(language)
        return None

    def bring_back(self) -> bool:
        """Merge a meeting notebook into the register (ui.window.merge_back_dialog)."""
        from jarjestokeskus.ui.window.merge_back_dialog import bring_back

        return bring_back(self.window, self.window.database)

    # --- meeting copy ------------------------------------------------------------------------
    def take_meeting_copy(self) -> Path | None:
        """Write a read-only snapshot for a meeting with no network, to a file the user chooses."""
        from jarjestokeskus.ui.window.meeting_copy_options import choose_copy

        title = _("Take a copy for a meeting")
        choice = choose_copy(self.window)
        if choice is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / suggested_file_name()
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(suggested), _("Järjestökeskus databases") + f" {DATABASE_FILTER_HINT}"
        )
        if not chosen:
            return None
        target = Path(chosen)
        # The dialog asked before replacing a file it showed; a suffix added here was not asked about.
        asked = target.suffix != ""
        target = target if asked else target.with_suffix(".sqlite")
        db = self.window.database
        try:
            made: Path = run_with_progress(
                self.window,
                _("Taking a copy for the meeting…"),
                lambda progress: take_meeting_copy(
                    db,
                    target,
                    progress=progress,
                    overwrite=asked,
                    include=choice.include,
                    notebook=choice.notebook,
                    recorder=choice.recorder,
                ),
            )
        except Cancelled:
            return None
        except DatabaseProblem as problem:
            QMessageBox.warning(self.window, title, problem.user_message())
            return None
        if choice.notebook:
            text = _(
                "The notebook copy was saved to {path}.\n\nOpen it on the laptop with File → Open "
                "database…. Attendance, registrations, event notes, the decisions of bodies' meetings "
                "and new contacts can be written in it; back at the office, bring them into the "
                "register with File → Bring back a meeting copy…."
            )
            QMessageBox.information(self.window, title, text.format(path=made))
            return made
        QMessageBox.information(
            self.window,
            title,
            _(
                "The meeting copy was saved to {path}.\n\nOpen it on the laptop with File → Open "
                "database…. It needs no network and opens read-only, marked with today's date; "
                "decisions made at the meeting are entered into the shared database afterwards."
            ).format(path=made),
        )
        return made
