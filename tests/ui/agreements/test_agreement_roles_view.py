"""The agreement editor: a party's role chosen from the coded roles (typed text stays a note), and
premises free of charge marked as received or given."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreement_roles import InKindDirection, PartyRole
from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.agreements.register import get_agreement, save_agreement
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.agreements.editor import PARTIES_TAB
from jarjestokeskus.ui.agreements.view import AgreementsView


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)


@pytest.fixture
def lending(db: Database) -> uuid.UUID:
    home = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry")).id
    member = save_organisation(
        db, OrganisationForm(name_fi="Muistiyhdistys ry", membership_status=MembershipStatus.MEMBER)
    ).id
    return save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.PREMISES,
            title_fi="Muistikahvilan tilat",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2026",
            valid_to="31.12.2026",
            premises_free_of_charge=True,
            premises_estimated_value="2400",
            parties=[PartyForm(home, "vuokranantaja"), PartyForm(member, "vastapuoli")],
        ),
    ).id


def test_role_and_direction_chosen_in_the_editor(qtbot: QtBot, db: Database, lending: uuid.UUID) -> None:
    stored = get_agreement(db, lending)
    # A known word typed as the role became the coded role; other text stayed a note.
    assert [(p.role_kind, p.role) for p in stored.parties] == [
        (None, "vuokranantaja"),
        (PartyRole.COUNTERPARTY, ""),
    ]
    view = AgreementsView(db)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    item = next(i for i in view._items() if "Muistikahvilan" in i.text(0))
    view.table.setCurrentItem(item)
    editor = view.editor
    assert editor.current_id() == lending
    fields = editor.fields
    assert fields.direction.isVisible() and fields.direction.currentData() == InKindDirection.RECEIVED
    fields.direction.setFocus()
    qtbot.keyClick(fields.direction, Qt.Key.Key_Down)  # received → given
    assert fields.direction.currentText() == InKindDirection.GIVEN.label
    editor.tabs.setCurrentIndex(PARTIES_TAB)
    parties = editor.parties
    assert parties.table.item(1, 1).text() == PartyRole.COUNTERPARTY.label
    parties.focus_cell(0, "role_kind")
    qtbot.keyClick(parties.table, Qt.Key.Key_F2)
    combo = parties.table.viewport().findChild(QComboBox)  # the cell's editor, open
    assert isinstance(combo, QComboBox) and combo.isVisible()
    combo.setCurrentIndex(combo.findData(PartyRole.CONTRACTING_PARTY.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.wait(1)
    assert parties.table.item(0, 1).text() == PartyRole.CONTRACTING_PARTY.label
    assert view.save()
    stored = get_agreement(db, lending)
    assert stored.premises_direction == InKindDirection.GIVEN
    assert stored.premises_estimated_value == Decimal("2400.00")
    assert [(p.role_kind, p.role) for p in stored.parties] == [
        (PartyRole.CONTRACTING_PARTY, "vuokranantaja"),
        (PartyRole.COUNTERPARTY, ""),
    ]
