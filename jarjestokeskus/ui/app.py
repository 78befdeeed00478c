"""Starting the window: the application object, the language, the database, the first start."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from jarjestokeskus import __version__, i18n
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.qt_language import apply_language

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
    """Open the main window on `db_target` (the default database when None)."""
    from jarjestokeskus.ui.main_window import MainWindow

    app = application()
    apply_language(language or load_settings().language or i18n.system_language())
    try:
        db = open_database(db_target)
    except DatabaseProblem as problem:
        QMessageBox.critical(None, _("Cannot open the database"), problem.user_message())
        return 1
    window = MainWindow(db)
    window.show()
    window.offer_first_start()
    try:
        return app.exec()
    finally:
        window.database.close()
