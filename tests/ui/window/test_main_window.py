"""The main window as a user meets it: search, filters, sort, shortcuts, language, archive, read-only."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.organisations.table_model import COL_MUNICIPALITY, COL_NAME
from jarjestokeskus.ui.window.welcome import WelcomeDialog
from tests.databases import hold_as_another

NAMES = [
    ("Vaasan Omaishoitajat ry", "Vasanejdens Närståendevårdare rf", "Vaasa", MembershipStatus.MEMBER),
    ("Öjan Kyläyhdistys ry", "", "Kokkola", MembershipStatus.MEMBER),
    ("Ähtärin Martat ry", "", "Ähtäri", MembershipStatus.APPLIED),
    ("", "Korsholms Pensionärer rf", "Mustasaari", MembershipStatus.MEMBER),
    ("Aallon Nuoret ry", "", "Vaasa", MembershipStatus.RESIGNED),
]


@pytest.fixture
def filled(db):  # type: ignore[no-untyped-def]
    for fi, sv, municipality, status in NAMES:
        service.save_organisation(
            db, OrganisationForm(name_fi=fi, name_sv=sv, municipality=municipality, membership_status=status)
        )
    return db


@pytest.fixture
def window(qtbot, filled):  # type: ignore[no-untyped-def]
    main = MainWindow(filled)
    qtbot.addWidget(main)
    main.show()
    main.view_actions[1].trigger()  # Ctrl+2: the organisations
    return main


def _names(window: MainWindow) -> list[str]:
    model = window.organisations.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_list_is_in_finnish_collation(window: MainWindow) -> None:
    assert _names(window) == [
        "Aallon Nuoret ry",
        "Korsholms Pensionärer rf",
        "Vaasan Omaishoitajat ry",
        "Ähtärin Martat ry",
        "Öjan Kyläyhdistys ry",
    ]


def test_search_as_you_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.organisations
    qtbot.keyClicks(view.search, "vaasa")
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=2000)
    assert set(_names(window)) == {"Vaasan Omaishoitajat ry", "Aallon Nuoret ry"}
    view.search.clear()
    view.search.insert("ähtär")  # QTest types ASCII only
    qtbot.waitUntil(lambda: _names(window) == ["Ähtärin Martat ry"], timeout=2000)


def test_filters_and_sorting(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.organisations
    view.status_filter.setCurrentIndex(view.status_filter.findData(MembershipStatus.MEMBER))
    assert view.model.total == 3
    view.municipality_filter.setCurrentIndex(view.municipality_filter.findData("Vaasa"))
    assert _names(window) == ["Vaasan Omaishoitajat ry"]
    view.status_filter.setCurrentIndex(0)
    view.municipality_filter.setCurrentIndex(0)
    view.table.sortByColumn(COL_MUNICIPALITY, Qt.SortOrder.DescendingOrder)
    municipalities = [view.model.index(r, COL_MUNICIPALITY).data() for r in range(view.model.rowCount())]
    assert municipalities == ["Ähtäri", "Vaasa", "Vaasa", "Mustasaari", "Kokkola"]


def test_shortcuts_find_and_new(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.find_action.trigger()
    assert window.organisations.search.hasFocus() or window.focusWidget() is window.organisations.search
    window.new_action.trigger()
    assert window.organisations.editor.current_id() is None
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_selecting_a_row_opens_it_in_the_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.organisations
    view.table.selectRow(0)
    assert view.editor.current_id() == view.model.row_at(0).id  # type: ignore[union-attr]


def test_language_switch_retranslates_and_is_remembered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_language("sv")
    assert i18n.current_language() == "sv"
    assert window.navigation.item(1).text() == i18n._("Organisations")
    assert window.navigation.item(1).text() != "Organisations"  # really translated
    assert "Vasanejdens Närståendevårdare rf" in _names(window)  # Swedish names shown
    assert load_settings().language == "sv"
    window.set_language("fi")
    assert window.navigation.item(1).text() == "Organisaatiot"
    assert load_settings().language == "fi"


def test_archive_view_shows_archived_and_restores(qtbot, window: MainWindow, filled) -> None:  # type: ignore[no-untyped-def]
    row = window.organisations.model.row_at(0)
    assert row is not None
    window.organisations.table.selectRow(0)
    qtbot_patch = QMessageBox.question
    try:
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]
        QMessageBox.exec = lambda self: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
        assert window.organisations.editor.archive()
    finally:
        QMessageBox.question = qtbot_patch  # type: ignore[method-assign]
        del QMessageBox.exec
    assert window.organisations.model.total == 4
    window.view_actions[2].trigger()  # Ctrl+3: the archive, built as it is first shown
    assert window.current_view() is window.archive
    assert window.archive.model.total == 1
    assert window.archive.model.row_at(0).id == row.id  # type: ignore[union-attr]
    service.restore_organisation(filled, row.id)
    window.archive.apply_filters()
    window.organisations.apply_filters()
    assert window.archive.model.total == 0
    assert window.organisations.model.total == 5


def test_close_with_unsaved_changes_asks(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = window.organisations
    view.new_record()
    view.editor.fields.lines["name_fi"].setText("Uusi yhdistys ry")
    assert view.editor.has_unsaved_changes()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    assert window.close()


@pytest.mark.sqlite_only
def test_read_only_when_another_user_has_it(qtbot, db_path: Path, filled) -> None:  # type: ignore[no-untyped-def]
    filled.close()
    hold_as_another(db_path, user="kollega", host="other-" + socket.gethostname(), pid=os.getpid())
    second = open_database(db_path)
    try:
        assert second.read_only
        main = MainWindow(second)
        qtbot.addWidget(main)
        main.show()
        assert main.banner.isVisible()
        assert "kollega" in main.banner.text()
        assert not main.new_action.isEnabled()
        assert main.organisations.model.total == len(NAMES)
    finally:
        second.close()


def test_welcome_creates_the_home_organisation(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    dialog.fields["name_fi"].setText("Pohjanmaan Yhdistykset ry")
    dialog.fields["business_id"].setText("2077474-1")
    assert not dialog.create_home()
    assert dialog.error.text()
    assert dialog.fields["name_fi"].text() == "Pohjanmaan Yhdistykset ry"  # typed text stays
    assert service.home_organisation(db) is None
    dialog.fields["business_id"].setText("0242746-2")
    assert dialog.create_home()
    home = service.home_organisation(db)
    assert home is not None and home.name_fi == "Pohjanmaan Yhdistykset ry"


def test_a_view_is_built_when_first_shown_in_the_language_of_that_moment(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(filled)
    qtbot.addWidget(main)
    main.show()
    assert len(main.built_views()) == 1  # only the view the window opens on
    main.set_language("sv")
    main.view_actions[2].trigger()  # Ctrl+3: the archive, first shown now
    assert len(main.built_views()) == 2
    assert (
        main.archive.title.text()
        == i18n._("Archive: archived organisations")
        != "Archive: archived organisations"
    )
    main.set_language("fi")
    assert main.archive.title.text() == "Arkisto: arkistoidut organisaatiot"


def test_every_view_is_reachable_and_follows_the_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for row, action in enumerate(window.view_actions):
        action.trigger()
        assert window.current_view() is window.view(row)
        assert window.navigation.currentRow() == row
    window.view_actions[3].trigger()
    assert window.current_view() is window.projects
    window.new_action.trigger()  # Ctrl+N in the Projects view starts a project, not an organisation
    assert window.projects.editor.current_id() is None  # type: ignore[attr-defined]
    window.set_language("sv")
    assert window.navigation.item(7).text() == i18n._("Staff") != "Staff"
    window.set_language("fi")


@pytest.mark.sqlite_only
def test_back_up_now_and_the_automatic_backup_on_closing(qtbot, window: MainWindow, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.services.database.backups import list_backups

    window.backup_action.trigger()
    assert [b.kind.value for b in list_backups(db_path)] == ["manual"]
    assert window.close()
    kinds = sorted(b.kind.value for b in list_backups(db_path))
    assert kinds == ["automatic", "manual"]


def test_a_deadline_on_the_start_page_opens_its_record(qtbot, window: MainWindow, filled) -> None:  # type: ignore[no-untyped-def]
    row = window.organisations.model.row_at(2)
    assert row is not None
    window.view_actions[0].trigger()
    window.start.open_record.emit("organisations", row.id)
    assert window.current_view() is window.organisations
    assert window.organisations.editor.current_id() == row.id


def test_reports_year_clock_and_export_reachable(qtbot, window: MainWindow, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QFileDialog

    assert window.export_action.shortcut().toString() == "Ctrl+E"
    print_row = [a.shortcut() for a in window.view_actions].index(
        QKeySequence(QKeySequence.StandardKey.Print)
    )
    window.view_actions[print_row].trigger()
    assert window.current_view() is window.reports
    window.view_actions[8].trigger()  # Ctrl+9
    assert window.current_view() is window.year_clock
    window.view_actions[1].trigger()
    target = tmp_path / "list.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    window.export_action.trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == window.organisations.model.headerData(0, Qt.Orientation.Horizontal)
    assert len(lines) == 1 + window.organisations.model.rowCount()
