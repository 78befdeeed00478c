"""The start page's members by municipality (issue 16): grouped by the register whichever name
was typed, in the user's language, texts naming no municipality marked; a row opens the
Organisations list filtered to the municipality."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.organisations.table_model import COL_NAME
from jarjestokeskus.ui.start.municipalities import WARNING_SIGN

MEMBER = MembershipStatus.MEMBER
# (name, municipality as typed, status): Korsholm/MUSTASAARI/mustasaari are one, 3 members;
# Vaasa/Vasa 2; the resigned one and the home organisation are not counted; Smedsby is no municipality.
ORGANISATIONS = [
    ("Kerho A ry", "Korsholm", MEMBER),
    ("Kerho B ry", "MUSTASAARI", MEMBER),
    ("Kerho C ry", " mustasaari ", MEMBER),
    ("Kerho D ry", "Vaasa", MEMBER),
    ("Kerho E ry", "Vasa", MEMBER),
    ("Kerho F ry", "Vaasa", MembershipStatus.RESIGNED),
    ("Kerho G ry", "Smedsby", MEMBER),
]


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    save_organisation(
        db, OrganisationForm(name_fi="Katto ry", municipality="Vaasa", membership_status=MEMBER), is_home=True
    )
    for name, place, status in ORGANISATIONS:
        save_organisation(db, OrganisationForm(name_fi=name, municipality=place, membership_status=status))
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    main.view_actions[0].trigger()  # Ctrl+1: the start page
    qtbot.waitUntil(lambda: main.start.places.table.rowCount() > 0)
    return main


def shown(window: MainWindow) -> list[tuple[str, str]]:
    table = window.start.places.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_members_are_grouped_by_the_register_in_the_users_language(window: MainWindow) -> None:
    assert shown(window) == [("Mustasaari", "3"), ("Vaasa", "2"), (f"{WARNING_SIGN} Smedsby", "1")]
    i18n.set_language("sv")
    try:
        window.retranslate()
        assert shown(window) == [("Korsholm", "3"), ("Vasa", "2"), (f"{WARNING_SIGN} Smedsby", "1")]
    finally:
        i18n.set_language("fi")
        window.retranslate()


def test_a_municipality_opens_the_list_of_its_organisations(qtbot: QtBot, window: MainWindow) -> None:
    table = window.start.places.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.organisations
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    model = view.model
    assert sorted(model.index(r, COL_NAME).data() for r in range(3)) == [
        "Kerho A ry",
        "Kerho B ry",
        "Kerho C ry",
    ]
    assert view.municipality_filter.currentText() == "Mustasaari"
