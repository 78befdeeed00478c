"""Alt shortcuts: in every view, in Finnish and in Swedish, no letter is used twice (issue 14.12).

A mnemonic is live while its widget is shown: the menu bar's menus, the view's buttons, check boxes,
labels with a buddy, group boxes and every tab of a shown tab bar. Each page of each editor's tabs
is looked at in turn, as a user would see it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.qt_language import apply_language

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def live_mnemonics(window: MainWindow, view: QWidget) -> dict[str, list[str]]:
    """Letter → the texts that use it, of what is shown now in the menu bar and in `view`."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    for action in window.menuBar().actions():
        add(action.text())
    for widget in view.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
    return found


def duplicates(window: MainWindow, view: QWidget, where: str) -> list[str]:
    return [
        f"{where}: Alt+{letter} " + " / ".join(texts)
        for letter, texts in live_mnemonics(window, view).items()
        if len(texts) > 1
    ]


def tab_pages(view: QWidget) -> list[tuple[QTabWidget, int]]:
    """Each page of each tab widget in the view (the staff view's tabs hold a list and an editor)."""
    return [(tabs, index) for tabs in view.findChildren(QTabWidget) for index in range(tabs.count())]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_view_uses_an_alt_letter_twice(qtbot: QtBot, db: Database, language: str) -> None:
    apply_language(language)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        problems: list[str] = []
        for row in range(window.navigation.count()):
            window.navigation.setCurrentRow(row)
            view = window.current_view()
            name = window.navigation.item(row).text()
            problems += duplicates(window, view, name)
            for tabs, index in tab_pages(view):
                if not tabs.isVisible():
                    continue
                tabs.setCurrentIndex(index)
                problems += duplicates(window, view, f"{name} / {tabs.tabText(index)}")
                tabs.setCurrentIndex(0)
        assert sorted(set(problems)) == []
    finally:
        apply_language("fi")
        i18n.set_language("fi")
