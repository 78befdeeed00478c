"""The organisation form and a business ID another organisation has: warned, saved only on yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    list_organisations,
    save_organisation,
)
from jarjestokeskus.ui.organisations.editor import OrganisationEditor
from tests.ui.organisations import test_organisation_editor as form_tests
from tests.ui.organisations.test_organisation_editor import Dialogs, type_into

# the same fixtures (the editor comes from conftest.py)
dialogs = form_tests.dialogs

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def names(db: Database) -> list[str]:
    return [row.name_fi for row in list_organisations(db, OrganisationQuery())]


def test_a_business_id_another_has_asks_and_no_keeps_the_form(
    qtbot: QtBot, editor: OrganisationEditor, db: Database, dialogs: Dialogs
) -> None:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))
    editor.new_organisation()
    type_into(qtbot, editor, "name_fi", "Martat kylaosasto")
    type_into(qtbot, editor, "business_id", "0242746-2")
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.questions) == 1
    assert "Vaasan Martat ry" in dialogs.questions[0] and "0242746-2" in dialogs.questions[0]
    assert names(db) == ["Vaasan Martat ry"]
    assert editor.has_unsaved_changes()
    assert "Vaasan Martat ry" in editor.fields.boxes["business_id"].message.text()
    assert editor.fields.inputs["business_id"].hasFocus()


def test_yes_saves_it_as_a_separate_registration(
    qtbot: QtBot, editor: OrganisationEditor, db: Database, dialogs: Dialogs
) -> None:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))
    editor.new_organisation()
    type_into(qtbot, editor, "name_fi", "Martat kylaosasto")
    type_into(qtbot, editor, "business_id", "0242746-2")
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.questions) == 1
    assert names(db) == ["Martat kylaosasto", "Vaasan Martat ry"]
    assert not editor.has_unsaved_changes()
