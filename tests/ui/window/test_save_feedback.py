"""After a save, an archiving or a restoring the status bar names the record, in the user's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_organisation_saved_archived_and_restored_is_named(qtbot: QtBot, window: MainWindow) -> None:
    window.view_actions[1].trigger()  # Ctrl+2: organisations
    window.new_action.trigger()
    editor = window.organisations.editor
    qtbot.keyClicks(editor.fields.inputs["name_fi"], "Vaasan Martat ry")
    assert window.statusBar().currentMessage() != "Tallennettu: Vaasan Martat ry"
    click(qtbot, editor.save_button)
    assert window.statusBar().currentMessage() == "Tallennettu: Vaasan Martat ry"
    window.language_actions["sv"].trigger()
    window.organisations.select(editor.current_id())
    click(qtbot, editor.archive_button)
    assert window.statusBar().currentMessage() == "Arkiverat: Vaasan Martat ry"
    window.view_actions[2].trigger()  # the archive
    window.archive.table.selectRow(0)
    click(qtbot, window.archive.editor.restore_button)
    assert window.statusBar().currentMessage() == "Återställt: Vaasan Martat ry"


def test_a_staff_member_saved_is_named(qtbot: QtBot, window: MainWindow) -> None:
    window.view_actions[7].trigger()  # Ctrl+8: staff
    window.new_action.trigger()
    editor = window.staff.editor
    qtbot.keyClicks(editor.inputs["first_name"], "Aino")
    qtbot.keyClicks(editor.inputs["last_name"], "Testinen")
    qtbot.keyClicks(editor.period_fields.line("start_date"), "1.1.2026")
    qtbot.keyClicks(editor.period_fields.line("hours_per_week"), "30")
    click(qtbot, editor.save_button)
    assert window.statusBar().currentMessage() == "Tallennettu: Aino Testinen"
    click(qtbot, editor.archive_button)
    assert window.statusBar().currentMessage() == "Arkistoitu: Aino Testinen"
