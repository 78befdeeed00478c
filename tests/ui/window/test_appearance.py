"""View ▸ Appearance: System, Light or Dark, applied at once to the whole window and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.appearance import apply_appearance, is_dark
from tests.ui.window.test_icons import ink


@pytest.fixture
def window(qtbot: QtBot, db: Database):  # type: ignore[no-untyped-def]
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    yield main
    apply_appearance("system")  # the palette is the whole program's: back for the other tests


def menu_texts(window: MainWindow) -> list[str]:
    view_menu = window.menuBar().actions()[2].menu()
    return [a.text() for a in view_menu.actions()]


def test_dark_light_and_system_from_the_view_menu(qtbot: QtBot, window: MainWindow) -> None:
    assert "&Ulkoasu" in menu_texts(window)
    assert [a.text() for a in window.appearance.menu.actions()] == [
        "&Järjestelmän mukaan",
        "&Vaalea",
        "&Tumma",
    ]
    assert not is_dark(window.palette())  # the offscreen platform has no dark scheme of its own
    window.appearance.actions["dark"].trigger()
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    text = window.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() > 200
    assert window.navigation.palette().color(QPalette.ColorRole.Base).lightness() < 60
    # A form field under a style sheet (the field errors' one) turns dark too.
    name_field = window.organisations.editor.fields.inputs["name_fi"]
    assert name_field.palette().color(QPalette.ColorRole.Base).lightness() < 60
    qtbot.waitUntil(lambda: ink(window.navigation.item(0).icon()) == {text.name()})
    assert load_settings().appearance == "dark"
    assert window.appearance.actions["dark"].isChecked()

    window.appearance.actions["light"].trigger()
    qtbot.waitUntil(lambda: not is_dark(window.palette()))
    assert load_settings().appearance == "light"
    window.appearance.actions["system"].trigger()
    assert not is_dark(QApplication.instance().palette())
    assert load_settings().appearance == "system"


def test_the_choice_is_remembered_for_the_next_start(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    window.appearance.actions["dark"].trigger()
    window.language_actions["sv"].trigger()
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert again.appearance.actions["dark"].isChecked()
    assert again.appearance.menu.title() == "&Utseende"
