"""The Membership fees view driven as a user: terms typed and saved, invoices issued, payments read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.fees.invoicing import list_invoices
from jarjestokeskus.services.fees.terms import fee_classes, get_fee_year
from jarjestokeskus.ui.fees.payments_dialog import PaymentsDialog
from jarjestokeskus.ui.fees.terms_dialog import FeeTermsDialog
from jarjestokeskus.ui.fees.view import FeesView
from tests.services.fees.home import add_home
from tests.services.fees.scenario import ACCOUNT, register
from tests.services.fees.test_payments import camt054, transaction


@pytest.fixture
def view(qtbot, db: Database) -> FeesView:  # type: ignore[no-untyped-def]
    register(db)
    add_home(db)
    widget = FeesView(db)
    widget.today = date(2027, 1, 15)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.year.setValue(2027)
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_terms_typed_and_saved(qtbot, view: FeesView, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)  # not a copy of 2027
    view.year.setValue(2028)
    assert "2028" in view.terms_label.text()

    def type_terms() -> None:
        dialog = view.findChild(FeeTermsDialog)
        qtbot.keyClicks(dialog.due_date, "31.3.2028")
        qtbot.keyClicks(dialog.iban, ACCOUNT)
        qtbot.mouseClick(dialog.classes.add_button, Qt.MouseButton.LeftButton)
        dialog.classes.set_text(0, "name_fi", "Kaikki jäsenet")
        dialog.classes.set_text(0, "amount", "75,50")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, type_terms)
    qtbot.mouseClick(view.terms_button, Qt.MouseButton.LeftButton)
    assert asked and "2027" in asked[0]
    terms = get_fee_year(db, 2028)
    assert terms is not None and terms.due_date == date(2028, 3, 31)
    assert [(c.name_fi, str(c.amount)) for c in fee_classes(db, 2028)] == [("Kaikki jäsenet", "75.50")]
    assert "31.3.2028" in view.terms_label.text()


def test_a_wrong_account_is_named_and_nothing_is_saved(
    qtbot, view: FeesView, db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    answer(monkeypatch, QMessageBox.StandardButton.No)
    view.year.setValue(2029)
    seen: list[str] = []

    def type_wrong() -> None:
        dialog = view.findChild(FeeTermsDialog)
        qtbot.keyClicks(dialog.due_date, "31.3.2029")
        qtbot.keyClicks(dialog.iban, "FI00 1234")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen.extend(dialog.errors.message_texts())
        assert dialog.isVisible() and dialog.iban.text() == "FI00 1234"  # what was typed stays
        dialog.reject()

    QTimer.singleShot(0, type_wrong)
    qtbot.mouseClick(view.terms_button, Qt.MouseButton.LeftButton)
    assert seen == ["Tili (IBAN): ei kelvollinen IBAN"]
    assert get_fee_year(db, 2029) is None


def test_issue_invoices_writes_a_file_each(
    qtbot, view: FeesView, db: Database, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(tmp_path))
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert "4" in asked[0] and "425,00" in asked[0].replace("\u00a0", " ")  # 50 + 120 + 200 + 55
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*.pdf"))) == 4)
    assert view.model.rowCount() == 4
    assert "4 laskua" in view.summary.text()


def test_payments_marked_paid_from_the_bank_file(
    qtbot, view: FeesView, db: Database, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(tmp_path))
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    path = camt054(tmp_path / "pay.xml", [transaction("A1", "202700014", "50.00", "AALTO RY")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    shown: list[int] = []

    def mark_paid() -> None:
        dialog = view.findChild(PaymentsDialog)
        shown.append(dialog.table.rowCount())
        qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, mark_paid)
    qtbot.mouseClick(view.payments_button, Qt.MouseButton.LeftButton)
    assert shown == [1]
    assert [r.is_paid for r in list_invoices(db, 2027)] == [True, False, False, False]
    assert view.model.index(0, 6).data() == "Maksettu"
