"""The window's meeting notebook: taken from the File menu, opened with its banner and only the
meeting's parts writable, attendance ticked in it, and brought back with conflicts decided side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGroupBox, QMessageBox, QRadioButton, QTableWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.notebook_guard import notebook_mark
from jarjestokeskus.services.database.meeting_copy import open_for_window
from jarjestokeskus.services.events.register import get_event
from jarjestokeskus.services.events.registrations import mark_attendance, registrations
from jarjestokeskus.ui.events.editor import REGISTRATIONS_TAB
from jarjestokeskus.ui.events.registrations import ATTENDED_COLUMN
from jarjestokeskus.ui.events.table_model import COL_ATTENDED
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.meeting_copy_options import MeetingCopyOptions
from jarjestokeskus.ui.window.merge_back_dialog import MergeBackDialog
from jarjestokeskus.ui.window.navigation import ROWS
from tests.services.database.test_notebook import _events, by_name, forum_with_three


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def _take_notebook(qtbot, window: MainWindow, monkeypatch, target: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    def choose() -> None:
        dialog = next(d for d in window.findChildren(MeetingCopyOptions) if d.isVisible())
        qtbot.mouseClick(dialog.findChild(QCheckBox, "notebook"), Qt.MouseButton.LeftButton)
        dialog.recorder.clear()
        qtbot.keyClicks(dialog.recorder, "Kaisa Kirjuri")
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    window.database_actions.meeting_copy_action.trigger()
    assert told and "muistikirjakopio" in told[0].lower()


def _tick_attendance(qtbot, window: MainWindow, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(ROWS["events"])
    view = window.view(ROWS["events"])
    view.select(_events(window.database)[0])
    view.editor.tabs.setCurrentIndex(REGISTRATIONS_TAB)
    panel = view.editor.registrations
    for row, registration in enumerate(panel.rows):
        if registration.first_name in names:
            panel.table.item(row, ATTENDED_COLUMN).setCheckState(Qt.CheckState.Checked)
    assert panel.attendance_button.isEnabled()
    qtbot.mouseClick(panel.attendance_button, Qt.MouseButton.LeftButton)


@pytest.mark.sqlite_only  # the window's copy is taken of the SQLite file here
def test_notebook_taken_marked_and_brought_back_with_a_conflict_decided(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch, tmp_path: Path
) -> None:
    forum_with_three(db)
    office = _window(qtbot, db)
    target = tmp_path / "muistikirja.sqlite"
    _take_notebook(qtbot, office, monkeypatch, target)
    assert notebook_mark(target) is not None and notebook_mark(target).recorder == "Kaisa Kirjuri"

    laptop_db, _info = open_for_window(target)
    laptop = _window(qtbot, laptop_db)
    try:
        assert laptop.banner.isVisible() and "muistikirja" in laptop.banner.text().lower()
        _tick_attendance(qtbot, laptop, ("Aino", "Bo"))
        assert {r.first_name: r.attended for r in registrations(laptop_db, _events(laptop_db)[0])} == {
            "Aino": True,
            "Bo": True,
            "Cecilia": None,
        }
        laptop.navigation.setCurrentRow(ROWS["organisations"])
        organisations = laptop.view(ROWS["organisations"])
        organisations.select(next(iter(_organisation_ids(laptop_db))))
        assert not organisations.editor.isEnabled() or not organisations.editor.save_button.isEnabled()
    finally:
        laptop.close()
        laptop_db.close()

    event = _events(db)[0]
    bo = by_name(db, event)["Bo"]
    mark_attendance(db, {bo.id: False})  # the register meanwhile: a conflict for Bo
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    seen: list[list[tuple[str, str, str]]] = []

    def decide() -> None:
        dialog = next(d for d in office.findChildren(MergeBackDialog) if d.isVisible())
        try:
            choose(dialog)
        except BaseException:
            dialog.reject()  # a failed check must not leave the dialog waiting
            raise

    def choose(dialog: MergeBackDialog) -> None:
        box = dialog.findChild(QGroupBox, f"conflict_{bo.id}")
        table = box.findChild(QTableWidget)
        seen.append([tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())])
        assert not dialog.merge_button.isEnabled()  # every conflict decided first
        keep = box.findChild(QRadioButton, "register")
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton, pos=QPoint(8, keep.height() // 2))  # on its circle
        assert dialog.merge_button.isEnabled()
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, decide)
    office.database_actions.merge_back_action.trigger()
    assert seen == [[("Osallistui", "Ei", "Kyllä")]]
    now = {r.first_name: r.attended for r in registrations(db, event)}
    assert now == {"Aino": True, "Bo": False, "Cecilia": None}
    office.navigation.setCurrentRow(ROWS["events"])
    events = office.view(ROWS["events"])
    events.reload()
    assert (
        events.model.index(0, COL_ATTENDED).data() == "1"
    )  # the register's figures: Aino came (Bo kept as not)


def _organisation_ids(db: Database) -> list[object]:
    from sqlalchemy import select

    from jarjestokeskus.db.models import Organisation

    with db.reading() as session:
        return list(session.scalars(select(Organisation.id)))


@pytest.mark.sqlite_only  # the copy is taken of the SQLite file here
def test_an_events_notes_are_written_in_a_notebook_and_nothing_else_of_it(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch, tmp_path: Path
) -> None:
    forum_with_three(db)
    office = _window(qtbot, db)
    target = tmp_path / "muistikirja.sqlite"
    _take_notebook(qtbot, office, monkeypatch, target)
    laptop_db, _info = open_for_window(target)
    laptop = _window(qtbot, laptop_db)
    try:
        laptop.navigation.setCurrentRow(ROWS["events"])
        view = laptop.view(ROWS["events"])
        view.select(_events(laptop_db)[0])
        editor = view.editor
        fields = editor.fields
        assert fields.inputs["title_fi"].isReadOnly() and not fields.kind.isEnabled()
        assert not fields.notes.isReadOnly() and not editor.buttons.save.isEnabled()
        fields.notes.setFocus()
        qtbot.keyClicks(fields.notes, "Sovittiin jatkotapaaminen")
        assert editor.buttons.save.isEnabled()
        qtbot.mouseClick(editor.buttons.save, Qt.MouseButton.LeftButton)
        assert get_event(laptop_db, _events(laptop_db)[0]).notes == "Sovittiin jatkotapaaminen"
        assert not editor.buttons.save.isEnabled() and not editor.buttons.archive.isEnabled()
    finally:
        laptop.close()
        laptop_db.close()
