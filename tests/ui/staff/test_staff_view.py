"""The Staff view as a user meets it: open, edit, break a limit, confirm or cancel, save, ending, language."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.staff.employment import get_person, list_staff, save_person
from jarjestokeskus.services.staff.scheme_limits import list_limits
from jarjestokeskus.ui.staff.ending_view import EndingView
from jarjestokeskus.ui.staff.scheme_limits_dialog import SchemeLimitsDialog
from jarjestokeskus.ui.staff.statistics import StaffStatistics
from jarjestokeskus.ui.staff.view import TAB_ENDING, TAB_STATISTICS, StaffView
from jarjestokeskus.ui.window.qt_language import apply_language

TODAY = date(2026, 6, 15)


def fill(db: Database) -> dict[str, uuid.UUID]:
    save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True)
    boss = save_person(
        db,
        PersonForm(
            "Katja",
            "Mäenpää",
            employments=[
                EmploymentForm(
                    EmploymentScheme.PERMANENT, "Toiminnanjohtaja", "1.3.2015", hours_per_week="37,5"
                )
            ],
        ),
    )
    trial = save_person(
        db,
        PersonForm(
            "Timo",
            "Peltonen",
            employments=[
                EmploymentForm(
                    EmploymentScheme.WORK_TRIAL,
                    "Toimisto",
                    "2.3.2026",
                    "30.6.2026",
                    days_per_week="4",
                    hours_per_day="6",
                )
            ],
        ),
    )
    return {"boss": boss.id, "trial": trial.id}


@pytest.fixture
def people(db: Database) -> dict[str, uuid.UUID]:
    return fill(db)


@pytest.fixture
def view(qtbot: QtBot, db: Database, people: dict[str, uuid.UUID]) -> StaffView:
    widget = StaffView(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def open_person(view: StaffView, person_id: uuid.UUID) -> None:
    view.select(person_id)
    assert view.editor.current_id() == person_id


def test_the_list_and_opening_a_person(view: StaffView, people: dict[str, uuid.UUID]) -> None:
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == [
        "Katja Mäenpää",
        "Timo Peltonen",
    ]
    view.table.setCurrentIndex(view.proxy.index(1, 0))
    assert view.editor.current_id() == people["trial"]
    assert view.editor.inputs["last_name"].text() == "Peltonen"
    assert view.editor.period_fields.line("hours_per_day").text() == "6"
    # Work trial: days a week and hours a day are shown, hours a week is not.
    assert view.editor.period_fields.boxes["days_per_week"].isVisible()
    assert not view.editor.period_fields.boxes["hours_per_week"].isVisible()


def test_edit_and_save(view: StaffView, people: dict[str, uuid.UUID], db: Database) -> None:
    open_person(view, people["trial"])
    first = view.editor.inputs["first_name"]
    first.selectAll()
    first.insert("Töivö")
    first.textEdited.emit(first.text())
    assert view.editor.has_unsaved_changes()
    assert view.save()
    assert get_person(db, people["trial"]).first_name == "Töivö"
    assert not view.editor.has_unsaved_changes()
    assert view.model.rows[1].first_name == "Töivö"


def add_broken_trial(view: StaffView) -> None:
    """A second work trial of 6 h a day on 6 days a week: outside the limits."""
    view.editor.add_period()
    fields = view.editor.period_fields
    fields.scheme.setCurrentIndex(fields.scheme.findData(EmploymentScheme.WORK_TRIAL))
    for key, text in (
        ("start_date", "1.8.2026"),
        ("end_date", "30.9.2026"),
        ("days_per_week", "6"),
        ("hours_per_day", "6"),
    ):
        fields.line(key).setText(text)
        fields._edited(key)


def test_breaking_a_limit_warns_and_cancel_keeps_it_unsaved(
    view: StaffView, people: dict[str, uuid.UUID], db: Database
) -> None:
    open_person(view, people["trial"])
    add_broken_trial(view)
    view.editor.check_limits()
    assert view.editor.warning_label.isVisible()
    assert _("Outside the scheme's limits (you may still save):") in view.editor.warning_label.text()
    assert view.editor.period_list.item(1).text().startswith("⚠")
    assert view.editor.period_fields.warned_fields() == ["days_per_week"]
    assert _("Days a week") in view.editor.period_fields.line("days_per_week").toolTip()
    view.editor.period_list.setCurrentRow(0)  # the first period is within the limits
    assert view.editor.period_fields.warned_fields() == []
    view.editor.period_list.setCurrentRow(1)
    asked: list[str] = []
    view.editor.ask = lambda _parent, _title, text, _yes: asked.append(text) or False
    assert not view.save()
    assert asked and _("Days a week") in asked[0]
    assert len(get_person(db, people["trial"]).employments) == 1
    assert view.editor.has_unsaved_changes()


def test_confirming_the_warning_saves(
    qtbot: QtBot, view: StaffView, people: dict[str, uuid.UUID], db: Database
) -> None:
    open_person(view, people["trial"])
    add_broken_trial(view)

    def press_save_anyway() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        button = next(b for b in box.findChildren(QPushButton) if b.text() == _("Save anyway"))
        button.click()

    QTimer.singleShot(0, press_save_anyway)
    assert view.save()
    assert len(get_person(db, people["trial"]).employments) == 2


def test_invalid_period_is_refused_with_errors(
    view: StaffView, people: dict[str, uuid.UUID], db: Database
) -> None:
    open_person(view, people["trial"])
    fields = view.editor.period_fields
    fields.line("end_date").setText("1.1.2026")
    fields._edited("end_date")
    assert not view.save()
    assert view.editor.error_list.isVisible()
    assert fields.boxes["end_date"].has_error()
    assert get_person(db, people["trial"]).employments[0].end_date == date(2026, 6, 30)


def test_escape_cancels_the_edits(
    qtbot: QtBot, view: StaffView, people: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def discard(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", discard)  # Esc asks first (issue 14.3)
    open_person(view, people["boss"])
    field = view.editor.inputs["phone"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.insert("040 1")
    field.textEdited.emit(field.text())
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert asked == [_("The person has changes that are not saved. Save them?")]
    assert field.text() == "" and not view.editor.has_unsaved_changes()


def test_new_record(view: StaffView, db: Database) -> None:
    view.new_record()
    editor = view.editor
    editor.inputs["first_name"].insert("Åsa")
    editor.inputs["last_name"].insert("Öberg")
    editor.inputs["last_name"].textEdited.emit("Öberg")
    editor.period_fields.line("start_date").setText("1.1.2026")
    editor.period_fields.line("hours_per_week").setText("30")
    assert view.save()
    assert "Åsa Öberg" in [r.name for r in list_staff(db, TODAY)]


def test_ending_view_and_opening_from_it(view: StaffView, people: dict[str, uuid.UUID]) -> None:
    view.tabs.setCurrentIndex(TAB_ENDING)
    ending = view.ending
    assert ending.names(ending.ending) == ["Timo Peltonen"]  # ends 30.6.2026, 15 days from today
    ending.days.setCurrentIndex(0)
    assert ending.names(ending.no_outcome) == []
    view.show_person(people["trial"])
    assert view.tabs.currentIndex() == 0 and view.editor.current_id() == people["trial"]


def test_statistics_tab(view: StaffView) -> None:
    view.tabs.setCurrentIndex(TAB_STATISTICS)
    stats = view.statistics.stats
    # The work trial is no employment: one employed person, one participant.
    assert stats is not None and stats.year == 2026 and stats.persons == 1 and stats.participants == 1
    assert view.statistics.schemes.rowCount() == 3  # the employment scheme, the total, the trial
    assert view.statistics.schemes.item(2, 2).text() == ""  # no person-years for a participant


def test_language_switch(view: StaffView, people: dict[str, uuid.UUID]) -> None:
    open_person(view, people["trial"])
    apply_language("sv")
    try:
        view.retranslate()
        assert view.tabs.tabText(TAB_ENDING) == _("Ending periods")
        assert view.editor.period_fields.scheme.currentText() == EmploymentScheme.WORK_TRIAL.label
        assert view.proxy.index(1, 1).data() == EmploymentScheme.WORK_TRIAL.label
    finally:
        apply_language("fi")


def test_export_and_erase_from_the_window(
    qtbot: QtBot,
    view: StaffView,
    people: dict[str, uuid.UUID],
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_person(view, people["trial"])
    target = tmp_path / "timo.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert view.editor.export()
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["last_name"] == "Peltonen"
    pdf = tmp_path / "timo.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pdf), ""))
    assert view.editor.export() and pdf.read_bytes().startswith(b"%PDF")
    questions: list[str] = []
    view.editor.ask = lambda _p, _t, text, _y: questions.append(text) or True
    qtbot.mouseClick(view.editor.erase_button, Qt.MouseButton.LeftButton)
    assert "Timo Peltonen" in questions[0]
    assert get_person(db, people["trial"]).anonymised
    assert not view.editor.save_button.isEnabled()
    told = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(told) == 1
    text = told[0].text()
    # The backups were erased too; the exports written above cannot be reached and are named.
    assert "varmuuskopio" in text and str(target.resolve()) in text and str(pdf.resolve()) in text
    told[0].close()


def test_read_only_database_disables_editing(qtbot: QtBot, db_path: Path) -> None:
    database = open_database(db_path)
    people = fill(database)
    database.close()
    read_only = open_database(db_path, read_only=True)
    try:
        widget = StaffView(read_only, today=TODAY)
        qtbot.addWidget(widget)
        widget.select(people["trial"])
        assert widget.editor.inputs["first_name"].isReadOnly()
        assert not widget.editor.save_button.isEnabled()
        assert not widget.editor.add_period_button.isEnabled()
        assert not widget.save()
    finally:
        read_only.close()


def test_limits_dialog_adds_limits_from_a_new_date(qtbot: QtBot, db: Database) -> None:
    dialog = SchemeLimitsDialog(db)
    qtbot.addWidget(dialog)
    before = len(list_limits(db))
    dialog.new_from_date()
    dialog.inputs["effective_from"].setText("1.1.2027")
    assert dialog.save()
    assert len(list_limits(db)) == before + 1
    dialog.new_from_date()
    assert not dialog.save()  # no date
    assert dialog.boxes["effective_from"].has_error()


def test_standalone_widgets(qtbot: QtBot, db: Database, people: dict[str, uuid.UUID]) -> None:
    ending, stats = EndingView(db, today=TODAY), StaffStatistics(db, today=TODAY)
    qtbot.addWidget(ending)
    qtbot.addWidget(stats)
    ending.days.setCurrentIndex(2)
    assert ending.names(ending.ending) == ["Timo Peltonen"]
    ending.retranslate()
    stats.reload()
    assert stats.year.currentData() == 2026


@pytest.mark.sqlite_only
def test_a_default_meeting_copy_shows_no_staff(
    qtbot: QtBot, view: StaffView, db: Database, tmp_path: Path
) -> None:
    from jarjestokeskus.services.database.meeting_copy import open_for_window, take_meeting_copy

    assert view.proxy.rowCount() > 0  # the register's staff are listed
    copy = take_meeting_copy(db, tmp_path / "kokous.sqlite")
    copy_db, info = open_for_window(copy)
    try:
        widget = StaffView(copy_db, today=TODAY)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        assert info is not None and widget.proxy.rowCount() == 0
    finally:
        copy_db.close()
