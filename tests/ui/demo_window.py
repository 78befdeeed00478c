"""The main window on the demo database at 1280 × 720 in a language, as the narrow-window tests
open it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.demo.scenario import create_demo
from jarjestokeskus.ui.main_window import VIEW_TITLES, MainWindow


def demo_window_at(qtbot: QtBot, db: Database, language: str, view: str) -> MainWindow:
    """The demo in the window at 1280 × 720 in `language`, showing the view titled `view`."""
    create_demo(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.language_actions[language].trigger()
    window.view_actions[VIEW_TITLES.index(view)].trigger()
    qtbot.wait(1)
    return window
