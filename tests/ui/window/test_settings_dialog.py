"""Settings…: the database (file or server), language and backup folder; OK applies, Cancel does not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from jarjestokeskus import i18n
from jarjestokeskus.i18n import _
from jarjestokeskus.services import settings
from jarjestokeskus.services.settings import Settings, load_settings, save_settings
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.settings_dialog import SettingsDialog
from tests import databases


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(settings, "settings_path", lambda: target)
    return target


@pytest.fixture
def window(qtbot, db):  # type: ignore[no-untyped-def]
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    return main


def _dialog(qtbot, current: Settings, apply=None) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(current, "/data/register.sqlite", apply)
    qtbot.addWidget(dialog)
    return dialog


def test_settings_shortcut_and_menu(window: MainWindow) -> None:
    action = window.database_actions.settings_action
    assert action.shortcut() in {QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")}
    assert not action.shortcut().isEmpty()
    edit_menu = window.menuBar().actions()[1].menu()
    assert action in edit_menu.actions()


def test_fields_show_the_saved_settings(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(
        qtbot, Settings(language="sv", database="/srv/rekisteri.sqlite", backup_folder="/mnt/usb/kopiot")
    )
    assert dialog.file_choice.isChecked() and dialog.file_path.text() == "/srv/rekisteri.sqlite"
    assert dialog.language.currentData() == "sv"
    assert dialog.backup_folder.text() == "/mnt/usb/kopiot"
    assert not dialog.server_part.isEnabled()
    server = _dialog(qtbot, Settings(database="postgresql+psycopg://kirsi@palvelin:5433/rekisteri"))
    assert server.server_choice.isChecked() and server.server_part.isEnabled()
    assert (server.host.text(), server.port.text(), server.database_name.text(), server.user.text()) == (
        "palvelin",
        "5433",
        "rekisteri",
        "kirsi",
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_server_fields_are_checked_in_the_users_language(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    applied: list[object] = []
    dialog = _dialog(qtbot, Settings(), lambda choice: applied.append(choice))
    dialog.server_choice.setChecked(True)
    dialog.port.setText("99999")
    dialog.accept()
    assert dialog.result() == 0 and applied == []
    assert dialog.errors() == {
        "host": _("Give the server's name or address."),
        "port": _("The port is a number from 1 to 65535."),
        "databaseName": _("Give the name of the database on the server."),
        "user": _("Give the user name."),
    }
    assert dialog.host.property("invalid")
    dialog.host.insert("palvelin")
    dialog.port.setText("5432")
    dialog.database_name.insert("rekisteri")
    dialog.user.insert("kirsi")
    dialog.password.insert("salainen")
    choice = dialog.validated_choice()
    assert choice is not None and dialog.errors() == {}
    assert choice.settings.database == "postgresql+psycopg://kirsi@palvelin:5432/rekisteri"  # no password
    assert choice.open_now == "postgresql+psycopg://kirsi:salainen@palvelin:5432/rekisteri"


def test_backup_folder_and_file_are_checked(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, Settings())
    a_file = tmp_path / "muistio.txt"
    a_file.write_text("x", encoding="utf-8")
    dialog.backup_folder.setText(str(a_file))
    dialog.file_path.setText(str(tmp_path))
    assert dialog.validated_choice() is None
    assert dialog.errors() == {
        "backupFolder": _("This is a file, not a folder."),
        "filePath": _("This is a folder. Choose a database file."),
    }
    dialog.backup_folder.setText("suhteellinen/kansio")
    dialog.file_path.clear()
    assert dialog.validated_choice() is None
    assert list(dialog.errors()) == ["backupFolder"]


def test_browse_fills_the_fields(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, Settings())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "uusi.sqlite"), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    dialog.browse_file()
    dialog.browse_backup_folder()
    assert dialog.file_path.text() == str(tmp_path / "uusi.sqlite")
    assert dialog.backup_folder.text() == str(tmp_path)


def test_cancel_changes_nothing(qtbot, window: MainWindow, own_settings: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save_settings(Settings(language="fi"))
    before_text, before_db = own_settings.read_text(encoding="utf-8"), window.database

    def edit_and_cancel() -> None:
        dialog = window.findChild(SettingsDialog)
        dialog.file_path.setText(str(tmp_path / "muu.sqlite"))
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        dialog.reject()

    QTimer.singleShot(0, edit_and_cancel)
    assert not window.database_actions.show_settings()
    assert own_settings.read_text(encoding="utf-8") == before_text
    assert window.database is before_db and i18n.current_language() == "fi"
    assert not (tmp_path / "muu.sqlite").exists()


def test_ok_switches_database_language_and_saves(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, migrated_template: Path, monkeypatch
) -> None:
    offered: list[object] = []
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: offered.append(self.database))
    chosen = tmp_path / "yhteinen.sqlite"
    shutil.copyfile(migrated_template, chosen)

    def choose_and_ok() -> None:
        dialog = window.findChild(SettingsDialog)
        dialog.file_choice.setChecked(True)
        dialog.file_path.setText(str(chosen))
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        dialog.backup_folder.setText(str(tmp_path / "varmuus"))
        dialog.accept()

    QTimer.singleShot(0, choose_and_ok)
    assert window.database_actions.show_settings()
    saved = load_settings()
    assert saved == saved.with_(database=str(chosen), language="sv", backup_folder=str(tmp_path / "varmuus"))
    assert saved.recent_databases[0] == str(chosen)
    assert window.database.path == chosen
    assert i18n.current_language() == "sv"
    qtbot.waitUntil(lambda: offered == [window.database])  # an empty register: the welcome dialog


def test_a_database_that_cannot_be_opened_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, own_settings: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "rikki.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    before = window.database
    dialog = SettingsDialog(Settings(), "x", window.database_actions.apply_settings, window)
    qtbot.addWidget(dialog)
    dialog.file_path.setText(str(bad))
    dialog.accept()
    assert dialog.result() == 0 and dialog.database_error.isVisibleTo(dialog)
    assert str(bad) in dialog.database_error.text()
    assert window.database is before and not own_settings.exists()
    dialog.server_choice.setChecked(True)
    for field, text in ((dialog.host, "localhost"), (dialog.port, "1"), (dialog.database_name, "x")):
        field.setText(text)
    dialog.user.setText("kirsi")
    dialog.password.setText("salainen")
    dialog.accept()
    assert dialog.result() == 0 and "salainen" not in dialog.database_error.text()
    assert window.database is before and not own_settings.exists()


@pytest.mark.skipif(not databases.on_postgres(), reason="needs JK_TEST_POSTGRES")
def test_test_connection_on_a_server(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    url = make_url(databases.SERVER)
    dialog = _dialog(qtbot, Settings())
    dialog.server_choice.setChecked(True)
    dialog.host.setText(url.host or "localhost")
    dialog.port.setText(str(url.port or 5432))
    dialog.database_name.setText("postgres")
    dialog.user.setText(url.username or os.environ.get("USER", "postgres"))
    dialog.password.setText(url.password or "")
    assert dialog.test_connection()
    assert dialog.test_result.text() in {
        _("The connection works. The database is in use by this program."),
        _("The connection works. The database is empty: the program creates its tables on opening."),
    }
    dialog.database_name.setText("ei_ole_olemassa")
    assert not dialog.test_connection()
