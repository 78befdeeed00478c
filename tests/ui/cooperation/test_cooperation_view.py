"""The Cooperation view driven as a user at 1280 × 720: bodies, seats, meetings, the checklist, grants,
premises and activities typed in and seen in the lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import ChecklistStatus
from jarjestokeskus.services.cooperation.activities import activities
from jarjestokeskus.services.cooperation.bodies import representation
from jarjestokeskus.services.cooperation.grants import member_grants, member_premises
from jarjestokeskus.ui.cooperation.view import CooperationView
from tests.services.cooperation.scenario import region
from tests.services.cooperation.test_checklist import fill

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, db: Database) -> CooperationView:  # type: ignore[no-untyped-def]
    region(db)
    widget = CooperationView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def _cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return table.model().index(row, column).data()


def _choose(qtbot, picker, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(picker, name)
    picker.search()
    picker.choose(0)


def test_a_body_with_a_representative_and_a_meeting(qtbot, view: CooperationView, db: Database) -> None:  # type: ignore[no-untyped-def]
    tab = view.bodies
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.keyClicks(tab.name_fi, "Vaasan jarjestoneuvottelukunta")
    qtbot.keyClicks(tab.area, "Vaasa")
    qtbot.keyClicks(tab.term_start, "1.6.2025")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert _cell(tab.body_table, 0, 0) == "Vaasan jarjestoneuvottelukunta"
    assert _cell(tab.body_table, 0, 1) == "Järjestöneuvottelukunta"
    assert tab.add_seat_button.isEnabled()
    qtbot.keyClicks(tab.first_name, "Anna")
    qtbot.keyClicks(tab.last_name, "Aho")
    _choose(qtbot, tab.organisation, "Aalto")
    qtbot.keyClicks(tab.seat_start, "1.6.2025")
    qtbot.mouseClick(tab.add_seat_button, LEFT)
    assert (_cell(tab.seat_table, 0, 1), _cell(tab.seat_table, 0, 2)) == ("Anna Aho", "Aalto ry")
    qtbot.keyClicks(tab.held_on, "12.2.2026")
    qtbot.keyClicks(tab.agenda, "1. Avustusperiaatteet")
    qtbot.mouseClick(tab.add_meeting_button, LEFT)
    assert _cell(tab.meeting_table, 0, 0) == "12.2.2026"
    view.tabs.setCurrentWidget(view.representation)
    assert _cell(view.representation.table, 0, 3) == "Anna Aho"
    assert [r.person for r in representation(db, date.today())] == ["Anna Aho"]


def test_a_body_without_a_name_is_refused_with_the_field_named(
    qtbot, view: CooperationView, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    qtbot.mouseClick(view.bodies.save_button, LEFT)
    assert shown == ["Nimi: pakollinen tieto\nKunta tai hyvinvointialue: pakollinen tieto"]
    assert view.bodies.bodies.rows == []


def test_the_checklist_state_of_an_element_is_saved(qtbot, view: CooperationView, db: Database) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    view.tabs.setCurrentWidget(view.checklist)
    tab = view.checklist
    tab.year.setValue(2027)
    tab.area.setCurrentText("Korsholm")
    qtbot.mouseClick(tab.show_button, LEFT)
    assert _cell(tab.table, 0, 1) == "valmisteilla"
    assert _cell(tab.table, 1, 1) == "ei arvioitu"
    tab.table.selectRow(1)
    tab.status.setCurrentIndex(tab.status.findData(ChecklistStatus.IN_PLACE))
    qtbot.keyClicks(tab.owner, "Kunnanhallitus")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert (_cell(tab.table, 1, 1), _cell(tab.table, 1, 2)) == ("kunnossa", "Kunnanhallitus")


def test_a_grant_premises_and_an_activity_added_and_listed(
    qtbot, view: CooperationView, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentWidget(view.grants)
    grants = view.grants
    grants.year.setValue(2027)
    _choose(qtbot, grants.organisation, "Aalto")
    qtbot.keyClicks(grants.grantor, "Vaasa")
    qtbot.keyClicks(grants.applied, "1200")
    qtbot.keyClicks(grants.granted, "1000")
    qtbot.mouseClick(grants.add_button, LEFT)
    assert _cell(grants.table, 0, 5) == "1 000,00 €".replace(" ", "\u00a0")
    assert [g.amount_granted for g in member_grants(db, 2027)] == [1000]
    source = tmp_path / "paatokset.csv"
    source.write_text("Hakija;Myonnetty\nEk ry;300\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(grants.import_button, LEFT)
    assert grants.model.rowCount() == 2

    view.tabs.setCurrentWidget(view.premises)
    premises = view.premises
    _choose(qtbot, premises.organisation, "Dahl")
    qtbot.keyClicks(premises.owner, "Vaasa")
    qtbot.keyClicks(premises.address, "Skolvagen 1")
    premises.free.setFocus()
    qtbot.keyClick(premises.free, Qt.Key.Key_Space)
    qtbot.mouseClick(premises.add_button, LEFT)
    assert _cell(premises.table, 0, 3) == "Skolvagen 1"
    assert member_premises(db)[0].free_of_charge

    view.tabs.setCurrentWidget(view.activities)
    tab = view.activities
    _choose(qtbot, tab.organisation, "Celsius")
    qtbot.keyClicks(tab.fields["title_fi"], "Muistikahvila")
    qtbot.keyClicks(tab.fields["languages"], "fi, sv")
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.keyClicks(tab.search, "muisti")
    assert (_cell(tab.table, 0, 0), _cell(tab.table, 0, 1)) == ("Muistikahvila", "Celsius ry")
    target = tmp_path / "palvelut.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, LEFT)
    assert "Muistikahvila" in target.read_text(encoding="utf-8-sig")
    assert len(activities(db)) == 1


def test_the_view_changes_language(qtbot, view: CooperationView) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus import i18n

    i18n.set_language("sv")
    view.retranslate()
    assert view.title.text() == "Samarbete"
    assert view.tabs.tabText(1) == "&Vem representerar oss var"
    assert view.bodies.bodies.headerData(0, Qt.Orientation.Horizontal) == "Organ"
