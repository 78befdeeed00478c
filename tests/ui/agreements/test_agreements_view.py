"""The Agreements register, its editor and the follow-up view, used as a user would."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, PartyForm, label
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MonitoringStatus, OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.agreements.register import get_agreement, list_agreements, save_agreement
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.agreements.editor import BASIC_TAB, GOALS_TAB
from jarjestokeskus.ui.agreements.followup_view import WARNING, FollowUpView
from jarjestokeskus.ui.agreements.view import COL_TITLE, RENEWAL_MARK, AgreementsView
from jarjestokeskus.ui.widgets.form_table import FormTable
from jarjestokeskus.ui.window.qt_language import apply_language

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "question", record)
    return shown


@pytest.fixture
def agreements(db: Database) -> dict[str, uuid.UUID]:
    city = save_organisation(
        db,
        OrganisationForm(name_fi="Vaasan kaupunki", name_sv="Vasa stad", kind=OrganisationKind.MUNICIPALITY),
    ).id
    home = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry")).id
    framework = save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.FRAMEWORK_COOPERATION,
            title_fi="Yhteistyösopimus 2014–2016",
            title_sv="Samarbetsavtal 2014–2016",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2014",
            valid_to="31.12.2016",
            parties=[PartyForm(city, "Kaupunki"), PartyForm(home, "Järjestökeskus")],
            goals=[
                GoalForm(title_fi="Kohtaamispaikka", indicator="kävijämäärä", our_commitment="pidämme auki")
            ],
        ),
    ).id
    child = save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.IMPLEMENTATION,
            title_fi="Toimeenpanosopimus: kohtaamispaikka",
            parent_id=framework,
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2025",
            valid_to="31.12.2027",
            parties=[PartyForm(city)],
            goals=[GoalForm(title_fi="Seminaari"), GoalForm(title_fi="Yhdyshenkilö")],
        ),
    ).id
    oral = save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.ORAL,
            title_fi="Suullinen sopimus",
            oral_agreed_by="Kirkkoherra",
            signed_on="1.9.2025",
            parties=[PartyForm(home)],
        ),
    ).id
    return {"city": city, "home": home, "framework": framework, "child": child, "oral": oral}


@pytest.fixture
def view(qtbot: QtBot, db: Database, agreements: dict[str, uuid.UUID]) -> AgreementsView:
    widget = AgreementsView(db)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def top_titles(view: AgreementsView) -> list[str]:
    return [view.table.topLevelItem(i).text(COL_TITLE) for i in range(view.table.topLevelItemCount())]


def open_title(view: AgreementsView, text: str) -> None:
    item = next(i for i in view._items() if text in i.text(COL_TITLE))
    view.table.setCurrentItem(item)


def type_into(line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    line.del_()
    line.insert(text)  # QTest.keyClicks cannot type ä, ö, å
    line.textEdited.emit(line.text())


def type_cell(qtbot: QtBot, table: FormTable, row: int, key: str, text: str) -> None:
    table.focus_cell(row, key)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.insert(text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.wait(1)  # the closed cell editor's last events, while its row is still there


def test_the_tree_and_search_over_goals(qtbot: QtBot, view: AgreementsView) -> None:
    assert top_titles(view) == ["Yhteistyösopimus 2014–2016", "Suullinen sopimus"]
    framework = view.table.topLevelItem(0)
    assert framework.child(0).text(COL_TITLE) == "Toimeenpanosopimus: kohtaamispaikka"
    view.search.insert("kaupunki")
    qtbot.waitUntil(lambda: top_titles(view) == ["Yhteistyösopimus 2014–2016"])
    view.search.clear()
    view.search.insert("kävijämäärä")  # the indicator of a goal
    qtbot.waitUntil(lambda: view.row_count() == 1)
    view.search.clear()
    view.kind_filter.setCurrentIndex(view.kind_filter.findData(AgreementKind.ORAL))
    assert top_titles(view) == ["Suullinen sopimus"]
    view.kind_filter.setCurrentIndex(0)
    view.year_filter.setCurrentIndex(view.year_filter.findData(2015))
    assert top_titles(view) == [
        "Yhteistyösopimus 2014–2016",
        "Suullinen sopimus",
    ]  # the oral one is open-ended


def test_open_edit_add_a_goal_and_save(
    qtbot: QtBot, view: AgreementsView, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    open_title(view, "Toimeenpanosopimus")
    editor = view.editor
    assert editor.current_id() == agreements["child"]
    type_into(editor.fields.inputs["title_sv"], "Verkställighetsavtal")  # type: ignore[arg-type]
    editor.tabs.setCurrentIndex(GOALS_TAB)
    qtbot.mouseClick(editor.goals.add_button, Qt.MouseButton.LeftButton)
    cell = QApplication.focusWidget()  # the new row's first cell is open for typing
    assert isinstance(cell, QLineEdit) and editor.goals.table.currentRow() == 2
    cell.insert("Vertaisryhmät")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.wait(1)
    type_cell(qtbot, editor.goals, 2, "title_sv", "Kamratgrupper")
    editor.goal_panel.edits["counterparty_commitment"].setPlainText("Kaupunki antaa tilat")
    assert editor.has_unsaved_changes()
    assert view.save()
    stored = get_agreement(db, agreements["child"])
    assert stored.title_sv == "Verkställighetsavtal"
    assert [g.title_fi for g in stored.goals] == ["Seminaari", "Yhdyshenkilö", "Vertaisryhmät"]
    assert stored.goals[2].counterparty_commitment == "Kaupunki antaa tilat"
    assert not editor.has_unsaved_changes()


def test_a_refused_save_shows_the_message_at_the_field(
    view: AgreementsView, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    open_title(view, "Yhteistyösopimus")
    editor = view.editor
    type_into(editor.fields.inputs["valid_to"], "1.1.2010")  # type: ignore[arg-type]
    assert not view.save()
    expected = _("{field}: cannot be before the start date").format(field=label("valid_to"))
    box = editor.fields.boxes["valid_to"]
    assert box.has_error() and box.message.text() == expected
    assert expected in editor.error_list.message_texts()
    assert editor.tabs.currentIndex() == BASIC_TAB
    assert get_agreement(db, agreements["framework"]).valid_to == date(2016, 12, 31)
    type_into(editor.fields.inputs["valid_to"], "31.12.2016")  # type: ignore[arg-type]
    assert not box.has_error()


def test_oral_and_premises_sections_show_when_relevant(view: AgreementsView) -> None:
    open_title(view, "Suullinen")
    fields = view.editor.fields
    assert fields.oral_group.isVisible() and not fields.premises_group.isVisible()
    fields.kind.setCurrentIndex(fields.kind.findData(AgreementKind.PREMISES))
    assert fields.premises_group.isVisible()


def test_renew_makes_a_linked_draft(qtbot: QtBot, view: AgreementsView, db: Database) -> None:
    open_title(view, "Yhteistyösopimus")
    qtbot.mouseClick(view.editor.renew_button, Qt.MouseButton.LeftButton)
    renewal = get_agreement(db, view.editor.current_id())  # type: ignore[arg-type]
    assert renewal.status == AgreementStatus.DRAFT and renewal.valid_from == date(2017, 1, 1)
    assert [g.title_fi for g in renewal.goals] == ["Kohtaamispaikka"]
    assert any(t.startswith(RENEWAL_MARK) for t in top_titles(view))
    assert view.editor.fields.predecessor.isVisible()
    assert len(list_agreements(db)) == 4


def test_attach_a_document(
    qtbot: QtBot, view: AgreementsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_title(view, "Yhteistyösopimus")
    scan = tmp_path / "allekirjoitettu.pdf"
    scan.write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(scan), ""))
    view.editor.tabs.setCurrentWidget(view.editor.documents)
    qtbot.mouseClick(view.editor.documents.attach_button, Qt.MouseButton.LeftButton)
    assert view.editor.documents.list.count() == 1
    assert "allekirjoitettu.pdf" in view.editor.documents.list.item(0).text()


def test_follow_up_view_adds_an_entry(qtbot: QtBot, db: Database, agreements: dict[str, uuid.UUID]) -> None:
    widget = FollowUpView(db)
    qtbot.addWidget(widget)
    widget.counterparty.setCurrentIndex(widget.counterparty.findData(str(agreements["city"])))
    widget.year.setCurrentIndex(widget.year.findData(2025))
    goals = [widget.table.item(r, 1).text() for r in range(widget.table.rowCount())]
    assert goals == ["Seminaari", "Yhdyshenkilö"]  # the 2014–2016 framework is not valid in 2025
    row = goals.index("Seminaari")
    assert widget.table.item(row, 4).text().startswith(WARNING)  # no entry at all
    assert widget.table.item(row, 4).font().bold()
    widget.table.selectRow(row)
    widget.entry_date.insert("31.12.2099")
    assert not widget.add_entry()
    assert widget.date_box.has_error()
    widget.entry_date.clear()
    widget.entry_date.insert(date.today().strftime("%d.%m.%Y"))
    widget.entry_status.setCurrentIndex(widget.entry_status.findData(MonitoringStatus.DELAYED))
    qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    assert widget.table.item(row, 2).text() == MonitoringStatus.DELAYED.label
    assert widget.table.item(row, 4).text() == ""


def test_switching_to_swedish(view: AgreementsView, db: Database) -> None:
    open_title(view, "Yhteistyösopimus")
    i18n.set_language("sv")
    apply_language("sv")
    try:
        view.retranslate()
        assert top_titles(view)[0] == "Samarbetsavtal 2014–2016"
        assert view.kind_filter.itemText(0) == _("All kinds")
        assert view.editor.fields.status.currentText() == AgreementStatus.IN_FORCE.label
        assert view.editor.tabs.tabText(GOALS_TAB) == _("&Goals")
        followup = FollowUpView(db)
        followup.retranslate()
        assert followup.add_button.text() == _("&Add entry")
        followup.deleteLater()
    finally:
        i18n.set_language("fi")
        apply_language("fi")


def test_read_only_database_disables_editing(
    qtbot: QtBot, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    db.read_only = True
    widget = AgreementsView(db)
    qtbot.addWidget(widget)
    widget.select(agreements["framework"])
    assert widget.editor.current_id() == agreements["framework"]
    assert not widget.editor.save_button.isEnabled()
    assert not widget.editor.renew_button.isEnabled()
    assert widget.editor.fields.inputs["title_fi"].isReadOnly()  # type: ignore[attr-defined]
    assert not widget.editor.goals.add_button.isEnabled()
    assert not widget.editor.documents.attach_button.isEnabled()
    followup = FollowUpView(db)
    qtbot.addWidget(followup)
    followup.table.selectRow(0)
    assert not followup.add_button.isEnabled()


def test_a_project_agreement_waits_for_the_funding_it_is_conditional_on(
    view: AgreementsView, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    from jarjestokeskus.domain.enums import FundingInstrument
    from jarjestokeskus.domain.projects import FundingForm, ProjectForm
    from jarjestokeskus.services.agreements.rows import FundingState
    from jarjestokeskus.services.projects.register import save_project

    project = save_project(
        db,
        ProjectForm(
            name_fi="Vapaaehtoisena II",
            fundings=[FundingForm(FundingInstrument.STEA_C, year="2027", amount_applied="90000")],
        ),
    )
    funding_id = project.fundings[0].id
    open_title(view, "Suullinen sopimus")
    fields = view.editor.fields
    fields.reload_fundings()
    fields.funding_box.setCurrentIndex(fields.funding_box.findData(str(funding_id)))
    assert view.save()
    stored = get_agreement(db, agreements["oral"])
    assert stored.conditional_on_funding_id == funding_id
    assert stored.funding_state == FundingState.WAITING
    assert fields.funding_state.isVisibleTo(view)


def test_the_follow_up_cites_the_events_that_served_a_goal(
    qtbot: QtBot, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    """A goal chosen in the follow-up shows the year's events that served it (by hand: one event,
    three attended, two from one organisation and one without, so one organisation reached)."""
    from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
    from jarjestokeskus.services.events.register import save_event
    from jarjestokeskus.services.events.registrations import mark_attendance, register

    widget = FollowUpView(db)
    qtbot.addWidget(widget)
    widget.counterparty.setCurrentIndex(widget.counterparty.findData(str(agreements["city"])))
    widget.year.setCurrentIndex(widget.year.findData(2025))
    goal = next(g for g in widget.result.goals if g.title_fi == "Seminaari")
    seminar = save_event(
        db, EventForm("Hyvinvointiseminaari", "", EventKind.SEMINAR, "3.3.2025", goal_id=goal.goal_id)
    )
    people = [RegistrationForm("Anna", "A", organisation="Yhdistys X"), RegistrationForm("Bo", "B")]
    rows = register(db, seminar.id, [*people, RegistrationForm("Cay", "C", organisation="yhdistys x")])
    mark_attendance(db, {row.id: True for row in rows})
    from jarjestokeskus.services.events.feedback import FeedbackForm, save_feedback

    # Feedback by hand: 3 answers averaging 4 and 1 averaging 2: (12 + 2) / 4 = 3.50; comments count not.
    forms = [
        FeedbackForm("Sisältö", "3", "4"),
        FeedbackForm("Tilat", "1", "2"),
        FeedbackForm("Muuta", "2", ""),
    ]
    save_feedback(db, seminar.id, forms)
    goals = [widget.table.item(r, 1).text() for r in range(widget.table.rowCount())]
    rect = widget.table.visualRect(widget.table.model().index(goals.index("Seminaari"), 1))
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (
        widget.goal_figures.text() == "Tapahtumia vuonna 2025: 1, osallistujia 3, tavoitettuja järjestöjä 1\n"
        "Niiden palaute: arvosanoja 4, keskiarvo 3,5"
    )
