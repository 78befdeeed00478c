"""The Cooperation view driven as a user at 1280 × 720: the checklist (a state saved, an element
renamed in both languages), members' grants, premises and activities typed in, edited, archived,
restored, imported and exported, and the view in Swedish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import ChecklistStatus, ChecklistTemplate
from jarjestokeskus.services.cooperation.activities import activities
from jarjestokeskus.services.cooperation.checklist import elements
from jarjestokeskus.services.cooperation.grants import member_grants, member_premises
from jarjestokeskus.ui.cooperation.grant_import import GrantImportDialog
from jarjestokeskus.ui.cooperation.view import CooperationView
from tests.services.cooperation.test_checklist import fill
from tests.ui.cooperation.helpers import LEFT, cell, column, in_dialog, save_dialog, type_in


def _tab(qtbot, view: CooperationView, page) -> None:  # type: ignore[no-untyped-def]
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(view.tabs.indexOf(page)).center())
    assert view.tabs.currentWidget() is page


def test_the_checklist_state_of_an_element_is_saved(qtbot, view: CooperationView, db: Database) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    _tab(qtbot, view, view.checklist)
    tab = view.checklist
    tab.year.setValue(2027)
    tab.area.setCurrentText("Korsholm")
    qtbot.mouseClick(tab.show_button, LEFT)
    assert tab.area.currentText() == "Mustasaari"  # the register's name in the window's language
    assert cell(tab.table, 0, 1) == "valmisteilla"
    assert cell(tab.table, 1, 1) == "ei arvioitu"
    tab.table.selectRow(1)
    tab.status.setCurrentIndex(tab.status.findData(ChecklistStatus.IN_PLACE))
    qtbot.keyClicks(tab.owner, "Kunnanhallitus")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert (cell(tab.table, 1, 1), cell(tab.table, 1, 2)) == ("kunnossa", "Kunnanhallitus")


def test_an_element_renamed_in_finnish_and_swedish(qtbot, view: CooperationView, db: Database) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    _tab(qtbot, view, view.checklist)
    tab = view.checklist
    tab.area.setCurrentText("Vaasa")
    qtbot.mouseClick(tab.show_button, LEFT)
    tab.table.selectRow(2)
    in_dialog(
        qtbot,
        tab,
        save_dialog(qtbot, name_fi="Yhteistyoopas ja -sivusto", name_sv="Samarbetsguide och webbplats"),
    )
    qtbot.mouseClick(tab.rename_button, LEFT)
    assert cell(tab.table, 2, 0) == "Yhteistyoopas ja -sivusto"
    renamed = elements(db, ChecklistTemplate.JARJESTO20)[2]
    assert (renamed.name_fi, renamed.name_sv) == ("Yhteistyoopas ja -sivusto", "Samarbetsguide och webbplats")
    i18n.set_language("sv")
    view.retranslate()
    assert cell(tab.table, 2, 0) == "Samarbetsguide och webbplats"
    assert tab.area.currentText() == "Vasa"


def test_a_grant_typed_edited_archived_restored_and_a_decision_list_imported(
    qtbot, view: CooperationView, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _tab(qtbot, view, view.grants)
    grants = view.grants
    editor = grants.editor
    type_in(
        qtbot,
        editor.field_form,
        organisation_id="Dahl",
        year="2027",
        grantor="Korsholm",
        amount_applied="1200",
        amount_granted="1000",
    )
    qtbot.mouseClick(editor.save_button, LEFT)
    assert [cell(grants.table, 0, c) for c in (0, 1, 3)] == ["Dahl ry", "Mustasaari", "Mustasaari"]
    assert cell(grants.table, 0, 6) == "1\u00a0000,00\u00a0€"
    assert [(g.grantor, g.amount_granted) for g in member_grants(db, 2027)] == [("Mustasaari", Decimal(1000))]

    type_in(qtbot, editor.field_form, amount_granted="900")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert [g.amount_granted for g in member_grants(db, 2027)] == [Decimal(900)]
    assert grants.count_label.text().split(" · ")[0] == "1 avustus, myönnetty yhteensä 900,00\u00a0€"

    qtbot.mouseClick(editor.archive_button, LEFT)
    assert grants.model.rowCount() == 0 and member_grants(db) == []
    qtbot.mouseClick(grants.archived_box, LEFT)
    grants.select(grants.model.rows[0].id)
    qtbot.mouseClick(editor.restore_button, LEFT)
    qtbot.mouseClick(grants.archived_box, LEFT)
    assert column(grants.table, 0) == ["Dahl ry"]

    # A decision list whose amount column is not recognised: the user says which column it is.
    source = tmp_path / "paatokset.csv"
    source.write_text("Hakija;Summa\nEk ry;300\nBjörkby ry;200\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    seen: list[str] = []

    def map_and_save(dialog: GrantImportDialog) -> None:
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        assert dialog.choices[0].currentData() == "organisation" and dialog.choices[1].currentData() == ""
        dialog.grantor.setCurrentText("Vasa")
        seen.append(dialog.result.text())
        dialog.choices[1].setCurrentIndex(dialog.choices[1].findData("amount_granted"))
        seen.append(dialog.result.text())
        assert save.isEnabled()
        qtbot.mouseClick(save, LEFT)

    def run() -> None:
        dialog = next(d for d in grants.findChildren(GrantImportDialog) if d.isVisible())
        try:
            map_and_save(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    qtbot.mouseClick(grants.import_button, LEFT)
    assert seen == [
        "2 avustusta, yhteensä 0,00\u00a0€ myönnetty; virheellisiä rivejä: 0",
        "2 avustusta, yhteensä 500,00\u00a0€ myönnetty; virheellisiä rivejä: 0",
    ]
    grants.year_filter.setCurrentIndex(grants.year_filter.findData(date.today().year))
    assert sorted(column(grants.table, 0)) == ["Björkby ry", "Ek ry"]
    assert sorted(
        (g.organisation, g.grantor, g.amount_granted) for g in member_grants(db, date.today().year)
    ) == [
        ("Björkby ry", "Vaasa", Decimal(200)),
        ("Ek ry", "Vaasa", Decimal(300)),
    ]


def test_premises_typed_archived_and_restored(qtbot, view: CooperationView, db: Database) -> None:  # type: ignore[no-untyped-def]
    _tab(qtbot, view, view.premises)
    premises, editor = view.premises, view.premises.editor
    type_in(qtbot, editor.field_form, organisation_id="Dahl", owner="Vasa", address="Skolvagen 1")
    free = editor.field_form.inputs["free_of_charge"]
    free.setFocus()
    qtbot.keyClick(free, Qt.Key.Key_Space)
    qtbot.mouseClick(editor.save_button, LEFT)
    assert [cell(premises.table, 0, c) for c in (0, 2, 3, 4)] == ["Dahl ry", "Vaasa", "Skolvagen 1", "kyllä"]
    stored = member_premises(db)
    assert (stored[0].owner, stored[0].free_of_charge) == ("Vaasa", True)

    qtbot.mouseClick(editor.archive_button, LEFT)
    assert member_premises(db) == []
    qtbot.mouseClick(premises.archived_box, LEFT)
    premises.select(premises.model.rows[0].id)
    qtbot.mouseClick(editor.restore_button, LEFT)
    assert [p.address for p in member_premises(db)] == ["Skolvagen 1"]


def test_an_activity_added_searched_exported_and_archived(
    qtbot, view: CooperationView, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _tab(qtbot, view, view.activities)
    tab, editor = view.activities, view.activities.editor
    type_in(
        qtbot,
        editor.field_form,
        organisation_id="Celsius",
        title_fi="Muistikahvila",
        municipality="Vasa",
        languages="fi, sv",
    )
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.keyClicks(tab.search, "muisti")
    tab.apply_filters()
    assert [cell(tab.table, 0, c) for c in (0, 1, 4)] == ["Muistikahvila", "Celsius ry", "Vaasa"]
    target = tmp_path / "palvelut.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, LEFT)
    assert "Muistikahvila" in target.read_text(encoding="utf-8-sig")
    assert [a.municipality for a in activities(db)] == ["Vaasa"]
    tab.select(tab.model.rows[0].id)
    qtbot.mouseClick(editor.archive_button, LEFT)
    assert activities(db) == [] and tab.model.rowCount() == 0


def test_the_view_changes_language(qtbot, view: CooperationView) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("sv")
    view.retranslate()
    assert view.title.text() == "Samarbete"
    assert view.tabs.tabText(1) == "&Vem representerar oss var"
    assert view.bodies.model.headerData(0, Qt.Orientation.Horizontal) == "Organ"
    assert view.bodies.editor.heading.text() == "Nytt organ"
