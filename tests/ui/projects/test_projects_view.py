"""The Projects view, its editor, the funding overview and the rules dialog, used as a user would."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument, PartnerRole, ProjectStatus, ReportKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ObligationForm, PartnerForm, ProjectForm, label
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import get_project, save_project
from jarjestokeskus.ui.projects.editor import BASIC_TAB, FUNDINGS_TAB, PARTNERS_TAB
from jarjestokeskus.ui.projects.funding_overview import FundingOverview
from jarjestokeskus.ui.projects.funding_rules_dialog import FundingRulesDialog
from jarjestokeskus.ui.projects.table_model import COL_NAME, HEADERS
from jarjestokeskus.ui.projects.view import ProjectsView
from jarjestokeskus.ui.widgets.form_table import FormTable

# The offscreen platform cannot size, raise or grab for a popup (the picker's); a real one can.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Dialogs:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def warning(self, _parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.warnings.append(text)
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


@pytest.fixture
def orgs(db: Database) -> dict[str, uuid.UUID]:
    names = {"home": "Pohjanmaan Yhdistykset ry", "stea": "STEA avustuskeskus", "city": "Vaasan kaupunki"}
    return {key: save_organisation(db, OrganisationForm(name_fi=name)).id for key, name in names.items()}


@pytest.fixture
def projects(db: Database, orgs: dict[str, uuid.UUID]) -> dict[str, uuid.UUID]:
    centre = ProjectForm(
        code="JK-AK",
        name_fi="Järjestökeskus",
        name_sv="Föreningscenter",
        owner_id=orgs["home"],
        status=ProjectStatus.RUNNING,
        start_date="1.3.2019",
        partners=[PartnerForm(orgs["home"], PartnerRole.LEAD)],
        fundings=[
            FundingForm(FundingInstrument.STEA_AK, orgs["stea"], "2025", "200000", amount_granted="188000")
        ],
    )
    pilot = ProjectForm(
        code="KOKE",
        name_fi="Kokemusasiantuntijapilotti",
        owner_id=orgs["city"],
        status=ProjectStatus.APPLIED,
        fundings=[
            FundingForm(
                FundingInstrument.MUNICIPAL_PARTNERSHIP,
                orgs["city"],
                "2026",
                "56000",
                obligations=[ObligationForm(ReportKind.GRANT_USE_REPORT, "15.2.2026")],
            )
        ],
    )
    return {"centre": save_project(db, centre).id, "pilot": save_project(db, pilot).id}


@pytest.fixture
def view(qtbot: QtBot, db: Database, projects: dict[str, uuid.UUID]) -> ProjectsView:
    widget = ProjectsView(db)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def shown_names(view: ProjectsView) -> list[str]:
    return [view.proxy.index(r, COL_NAME).data() for r in range(view.proxy.rowCount())]


def open_row(qtbot: QtBot, view: ProjectsView, name: str) -> None:
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.proxy.index(row, COL_NAME))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.editor.heading.text() == name


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    line.insert(text)  # QTest.keyClicks cannot type ä, ö, å
    line.textEdited.emit(line.text())


def type_cell(qtbot: QtBot, table: FormTable, row: int, key: str, text: str) -> None:
    table.focus_cell(row, key)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    cell.insert(text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.wait(1)


def pick(picker: QLineEdit, text: str) -> None:
    picker.setFocus()
    picker.insert(text)
    picker.textEdited.emit(picker.text())
    picker.search()  # type: ignore[attr-defined]
    picker.choose(0)  # type: ignore[attr-defined]


def test_search_filters_and_sorting(qtbot: QtBot, view: ProjectsView, orgs: dict[str, uuid.UUID]) -> None:
    assert shown_names(view) == ["Järjestökeskus", "Kokemusasiantuntijapilotti"]
    qtbot.keyClicks(view.search, "koke")
    qtbot.waitUntil(lambda: shown_names(view) == ["Kokemusasiantuntijapilotti"])
    view.search.clear()
    qtbot.waitUntil(lambda: len(shown_names(view)) == 2)
    view.status_filter.setCurrentIndex(view.status_filter.findData(ProjectStatus.RUNNING))
    assert shown_names(view) == ["Järjestökeskus"]
    view.status_filter.setCurrentIndex(0)
    view.funder_filter.setCurrentIndex(view.funder_filter.findData(str(orgs["city"])))
    assert shown_names(view) == ["Kokemusasiantuntijapilotti"]
    view.funder_filter.setCurrentIndex(0)
    view.instrument_filter.setCurrentIndex(view.instrument_filter.findData(FundingInstrument.STEA_AK))
    assert shown_names(view) == ["Järjestökeskus"]
    view.instrument_filter.setCurrentIndex(0)
    view.year_filter.setCurrentIndex(view.year_filter.findData(2026))
    assert shown_names(view) == ["Kokemusasiantuntijapilotti"]
    view.year_filter.setCurrentIndex(0)
    view.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert shown_names(view) == ["Kokemusasiantuntijapilotti", "Järjestökeskus"]
    assert view.count_label.text().split(" · ")[0] == i18n.ngettext(
        "{count} project", "{count} projects", 2
    ).format(count=2)


def test_edit_add_funding_fill_defaults_and_save(
    qtbot: QtBot, view: ProjectsView, db: Database, projects: dict[str, uuid.UUID]
) -> None:
    open_row(qtbot, view, "Järjestökeskus")
    editor = view.editor
    editor.tabs.setCurrentIndex(FUNDINGS_TAB)
    panel = editor.fundings
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.lines["year"].text() == "2026"  # the year after the previous funding
    type_into(qtbot, panel.lines["amount_granted"], "100 000,03")
    type_into(qtbot, panel.lines["applied_on"], "11.9.2025")
    qtbot.mouseClick(panel.defaults_button, Qt.MouseButton.LeftButton)
    assert [panel.instalments.text(r, "due_date") for r in range(4)] == [
        "1.2.2026",
        "1.5.2026",
        "1.8.2026",
        "1.11.2026",
    ]
    assert panel.obligations.row_count() == 2
    type_cell(qtbot, panel.instalments, 0, "paid_on", "3.2.2026")
    assert editor.has_unsaved_changes()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.errors
    stored = get_project(db, projects["centre"])
    new = next(f for f in stored.fundings if f.year == 2026)
    assert new.instrument == FundingInstrument.STEA_AK
    assert sum(i.amount for i in new.instalments) == Decimal("100000.03")
    assert new.instalments[0].paid_on == date(2026, 2, 3)
    assert {o.kind for o in new.obligations} == {ReportKind.ANNUAL_GRANT_REPORT, ReportKind.RESULTS_REPORT}
    assert not editor.has_unsaved_changes()


def test_a_refused_save_names_the_fields_and_keeps_the_typing(
    qtbot: QtBot, view: ProjectsView, db: Database, projects: dict[str, uuid.UUID]
) -> None:
    open_row(qtbot, view, "Järjestökeskus")
    editor = view.editor
    version = get_project(db, projects["centre"]).version
    type_into(qtbot, editor.fields.lines["end_date"], "1.1.2019")
    editor.tabs.setCurrentIndex(FUNDINGS_TAB)
    qtbot.mouseClick(editor.fundings.instalments.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, editor.fundings.instalments, 0, "due_date", "1.2.2025")
    type_cell(qtbot, editor.fundings.instalments, 0, "amount", "200 000")
    assert not editor.save()
    expected = _("{field}: cannot be before the start date").format(field=label("end_date"))
    assert editor.fields.boxes["end_date"].message.text() == expected
    assert editor.tabs.currentIndex() == BASIC_TAB  # the first error's tab is shown
    assert editor.errors.keys() == {"end_date", "fundings[0].instalments[0].amount"}
    assert editor.fundings.instalments.error_at(0, "amount")
    assert editor.fields.lines["end_date"].text() == "1.1.2019"
    assert get_project(db, projects["centre"]).version == version
    assert get_project(db, projects["centre"]).end_date is None


def test_new_project_with_owner_and_partner(qtbot: QtBot, view: ProjectsView, db: Database) -> None:
    view.new_record()
    editor = view.editor
    assert editor.heading.text() == _("New project")
    type_into(qtbot, editor.fields.lines["name_fi"], "Yhdessä ympäri vuoden")
    pick(editor.fields.owner, "pohjanmaan")
    editor.tabs.setCurrentIndex(PARTNERS_TAB)
    pick(editor.partners.picker, "vaasan")
    qtbot.mouseClick(editor.partners.add_button, Qt.MouseButton.LeftButton)
    editor.partners.set_member(0, PartnerRole.ADMINISTRATOR)
    assert view.save()
    assert "Yhdessä ympäri vuoden" in shown_names(view)
    stored = get_project(db, editor.current_id())  # type: ignore[arg-type]
    assert stored.owner_name_fi == "Pohjanmaan Yhdistykset ry"
    assert [(p.name_fi, p.role) for p in stored.partners] == [("Vaasan kaupunki", PartnerRole.ADMINISTRATOR)]


def test_escape_cancels_the_edits(qtbot: QtBot, view: ProjectsView, dialogs: Dialogs) -> None:
    open_row(qtbot, view, "Järjestökeskus")
    type_into(qtbot, view.editor.fields.lines["code"], "XX")
    assert view.editor.has_unsaved_changes()
    dialogs.answer = QMessageBox.StandardButton.Discard  # Esc asks first (issue 14.3)
    qtbot.keyClick(view.editor.fields.lines["code"], Qt.Key.Key_Escape)
    assert dialogs.questions == [_("The project has changes that are not saved. Save them?")]
    assert view.editor.fields.lines["code"].text() == "JK-AK"
    assert view.confirm_leaving_edits()
    view.search.setFocus()
    qtbot.keyClicks(view.search, "abc")
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""


def test_archive_and_restore(qtbot: QtBot, view: ProjectsView, dialogs: Dialogs) -> None:
    open_row(qtbot, view, "Kokemusasiantuntijapilotti")
    qtbot.mouseClick(view.editor.archive_button, Qt.MouseButton.LeftButton)
    assert dialogs.questions
    assert shown_names(view) == ["Järjestökeskus"]
    view.archived_box.setChecked(True)
    assert shown_names(view) == ["Kokemusasiantuntijapilotti"]
    open_row(qtbot, view, "Kokemusasiantuntijapilotti")
    assert view.editor.archived_notice.isVisible() and view.editor.restore_button.isVisible()
    qtbot.mouseClick(view.editor.restore_button, Qt.MouseButton.LeftButton)
    assert shown_names(view) == []
    view.archived_box.setChecked(False)
    assert len(shown_names(view)) == 2


def test_switching_to_swedish(qtbot: QtBot, view: ProjectsView) -> None:
    open_row(qtbot, view, "Järjestökeskus")
    i18n.set_language("sv")
    view.retranslate()
    assert view.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == _(HEADERS[COL_NAME])
    assert view.proxy.index(0, COL_NAME).data() == "Föreningscenter"
    assert view.status_filter.itemText(0) == _("All statuses")
    assert view.editor.fields.status.currentText() == ProjectStatus.RUNNING.label
    assert view.editor.tabs.tabText(FUNDINGS_TAB) == _("F&undings")


def test_read_only_database_disables_editing(
    qtbot: QtBot, db: Database, projects: dict[str, uuid.UUID]
) -> None:
    db.read_only = True
    widget = ProjectsView(db)
    qtbot.addWidget(widget)
    widget.select(projects["centre"])
    assert widget.editor.current_id() == projects["centre"]
    assert not widget.editor.save_button.isEnabled()
    assert widget.editor.fields.lines["name_fi"].isReadOnly()
    assert not widget.editor.fundings.add_button.isEnabled()


def test_overview_marks_overdue_reports_with_text(
    qtbot: QtBot, db: Database, projects: dict[str, uuid.UUID]
) -> None:
    overview = FundingOverview(db, today=lambda: date(2026, 2, 20))
    qtbot.addWidget(overview)
    assert overview.year.currentData() == 2026
    assert overview.by_funder.rowCount() == 1
    states = overview.report_states()
    assert states == [i18n.ngettext("⚠ Overdue by {days} day", "⚠ Overdue by {days} days", 5).format(days=5)]
    assert overview.reports.item(0, 2).font().bold()
    i18n.set_language("sv")
    overview.retranslate()
    assert overview.by_instrument.item(0, 0).text() == FundingInstrument.MUNICIPAL_PARTNERSHIP.label


def test_rules_dialog_adds_a_rule_and_refuses_a_wrong_one(qtbot: QtBot, db: Database) -> None:
    dialog = FundingRulesDialog(db)
    qtbot.addWidget(dialog)
    page = dialog.reporting
    before = page.table.rowCount()
    page.lines["due_day"].setText("30")
    page.lines["due_month"].setText("13")
    page.lines["effective_from"].setText("1.1.2027")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.message.text() and page.table.rowCount() == before
    page.lines["due_month"].setText("4")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not page.message.text() and page.table.rowCount() == before + 1


def test_removing_a_rule_asks_first(qtbot: QtBot, db: Database, dialogs: Dialogs) -> None:
    dialog = FundingRulesDialog(db)
    qtbot.addWidget(dialog)
    page = dialog.instalments
    before = page.table.rowCount()
    page.table.setCurrentCell(0, 0)
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == before
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == before - 1 and len(dialogs.questions) == 2


def test_escape_in_a_cell_only_cancels_the_cell(qtbot: QtBot, view: ProjectsView) -> None:
    open_row(qtbot, view, "Järjestökeskus")
    type_into(qtbot, view.editor.fields.lines["code"], "XX")
    view.editor.tabs.setCurrentIndex(FUNDINGS_TAB)
    table = view.editor.fundings.instalments
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.insert("1.2.2025")
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    assert table.text(0, "due_date") == ""
    assert view.editor.fields.lines["code"].text() == "XX"  # the form itself was not cancelled


def test_an_organisation_typed_but_not_chosen_is_not_lost(
    qtbot: QtBot, view: ProjectsView, db: Database
) -> None:
    view.new_record()
    editor = view.editor
    type_into(qtbot, editor.fields.lines["name_fi"], "Uusi")
    owner = editor.fields.owner
    owner.setFocus()
    owner.insert("ry")  # typed, but not chosen from the list
    owner.textEdited.emit(owner.text())
    assert not editor.save()
    assert editor.errors.keys() == {"owner"}
    assert editor.current_id() is None
    owner.selectAll()
    owner.insert("Vaasan kaupunki")
    owner.textEdited.emit(owner.text())
    editor.fields.lines["code"].setFocus()  # leaving the field with an exact name chooses it
    assert owner.organisation_id() is not None
    assert editor.save()
    assert get_project(db, editor.current_id()).owner_name_fi == "Vaasan kaupunki"  # type: ignore[arg-type]


def test_table_model_shows_money_in_the_ui_language_and_sorts_by_value() -> None:
    from jarjestokeskus.services.rows import ProjectRow
    from jarjestokeskus.ui.projects.table_model import COL_GRANTED, SORT_ROLE, ProjectTableModel

    def row(name: str, granted: str) -> ProjectRow:
        empty: frozenset = frozenset()
        return ProjectRow(
            uuid.uuid4(), "", name, "", "", "", ProjectStatus.IDEA, None, None,
            Decimal(0), Decimal(granted), empty, empty, empty, None,
        )  # fmt: skip

    model = ProjectTableModel()
    model.set_rows([row("Öljy", "9000.50"), row("Ääni", "10000")])
    assert model.index(0, COL_GRANTED).data() == i18n.format_money(Decimal("9000.50"))
    assert model.index(0, COL_GRANTED).data(SORT_ROLE) < model.index(1, COL_GRANTED).data(SORT_ROLE)
    assert model.index(1, COL_NAME).data(SORT_ROLE) < model.index(0, COL_NAME).data(SORT_ROLE)  # ä before ö
    i18n.set_language("sv")
    assert model.headerData(COL_GRANTED, Qt.Orientation.Horizontal) == _(HEADERS[COL_GRANTED])
    assert model.index(0, COL_GRANTED).data() == i18n.format_money(Decimal("9000.50"), "sv")
