"""The earlier names' window, opened from the organisation's form as a user does (issue 16):
rows typed and saved, wrong cells marked, the form's summary and history after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.organisations.names import former_names
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.organisations.editor import OrganisationEditor
from jarjestokeskus.ui.organisations.former_names import FormerNamesDialog
from tests.ui.organisations.test_organisation_editor import type_cell, type_into

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def with_open_window(qtbot: QtBot, editor: OrganisationEditor, work) -> None:  # type: ignore[no-untyped-def]
    """Click 'Earlier names…'; `work(dialog)` runs while the window is open."""
    done: list[bool] = []

    def act() -> None:
        dialog = next(d for d in editor.findChildren(FormerNamesDialog) if d.isVisible())
        try:
            work(dialog)
        finally:
            done.append(True)
            if dialog.isVisible():
                dialog.reject()

    def when_open() -> None:
        qtbot.waitUntil(lambda: any(d.isVisible() for d in editor.findChildren(FormerNamesDialog)))
        act()

    QTimer.singleShot(0, when_open)
    editor.fields.former_button.click()
    assert done


def save_button(dialog: FormerNamesDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_earlier_names_typed_in_their_window_are_stored_and_shown(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry")).id
    editor.load(org)
    assert editor.fields.former_summary.text() == _("None recorded")

    def type_names(dialog: FormerNamesDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.table.add_button.click()
        type_cell(qtbot, dialog.table, 0, "name_fi", "Vaasan Seudun Yhdistykset ry")
        type_cell(qtbot, dialog.table, 0, "name_sv", "Vasanejdens Foreningar rf")
        type_cell(qtbot, dialog.table, 0, "valid_until", "31.12.2019")
        save_button(dialog).click()

    with_open_window(qtbot, editor, type_names)
    (stored,) = former_names(db, org)
    assert (stored.name_fi, stored.valid_from, format_date(stored.valid_until)) == (
        "Vaasan Seudun Yhdistykset ry",
        None,
        "31.12.2019",
    )
    assert "Vaasan Seudun Yhdistykset ry" in editor.fields.former_summary.text()
    tree = editor.history.tree
    shown = [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]
    assert any("Vaasan Seudun Yhdistykset ry" in text for text in shown)  # in the form's history


def test_a_wrong_cell_is_marked_and_the_window_stays_open(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry")).id
    editor.load(org)

    def type_wrong(dialog: FormerNamesDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.table.add_button.click()
        type_cell(qtbot, dialog.table, 0, "name_fi", "Vanha nimi")
        type_cell(qtbot, dialog.table, 0, "valid_from", "1.1.2020")
        type_cell(qtbot, dialog.table, 0, "valid_until", "1.1.2019")
        save_button(dialog).click()
        assert dialog.isVisible()
        assert dialog.table.error_at(0, "valid_until")

    with_open_window(qtbot, editor, type_wrong)
    assert former_names(db, org) == []


def test_the_window_waits_for_unsaved_changes_and_for_a_stored_organisation(
    qtbot: QtBot, editor: OrganisationEditor, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not editor.fields.former_button.isEnabled()  # a new organisation has no id yet
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    org = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry")).id
    editor.load(org)
    type_into(qtbot, editor, "phone", "06 1")
    editor.fields.former_button.click()
    assert told == [_("Save or cancel the changes in the form first.")]
    assert not [
        d for d in QApplication.topLevelWidgets() if isinstance(d, FormerNamesDialog) and d.isVisible()
    ]
