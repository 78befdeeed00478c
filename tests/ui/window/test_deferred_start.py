"""The program's start: the window shows "Opening the database…" at the event loop's first turn,
before the database layer is loaded; then the database opens and the chosen view fills."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.errors import NewerDatabase, NotADatabase
from jarjestokeskus.i18n import _
from jarjestokeskus.services import settings
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.organisations.table_model import COL_NAME
from jarjestokeskus.ui.start.page import StartPage
from jarjestokeskus.ui.window.navigation import ROWS
from tests.ui.window.starting import register_file, run_start, start_settings  # noqa: F401 - a fixture

pytestmark = [
    pytest.mark.sqlite_only,  # database files named on the command line
    pytest.mark.usefixtures("start_settings"),  # the window opens on the start page
]


@pytest.fixture
def members_file(tmp_path: Path, migrated_template: Path) -> Path:
    """A register with two member organisations."""
    members = ("Vaasan Kuoro ry", "Mustasaaren Kyläyhdistys ry")
    return register_file(tmp_path / "rekisteri.sqlite", migrated_template, members)


def _shown_window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def test_the_window_says_it_is_opening_then_shows_the_start_page(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    seen: list[tuple[object, str, bool]] = []

    def first_turn() -> None:
        window = _shown_window()
        seen.append((window.database, window.stack.currentWidget().text(), window.save_action.isEnabled()))

    code, window = run_start(monkeypatch, str(members_file), first_turn)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert seen == [(None, "Avataan tietokantaa…", False)]  # shown, responsive, still opening
    page = window.stack.currentWidget()
    assert isinstance(page, StartPage) and page.isVisible()
    members = page.figures.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
    assert members.text() == "2"
    assert window.database.path == members_file and window.save_action.isEnabled()
    assert window.windowTitle() == _("Järjestökeskus")
    assert window.database_actions.open_action in window.menuBar().actions()[0].menu().actions()


def test_a_view_chosen_while_opening_is_shown_when_the_database_is_open(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def first_turn() -> None:
        navigation = _shown_window().navigation
        row = navigation.visualItemRect(navigation.item(ROWS["organisations"]))
        qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=row.center())

    code, window = run_start(monkeypatch, str(members_file), first_turn)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert window.navigation.currentRow() == ROWS["organisations"]
    view = window.stack.currentWidget()
    assert view is window.organisations and view.isVisible()
    names = [view.model.index(row, COL_NAME).data() for row in range(view.model.rowCount())]
    assert sorted(names) == ["Mustasaaren Kyläyhdistys ry", "Vaasan Kuoro ry"]


@pytest.mark.parametrize("problem", ["not a database", "newer schema"])
def test_a_database_that_cannot_be_opened_is_shown_and_the_program_ends(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    if problem == "not a database":
        members_file.write_text("Kokouksen muistio", encoding="utf-8")
        expected = NotADatabase(str(members_file)).user_message()
    else:
        connection = sqlite3.connect(members_file)
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff0000'")
        connection.close()
        expected = NewerDatabase("ffff0000").user_message()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    assert run_start(monkeypatch, str(members_file)) == (1, None)
    assert shown == [(_("Cannot open the database"), expected)]


def test_closing_the_window_while_it_opens_ends_the_program(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    code, opened = run_start(monkeypatch, str(members_file), lambda: _shown_window().close())
    assert (code, opened) == (0, None)
    qtbot.wait(300)  # what the loading thread left for the event loop opens nothing afterwards
    assert settings.load_settings().recent_databases == ()
