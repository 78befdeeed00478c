"""The organisation form's municipality comes from the register (issue 16): every municipality
with both names, found by part of either name; a text stored before the register is kept and
flagged, and a new one that names no municipality is refused at the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation
from jarjestokeskus.ui.organisations.editor import CONTACT_TAB, OrganisationEditor
from tests.ui.organisations.test_organisation_editor import choose_municipality, type_into

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def stored_place(db: Database, organisation_id: object) -> tuple[str, str | None]:
    """The municipality as stored: the text and the register's code."""
    with db.reading() as session:
        org = session.get(Organisation, organisation_id)
        assert org is not None
        return org.municipality, org.municipality_code


def test_the_list_is_the_register_with_both_names(qtbot: QtBot, editor: OrganisationEditor) -> None:
    box = editor.fields.municipality
    items = [box.itemText(i) for i in range(box.count())]
    assert len(items) == 309  # every municipality of the register, not only those in use
    assert {"Mustasaari – Korsholm", "Vaasa – Vasa", "Alajärvi"} <= set(items)
    i18n.set_language("sv")
    try:
        editor.retranslate()
        assert "Korsholm – Mustasaari" in [box.itemText(i) for i in range(box.count())]
    finally:
        i18n.set_language("fi")
        editor.retranslate()


def test_part_of_the_swedish_name_finds_the_municipality(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    type_into(qtbot, editor, "name_fi", "Kylayhdistys ry")
    choose_municipality(qtbot, editor, "korsh")  # lower case, the middle of "Korsholm"
    assert editor.fields.municipality.currentText() == "Mustasaari – Korsholm"
    with qtbot.waitSignal(editor.saved) as signal:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert stored_place(db, signal.args[0]) == ("Mustasaari", "499")


def test_a_new_text_that_names_no_municipality_is_refused(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    type_into(qtbot, editor, "name_fi", "Kylayhdistys ry")
    type_into(qtbot, editor, "municipality", "Smedsby")
    qtbot.keyClick(editor.fields.municipality.completer().popup(), Qt.Key.Key_Escape)
    assert editor.fields.municipality.note.isVisible()
    assert not editor.save()
    box = editor.fields.boxes["municipality"]
    assert box.has_error() and box.message.text() == _(
        "Choose the municipality from the list of the register."
    )
    assert editor.tabs.currentIndex() == CONTACT_TAB
    assert editor.current_id() is None  # nothing saved


def test_a_text_stored_before_the_register_is_kept_and_flagged(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    stored = save_organisation(db, OrganisationForm(name_fi="Smedsbyn kyla ry", municipality="Smedsby"))
    assert stored_place(db, stored.id) == ("Smedsby", None)
    editor.load(stored.id)
    editor.tabs.setCurrentIndex(CONTACT_TAB)
    assert editor.fields.municipality.currentText() == "Smedsby"
    assert editor.fields.municipality.note.isVisible()  # it names no municipality: say so
    type_into(qtbot, editor, "phone", "06 123 4567")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    again = get_organisation(db, stored.id)
    assert (again.phone, again.municipality) == ("06 123 4567", "Smedsby")  # kept as it was


def test_a_stored_swedish_name_stays_as_typed_until_the_municipality_changes(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    stored = save_organisation(db, OrganisationForm(name_fi="Kerho ry", municipality="korsholm"))
    editor.load(stored.id)
    assert editor.fields.municipality.currentText() == "Mustasaari – Korsholm"
    assert not editor.fields.municipality.note.isVisible()
    assert not editor.has_unsaved_changes()  # showing both names is no change
    choose_municipality(qtbot, editor, "vasa")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert stored_place(db, stored.id) == ("Vaasa", "905")
