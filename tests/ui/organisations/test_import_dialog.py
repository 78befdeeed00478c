"""The import wizard: file, columns, preview, import; errors block it and nothing is saved half-way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm, label
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.member_import import RowStatus
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation
from jarjestokeskus.ui.organisations import import_dialog
from jarjestokeskus.ui.organisations.import_dialog import COL_FIELD, ImportWizard, open_import_dialog
from jarjestokeskus.ui.organisations.import_preview import COL_DETAILS, COL_STATUS

GOOD = (
    "Nimi;Namn;Y-tunnus;Kotipaikka;Lisäsarake\n"
    "Vaasan Martat ry;Vasa Martha rf;0242746-2;Mustasaari;a\n"
    "Östra Korsholms byaförening;;;Mustasaari;\n"
)
BAD = GOOD + "Huono ry;;2077474-1;Vaasa;\n"


class Messages:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def recorder(self, kind: str):  # type: ignore[no-untyped-def]
        def show(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    recorded = Messages()
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, recorded.recorder(kind))
    return recorded


@pytest.fixture
def existing(db: Database) -> Any:
    return save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jäsenet.csv"
    path.write_text(text, encoding="utf-8")
    return path


def stored(db: Database) -> dict[str, str]:
    with db.reading() as session:
        return dict(session.execute(select(Organisation.name_fi, Organisation.municipality)).all())


def wizard_at_preview(
    qtbot: QtBot, db: Database, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ImportWizard:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    assert wizard.file_page.path.text() == str(path)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    return wizard


def test_steps_guess_preview_and_import(
    qtbot: QtBot,
    db: Database,
    existing: Any,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, GOOD), monkeypatch)
    combos = wizard.mapping_page.combos
    assert [combo.currentData() for combo in combos] == [
        "name_fi",
        "name_sv",
        "business_id",
        "municipality",
        None,
    ]
    assert wizard.mapping_page.table.cellWidget(0, COL_FIELD).currentText() == label("name_fi")
    model = wizard.preview_page.model
    assert [row.status for row in model.rows] == [RowStatus.UPDATE, RowStatus.NEW]
    details = model.index(0, COL_DETAILS).data()
    assert label("municipality") in details and "Mustasaari" in details
    assert model.index(1, COL_STATUS).data() == _("New")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.text() == _("Import")
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == _("Close")
    assert stored(db) == {"Vaasan Martat ry": ""}  # the preview saved nothing
    finish.click()
    assert wizard.result is not None and (wizard.result.created, wizard.result.updated) == (1, 1)
    assert messages.shown and messages.shown[0][0] == "information"
    assert stored(db) == {"Vaasan Martat ry": "Mustasaari", "Östra Korsholms byaförening": "Mustasaari"}
    assert get_organisation(db, existing.id).name_sv == "Vasa Martha rf"


def test_errors_are_listed_and_block_the_import(
    qtbot: QtBot,
    db: Database,
    existing: Any,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, BAD), monkeypatch)
    page = wizard.preview_page
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert page.notice.text() and page.only_errors.isChecked()
    assert page.proxy.rowCount() == 1  # only the row with the error is shown
    row = page.proxy.index(0, 0).data()
    assert row == "4" and page.proxy.index(0, COL_DETAILS).data().startswith("Y-tunnus: ")
    page.only_errors.setChecked(False)
    assert page.proxy.rowCount() == 3
    wizard.accept()  # even if pressed somehow, nothing happens
    wizard.reject()
    assert wizard.result is None and stored(db) == {"Vaasan Martat ry": ""}


def test_mapping_must_name_a_name_column_and_use_each_field_once(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(csv_file(tmp_path, GOOD)), ""))
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    wizard.next()
    combos = wizard.mapping_page.combos
    combos[3].setCurrentIndex(combos[3].findData("name_sv"))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert label("name_sv") in wizard.mapping_page.error.text()
    combos[3].setCurrentIndex(combos[3].findData("municipality"))
    combos[0].setCurrentIndex(0)
    combos[1].setCurrentIndex(0)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.error.text() == _("Choose the column of the name in Finnish or in Swedish.")
    combos[1].setCurrentIndex(combos[1].findData("name_sv"))
    wizard.mapping_page.skip_existing.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.plan is not None and wizard.preview_page.plan.on_match == "skip"


def test_unreadable_file_stays_on_the_first_step(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path.setText(str(tmp_path / "puuttuu.csv"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "puuttuu.csv" in wizard.file_page.error.text()
    wizard.file_page.path.setText(str(csv_file(tmp_path, "Nimi;Kunta\n")))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page and wizard.file_page.error.text()


def test_register_changed_after_preview_saves_nothing(
    qtbot: QtBot,
    db: Database,
    existing: Any,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, GOOD), monkeypatch)
    save_organisation(
        db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2", phone="1"), existing.id
    )
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert messages.shown[0][0] == "warning"
    assert wizard.result is None and wizard.isVisible()
    assert stored(db) == {"Vaasan Martat ry": ""}
    # The preview was made again against the register as it is now; importing works.
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result is not None and wizard.result.updated == 1


def test_open_import_dialog_reports_whether_something_was_saved(
    db: Database, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_file(tmp_path, GOOD)

    def run_through(self: ImportWizard) -> int:
        self.show()  # as exec() would
        self.file_page.path.setText(str(path))
        self.next()
        self.next()
        self.accept()
        return int(self.result is not None)

    def close_at_preview(self: ImportWizard) -> int:
        self.show()
        self.file_page.path.setText(str(path))
        self.next()
        self.next()
        self.reject()
        return 0

    monkeypatch.setattr(import_dialog.ImportWizard, "exec", close_at_preview)
    assert open_import_dialog(None, db) is False and stored(db) == {}
    monkeypatch.setattr(import_dialog.ImportWizard, "exec", run_through)
    assert open_import_dialog(None, db) is True and len(stored(db)) == 2
