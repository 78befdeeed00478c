"""The start page at the program's start is read from the file with sqlite3 alone and shown before
the database layer has loaded (issue 18); the database the window then opens is given to it, and
a row chosen on it meanwhile opens once the database is open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.errors import NewerDatabase
from jarjestokeskus.db.plain import PlainDatabase
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
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
    """Two member organisations in Vaasa, one in Pori."""
    path = register_file(
        tmp_path / "rekisteri.sqlite", migrated_template, ("Vaasan Kuoro ry", "Vaasan Seura ry")
    )
    db = open_database(path)
    try:
        member = MembershipStatus.MEMBER
        save_organisation(
            db, OrganisationForm(name_fi="Porin Pelimannit ry", municipality="Pori", membership_status=member)
        )
    finally:
        db.close()
    return path


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def _after_opening_began(then):  # type: ignore[no-untyped-def]
    """Runs `then` at the turn after the window began opening its database (run_gui's first turn)."""
    return lambda: QTimer.singleShot(0, then)


def _members_figure(page: StartPage) -> str:
    label = page.figures.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
    assert isinstance(label, QLabel)
    return label.text()


def _places(page: StartPage) -> list[str]:
    table = page.places.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_start_page_is_read_from_the_file_before_the_database_layer_and_kept(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    seen: list[object] = []

    def early() -> None:
        window = _window()
        page = window.stack.currentWidget()
        assert isinstance(page, StartPage) and page.isVisible()
        seen.extend([window.database, page, isinstance(page.db, PlainDatabase), _members_figure(page)])
        seen.append(_places(page))
        window.language_actions["sv"].trigger()  # the user switches language meanwhile
        seen.extend([page.figures_box.title(), _places(page)])
        window.language_actions["fi"].trigger()

    code, window = run_start(monkeypatch, str(members_file), _after_opening_began(early))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    database, page, plain, members, places_fi, title_sv, places_sv = seen
    assert (database, plain, members) == (None, True, "3")  # shown before the database was open
    assert places_fi == ["Vaasa", "Pori"] and places_sv == ["Vasa", "Björneborg"]
    assert title_sv == "Nyckeltal"
    assert window.stack.currentWidget() is page  # the same page, now on the database the window opened
    assert page.db is window.database and window.database.path == members_file
    assert _members_figure(page) == "3"


def test_a_municipality_chosen_while_the_database_opens_is_listed_once_it_is_open(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    waited: list[object] = []

    def early() -> None:
        window = _window()
        table = window.stack.currentWidget().places.table
        table.setCurrentCell(0, 0)
        qtbot.keyClick(table, Qt.Key.Key_Return)  # Vaasa
        waited.extend([window.database, window.navigation.currentRow(), window.statusBar().currentMessage()])

    code, window = run_start(monkeypatch, str(members_file), _after_opening_began(early))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert waited == [None, ROWS["start"], "Avataan tietokantaa…"]  # said, and done when open
    assert window.navigation.currentRow() == ROWS["organisations"]
    view = window.stack.currentWidget()
    assert view is window.organisations and view.municipality_filter.currentText() == "Vaasa"
    names = [view.model.index(row, COL_NAME).data() for row in range(view.model.rowCount())]
    assert sorted(names) == ["Vaasan Kuoro ry", "Vaasan Seura ry"]


@pytest.mark.parametrize("case", ["newer schema", "another view chosen"])
def test_otherwise_the_window_waits_for_the_database(
    members_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, case: str
) -> None:
    """A file the program cannot open as it is waits for the full opening, which says why; a
    window that opens on another view reads nothing of the start page."""
    shown: list[str] = []
    if case == "newer schema":
        connection = sqlite3.connect(members_file)
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff0000'")
        connection.close()
        monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    else:
        QSettings().setValue("main/view", ROWS["projects"])
    seen: list[object] = []

    def early() -> None:
        window = _window()
        seen.extend([window.stack.currentWidget() is window.opening, window._views[ROWS["start"]]])

    code, window = run_start(monkeypatch, str(members_file), _after_opening_began(early))
    assert seen == [True, None]
    if case == "newer schema":
        assert (code, window, shown) == (1, None, [NewerDatabase("ffff0000").user_message()])
    else:
        assert code == 0 and window is not None
        qtbot.addWidget(window)
        assert window.stack.currentWidget() is window.projects
