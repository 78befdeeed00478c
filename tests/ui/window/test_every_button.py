"""Every button and menu action of the window, clicked on the demo database as a user would.

File dialogs are cancelled, questions answered with Cancel or No, other dialogs opened, their own
buttons clicked, and closed. The test fails when a click raises (pytest-qt reports exceptions in
Qt's event loop) or when a message box reports an unexpected error.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _
from jarjestokeskus.services.demo.scenario import create_demo
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.reports.view import ReportsView
from jarjestokeskus.ui.window.appearance import apply_appearance

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Clicker:
    """Clicks what can be clicked and remembers what the message boxes said."""

    def __init__(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot = qtbot
        self.messages: list[tuple[str, str]] = []
        self.dialogs: list[str] = []
        self.clicked: list[str] = []
        self._done: set[int] = set()
        self._in_dialog = False
        answer_no = self._question
        for name in ("warning", "information", "critical", "about"):
            monkeypatch.setattr(QMessageBox, name, self._message)
        monkeypatch.setattr(QMessageBox, "question", answer_no)
        monkeypatch.setattr(
            QMessageBox, "exec", lambda box: self._message(None, box.windowTitle(), box.text())
        )
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self._dialog(dialog))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([], ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", False))
        monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (0, False))
        monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("", False))
        monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: ("", False))
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda *_a, **_k: True)

    def _message(self, _parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.messages.append((title, text))
        return QMessageBox.StandardButton.Ok

    def _question(self, _parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        self.messages.append((title, text))
        buttons = args[0] if args else QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        if buttons & QMessageBox.StandardButton.Cancel:
            return QMessageBox.StandardButton.Cancel
        return QMessageBox.StandardButton.No

    def _dialog(self, dialog: QDialog) -> int:
        """A dialog the window opens: show it, click its own buttons, close it unanswered."""
        self.dialogs.append(type(dialog).__name__)
        if self._in_dialog:  # a dialog from a dialog: closed at once
            return 0
        self._in_dialog = True
        try:
            dialog.show()
            self.click_everything(dialog, skip_dialog_buttons=True)
            if shiboken6.isValid(dialog):
                dialog.reject()
        finally:
            self._in_dialog = False
        return 0

    def click(self, button: QAbstractButton) -> None:
        if id(button) in self._done or not shiboken6.isValid(button):
            return
        if not (button.isVisible() and button.isEnabled()):
            return
        self._done.add(id(button))
        self.clicked.append(button.text() or button.objectName() or type(button).__name__)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.qtbot.wait(1)

    def click_everything(self, root: QWidget, skip_dialog_buttons: bool = False) -> None:
        """Each visible button of `root`, then the same on every tab of its tab widgets."""
        self._click_visible(root, skip_dialog_buttons)
        for tabs in root.findChildren(QTabWidget):
            if not shiboken6.isValid(tabs) or not tabs.isVisible():
                continue
            for index in range(tabs.count()):
                if shiboken6.isValid(tabs) and tabs.isTabEnabled(index):
                    tabs.setCurrentIndex(index)
                    self._click_visible(tabs.widget(index), skip_dialog_buttons)

    def _click_visible(self, root: QWidget, skip_dialog_buttons: bool) -> None:
        if not shiboken6.isValid(root):
            return
        for button in root.findChildren(QAbstractButton):
            if not isinstance(button, QPushButton | QToolButton):
                continue
            if skip_dialog_buttons and isinstance(button.parent(), QDialogButtonBox):
                continue
            self.click(button)

    def unexpected(self) -> list[tuple[str, str]]:
        return [(title, text) for title, text in self.messages if _("Unexpected error") in title]


def choose_first_rows(root: QWidget) -> None:
    """As a user picks a record: the first row of every list in the view."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db)
    return db


def test_every_button_and_action_of_every_view(qtbot: QtBot, demo: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clicker = Clicker(qtbot, monkeypatch)
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        view = window.stack.currentWidget()
        choose_first_rows(view)
        clicker.click_everything(view)
        choose_first_rows(view)  # a click may have emptied the editor: once more with a record
        clicker.click_everything(view)
        if isinstance(view, ReportsView):
            qtbot.waitUntil(lambda v=view: not v.is_building(), timeout=30000)
    triggered = 0
    for action in [a for a in window.findChildren(QAction) if a is not window.quit_action]:
        if shiboken6.isValid(action) and action.isEnabled() and not action.menu():
            action.trigger()
            triggered += 1
            qtbot.wait(1)
    apply_appearance("system")  # View ▸ Appearance ▸ Dark was triggered too: light for the next tests
    assert clicker.unexpected() == []
    assert len(clicker.clicked) > 50, clicker.clicked
    assert triggered > 20
    assert {"SettingsDialog", "RestoreDialog", "FundingRulesDialog", "SchemeLimitsDialog"} <= set(
        clicker.dialogs
    )
    # Quitting asks about the edits the clicks left (added rows…): throw them away.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    window.quit_action.trigger()
    assert not window.isVisible()
