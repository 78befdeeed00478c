"""The Events view driven as a user: a new event typed and saved, people registered past the
capacity, attendance ticked and saved, feedback entered, the sign-in sheet printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.services.events.feedback import feedback
from jarjestokeskus.services.events.register import list_events
from jarjestokeskus.services.events.registrations import registrations
from jarjestokeskus.ui.events.editor import REGISTRATIONS_TAB
from jarjestokeskus.ui.events.registrations import ATTENDED_COLUMN, RegistrationDialog
from jarjestokeskus.ui.events.view import EventsView


@pytest.fixture
def view(qtbot, db: Database) -> EventsView:  # type: ignore[no-untyped-def]
    widget = EventsView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def new_event(qtbot, view: EventsView, title: str = "Foorumi", capacity: str = "2") -> None:  # type: ignore[no-untyped-def]
    view.new_record()
    fields = view.editor.fields
    qtbot.keyClicks(fields.inputs["title_fi"], title)
    qtbot.keyClicks(fields.inputs["starts_on"], "8.10.2026")
    qtbot.keyClicks(fields.inputs["capacity"], capacity)
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)


def test_a_wrong_date_is_named_and_the_typed_text_stays(qtbot, view: EventsView, db: Database) -> None:  # type: ignore[no-untyped-def]
    view.new_record()
    qtbot.keyClicks(view.editor.fields.inputs["title_fi"], "Koulutus")
    qtbot.keyClicks(view.editor.fields.inputs["starts_on"], "31.2.2026")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert view.editor.fields.boxes["starts_on"].has_error()
    assert view.editor.fields.inputs["title_fi"].text() == "Koulutus"
    assert list_events(db) == []


def test_registrations_past_capacity_attendance_and_feedback(
    qtbot, view: EventsView, db: Database, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)  # nothing typed: refused
    new_event(qtbot, view)
    (event,) = list_events(db)
    assert view.model.rowCount() == 1 and view.editor.current_id() == event.id
    view.editor.tabs.setCurrentIndex(REGISTRATIONS_TAB)
    panel = view.editor.registrations
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    for first in ("Aino", "Bo", "Cilla"):

        def fill(name: str = first) -> None:
            dialog = next(d for d in view.findChildren(RegistrationDialog) if d.isVisible())
            qtbot.keyClicks(dialog.inputs["first_name"], name)
            qtbot.keyClicks(dialog.inputs["last_name"], "Testinen")
            save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, fill)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    states = [r.status for r in registrations(db, event.id)]
    assert states == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING,
    ]
    assert "1 jonossa" in view.model.index(0, 4).data()
    panel.table.item(0, ATTENDED_COLUMN).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.attendance_button, Qt.MouseButton.LeftButton)
    assert list_events(db)[0].attended == 1
    sheet = tmp_path / "lista.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sheet), ""))
    qtbot.mouseClick(panel.sheet_button, Qt.MouseButton.LeftButton)
    assert sheet.stat().st_size > 1000
    table = view.editor.feedback.table
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    table.set_text(0, "question", "Kokonaisarvio")
    table.set_text(0, "answers", "12")
    table.set_text(0, "average", "4,5")
    qtbot.mouseClick(view.editor.feedback.save_button, Qt.MouseButton.LeftButton)
    assert [(f.question, f.answers, str(f.average)) for f in feedback(db, event.id)] == [
        ("Kokonaisarvio", 12, "4.50")
    ]
