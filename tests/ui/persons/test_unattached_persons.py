"""Persons in no role, in the window: listed from the File menu, their data exported, erased."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Person, Role
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme, RoleKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.staff.employment import get_person, save_person
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.persons.unattached import (
    COL_ENDED,
    COL_NAME,
    COL_ORGANISATION,
    UnattachedPersonsDialog,
)


@pytest.fixture
def people(db: Database) -> dict[str, uuid.UUID]:
    """Kaisa's role ended in 2024, Matti's goes on, Ville is employed, Pia was never in a role."""
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    member = save_organisation(db, OrganisationForm(name_fi="Jasenyhdistys ry")).id
    period = EmploymentForm(EmploymentScheme.PERMANENT, "Koordinaattori", "1.1.2026", "", "37,5")
    ids = {"Ville": save_person(db, PersonForm("Ville", "Virtanen", employments=[period])).id}
    with db.transaction() as session:
        for first, last, ended in (("Kaisa", "Yhteys", date(2024, 5, 31)), ("Matti", "Jatkaja", None), ("Pia", "Pois", "none")):  # fmt: skip
            person = Person(first_name=first, last_name=last, email=f"{first.lower()}@example.fi")
            session.add(person)
            session.flush()
            ids[first] = person.id
            if ended != "none":
                session.add(Role(person_id=person.id, organisation_id=member, kind=RoleKind.CONTACT_PERSON, start_date=date(2020, 1, 1), end_date=ended))  # fmt: skip
    return ids


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, people: dict[str, uuid.UUID]) -> UnattachedPersonsDialog:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == _("&Persons in no role…"))
    entry.trigger()
    return next(d for d in window.findChildren(UnattachedPersonsDialog) if d.isVisible())


def _shown(dialog: UnattachedPersonsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in (COL_NAME, COL_ORGANISATION, COL_ENDED)]
        for row in range(table.rowCount())
    ]


def _choose(qtbot: QtBot, dialog: UnattachedPersonsDialog, name: str) -> None:
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, COL_NAME).text() == name)
    rect = dialog.table.visualItemRect(dialog.table.item(row, COL_NAME))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_shows_whom_nothing_keeps(dialog: UnattachedPersonsDialog) -> None:
    assert _shown(dialog) == [["Pia Pois", "", ""], ["Kaisa Yhteys", "Jasenyhdistys ry", "31.5.2024"]]
    assert not dialog.export_button.isEnabled() and not dialog.erase_button.isEnabled()


def test_export_from_the_list(  # type: ignore[no-untyped-def]
    qtbot: QtBot, dialog: UnattachedPersonsDialog, tmp_path: Path, monkeypatch
) -> None:
    _choose(qtbot, dialog, "Kaisa Yhteys")
    target = tmp_path / "kaisa.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (
        data["person"]["email"] == "kaisa@example.fi"
        and data["roles"][0]["organisation_fi"] == "Jasenyhdistys ry"
    )


def test_erase_from_the_list(  # type: ignore[no-untyped-def]
    qtbot: QtBot, dialog: UnattachedPersonsDialog, db: Database, people: dict[str, uuid.UUID]
) -> None:
    _choose(qtbot, dialog, "Kaisa Yhteys")
    asked: list[str] = []
    dialog.ask = lambda _p, _t, text, _y: asked.append(text) or True
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert "Kaisa Yhteys" in asked[0]
    assert get_person(db, people["Kaisa"]).anonymised
    assert _shown(dialog) == [["Pia Pois", "", ""]]
    told = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(told) == 1 and "Kaisa Yhteys" in told[0].text()
    told[0].close()
    assert not get_person(db, people["Matti"]).anonymised


def test_saying_no_erases_nobody(qtbot: QtBot, dialog: UnattachedPersonsDialog, db: Database, people) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, dialog, "Pia Pois")
    dialog.ask = lambda *_a: False
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert not get_person(db, people["Pia"]).anonymised and len(_shown(dialog)) == 2
