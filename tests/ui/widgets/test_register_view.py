"""Every register through the shared register view, in the window, as a user: search, click, edit, save.

After a save the register's own list shows the change and so does another view that shows the
record, without a restart (the services announce each change: services/changes.py).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import AgreementKind, FundingInstrument
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ProjectForm
from jarjestokeskus.domain.year_clock import YearClockForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.year_clock import save_task
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import save_project
from jarjestokeskus.services.staff.employment import save_person
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.projects.editor import FUNDINGS_TAB
from jarjestokeskus.ui.start.page import COL_NAME
from jarjestokeskus.ui.widgets.register_view import RegisterView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")

START, ORGANISATIONS, ARCHIVE, PROJECTS, FUNDING, AGREEMENTS, FOLLOW_UP, STAFF, YEAR_CLOCK = range(9)
TODAY = date.today()
SOON = TODAY + timedelta(days=10)  # within the start page's 30 days, in the same year or the next


class Dialogs:
    """Message boxes answered as told; a warning nobody expected fails the test."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answer = QMessageBox.StandardButton.Cancel

    def question(
        self, _parent: QWidget, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        self.questions.append(text)
        return self.answer

    def warning(self, _parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    return recorder


@pytest.fixture
def records(db: Database) -> dict[str, uuid.UUID]:
    home = save_organisation(db, OrganisationForm(name_fi="Kattojärjestö ry"), is_home=True).id
    city = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki", municipality="Vaasa")).id
    club = save_organisation(db, OrganisationForm(name_fi="Kyläyhdistys ry", municipality="Mustasaari")).id
    project = save_project(
        db,
        ProjectForm(
            name_fi="Kylätalohanke",
            owner_id=home,
            fundings=[FundingForm(FundingInstrument.MUNICIPAL_OPERATING, club, str(TODAY.year), "5000")],
        ),
    ).id
    agreement = save_agreement(
        db, AgreementForm(title_fi="Tilasopimus", kind=AgreementKind.PREMISES, parties=[PartyForm(home)])
    ).id
    period = EmploymentForm(start_date="1.1.2025", end_date=f"{SOON:%d.%m.%Y}", hours_per_week="30")
    save_person(db, PersonForm("Aino", "Virtanen", "", "", [period]))
    save_task(db, YearClockForm("Kyläjuhlan kutsut", "", str(SOON.month), str(SOON.day)), year=SOON.year)
    return {"home": home, "city": city, "club": club, "project": project, "agreement": agreement}


@pytest.fixture
def window(qtbot: QtBot, db: Database, records: dict[str, uuid.UUID], dialogs: Dialogs) -> MainWindow:
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.resize(1400, 860)
    main.show()
    qtbot.waitExposed(main)
    return main


def go(window: MainWindow, row: int) -> QWidget:
    window.view_actions[row].trigger()  # Ctrl+1 … Ctrl+9
    return window.current_view()


def shown_texts(table: QAbstractItemView, column: int = 0) -> list[str]:
    model = table.model()
    texts: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, column, parent)
            texts.append(index.data() or "")
            walk(index)

    walk(QModelIndex())
    return texts


def click_row(qtbot: QtBot, view: RegisterView, text: str, column: int = 0) -> None:
    """Click the row whose `column` shows `text`; the editor opens it."""
    model = view.table.model()
    found: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if text in (index.siblingAtColumn(column).data() or ""):
                found.append(index.siblingAtColumn(column))
            walk(index)

    walk(QModelIndex())
    assert found, f"{text!r} is not in the list"
    view.table.scrollTo(found[0])
    rect = view.table.visualRect(found[0])
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def search(qtbot: QtBot, view: RegisterView, text: str, expected: str) -> None:
    view.search.setFocus()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(
        lambda: any(expected in t for t in shown_texts(view.table)) and len(shown_texts(view.table)) >= 1
    )


def retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_organisations_rename_shows_in_the_list_and_among_the_projects_funders(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    projects = go(window, PROJECTS)
    assert "Kyläyhdistys ry" in combo_texts(projects.funder_filter)
    view = go(window, ORGANISATIONS)
    search(qtbot, view, "kyla", "Kyläyhdistys ry")
    click_row(qtbot, view, "Kyläyhdistys ry")
    retype(qtbot, view.editor.fields.inputs["name_fi"], "Kylaseura ry")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    view.search.clear()
    qtbot.waitUntil(lambda: "Kylaseura ry" in shown_texts(view.table))
    assert "Kyläyhdistys ry" not in shown_texts(view.table)
    projects = go(window, PROJECTS)
    qtbot.waitUntil(lambda: "Kylaseura ry" in combo_texts(projects.funder_filter))
    assert dialogs.warnings == []


def test_projects_a_funding_for_a_new_year_is_offered_in_the_funding_overview(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    """Issue 14.4: after adding a 2027 funding the funding overview offered only 2026."""
    new_year = str(max(2027, TODAY.year + 1))
    overview = go(window, FUNDING)
    assert new_year not in combo_texts(overview.year)
    view = go(window, PROJECTS)
    search(qtbot, view, "talo", "Kylätalohanke")
    click_row(qtbot, view, "Kylätalohanke")
    view.editor.tabs.setCurrentIndex(FUNDINGS_TAB)
    panel = view.editor.fundings
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    retype(qtbot, panel.lines["year"], new_year)
    retype(qtbot, panel.lines["amount_applied"], "7000")
    window.save_action.trigger()  # Ctrl+S
    assert dialogs.warnings == [] and not view.editor.has_unsaved_changes()
    view.year_filter.setCurrentIndex(view.year_filter.findData(int(new_year)))
    assert shown_texts(view.table) == ["Kylätalohanke"]
    overview = go(window, FUNDING)
    qtbot.waitUntil(lambda: new_year in combo_texts(overview.year))


def test_agreements_a_new_counterparty_is_offered_in_the_follow_up(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    """Issue 14.4: after adding agreements with the city the follow-up view offered no counterparty."""
    followup = go(window, FOLLOW_UP)
    assert "Vaasan kaupunki" not in combo_texts(followup.counterparty)
    view = go(window, AGREEMENTS)
    search(qtbot, view, "tila", "Tilasopimus")
    click_row(qtbot, view, "Tilasopimus")
    retype(qtbot, view.editor.fields.inputs["title_fi"], "Tilasopimus 2027")
    view.editor.tabs.setCurrentWidget(view.editor.parties)
    picker = view.editor.parties.picker
    picker.setFocus()
    qtbot.keyClicks(picker, "Vaasan")
    picker.search()
    picker.choose(0)
    qtbot.mouseClick(view.editor.parties.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings == []
    qtbot.waitUntil(lambda: "Tilasopimus 2027" in shown_texts(view.table))
    followup = go(window, FOLLOW_UP)
    qtbot.waitUntil(lambda: "Vaasan kaupunki" in combo_texts(followup.counterparty))


def test_staff_rename_shows_in_the_list_and_on_the_start_page(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    start = go(window, START)
    assert any("Virtanen" in text for text in shown_texts(start.table, COL_NAME))
    view = go(window, STAFF)
    search(qtbot, view, "virta", "Virtanen")
    click_row(qtbot, view, "Virtanen")
    retype(qtbot, view.editor.inputs["last_name"], "Koskinen")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings == []
    view.search.clear()
    qtbot.waitUntil(lambda: any("Koskinen" in t for t in shown_texts(view.table)))
    start = go(window, START)
    qtbot.waitUntil(lambda: any("Koskinen" in text for text in shown_texts(start.table, COL_NAME)))


def test_year_clock_rename_shows_in_the_months_and_on_the_start_page(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    start = go(window, START)
    assert "Kyläjuhlan kutsut" in shown_texts(start.table, COL_NAME)
    view = go(window, YEAR_CLOCK)
    view.year.setValue(SOON.year)
    click_row(qtbot, view, "Kyläjuhlan kutsut", column=1)
    retype(qtbot, view.editor.title_fi, "Kylajuhlan kutsut ja ohjelma")
    qtbot.keyClick(view.editor.title_fi, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    if view.editor.has_unsaved_changes():  # a platform without an active window: the menu's action
        window.save_action.trigger()
    assert dialogs.warnings == [] and not view.editor.has_unsaved_changes()
    assert "Kylajuhlan kutsut ja ohjelma" in shown_texts(view.table, 1)
    start = go(window, START)
    qtbot.waitUntil(lambda: "Kylajuhlan kutsut ja ohjelma" in shown_texts(start.table, COL_NAME))


def test_escape_asks_and_staying_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    """Issue 14.3: Esc threw away a new record's typing without asking."""
    view = go(window, ORGANISATIONS)
    window.new_action.trigger()  # Ctrl+N
    name = view.editor.fields.inputs["name_fi"]
    qtbot.keyClicks(name, "Uusi yhdistys")
    dialogs.answer = QMessageBox.StandardButton.Cancel  # stay
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert dialogs.questions == [_("The organisation has changes that are not saved. Save them?")]
    assert name.text() == "Uusi yhdistys" and view.editor.has_unsaved_changes()
    dialogs.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert len(dialogs.questions) == 2
    assert "Uusi yhdistys" not in name.text() and not view.editor.has_unsaved_changes()
    assert QApplication.focusWidget() is view.table  # and back in the list


@pytest.mark.parametrize("row", [ORGANISATIONS, PROJECTS, AGREEMENTS, STAFF, YEAR_CLOCK])
def test_keys_between_the_list_and_the_editor(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, row: int
) -> None:
    """Issue 14.12: Enter or F6 from the list into the editor, Esc (nothing typed) back, Tab onwards."""
    view = go(window, row)
    assert isinstance(view, RegisterView)
    first = next(
        view.table.model().index(r, 0, parent)
        for parent in (QModelIndex(), view.table.model().index(0, 0))
        for r in range(view.table.model().rowCount(parent))
        if view.record_id(view.table.model().index(r, 0, parent)) is not None
    )
    view.table.setFocus()
    view.table.setCurrentIndex(first)
    assert view.editor.current_id() == view.record_id(first)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    assert focus is not None and view.editor.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table and dialogs.questions == []
    qtbot.keyClick(view.table, Qt.Key.Key_F6)
    assert view.editor.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.editor.isAncestorOf(QApplication.focusWidget())
