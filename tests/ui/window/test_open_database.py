"""Open database…, Recent databases and meeting copies in the window (file dialogs monkeypatched)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.errors import NewerDatabase, NotADatabase
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services import settings
from jarjestokeskus.services.database.meeting_copy import meeting_copy_info
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.organisations.table_model import COL_NAME
from tests.ui.window.starting import register_file, run_start


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(settings, "settings_path", lambda: target)
    return target


def _database(folder: Path, template: Path, name: str, organisation: str) -> Path:
    return register_file(folder / name, template, [organisation])


@pytest.fixture
def window(qtbot, db):  # type: ignore[no-untyped-def]
    service.save_organisation(db, OrganisationForm(name_fi="Kotipesä ry", municipality="Vaasa"))
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    main.view_actions[1].trigger()
    return main


@pytest.fixture
def other(tmp_path: Path, migrated_template: Path) -> Path:
    return _database(tmp_path, migrated_template, "toinen.sqlite", "Toisen kannan yhdistys ry")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def _names(window: MainWindow) -> list[str]:
    window.organisations.apply_filters()
    model = window.organisations.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_open_database_switches_and_remembers(window: MainWindow, other: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    actions = window.database_actions
    assert actions.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    old = window.database
    _choose(monkeypatch, other)
    actions.open_action.trigger()
    assert window.database.path == other
    assert _names(window) == ["Toisen kannan yhdistys ry"]
    assert not window.database.read_only
    assert load_settings().recent_databases[0] == str(other)
    assert window.database is not old


def test_recent_menu_lists_existing_files_and_switches(  # type: ignore[no-untyped-def]
    window: MainWindow, other: Path, tmp_path: Path, monkeypatch
) -> None:
    first = window.database.path
    settings.remember_database(str(first or window.database.url))  # as the start of the program does
    _choose(monkeypatch, other)
    window.database_actions.open_action.trigger()
    settings.save_settings(load_settings().with_recent(str(tmp_path / "gone.sqlite")))
    menu = window.database_actions.recent_menu
    window.database_actions.fill_recent()
    entries = [a.data() for a in menu.actions()]
    assert str(tmp_path / "gone.sqlite") not in entries
    assert entries[0] == str(other)
    if first is not None:
        assert str(first) in entries
        next(a for a in menu.actions() if a.data() == str(first)).trigger()
        assert window.database.path == first
        assert _names(window) == ["Kotipesä ry"]


def test_unsaved_edits_cancel_keeps_the_database(window: MainWindow, other: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = window.database
    view = window.organisations
    view.new_record()
    view.editor.fields.lines["name_fi"].setText("Kesken ry")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    _choose(monkeypatch, other)
    assert not window.database_actions.open_target(str(other))
    assert window.database is before
    assert view.editor.has_unsaved_changes()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    assert window.database_actions.open_target(str(other))
    assert window.database.path == other


def test_a_file_that_is_not_a_database_is_refused(
    window: MainWindow, tmp_path: Path, warnings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    before = window.database
    text_file = tmp_path / "muistio.sqlite"
    text_file.write_text("Kokouksen muistio", encoding="utf-8")
    _choose(monkeypatch, text_file)
    window.database_actions.open_action.trigger()
    assert warnings == [NotADatabase(str(text_file)).user_message()]
    assert window.database is before
    assert _names(window) == ["Kotipesä ry"]  # still open and working
    assert text_file.read_text(encoding="utf-8") == "Kokouksen muistio"


def test_a_newer_database_is_refused(window: MainWindow, other: Path, warnings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    connection = sqlite3.connect(other)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff0000'")
    connection.close()
    before = window.database
    _choose(monkeypatch, other)
    window.database_actions.open_action.trigger()
    assert warnings == [NewerDatabase("ffff0000").user_message()]
    assert window.database is before


def test_meeting_copy_from_the_window_opens_read_only_with_its_date(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, monkeypatch, qtbot
) -> None:
    from tests.ui.window.test_meeting_copy_options import answer

    target = tmp_path / "kokous.sqlite"
    answer(qtbot, ())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    assert window.database_actions.take_meeting_copy() == target
    assert told and str(target) in told[0]
    info = meeting_copy_info(target)
    assert info is not None
    _choose(monkeypatch, target)
    window.database_actions.open_action.trigger()
    assert window.database.path == target and window.database.read_only
    day = format_date(info.taken_on)
    assert window.banner.isVisibleTo(window)
    assert window.banner.text() == _("Meeting copy of {date} — read only").format(date=day)
    assert day in window.windowTitle()
    assert not window.new_action.isEnabled()
    window.organisations.search.insert("koti")
    window.organisations.apply_filters()
    assert _names(window) == ["Kotipesä ry"]  # search works on the copy
    backups = target.parent / "backups"
    assert window.close()
    assert not backups.exists()  # a meeting copy is not backed up when the window closes


def test_an_empty_new_database_offers_the_welcome(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, migrated_template: Path, monkeypatch
) -> None:
    from jarjestokeskus.ui.window.welcome import WelcomeDialog

    empty = tmp_path / "tyhja.sqlite"
    shutil.copyfile(migrated_template, empty)
    shown: list[object] = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: shown.append(self.db) or 0)
    assert window.database_actions.open_target(str(empty))
    assert shown == [window.database] and window.database.path == empty


def test_the_open_database_is_not_opened_twice(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = window.database
    assert window.database_actions.open_target(before.url)
    assert window.database is before


def _start(monkeypatch: pytest.MonkeyPatch, db_target: str | None) -> MainWindow:
    """ui.app.run_gui up to the database's opening; returns the window it made."""
    code, window = run_start(monkeypatch, db_target)
    assert code == 0 and window is not None
    return window


def test_start_opens_the_saved_database(other: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("JARJESTOKESKUS_DB", raising=False)
    settings.save_settings(settings.Settings(database=str(other)))
    started = _start(monkeypatch, None)
    qtbot.addWidget(started)
    assert started.database.path == other
    assert load_settings().recent_databases[0] == str(other)


def test_start_with_db_opens_a_meeting_copy_read_only(  # type: ignore[no-untyped-def]
    other: Path, tmp_path: Path, monkeypatch, qtbot
) -> None:
    from jarjestokeskus.services.database.meeting_copy import take_meeting_copy

    source = open_database(other)
    try:
        copy = take_meeting_copy(source, tmp_path / "kokous.sqlite")
    finally:
        source.close()
    started = _start(monkeypatch, str(copy))
    qtbot.addWidget(started)
    assert started.database.read_only and started.meeting_copy is not None
    day = format_date(started.meeting_copy.taken_on)
    title = _("{title} — meeting copy of {date}, read only").format(title=_("Järjestökeskus"), date=day)
    assert started.windowTitle() == title


def test_a_server_that_wants_a_password_asks_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from jarjestokeskus.db.errors import CannotOpen
    from jarjestokeskus.ui.window import database_actions

    tried: list[str | None] = []
    opened = object()

    def fake_open(target):  # type: ignore[no-untyped-def]
        tried.append(target)
        if "salainen" not in (target or ""):
            raise CannotOpen(target or "", 'FATAL:  password authentication failed for user "kirsi"')
        return opened, None

    monkeypatch.setattr(database_actions, "open_for_window", fake_open)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("salainen", True))
    server = "postgresql+psycopg://kirsi@palvelin:5432/rekisteri"
    assert database_actions.try_open(None, server) is opened
    assert tried == [server, "postgresql+psycopg://kirsi:salainen@palvelin:5432/rekisteri"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", False))
    message = database_actions.try_open(None, server)
    assert isinstance(message, str) and "password authentication failed" in message
