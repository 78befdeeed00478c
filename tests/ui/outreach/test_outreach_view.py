"""The Reaching members view as a user drives it: filters, copying, saving a list, logging, the log."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import RoleKind
from jarjestokeskus.services.outreach.contact_log import contact_log
from jarjestokeskus.services.outreach.mailing import saved_lists
from jarjestokeskus.ui.outreach.contact_tab import ContactDialog
from jarjestokeskus.ui.outreach.view import OutreachView
from tests.services.outreach.test_mailing import build_register


@pytest.fixture
def ids(db: Database) -> dict[str, uuid.UUID]:
    return build_register(db)


@pytest.fixture
def view(qtbot, db: Database, ids: dict[str, uuid.UUID]) -> OutreachView:  # type: ignore[no-untyped-def]
    widget = OutreachView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def check(choice, member) -> None:  # type: ignore[no-untyped-def]
    choice.item(choice.members.index(member)).setCheckState(Qt.CheckState.Checked)


def test_members_then_chairs(view: OutreachView) -> None:
    tab = view.mailing
    assert tab.table.rowCount() == 3 and tab.missing.count() == 1
    check(tab.roles, RoleKind.CHAIR)
    assert [tab.table.item(r, 1).text() for r in range(tab.table.rowCount())] == ["Anna Aalto"]
    assert tab.missing.count() == 3  # Björkby's chair has no email, Cello nobody, Eka's chair left


def test_copy_addresses_in_batches(qtbot, view: OutreachView) -> None:  # type: ignore[no-untyped-def]
    tab = view.mailing
    assert tab.batch_label.text() == "erä 1/1"
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "toimisto@aalto.example; bo@bjorkby.example; eka@example.fi"


def test_save_a_list_and_log_a_mailing(qtbot, view: OutreachView, db: Database, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = view.mailing
    answers = iter([("Kaikki jäsenet", True), ("Kevätkokous", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: next(answers))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in saved_lists(db)] == ["Kaikki jäsenet"]
    assert tab.saved.currentText() == "Kaikki jäsenet"
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    assert [(e.subject, e.mailing_list) for e in contact_log(db, ids["aalto"])] == [
        ("Kevätkokous", "Kaikki jäsenet")
    ]
    view.tabs.setCurrentIndex(1)
    assert view.contacts.table.rowCount() == 3


def test_add_a_contact_by_hand(qtbot, view: OutreachView, db: Database, ids) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentIndex(1)
    seen: list[tuple[bool, bool]] = []

    def fill() -> None:
        dialog = view.findChild(ContactDialog)
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no organisation chosen: named, not saved
        seen.append((dialog.isVisible(), dialog.boxes["organisation"].has_error()))
        dialog.organisation.set_choice(ids["cello"], "Cello ry")
        qtbot.keyClicks(dialog.subject, "Syyskokous ja avustukset")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(view.contacts.add_button, Qt.MouseButton.LeftButton)
    assert seen == [(True, True)]
    assert [e.subject for e in contact_log(db, ids["cello"])] == ["Syyskokous ja avustukset"]
    assert view.contacts.table.item(0, 1).text() == "Cello ry"


def test_letters_tab_template_checked_and_letters_written(
    qtbot, view: OutreachView, db: Database, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from io import BytesIO

    from pypdf import PdfReader

    from jarjestokeskus.services.outreach.letters import templates

    view.tabs.setCurrentIndex(2)
    tab = view.letters
    assert tab.name.text() == "Jäsenyyden vahvistus / Bekräftelse av medlemskap"
    tab.title_fi.clear()
    qtbot.keyClicks(tab.title_fi, "Vahvistus {nimi}")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.boxes["title_fi"].has_error() and tab.title_fi.text() == "Vahvistus {nimi}"
    tab.title_fi.clear()
    qtbot.keyClicks(tab.title_fi, "Vahvistus {year}")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.errors.isVisible()
    assert templates(db)[0].title_fi == "Vahvistus {year}"
    out = tmp_path / "kirjeet.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(out), ""))
    qtbot.mouseClick(tab.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    assert len(PdfReader(BytesIO(out.read_bytes())).pages) == 4


def test_the_contact_log_on_the_organisation_form(qtbot, db: Database, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.domain.outreach import ContactKind
    from jarjestokeskus.services.outreach.contact_log import ContactForm, add_contact
    from jarjestokeskus.ui.organisations.editor import CONTACT_LOG_TAB, OrganisationEditor

    add_contact(db, ids["aalto"], ContactForm("3.1.2027", ContactKind.CALL, "Avustushaku", "", "Maija"))
    editor = OrganisationEditor(db)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(ids["aalto"])
    editor.tabs.setCurrentIndex(CONTACT_LOG_TAB)
    log = editor.contact_log
    assert log.table.rowCount() == 1 and "Avustushaku" in log.last.text() and "Maija" in log.last.text()

    def fill() -> None:
        dialog = next(d for d in log.findChildren(ContactDialog) if d.isVisible())
        assert dialog.organisation.organisation_id() == ids["aalto"]
        qtbot.keyClicks(dialog.subject, "Kevatkokous")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(log.add_button, Qt.MouseButton.LeftButton)
    assert log.table.rowCount() == 2
