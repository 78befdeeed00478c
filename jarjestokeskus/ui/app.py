"""Starting the window: the application object, the language, the database, the first start."""

from __future__ import annotations

import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from jarjestokeskus import __version__, i18n
from jarjestokeskus.i18n import _
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.window.appearance import apply_appearance
from jarjestokeskus.ui.window.qt_language import apply_language

ORGANISATION = "Jarjestokeskus"
APPLICATION = "Jarjestokeskus"


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
        app.setApplicationDisplayName("Järjestökeskus")
    assert isinstance(app, QApplication)
    return app


def run_gui(db_target: str | None, language: str | None) -> int:
    """Open the main window on `db_target`; else on $JARJESTOKESKUS_DB, the saved one, the default.

    The window shows before the database layer loads; the database opens right after, at the
    first turn of the event loop (ui/window/start_up.py). A meeting copy opens read-only; a
    server that wants a password it cannot find asks for it.
    """
    from jarjestokeskus.ui.main_window import MainWindow
    from jarjestokeskus.ui.window.start_up import DeferredStart

    app = application()
    settings = load_settings()
    apply_language(language or settings.language or i18n.system_language())
    apply_appearance(settings.appearance)
    install_exception_hook()
    window = MainWindow()  # the shell: menus and navigation, the database still to open
    window.show()
    start = DeferredStart(window, db_target, settings)
    if os.environ.get("JK_QUIT_WHEN_SHOWN"):  # the start benchmark: quit at the first event-loop turn
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, start.begin)
    try:
        return app.exec()
    finally:
        start.end()
        if window.database is not None:
            window.database.close()


def install_exception_hook() -> None:
    """A problem that escapes a button's or a list's handler is shown, not only printed.

    A DatabaseProblem (a full disk, a deleted file…) gets its own message; anything else, a bug,
    is printed for the support and the user is told that what is typed stays in the window.
    """
    sys.excepthook = show_unexpected


def show_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if isinstance(error, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    from PySide6.QtWidgets import QMessageBox  # here: its class costs ~1.5 ms of every start

    from jarjestokeskus.db.errors import DatabaseProblem

    parent = QApplication.activeWindow()
    try:
        if isinstance(error, DatabaseProblem):
            QMessageBox.warning(parent, _("Database"), error.user_message())
            return
        traceback.print_exception(kind, error, trace)
        QMessageBox.critical(
            parent,
            _("Unexpected error"),
            _(
                "Something unexpected went wrong: {error}\n\nWhat you typed is still in the window. "
                "Try again; if the problem repeats, tell your IT support what you were doing."
            ).format(error=str(error) or kind.__name__),
        )
    except Exception:  # noqa: BLE001 - never let the last resort itself fail
        sys.__excepthook__(kind, error, trace)
