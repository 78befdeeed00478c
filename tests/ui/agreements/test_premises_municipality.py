"""An agreement's premises lie in a municipality of the register (issue 16): chosen by part of
either name, stored by its code, shown with both names, a text naming none refused."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import AgreementKind
from jarjestokeskus.i18n import _
from jarjestokeskus.services.agreements.register import get_agreement
from jarjestokeskus.ui.agreements.view import AgreementsView
from tests.ui.agreements.test_agreements_view import agreements, no_dialogs, open_title, type_into, view

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
__all__ = ["agreements", "no_dialogs", "view"]  # the fixtures this module uses


def choose(qtbot: QtBot, view: AgreementsView, typed: str) -> None:
    box = view.editor.fields.municipality
    line = box.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, typed)


def test_the_premises_municipality_is_chosen_from_the_register(
    qtbot: QtBot, view: AgreementsView, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    open_title(view, "Suullinen")
    fields = view.editor.fields
    fields.kind.setCurrentIndex(fields.kind.findData(AgreementKind.PREMISES))
    type_into(fields.inputs["premises_address"], "Kirkkopuistikko 2")  # type: ignore[arg-type]
    choose(qtbot, view, "korsh")
    popup = fields.municipality.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert fields.municipality.currentText() == "Mustasaari – Korsholm"
    assert view.save()
    assert get_agreement(db, agreements["oral"]).premises_municipality_code == "499"
    open_title(view, "Yhteistyösopimus")
    open_title(view, "Suullinen")
    assert view.editor.fields.municipality.currentText() == "Mustasaari – Korsholm"


def test_a_premises_municipality_not_in_the_register_is_refused(
    qtbot: QtBot, view: AgreementsView, db: Database, agreements: dict[str, uuid.UUID]
) -> None:
    open_title(view, "Suullinen")
    choose(qtbot, view, "Smedsby")
    qtbot.keyClick(view.editor.fields.municipality.completer().popup(), Qt.Key.Key_Escape)
    assert not view.save()
    box = view.editor.fields.boxes["premises_municipality"]
    assert box.has_error() and box.message.text() == _(
        "Choose the municipality from the list of the register."
    )
    assert get_agreement(db, agreements["oral"]).premises_municipality_code is None
