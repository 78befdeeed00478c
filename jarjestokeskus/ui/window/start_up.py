"""The program's start: the window shows first, then its database opens.

The shell (menus, navigation, "Opening the database…") turns its event loop before SQLAlchemy
and the models are loaded. When it opens on the start page and the database is a file of this
program at the newest schema, the start page is read from the file at once with sqlite3 alone
(db/plain.py) and shown: its figures, deadlines and charts, readable and in either language.
The database layer and the start page's services (no Qt) then load in a thread while the window
stays responsive; back on the GUI thread the database is opened with all its checks and dialogs
(a missing file, a newer schema, an upgrade after a backup copy, a database another user has
open, a meeting copy, a server's password), the start page is given it (a row chosen on the page
meanwhile opens then), and the chosen view fills. A failure is shown as before the window
existed, and the program ends with status 1.
"""

from __future__ import annotations

import gc
import importlib
import os
import sqlite3
import sys
import threading
import traceback
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.settings import Settings, start_database
from jarjestokeskus.ui.window.navigation import START_ROW, VIEWS

if TYPE_CHECKING:
    from jarjestokeskus.db.plain import PlainDatabase
    from jarjestokeskus.services.municipalities import MunicipalityCount
    from jarjestokeskus.ui.main_window import MainWindow

# Loaded off the GUI thread: none of these imports Qt (the house rule for db/ and services/).
DATABASE_LAYER = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "jarjestokeskus.db.models",
    "jarjestokeskus.db.engine",
    "jarjestokeskus.services.database.meeting_copy",
    "jarjestokeskus.services.database.connection",
    "jarjestokeskus.services.database.maintenance",
    "jarjestokeskus.services.database.backups",
    "jarjestokeskus.services.person_data",
    "jarjestokeskus.services.calendar.deadlines",
    "jarjestokeskus.services.start_charts",
    "jarjestokeskus.services.municipalities",
    "jarjestokeskus.services.organisations.home",
)
# The window's own modules for an open database, imported on the GUI thread once those are loaded.
WINDOW_MODULES = (
    "jarjestokeskus.ui.window.database_actions",
    "jarjestokeskus.ui.window.backup_dialog",
    "jarjestokeskus.ui.persons.unattached",
)


class DatabaseLayerLoader(QThread):
    """Imports DATABASE_LAYER; `error` is what that raised, if anything (a broken installation)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            for name in DATABASE_LAYER:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()  # else the first query does it, on the GUI thread
        except Exception as error:  # noqa: BLE001 - shown on the GUI thread
            self.error = error


class MembersCounting(threading.Thread):
    """The member organisations counted by municipality (the start page's one long read: every
    member's row, ~15 ms at 100,000) on a connection of its own, while the GUI thread loads and
    builds the start page: sqlite3 lets other Python run while SQLite counts."""

    def __init__(self, path: Path, language: str) -> None:
        from jarjestokeskus.services.municipalities import members_by_municipality
        from jarjestokeskus.services.organisations.member_register import members_on  # noqa: F401 - here: the thread imports nothing

        super().__init__(name="members by municipality")
        self.path, self.language, self.count = path, language, members_by_municipality
        self.places: list[MunicipalityCount] | None = None
        self.error: Exception | None = None
        # The GUI thread imports and builds meanwhile, all in Python: it hands the interpreter over
        # to this thread at once, not every 5 ms, whenever SQLite has done a step of its work.
        self.switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0002)
        self.start()

    def run(self) -> None:
        from jarjestokeskus.db.plain import open_for_reading

        try:
            db = open_for_reading(self.path)
            try:
                self.places = self.count(db, self.language)
            finally:
                db.close()
        except Exception as error:  # noqa: BLE001 - raised on the GUI thread, in `counted`
            self.error = error
        finally:
            sys.setswitchinterval(self.switch_interval)

    def counted(self) -> list[MunicipalityCount]:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.places is not None
        return self.places


class _QuitWhenPainted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        return False


class DeferredStart(QObject):
    """Opens `target` in `window` after the window has shown; the program ends with status 1
    when it could not."""

    def __init__(self, window: MainWindow, target: str | None, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.settings = settings
        self.loader = DatabaseLayerLoader(self)
        self.ended = False
        self.early: PlainDatabase | None = None  # the file the start page was first read from
        self.loader.finished.connect(self._loaded)

    def begin(self) -> None:
        """At the first turn of the event loop: the start page read from the file where it can
        be, then the database layer loaded in a thread."""
        if self._early_start_page() and os.environ.get("JK_QUIT_WHEN_FILLED"):
            # The start benchmark: the program ends at the turn after the page is first painted.
            self.window.stack.currentWidget().installEventFilter(_QuitWhenPainted(self))
            return
        self.loader.start()

    def end(self) -> None:
        """The event loop is over (the window may have closed while it was opening): the loading
        thread is waited for and nothing more is opened."""
        self.ended = True
        self.loader.wait()
        collect_garbage()
        self._close_early()

    def _early_start_page(self) -> bool:
        """The start page, when the window opens on it, read from a database file of this program
        at the newest schema without the database layer, and shown. Anything else (a server, a
        missing or damaged file, an older schema to upgrade, a failing read) waits for the full
        opening, which says what it is."""
        if self.window.navigation.currentRow() != START_ROW:
            return False
        self.early = early_database(self.target or start_database(self.settings))
        if self.early is None:
            return False
        counting = MembersCounting(self.early.path, current_language())
        from jarjestokeskus.db.plain import database_errors
        from jarjestokeskus.services.start_page import DEADLINE_DAYS, read_start_page
        from jarjestokeskus.ui.start.page import StartPage

        page = StartPage(self.early)
        try:
            places = counting.counted()
            page.show_read(
                read_start_page(self.early, date.today(), DEADLINE_DAYS, current_language(), places)
            )
        except Exception as error:  # noqa: BLE001 - the full opening follows and says what is wrong
            if not isinstance(error, database_errors(self.early)):
                traceback.print_exception(error)  # a bug: its trace for the support
            page.deleteLater()
            self._close_early()
            return False
        self.window.show_early_start_page(page)
        return True

    def _close_early(self) -> None:
        if self.early is not None:
            self.early.close()
            self.early = None

    def _loaded(self) -> None:
        """The window's modules for the database (its menu actions, the chosen view) on this turn,
        the opening on the next: the window answers between the two."""
        error = self.loader.error
        if self.ended:
            return
        if error is not None:  # a broken installation: its trace for the support, and a message
            traceback.print_exception(error)
            self._fail(_("Cannot open the database"), str(error) or type(error).__name__)
            return
        row = max(self.window.navigation.currentRow(), 0)
        for name in (*WINDOW_MODULES, VIEWS[row].factory.partition(":")[0]):
            importlib.import_module(name)
        QTimer.singleShot(0, self._open)

    def _open(self) -> None:
        collect_garbage()
        if self.ended:
            return
        from jarjestokeskus.services.settings import remember_database
        from jarjestokeskus.ui.window.database_actions import try_open

        missing = missing_file(self.target)
        if missing is not None:  # a typo in --db: no new folders, no empty database
            self._fail(_("Cannot open the database"), missing.user_message())
            return
        target = self.target or start_database(self.settings)
        self._close_early()  # its read transaction would hold back an upgrade or a checkpoint
        try:
            db = try_open(self.window, target)
        except DatabaseProblem as problem:
            db = problem.user_message()
        if isinstance(db, str):
            self._fail(_("Cannot open the database"), db)
            return
        remember_database(target or str(db.path or db.url))
        self.window.switch_database(db)  # the chosen view is built and read now
        if os.environ.get("JK_QUIT_WHEN_FILLED") or os.environ.get("JK_QUIT_WHEN_OPEN"):  # the benchmark
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))  # not closing: no backup timed
        self.window.offer_first_start()

    def _fail(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, title, message)
        self.window.hide()
        QCoreApplication.exit(1)


def collect_garbage() -> None:
    """The garbage collector on again after the start (`python -m jarjestokeskus` turns it off
    while the window and the database layer load); what the start made, which lasts as long as
    the program, is left out of its rounds from now on."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def early_database(target: str | None) -> PlainDatabase | None:
    """`target` opened for reading with sqlite3 alone when it is a database file of this program
    at the newest schema; else None (nothing is changed, nothing is said)."""
    from jarjestokeskus.db import plain
    from jarjestokeskus.db.places import database_url, sqlite_path

    path = sqlite_path(database_url(target))
    if path is None or not path.is_file():
        return None
    try:
        db = plain.open_for_reading(path)
    except DatabaseProblem:
        return None
    try:
        newest = plain.stored_revision(db.connection.execute) == plain.head_revision()
    except sqlite3.Error:
        newest = False
    if not newest:
        db.close()
        return None
    return db


def missing_file(target: str | None) -> DatabaseProblem | None:
    """A database named on the command line in a folder that is not there, or a folder itself."""
    from jarjestokeskus.db.engine import database_url, sqlite_path
    from jarjestokeskus.services.database.maintenance import require_database_file

    path = sqlite_path(database_url(target)) if target else None
    if path is None or (path.parent.is_dir() and not path.is_dir()):
        return None  # a new file in an existing folder: the first start offers to create it
    try:
        require_database_file(path)
    except DatabaseProblem as problem:
        return problem
    return None
