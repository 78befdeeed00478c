"""The organisation editor as a user meets it: typing, saving, refusals, stale saves, archive, history."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.enums import OrganisationKind, RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm, label
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    count_organisations,
    get_organisation,
    save_organisation,
)
from jarjestokeskus.services.rows import OrganisationDetail
from jarjestokeskus.ui.organisations.editor import (
    BASIC_TAB,
    HISTORY_TAB,
    MEMBERSHIP_TAB,
    PERSONS_TAB,
    OrganisationEditor,
)
from jarjestokeskus.ui.widgets.form_table import FormTable

# The offscreen platform cannot pass a top-level window's size limits on; a real one can.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Dialogs:
    """Message boxes recorded instead of blocking the test; questions get `answer`."""

    def __init__(self) -> None:
        self.warnings: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def warning(self, _parent: QWidget, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.warnings.append((title, text))
        return QMessageBox.StandardButton.Ok

    def question(
        self, _parent: QWidget, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    return recorder


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key presses for `text`; QTest only knows ASCII keys, so others go as plain key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot: QtBot, editor: OrganisationEditor, key: str, text: str) -> None:
    """Click into the field named `key` (on its tab), select what is there and type `text`."""
    widget = editor.fields.inputs[key]
    for index in range(editor.tabs.count()):
        if editor.tabs.widget(index).isAncestorOf(widget):
            editor.tabs.setCurrentIndex(index)
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    type_text(qtbot, line, text)


def choose_municipality(qtbot: QtBot, editor: OrganisationEditor, typed: str) -> None:
    """Type part of a name into the municipality box and take the first match the list offers."""
    type_into(qtbot, editor, "municipality", typed)
    popup = editor.fields.municipality.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    editor.activateWindow()  # the popup was a window of its own; the platform gives the editor back
    qtbot.waitUntil(editor.isActiveWindow)


def type_cell(qtbot: QtBot, table: FormTable, row: int, key: str, text: str) -> None:
    """Go to the cell, type over it and press Enter, as in a spreadsheet."""
    table.focus_cell(row, key)  # an editor still open elsewhere commits as it loses the focus
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    cell_editor = QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit)
    cell_editor.selectAll()
    type_text(qtbot, cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.wait(1)  # the delegate commits on Enter through the event loop


def stored_organisation(db: Database) -> OrganisationDetail:
    form = OrganisationForm(
        name_fi="Vaasan Seudun Yhdistykset ry",
        name_sv="Vasanejdens Föreningar rf",
        business_id="0242746-2",
        fees=[FeeForm("2024", "50", "15.3.2024"), FeeForm("2025", "60")],
        roles=[RoleForm("Liisa", "Virtanen", kind=RoleKind.CHAIR, start_date="1.1.2020")],
    )
    return save_organisation(db, form)


def test_new_organisation_is_saved_as_typed(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    editor.new_organisation()
    editor.focus_first_field()
    assert editor.current_id() is None
    assert not editor.has_unsaved_changes()
    type_into(qtbot, editor, "name_fi", "Pohjanmaan Yhdistykset ry")
    type_into(qtbot, editor, "name_sv", "Österbottens Föreningar rf")
    type_into(qtbot, editor, "business_id", "0211675-2")
    choose_municipality(qtbot, editor, "vaas")
    assert editor.fields.municipality.currentText() == "Vaasa – Vasa"
    editor.tabs.setCurrentIndex(MEMBERSHIP_TAB)
    qtbot.mouseClick(editor.fee_table.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, editor.fee_table, 0, "year", "2025")
    type_cell(qtbot, editor.fee_table, 0, "amount", "1 234,5")
    type_cell(qtbot, editor.fee_table, 0, "paid_on", "28.2.2025")
    assert editor.has_unsaved_changes()
    assert editor.unsaved_label.isVisible()

    with qtbot.waitSignal(editor.saved) as signal:
        assert editor.save()

    stored = get_organisation(db, signal.args[0])
    assert editor.current_id() == stored.id
    assert (stored.name_fi, stored.name_sv) == ("Pohjanmaan Yhdistykset ry", "Österbottens Föreningar rf")
    assert (stored.business_id, stored.municipality) == ("0211675-2", "Vaasa")
    fees = [(f.year, f.amount, str(f.paid_on)) for f in stored.fees]
    assert fees == [(2025, Decimal("1234.50"), "2025-02-28")]
    assert editor.fee_table.text(0, "amount") == "1\u00a0234,50"  # shown again as stored
    assert not editor.has_unsaved_changes()
    assert not editor.unsaved_label.isVisible()


def test_refused_save_marks_fields(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    """Nothing is stored, each error is shown at its field, and nothing typed is cleared."""
    type_into(qtbot, editor, "name_fi", "Kokkolan Yhdistys ry")
    type_into(qtbot, editor, "business_id", "2077474-1")
    editor.tabs.setCurrentIndex(PERSONS_TAB)
    editor.role_table.add_row()
    type_cell(qtbot, editor.role_table, 0, "last_name", "Nieminen")
    type_cell(qtbot, editor.role_table, 0, "start_date", "1.6.2024")
    type_cell(qtbot, editor.role_table, 0, "end_date", "1.1.2024")

    assert not editor.save()

    assert count_organisations(db, OrganisationQuery()) == 0
    business_id = editor.fields.boxes["business_id"]
    assert business_id.has_error()
    assert business_id.field.property("invalid") is True
    assert label("business_id") in business_id.message.text()
    assert label("end_date") in editor.role_table.error_at(0, "end_date")
    assert editor.role_table.table.item(0, editor.role_table.keys.index("end_date")).toolTip()
    assert editor.errors.keys() == {"business_id", "roles[0].end_date"}
    assert editor.error_list.isVisible() and len(editor.error_list.message_texts()) == 2
    # The first error's tab is shown and the cursor is in the field.
    assert editor.tabs.currentIndex() == BASIC_TAB
    assert QApplication.focusWidget() is editor.fields.inputs["business_id"]
    assert editor.fields.lines["name_fi"].text() == "Kokkolan Yhdistys ry"
    assert editor.fields.lines["business_id"].text() == "2077474-1"
    assert editor.role_table.text(0, "end_date") == "1.1.2024"

    type_into(qtbot, editor, "business_id", "0207669-0")
    assert not business_id.has_error()
    assert business_id.field.property("invalid") is False
    assert editor.errors.keys() == {"roles[0].end_date"}
    type_cell(qtbot, editor.role_table, 0, "end_date", "31.12.2024")
    assert not editor.role_table.error_at(0, "end_date")
    assert not editor.error_list.isVisible()

    assert editor.save()
    stored = get_organisation(db, editor.current_id())  # type: ignore[arg-type]
    assert stored.business_id == "0207669-0"
    assert [(r.last_name, str(r.end_date)) for r in stored.roles] == [("Nieminen", "2024-12-31")]


def test_error_in_a_fee_row_opens_the_membership_tab(qtbot: QtBot, editor: OrganisationEditor) -> None:
    type_into(qtbot, editor, "name_fi", "Yhdistys ry")
    editor.tabs.setCurrentIndex(MEMBERSHIP_TAB)
    editor.fee_table.add_row()
    editor.fee_table.add_row()
    type_cell(qtbot, editor.fee_table, 1, "year", "2020")
    type_cell(qtbot, editor.fee_table, 1, "amount", "viisikymppiä")
    editor.tabs.setCurrentIndex(BASIC_TAB)

    assert not editor.save()

    # The first row (this year, no amount) and the second (not money) are both marked.
    assert editor.errors.keys() == {"fees[0].amount", "fees[1].amount"}
    assert editor.tabs.currentIndex() == MEMBERSHIP_TAB
    assert editor.fee_table.table.currentRow() == 0
    assert editor.fee_table.text(1, "amount") == "viisikymppiä"
    editor.tabs.setCurrentIndex(BASIC_TAB)
    editor.error_list.messages.linkActivated.emit("fees[1].amount")  # a click on the message
    assert (editor.tabs.currentIndex(), editor.fee_table.table.currentRow()) == (MEMBERSHIP_TAB, 1)
    editor.fee_table.table.selectRow(0)
    editor.fee_table.remove_selected()
    assert editor.errors.keys() == set()


def test_stale_save_shows_the_message_and_keeps_the_text(
    qtbot: QtBot, editor: OrganisationEditor, db: Database, dialogs: Dialogs
) -> None:
    stored = stored_organisation(db)
    editor.load(stored.id)
    type_into(qtbot, editor, "phone", "06 123 4567")
    # Someone else saves the same organisation meanwhile.
    save_organisation(db, OrganisationForm(name_fi="Toisen tallentama ry"), stored.id, stored.version)

    assert not editor.save()

    assert dialogs.warnings == [(_("Save"), StaleRecord().user_message())]
    assert editor.fields.lines["phone"].text() == "06 123 4567"
    assert editor.has_unsaved_changes()
    assert get_organisation(db, stored.id).name_fi == "Toisen tallentama ry"


def test_load_edit_and_cancel(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    stored = stored_organisation(db)
    editor.load(stored.id)
    assert editor.current_id() == stored.id
    assert editor.fields.lines["name_sv"].text() == "Vasanejdens Föreningar rf"
    assert [editor.fee_table.text(r, "amount") for r in range(2)] == ["60,00", "50,00"]
    assert editor.fee_table.text(1, "paid_on") == "15.3.2024"
    assert editor.role_table.kind(0) == RoleKind.CHAIR
    assert editor.role_table.text(0, "role") == RoleKind.CHAIR.label
    assert not editor.has_unsaved_changes()

    type_into(qtbot, editor, "name_fi", "Muutettu ry")
    editor.fee_table.table.selectRow(0)
    editor.fee_table.remove_selected()
    assert editor.has_unsaved_changes()
    editor.cancel()
    assert editor.fields.lines["name_fi"].text() == "Vaasan Seudun Yhdistykset ry"
    assert editor.fee_table.row_count() == 2
    assert not editor.has_unsaved_changes()

    editor.new_organisation()
    type_into(qtbot, editor, "name_fi", "Uusi ry")
    editor.cancel()
    assert editor.current_id() is None
    assert editor.fields.lines["name_fi"].text() == ""


def test_removed_fee_and_changed_role_saved(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    stored = stored_organisation(db)
    editor.load(stored.id)
    editor.tabs.setCurrentIndex(MEMBERSHIP_TAB)
    editor.fee_table.table.selectRow(1)  # 2024
    qtbot.mouseClick(editor.fee_table.remove_button, Qt.MouseButton.LeftButton)
    editor.role_table.set_kind(0, RoleKind.TREASURER)
    kind = editor.fields.combos["kind"]
    kind.setFocus()
    kind.setCurrentIndex(kind.findData(OrganisationKind.FOUNDATION.value))

    assert editor.save()

    after = get_organisation(db, stored.id)
    assert [f.year for f in after.fees] == [2025]
    assert after.roles[0].kind == RoleKind.TREASURER
    assert after.kind == OrganisationKind.FOUNDATION
    assert after.version > stored.version


def test_archive_and_restore_after_confirmation(
    qtbot: QtBot, editor: OrganisationEditor, db: Database, dialogs: Dialogs
) -> None:
    stored = stored_organisation(db)
    editor.load(stored.id)
    assert editor.archive_button.isVisible() and not editor.restore_button.isVisible()

    dialogs.answer = QMessageBox.StandardButton.No
    assert not editor.archive()
    assert get_organisation(db, stored.id).archived_at is None

    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(editor.archived) as signal:
        assert editor.archive()
    assert signal.args == [stored.id]
    assert "Vaasan Seudun Yhdistykset ry" in dialogs.questions[-1]
    assert get_organisation(db, stored.id).archived_at is not None
    assert editor.archived_notice.isVisible()
    assert editor.restore_button.isVisible() and not editor.archive_button.isVisible()

    with qtbot.waitSignal(editor.restored):
        assert editor.restore()
    assert get_organisation(db, stored.id).archived_at is None
    assert not editor.archived_notice.isVisible()
    assert editor.archive_button.isVisible()


def test_history_lists_create_and_change(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    type_into(qtbot, editor, "name_fi", "Historiayhdistys ry")
    assert editor.save()
    type_into(qtbot, editor, "phone", "040 765 4321")
    assert editor.save()

    editor.tabs.setCurrentIndex(HISTORY_TAB)
    entries = editor.history.entries()
    actions = [columns[2] for columns, _lines in entries]
    assert actions == [_("Changed"), _("Created")]
    assert all(columns[3] == _("Organisation") for columns, _lines in entries)
    phone = _("{field}: {old} → {new}").format(field=label("phone"), old="–", new="040 765 4321")
    assert entries[0][1] == [phone]
    assert f"{label('name_fi')}: Historiayhdistys ry" in entries[1][1]


def test_retranslate_switches_every_text(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    editor.load(stored_organisation(db).id)
    i18n.set_language("sv")
    editor.retranslate()

    tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert tabs == [
        _("&Basic"),
        _("C&ontact"),
        _("&Membership"),
        _("&Persons"),
        _("Contact &log"),
        _("&History"),
    ]
    assert editor.fields.labels["name_fi"].text() == label("name_fi")
    assert editor.fields.premises.text() == label("uses_municipal_premises")
    assert editor.save_button.text() == _("Save")
    assert editor.archive_button.text() == _("&Archive…")
    kind = editor.fields.combos["kind"]
    assert kind.itemText(kind.findData(OrganisationKind.PARISH.value)) == OrganisationKind.PARISH.label
    assert editor.fields.combos["staff_profile"].itemText(0) == _("Not given")
    assert editor.fee_table.table.horizontalHeaderItem(0).text() == label("year")
    assert editor.role_table.text(0, "role") == RoleKind.CHAIR.label
    assert editor.history.tree.headerItem().text(0) == _("When")
    assert editor.fields.lines["member_since"].placeholderText() == _("d.m.yyyy")
    assert not editor.has_unsaved_changes()


def test_errors_follow_the_language(qtbot: QtBot, editor: OrganisationEditor) -> None:
    type_into(qtbot, editor, "name_fi", "Yhdistys ry")
    type_into(qtbot, editor, "postal_code", "651")
    assert not editor.save()
    i18n.set_language("sv")
    editor.retranslate()
    expected = _("{field}: five digits, for example 65100").format(field=label("postal_code"))
    assert editor.error_list.message_texts() == [expected]
    assert editor.fields.boxes["postal_code"].message.text() == expected


def test_read_only_database_disables_editing(qtbot: QtBot, db_path: Path, dialogs: Dialogs) -> None:
    writable = open_database(db_path)
    organisation_id = stored_organisation(writable).id
    writable.close()
    db = open_database(db_path)
    db.read_only = True
    try:
        editor = OrganisationEditor(db)
        qtbot.addWidget(editor)
        editor.load(organisation_id)
        assert not editor.save_button.isEnabled()
        assert not editor.archive_button.isEnabled()
        assert not editor.cancel_button.isEnabled()
        assert editor.fields.lines["name_fi"].isReadOnly()
        assert not editor.fields.combos["kind"].isEnabled()
        assert not editor.fields.premises.isEnabled()
        assert not editor.fee_table.add_button.isEnabled()
        assert not editor.role_table.remove_button.isEnabled()

        assert not editor.save()
        assert not editor.archive()
        assert len(dialogs.warnings) == 1
        assert get_organisation(db, organisation_id).version == 1
    finally:
        db.close()


def test_cell_still_being_typed_in_is_saved(qtbot: QtBot, editor: OrganisationEditor, db: Database) -> None:
    type_into(qtbot, editor, "name_fi", "Kesken ry")
    editor.tabs.setCurrentIndex(MEMBERSHIP_TAB)
    qtbot.mouseClick(editor.fee_table.add_button, Qt.MouseButton.LeftButton)
    cell_editor = QApplication.focusWidget()  # Add opens the amount cell of the new row
    assert isinstance(cell_editor, QLineEdit)
    type_text(qtbot, cell_editor, "75")
    assert editor.has_unsaved_changes()

    assert editor.save()  # Ctrl+S while the cursor is still in the cell

    assert [f.amount for f in get_organisation(db, editor.current_id()).fees] == [Decimal("75.00")]  # type: ignore[arg-type]
