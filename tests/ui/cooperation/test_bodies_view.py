"""The Bodies tab driven as a user: a body typed in, renamed in Swedish, archived and restored; its
representatives and meetings added, edited, archived and restored in their dialogs; minutes attached,
opened in the system's viewer and removed (kept archived)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MeetingMinutes
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind
from jarjestokeskus.services.cooperation.bodies import BodyForm, bodies, representation, save_body
from jarjestokeskus.services.cooperation.meetings import list_minutes
from jarjestokeskus.ui.cooperation.view import CooperationView
from tests.ui.cooperation.helpers import LEFT, cell, column, in_dialog, save_dialog, type_in


def _new_body(qtbot, view: CooperationView) -> None:  # type: ignore[no-untyped-def]
    editor = view.bodies.editor
    type_in(
        qtbot,
        editor.field_form,
        name_fi="Mustasaaren jarjestoneuvottelukunta",
        area="korsholm",  # either language, any case: the register's municipality
        term_start="1.6.2025",
    )
    qtbot.mouseClick(editor.save_button, LEFT)


def test_a_body_saved_renamed_in_swedish_archived_and_restored(
    qtbot, view: CooperationView, db: Database
) -> None:  # type: ignore[no-untyped-def]
    register, editor = view.bodies, view.bodies.editor
    _new_body(qtbot, view)
    assert column(register.table, 0) == ["Mustasaaren jarjestoneuvottelukunta"]
    assert (cell(register.table, 0, 1), cell(register.table, 0, 2)) == (
        "Järjestöneuvottelukunta",
        "Mustasaari",
    )
    assert [(b.area, b.term_start) for b in bodies(db)] == [("Mustasaari", date(2025, 6, 1))]

    type_in(qtbot, editor.field_form, name_sv="Korsholms organisationsdelegation")
    assert editor.unsaved_label.isVisible()
    qtbot.mouseClick(editor.save_button, LEFT)
    i18n.set_language("sv")
    view.retranslate()
    assert (cell(register.table, 0, 0), cell(register.table, 0, 2)) == (
        "Korsholms organisationsdelegation",
        "Korsholm",
    )
    assert editor.heading.text() == "Korsholms organisationsdelegation"

    qtbot.mouseClick(editor.archive_button, LEFT)
    assert register.model.rowCount() == 0 and bodies(db) == []
    qtbot.mouseClick(register.archived_box, LEFT)
    assert column(register.table, 0) == ["Korsholms organisationsdelegation"]
    register.select(register.model.rows[0].id)
    assert editor.restore_button.isVisible()
    qtbot.mouseClick(editor.restore_button, LEFT)
    qtbot.mouseClick(register.archived_box, LEFT)
    assert [b.name_sv for b in bodies(db)] == ["Korsholms organisationsdelegation"]


def test_a_municipality_not_in_the_register_is_refused_under_the_field(
    qtbot, view: CooperationView, db: Database
) -> None:  # type: ignore[no-untyped-def]
    editor = view.bodies.editor
    type_in(qtbot, editor.field_form, name_fi="Atlantiksen neuvosto", area="Atlantis")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.error_list.message_texts() == ["Kunta tai hyvinvointialue: valitse kunta luettelosta"]
    assert editor.field_form.boxes["area"].has_error()
    assert bodies(db) == []


def test_a_stale_save_is_refused_and_the_typing_kept(
    qtbot, view: CooperationView, db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _new_body(qtbot, view)
    stored = bodies(db)[0]
    form = BodyForm(BodyKind.ADVISORY_BOARD, "Toisen tallentama", "", AreaKind.MUNICIPALITY, "Vaasa")
    save_body(db, form, stored.id, stored.version)
    type_in(qtbot, view.bodies.editor.field_form, note="Oma muutos")
    qtbot.mouseClick(view.bodies.editor.save_button, LEFT)
    assert len(shown) == 1 and "tallensi" in shown[0]
    assert view.bodies.editor.field_form.values()["note"] == "Oma muutos"
    assert bodies(db)[0].name_fi == "Toisen tallentama"


def test_representatives_added_edited_archived_and_restored(
    qtbot, view: CooperationView, db: Database
) -> None:  # type: ignore[no-untyped-def]
    _new_body(qtbot, view)
    editor = view.bodies.editor
    seats = editor.seats
    qtbot.mouseClick(editor.tabs.tabBar(), LEFT, pos=editor.tabs.tabBar().tabRect(1).center())
    assert editor.tabs.currentWidget() is seats
    in_dialog(
        qtbot,
        seats,
        save_dialog(
            qtbot, first_name="Anna", last_name="Aho", organisation_id="Aalto", start_date="1.6.2025"
        ),
    )
    qtbot.mouseClick(seats.add_button, LEFT)
    assert [cell(seats.table, 0, c) for c in range(4)] == ["Jäsen", "Anna Aho", "Aalto ry", "1.6.2025"]

    seats.table.selectRow(0)
    in_dialog(qtbot, seats, save_dialog(qtbot, role="Puheenjohtaja", end_date="31.5.2029"))
    qtbot.mouseClick(seats.edit_button, LEFT)
    assert (cell(seats.table, 0, 0), cell(seats.table, 0, 4)) == ("Puheenjohtaja", "31.5.2029")
    assert [r.person for r in representation(db, date(2026, 1, 1))] == ["Anna Aho"]

    seats.table.selectRow(0)
    qtbot.mouseClick(seats.archive_button, LEFT)
    assert seats.model.rowCount() == 0 and representation(db, date(2026, 1, 1)) == []
    qtbot.mouseClick(seats.archived_box, LEFT)
    seats.table.selectRow(0)
    qtbot.mouseClick(seats.restore_button, LEFT)
    assert seats.model.rowCount() == 0  # back among the live ones
    qtbot.mouseClick(seats.archived_box, LEFT)
    assert column(seats.table, 1) == ["Anna Aho"]


def test_a_seat_without_an_organisation_is_refused_in_its_dialog(qtbot, view: CooperationView) -> None:  # type: ignore[no-untyped-def]
    _new_body(qtbot, view)
    seats = view.bodies.editor.seats
    messages: list[str] = []

    def refused(dialog) -> None:  # type: ignore[no-untyped-def]
        save_dialog(qtbot, last_name="Aho")(dialog)
        messages.append(dialog.fields.boxes["organisation_id"].message.text())

    in_dialog(qtbot, seats, refused)
    qtbot.mouseClick(seats.add_button, LEFT)
    assert messages == ["&Järjestö: pakollinen tieto".replace("&", "")]
    assert seats.model.rowCount() == 0


def test_a_meeting_with_minutes_attached_opened_and_removed(
    qtbot, view: CooperationView, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _new_body(qtbot, view)
    meetings = view.bodies.editor.meetings
    view.bodies.editor.tabs.setCurrentWidget(meetings)
    in_dialog(qtbot, meetings, save_dialog(qtbot, held_on="12.2.2026", agenda="1. Avustusperiaatteet"))
    qtbot.mouseClick(meetings.add_button, LEFT)
    assert [cell(meetings.table, 0, c) for c in range(2)] == ["12.2.2026", "1. Avustusperiaatteet"]

    source = tmp_path / "poytakirja.pdf"
    source.write_bytes(b"%PDF-1.4 minutes")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    meetings.table.selectRow(0)
    qtbot.mouseClick(meetings.attach_button, LEFT)
    assert [meetings.minutes.item(i).text() for i in range(meetings.minutes.count())] == ["poytakirja.pdf"]

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    meetings.minutes.setCurrentRow(0)
    qtbot.mouseClick(meetings.open_button, LEFT)
    assert len(opened) == 1 and Path(opened[0].toLocalFile()).read_bytes() == b"%PDF-1.4 minutes"

    qtbot.mouseClick(meetings.remove_button, LEFT)
    assert meetings.minutes.count() == 0
    meeting_id = meetings.model.rows[0].id
    assert list_minutes(db, meeting_id) == []
    with db.reading() as session:  # removed is archived: the row and its file are kept
        kept = session.scalars(select(MeetingMinutes).where(MeetingMinutes.meeting_id == meeting_id)).all()
        assert [m.archived_at is not None for m in kept] == [True]

    qtbot.mouseClick(meetings.archive_button, LEFT)
    assert meetings.model.rowCount() == 0
    qtbot.mouseClick(meetings.archived_box, LEFT)
    meetings.table.selectRow(0)
    qtbot.mouseClick(meetings.restore_button, LEFT)
    qtbot.mouseClick(meetings.archived_box, LEFT)
    assert column(meetings.table, 0) == ["12.2.2026"]
