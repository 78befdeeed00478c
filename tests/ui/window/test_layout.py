"""Nothing clipped at 1280 × 720 in Finnish or Swedish: every view of the navigation on the demo
database, with the first record open and every tab of its editor shown (layout_checks says what
counts as clipped)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QTabWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.services.demo.scenario import create_demo
from jarjestokeskus.ui.main_window import VIEW_TITLES, MainWindow
from tests.ui.window.layout_checks import problems

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def first_record_chosen(view) -> None:  # type: ignore[no-untyped-def]
    table = getattr(view, "table", None)
    if isinstance(table, QAbstractItemView) and table.model() is not None and table.model().rowCount():
        table.setCurrentIndex(table.model().index(0, 0))


def every_tab_checked(qtbot: QtBot, window: MainWindow, where: str) -> list[str]:
    found = [f"{where}: {p}" for p in problems(window)]
    view = window.stack.currentWidget()
    for tabs in view.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(1)
            found += [f"{where} / {tabs.tabText(index)}: {p}" for p in problems(window)]
        tabs.setCurrentIndex(0)
    return found


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_nothing_is_clipped_at_1280_by_720(
    qtbot: QtBot, db: Database, language: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    empty_db = open_database(tmp_path_factory.mktemp("empty") / "empty.sqlite")
    create_demo(db)
    # The window state an empty register left (every column 100 px wide) is restored over the fit.
    empty = MainWindow(empty_db)
    qtbot.addWidget(empty)
    empty.show()
    empty.close()
    empty_db.close()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.language_actions[language].trigger()
    found: list[str] = []
    for row, title in enumerate(VIEW_TITLES):
        window.view_actions[row].trigger()
        qtbot.wait(1)
        first_record_chosen(window.stack.currentWidget())
        qtbot.wait(1)
        found += every_tab_checked(qtbot, window, title)
    assert window.size().width() == 1280 and window.size().height() == 720
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))
