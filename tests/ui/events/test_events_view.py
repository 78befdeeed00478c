"""The Events view driven as a user: a new event typed and saved, people registered past the
capacity, attendance ticked and saved, feedback entered, the sign-in sheet printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.services.events.feedback import feedback
from jarjestokeskus.services.events.register import list_events
from jarjestokeskus.services.events.registrations import registrations
from jarjestokeskus.ui.events.editor import REGISTRATIONS_TAB
from jarjestokeskus.ui.events.registrations import ATTENDED_COLUMN, RegistrationDialog
from jarjestokeskus.ui.events.table_model import COL_REGISTERED
from jarjestokeskus.ui.events.view import EventsView


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
    assert "1 jonossa" in view.model.index(0, COL_REGISTERED).data()
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


def test_an_event_is_linked_to_its_project_goal_and_body_by_choosing_them(
    qtbot, view: EventsView, db: Database
) -> None:  # type: ignore[no-untyped-def]
    """Chosen from the form's lists; saved and shown again; a link to an archived record is
    refused naming the field, and the choices follow a project added elsewhere."""
    import uuid

    from jarjestokeskus.db.base import utcnow
    from jarjestokeskus.db.models import Body, Project
    from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
    from jarjestokeskus.domain.cooperation import AreaKind, BodyKind
    from jarjestokeskus.services.agreements.store import save_agreement

    project_id, body_id = uuid.uuid4(), uuid.uuid4()
    with db.transaction() as session:
        session.add(Project(id=project_id, code="P1", name_fi="Kylien kohtaamispaikat"))
        session.add(
            Body(
                id=body_id,
                kind=BodyKind.ADVISORY_BOARD,
                name_fi="Järjestöneuvottelukunta",
                area_kind=AreaKind.MUNICIPALITY,
                area="Vaasa",
            )
        )
    save_agreement(
        db, AgreementForm(title_fi="Kumppanuussopimus", goals=[GoalForm(title_fi="Yksinäisyys vähenee")])
    )
    view.refresh_after_change()  # the agreement was announced; the project and body came in by hand
    new_event(qtbot, view, "Foorumi", "")
    fields = view.editor.fields
    for key, text in (
        ("project_id", "Kylien kohtaamispaikat"),
        ("goal_id", "Kumppanuussopimus: Yksinäisyys vähenee"),
        ("body_id", "Järjestöneuvottelukunta"),
    ):
        combo = fields.links[key]
        combo.setFocus()
        combo.setCurrentIndex(combo.findText(text))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    (saved,) = list_events(db)
    assert (saved.project_id, saved.body_id) == (project_id, body_id) and saved.goal_id is not None
    view.new_record()
    view.open(saved.id)
    assert fields.links["body_id"].currentText() == "Järjestöneuvottelukunta"
    with db.transaction() as session:
        body = session.get(Body, body_id)
        assert body is not None
        body.archived_at = utcnow()
    qtbot.keyClicks(fields.inputs["place"], "Vaasa")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert any(
        m.startswith("Toimielin: se ei ole enää rekisterissä") for m in view.editor.error_list.message_texts()
    )
    assert list_events(db)[0].place == ""
