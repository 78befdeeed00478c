"""The window on a shared PostgreSQL server: backups are the administrator's job, read-only mode.

Runs on the test server only (JK_TEST_POSTGRES, see tools/postgres-test).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services import settings
from jarjestokeskus.services.database.maintenance import NotAFile
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.main_window import MainWindow
from tests import databases
from tests.ui.window.starting import run_start

pytestmark = pytest.mark.skipif(not databases.on_postgres(), reason="needs JK_TEST_POSTGRES")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_back_up_now_says_the_servers_administrator_makes_the_backups(
    qtbot, db: Database, warnings: list[str], language: str
) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.backup_action.trigger()
    assert warnings == [NotAFile().user_message()]
    assert "pg_dump" in warnings[0]
    assert window.close()  # the automatic backup on closing skips a server without a word
    assert warnings == [NotAFile().user_message()]


def test_a_read_only_window_on_the_server(qtbot, db: Database, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    save_organisation(db, OrganisationForm(name_fi="Ähtärin Martat ry"))
    reader = open_database(db.url, read_only=True)
    try:
        window = MainWindow(reader)
        qtbot.addWidget(window)
        window.show()
        assert window.banner.isVisible()
        assert not window.new_action.isEnabled()
        window.view_actions[1].trigger()  # Ctrl+2: the organisations
        assert window.organisations.model.total == 1
        window.close()
    finally:
        reader.close()


def test_the_window_starts_on_the_server(  # type: ignore[no-untyped-def]
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program's start (the window first, then the database) on a server URL."""
    monkeypatch.setattr(settings, "settings_path", lambda: tmp_path / "settings.json")
    code, window = run_start(monkeypatch, db.url)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert window.database.url == db.url and window.database.path is None
    assert window.statusBar().currentMessage() == settings.without_password(db.url)
    assert window.current_view() is not window.opening  # the chosen view, read from the server
    assert settings.load_settings().recent_databases == (settings.without_password(db.url),)
