"""The Events view's tools driven as a user at 1280 × 720: feedback imported from a form export
through the column mapping, participants exported for passing on, old attendance lists reduced
to counts after a confirmation, and the years they are kept for chosen in Settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services import settings
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.events.feedback import feedback
from jarjestokeskus.services.events.feedback_import import SCORE
from jarjestokeskus.services.events.register import get_event, save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register, registrations
from jarjestokeskus.services.settings import Settings, load_settings, save_settings
from jarjestokeskus.ui.events import old_lists
from jarjestokeskus.ui.events.editor import FEEDBACK_TAB, REGISTRATIONS_TAB
from jarjestokeskus.ui.events.feedback_import import MEANS, FeedbackImportDialog
from jarjestokeskus.ui.events.participants_export import ParticipantsExportDialog
from jarjestokeskus.ui.events.table_model import COL_ATTENDED, COL_REGISTERED
from jarjestokeskus.ui.events.view import EventsView
from jarjestokeskus.ui.window.settings_dialog import SettingsDialog


def shown(view: EventsView, event_id) -> None:  # type: ignore[no-untyped-def]
    view.refresh_after_change()
    view.open(event_id)


def inside(widget, parent) -> bool:  # type: ignore[no-untyped-def]
    """The widget is shown whole within `parent` (not pushed out at 1280 × 720)."""
    top_left = widget.mapTo(parent, QPoint(0, 0))
    return (
        widget.isVisible()
        and parent.rect().contains(top_left)
        and parent.rect().contains(top_left + QPoint(widget.width() - 1, widget.height() - 1))
    )


def test_feedback_imported_through_the_mapping(
    qtbot, view: EventsView, db: Database, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    event = save_event(db, EventForm("Foorumi", "", EventKind.FORUM, "8.10.2026"))
    shown(view, event.id)
    view.editor.tabs.setCurrentIndex(FEEDBACK_TAB)
    panel = view.editor.feedback
    assert inside(panel.import_button, view)
    export = tmp_path / "palaute.csv"
    export.write_text(
        "Nimi;Sisältö;Tilat;Terveiset\nAnna;5;4;Hyvä\nBo;4;viisi;\nCai;3;3;Kiitos\n", encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(export), ""))
    seen: list[str] = []

    def map_columns() -> None:
        dialog = next(d for d in view.findChildren(FeedbackImportDialog) if d.isVisible())
        # Guessed: the name left out, Sisältö scored, Tilat (a word in it) left out, comments.
        assert [c.currentText() for c in dialog.choices] == [
            "Jätetään pois",
            "Kysymys (arvosana)",
            "Jätetään pois",
            "Vapaat kommentit",
        ]
        tilat = dialog.columns.cellWidget(2, MEANS)
        tilat.setCurrentIndex(tilat.findData(SCORE))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.errors.text())
        assert dialog.isVisible() and feedback(db, event.id) == []  # nothing saved half-way
        tilat.setCurrentIndex(0)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, map_columns)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert seen == ["Rivi 3, sarake Tilat: viisi ei ole arvosana 0–10\nMitään ei tuotu."]
    # By hand: 5, 4, 3 -> 3 answers, 4.00; two comments.
    assert [(f.question, f.answers, f.average) for f in feedback(db, event.id)] == [
        ("Sisältö", 3, pytest.approx(4)),
        ("Terveiset", 2, None),
    ]
    assert panel.table.text(0, "average") == "4,00" and panel.table.text(1, "comments") == "Hyvä\nKiitos"

    def again() -> None:
        dialog = next(d for d in view.findChildren(FeedbackImportDialog) if d.isVisible())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.errors.text())
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, again)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert seen[-1].startswith("Nämä vastaukset tuotiin jo")
    assert [f.answers for f in feedback(db, event.id)] == [3, 2]


def test_participants_exported_to_pass_on(
    qtbot, view: EventsView, db: Database, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    event = save_event(db, EventForm("Foorumi", "", EventKind.FORUM, "8.10.2026"))
    forms = [
        RegistrationForm("Anna", "Aalto", "anna@example.fi", "Aalto ry", "fi", "vegaani", "", True),
        RegistrationForm("Bo", "Berg", "bo@example.fi", "Berg rf", "sv", "", "", False),
    ]
    a, _b = register(db, event.id, forms)
    mark_attendance(db, {a.id: True})
    shown(view, event.id)
    view.editor.tabs.setCurrentIndex(REGISTRATIONS_TAB)
    panel = view.editor.registrations
    assert inside(panel.export_button, view)
    target = tmp_path / "osallistujat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def choose() -> None:
        dialog = next(d for d in view.findChildren(ParticipantsExportDialog) if d.isVisible())
        qtbot.mouseClick(dialog.needs, Qt.MouseButton.LeftButton)
        assert dialog.needs.isChecked()
        qtbot.mouseClick(dialog.to_share, Qt.MouseButton.LeftButton)
        assert not dialog.needs.isEnabled() and not dialog.needs.isChecked()  # never passed on
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(target).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Etunimi", "Sukunimi", "Organisaatio", "Kieli", "Osallistui"],
        ["Anna", "Aalto", "Aalto ry", "Suomi", "kyllä"],
    ]


def test_old_attendance_lists_reduced_after_a_confirmation(
    qtbot, view: EventsView, db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    old = save_event(db, EventForm("Vanha foorumi", "", EventKind.FORUM, "8.10.2019"))
    rows = register(
        db,
        old.id,
        [
            RegistrationForm("Anna", "X", organisation="Aalto ry"),
            RegistrationForm("Bo", "Y", organisation="Berg rf"),
        ],
    )
    mark_attendance(db, {rows[0].id: True, rows[1].id: True})
    new = save_event(db, EventForm("Uusi", "", EventKind.FORUM, date.today().strftime("%d.%m.%Y")))
    register(db, new.id, [RegistrationForm("Cai", "Z")])
    monkeypatch.setattr(old_lists, "load_settings", lambda: Settings(attendance_years=3))
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or answers.pop(0)
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    view.refresh_after_change()
    view.open(old.id)
    assert inside(view.reduce_button, view)
    qtbot.mouseClick(view.reduce_button, Qt.MouseButton.LeftButton)  # answered No
    assert "Tapahtumia: 1; pysyvästi poistuvia henkilöiden ilmoittautumisia: 2." in asked[0]
    assert len(registrations(db, old.id)) == 2 and told == []
    qtbot.mouseClick(view.reduce_button, Qt.MouseButton.LeftButton)  # answered Yes
    assert told == [
        "Osallistujaluettelot tiivistettiin lukumääriksi. Tapahtumia: 1; poistettuja ilmoittautumisia: 2."
    ]
    assert registrations(db, old.id) == [] and [r.first_name for r in registrations(db, new.id)] == ["Cai"]
    assert view.editor.registrations.table.rowCount() == 0  # the open event's list follows
    figures = get_event(db, old.id)
    assert (figures.registered, figures.attended, figures.organisations_reached) == (2, 2, 2)
    row = view.model.row_of(old.id)  # the list shows the same figures from the counts
    shown_figures = [view.model.index(row, c).data() for c in (COL_REGISTERED, COL_ATTENDED)]
    assert shown_figures == ["2", "2"]
    qtbot.mouseClick(view.reduce_button, Qt.MouseButton.LeftButton)  # nothing older is left
    assert told[-1].startswith("Yhdelläkään ennen")


@pytest.mark.sqlite_only  # the register's own backups are a file's
def test_an_own_backup_the_reduction_could_not_rewrite_is_named(
    qtbot, view: EventsView, db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    old = save_event(db, EventForm("Vanha foorumi", "", EventKind.FORUM, "8.10.2019"))
    register(db, old.id, [RegistrationForm("Anna", "X", organisation="Aalto ry")])
    broken = backup_database(db)  # in the register's own backup folder, still naming Anna
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # then damaged: it cannot be rewritten
    monkeypatch.setattr(old_lists, "load_settings", lambda: Settings(attendance_years=3))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    view.refresh_after_change()
    qtbot.mouseClick(view.reduce_button, Qt.MouseButton.LeftButton)
    assert registrations(db, old.id) == []
    assert len(told) == 1
    assert "Näitä varmuuskopioita ei voitu kirjoittaa uudelleen; poista ne itse:" in told[0]
    assert told[0].endswith(str(broken))


def test_the_years_lists_are_kept_for_in_settings(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(settings, "settings_path", lambda: target)
    dialog = SettingsDialog(Settings(), "/data/register.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.attendance_years
    assert field.value() == 3  # the default
    field.selectAll()
    qtbot.keyClicks(field.lineEdit() if hasattr(field, "lineEdit") else field, "5")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.choice is not None and dialog.choice.settings.attendance_years == 5
    save_settings(dialog.choice.settings)
    assert load_settings().attendance_years == 5
    target.write_text('{"attendance_years": 0}', encoding="utf-8")
    assert load_settings().attendance_years == 3
