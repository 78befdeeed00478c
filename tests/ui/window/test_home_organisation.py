"""The home organisation is chosen in Settings at any time: no dead end after skipping the welcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services import settings
from jarjestokeskus.services.organisations.register import home_organisation, save_organisation
from jarjestokeskus.services.staff.employment import NoHomeOrganisation
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "settings_path", lambda: tmp_path / "config" / "settings.json")


def choose_in_settings(qtbot: QtBot, window: MainWindow, typed: str, seen: list[str]) -> None:
    """In the open Settings: type into "Home organisation", take the first match, OK."""
    (dialog,) = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    try:
        picker = dialog.home.picker
        seen.append(picker.text())
        picker.clear()
        qtbot.keyClicks(picker, typed)  # the list of matches opens as one types
        picker.search()
        picker.choose(0)  # a click on its first line
        picker.completer().popup().hide()
        seen.append(picker.text())
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    finally:
        if dialog.isVisible():
            dialog.reject()


def test_choose_the_home_organisation_in_settings(qtbot: QtBot, db: Database) -> None:
    """The welcome dialog was closed and organisations added: Settings still names one's own."""
    save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry"))
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert home_organisation(db) is None
    assert "Asetukset" in NoHomeOrganisation().user_message()  # the message says where to go
    seen: list[str] = []

    QTimer.singleShot(0, lambda: choose_in_settings(qtbot, window, "Pohjanmaan", seen))
    window.database_actions.settings_action.trigger()
    assert seen == ["", "Pohjanmaan Yhdistykset ry"]
    home = home_organisation(db)
    assert home is not None and home.name_fi == "Pohjanmaan Yhdistykset ry"

    QTimer.singleShot(0, lambda: choose_in_settings(qtbot, window, "Martat", seen))  # changed later
    window.database_actions.settings_action.trigger()
    assert seen[2:] == ["Pohjanmaan Yhdistykset ry", "Vaasan Martat ry"]
    home = home_organisation(db)
    assert home is not None and home.name_fi == "Vaasan Martat ry"
