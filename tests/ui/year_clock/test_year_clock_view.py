"""The year clock view used as a user would: months, done per year, editing, archive, keys, export."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMainWindow, QMessageBox, QStyle, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.year_clock import YearClockCategory, YearClockForm, month_name
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.calendar.year_clock import (
    archive_task,
    get_task,
    list_tasks,
    save_task,
    set_done,
)
from jarjestokeskus.ui.year_clock.view import (
    COL_DATE,
    COL_DONE,
    COL_TASK,
    ID_ROLE,
    WARNING_SIGN,
    YearClockView,
)
from tests.services.calendar.test_ical import events_of

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")

TODAY = date(2026, 11, 23)


class Dialogs:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.informations: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def warning(self, _parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def information(
        self, _parent: QWidget, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        self.informations.append(text)
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
    monkeypatch.setattr(QMessageBox, "information", recorder.information)
    return recorder


@pytest.fixture
def tasks(db: Database) -> dict[str, uuid.UUID]:
    """Three tasks of the test's own (the seeded defaults archived), added at the start of 2026."""
    for row in list_tasks(db, 2026):
        archive_task(db, row.id)
    added = date(2026, 1, 1)
    forms = {
        "report": YearClockForm("Vuosiselvitys", "Årsredovisning", "5", "31", YearClockCategory.STEA),
        "meeting": YearClockForm("Syyskokous", "Höstmöte", "11", "", YearClockCategory.ASSOCIATION),
        "county": YearClockForm("Hyvinvointialueen avustus", "", "11", "30", YearClockCategory.COUNTY),
    }
    return {key: save_task(db, form, today=added).id for key, form in forms.items()}


def make_view(qtbot: QtBot, db: Database) -> YearClockView:
    widget = YearClockView(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.fixture
def view(qtbot: QtBot, db: Database, tasks: dict[str, uuid.UUID], dialogs: Dialogs) -> YearClockView:
    return make_view(qtbot, db)


def shown(view: YearClockView) -> list[tuple[str, str, bool]]:
    return [
        (item.text(COL_DATE), item.text(COL_TASK), item.checkState(COL_DONE) == Qt.CheckState.Checked)
        for item in view.task_items()
    ]


def click(qtbot: QtBot, view: YearClockView, task_id: uuid.UUID) -> None:
    item = view.item_of(task_id)
    assert item is not None
    rect = view.table.visualItemRect(item)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    line.insert(text)  # QTest.keyClicks cannot type ä, ö, å
    line.textEdited.emit(line.text())


def test_seeded_defaults_in_twelve_months(qtbot: QtBot, db: Database, dialogs: Dialogs) -> None:
    view = make_view(qtbot, db)
    assert view.year.value() == TODAY.year
    assert view.table.topLevelItemCount() == 12
    assert [view.table.topLevelItem(i).text(0) for i in range(12)] == [
        month_name(m, "fi") for m in range(1, 13)
    ]
    names = [text for _date, text, _done in shown(view)]
    assert "STEA: vuosiselvitys edellisen vuoden avustuksista" in names
    may = view.table.topLevelItem(4)
    assert any("vuosiselvitys" in may.child(i).text(COL_TASK) for i in range(may.childCount()))


def test_overdue_marked_and_done_only_for_the_chosen_year(
    qtbot: QtBot, view: YearClockView, db: Database, tasks: dict[str, uuid.UUID]
) -> None:
    assert shown(view) == [
        (f"{WARNING_SIGN} 31.5.2026", "Vuosiselvitys", False),
        ("30.11.2026", "Hyvinvointialueen avustus", False),
        ("30.11.2026", "Syyskokous", False),
    ]
    item = view.item_of(tasks["report"])
    assert item is not None and item.toolTip(COL_DATE) == _("Overdue")
    view.set_done(tasks["report"], True)
    assert get_task(db, tasks["report"], 2026).done_on == TODAY
    assert shown(view)[0] == ("31.5.2026", "Vuosiselvitys", True)
    view.year.setValue(2027)
    assert shown(view)[0] == ("31.5.2027", "Vuosiselvitys", False)
    assert not get_task(db, tasks["report"], 2027).done
    view.year.setValue(2026)
    view.set_done(tasks["report"], False)
    assert not get_task(db, tasks["report"], 2026).done
    assert shown(view)[0][0].startswith(WARNING_SIGN)


def test_add_a_task_with_messages_at_the_fields(
    qtbot: QtBot, view: YearClockView, db: Database, dialogs: Dialogs
) -> None:
    view.new_record()
    editor = view.editor
    assert editor.current_id() is None and editor.title_fi.hasFocus()
    editor.month.setCurrentIndex(3)  # April
    type_into(editor.day, "31")
    assert not view.save()
    assert editor.boxes["title_fi"].has_error() and editor.boxes["day"].has_error()
    assert editor.boxes["day"].message.text().startswith(_("Day") + ":")
    assert len(list_tasks(db, 2026)) == 3
    type_into(editor.title_fi, "Kevätkokous")
    assert not editor.boxes["title_fi"].has_error()  # cleared as the user types
    type_into(editor.day, "30")
    assert view.save()
    assert not dialogs.warnings
    new_id = editor.current_id()
    assert new_id is not None and get_task(db, new_id, 2026).due_date == date(2026, 4, 30)
    assert ("30.4.2026", "Kevätkokous", False) in shown(view)
    assert view.table.currentItem().data(COL_DATE, ID_ROLE) == new_id


def test_leap_day_task(qtbot: QtBot, view: YearClockView, db: Database) -> None:
    view.new_record()
    type_into(view.editor.title_sv, "Skottdag")
    view.editor.month.setCurrentIndex(1)
    type_into(view.editor.day, "29")
    assert view.save()
    assert ("28.2.2026", "Skottdag", False) in shown(view)
    view.year.setValue(2028)
    assert ("29.2.2028", "Skottdag", False) in shown(view)


def test_unsaved_changes_are_asked_about(
    qtbot: QtBot, view: YearClockView, db: Database, tasks: dict[str, uuid.UUID], dialogs: Dialogs
) -> None:
    click(qtbot, view, tasks["report"])
    assert view.editor.current_id() == tasks["report"]
    type_into(view.editor.title_fi, "Muutettu")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    click(qtbot, view, tasks["meeting"])
    assert dialogs.questions == [_("The task has changes that are not saved. Save them?")]
    assert view.editor.current_id() == tasks["report"] and view.editor.title_fi.text() == "Muutettu"
    dialogs.answer = QMessageBox.StandardButton.Save
    click(qtbot, view, tasks["meeting"])
    assert view.editor.current_id() == tasks["meeting"]
    assert get_task(db, tasks["report"], 2026).title_fi == "Muutettu"


def test_escape_cancels_the_edits(
    qtbot: QtBot, view: YearClockView, tasks: dict[str, uuid.UUID], dialogs: Dialogs
) -> None:
    click(qtbot, view, tasks["meeting"])
    type_into(view.editor.title_fi, "Väärin")
    dialogs.answer = QMessageBox.StandardButton.Discard  # Esc asks first (issue 14.3)
    qtbot.keyClick(view.editor.title_fi, Qt.Key.Key_Escape)
    assert dialogs.questions == [_("The task has changes that are not saved. Save them?")]
    assert view.editor.title_fi.text() == "Syyskokous" and not view.editor.has_unsaved_changes()


def test_delete_archives_after_confirmation_and_restore(
    qtbot: QtBot, view: YearClockView, db: Database, tasks: dict[str, uuid.UUID], dialogs: Dialogs
) -> None:
    click(qtbot, view, tasks["county"])
    view.table.setFocus()
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(dialogs.questions) == 1 and "Hyvinvointialueen avustus" in dialogs.questions[0]
    assert view.item_of(tasks["county"]) is not None
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.item_of(tasks["county"]) is None
    assert get_task(db, tasks["county"], 2026).archived_at is not None  # kept, not deleted
    view.archived_box.setChecked(True)
    assert "Hyvinvointialueen avustus" in [text for _d, text, _done in shown(view)]  # with the defaults
    click(qtbot, view, tasks["county"])
    assert view.editor.archived_notice.isVisible() and view.editor.restore_button.isVisible()
    qtbot.mouseClick(view.editor.restore_button, Qt.MouseButton.LeftButton)
    view.archived_box.setChecked(False)
    assert view.item_of(tasks["county"]) is not None


def test_ctrl_n_and_ctrl_s_through_the_window_actions(
    qtbot: QtBot, db: Database, tasks: dict[str, uuid.UUID], dialogs: Dialogs
) -> None:
    """As the main window wires them: its New and Save actions call the view's own methods."""
    window = QMainWindow()
    qtbot.addWidget(window)
    view = YearClockView(db, today=TODAY)
    window.setCentralWidget(view)
    window.resize(1300, 800)
    for key, slot in (
        (QKeySequence.StandardKey.New, view.new_record),
        (QKeySequence.StandardKey.Save, view.save),
    ):
        action = QAction(window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        window.addAction(action)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    click(qtbot, view, tasks["meeting"])
    assert view.editor.current_id() == tasks["meeting"]
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.current_id() is None and view.editor.title_fi.hasFocus()
    assert view.editor.month.currentData() == 11  # the month of the chosen task
    type_into(view.editor.title_fi, "Pikkujoulut")
    qtbot.keyClick(view.editor.title_fi, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ("30.11.2026", "Pikkujoulut", False) in shown(view)


def test_open_record_from_the_start_page(
    qtbot: QtBot, view: YearClockView, tasks: dict[str, uuid.UUID]
) -> None:
    view.open_record(tasks["meeting"])
    assert view.editor.current_id() == tasks["meeting"]
    assert view.table.currentItem().data(COL_DATE, ID_ROLE) == tasks["meeting"]


def test_export_to_calendar(
    qtbot: QtBot,
    view: YearClockView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: Dialogs,
) -> None:
    target = tmp_path / "vuosikello"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".ics")
    events = events_of(written.read_bytes())
    assert {e["SUMMARY"][1] for e in events} >= {"Syyskokous", "Hyvinvointialueen avustus"}
    assert dialogs.informations and str(written) in dialogs.informations[0]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(tmp_path / "no" / "x.ics"), "")
    )
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings


def test_switching_to_swedish(qtbot: QtBot, view: YearClockView, tasks: dict[str, uuid.UUID]) -> None:
    click(qtbot, view, tasks["report"])
    i18n.set_language("sv")
    view.retranslate()
    assert view.table.topLevelItem(0).text(0) == month_name(1, "sv")
    assert view.table.headerItem().text(COL_TASK) == _("Task")
    assert [text for _d, text, _done in shown(view)] == [
        "Årsredovisning",
        "Hyvinvointialueen avustus",  # sorted as Swedish: ö after y
        "Höstmöte",
    ]
    assert view.editor.month.currentText() == month_name(5, "sv")
    assert view.editor.category.currentText() == YearClockCategory.STEA.label


def test_read_only_database(
    qtbot: QtBot, db: Database, tasks: dict[str, uuid.UUID], dialogs: Dialogs
) -> None:
    set_done(db, tasks["report"], 2026, True)
    db.read_only = True
    view = make_view(qtbot, db)
    item = view.item_of(tasks["report"])
    assert item is not None and not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not view.editor.isEnabled()
    view.open(tasks["report"])
    assert not view.editor.save_button.isEnabled() and view.editor.title_fi.isReadOnly()


def test_a_mouse_click_on_the_done_box(
    qtbot: QtBot, view: YearClockView, db: Database, tasks: dict[str, uuid.UUID]
) -> None:
    item = view.item_of(tasks["report"])
    assert item is not None
    rect = view.table.visualRect(view.table.indexFromItem(item, COL_DONE))
    style = view.table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    box = QPoint(
        rect.left() + margin + style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2, rect.center().y()
    )
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert get_task(db, tasks["report"], 2026).done
    assert not view.item_of(tasks["report"]).text(COL_DATE).startswith(WARNING_SIGN)  # type: ignore[union-attr]


def test_a_closed_year_is_shown_as_closed(qtbot: QtBot, db: Database, dialogs: Dialogs) -> None:
    from jarjestokeskus.db.models import ClosedYear

    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=2025, closed_on=date(2026, 1, 20), closed_by="anna"))
    view = make_view(qtbot, db)
    view.year.setValue(2026)
    assert not view.closed_label.isVisible()
    view.year.setFocus()
    qtbot.keyClick(view.year, Qt.Key.Key_Down)
    assert view.year.value() == 2025
    expected = _("Closed on {date}: its reports as sent are in Reports.").format(
        date=format_date(date(2026, 1, 20))
    )
    assert view.closed_label.isVisible() and view.closed_label.text() == expected
    qtbot.keyClick(view.year, Qt.Key.Key_Up)
    assert not view.closed_label.isVisible()


def test_the_welfare_surveys_answering_period_is_on_the_year_clock(
    qtbot: QtBot, view: YearClockView, db: Database
) -> None:
    """Saved in the survey view (here by its service), shown at once: the year clock hears of it."""
    from jarjestokeskus.services.survey.questions import set_period

    assert not view.survey_label.isVisible()
    set_period(db, 2026, "1.9.2026", "31.10.2026")
    qtbot.waitUntil(lambda: view.survey_label.isVisible())
    assert view.survey_label.text() == "Hyvinvointikysely 2026: vastaukset 1.9.2026–31.10.2026"
    view.year.setValue(2027)
    assert not view.survey_label.isVisible()
