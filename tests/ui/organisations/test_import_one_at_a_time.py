"""The window's import as `import members`: on a server it waits for another import (the same
advisory lock), and it saves only what its preview showed, planned again under the lock."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.server_lock import lock_key
from jarjestokeskus.services.organisations.member_import import RowStatus
from jarjestokeskus.services.organisations.register import save_organisation
from tests import databases
from tests.ui.organisations.test_import_dialog import Messages, csv_file, wizard_at_preview

FILE = "Nimi;Kotipaikka\nÖstra Korsholms byaförening;Mustasaari\n"
NAME = "Östra Korsholms byaförening"
CHANGED = (
    "The register changed while the preview was open (another import, say); nothing "
    "was saved. The preview now shows what the file would do: check it and import again."
)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    recorded = Messages()
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, recorded.recorder(kind))
    return recorded


def named(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).where(Organisation.name_fi == NAME)) or 0)


def test_an_organisation_saved_after_the_preview_is_not_made_twice(
    qtbot: QtBot, db: Database, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, FILE), monkeypatch)
    assert [row.status for row in wizard.preview_page.model.rows] == [RowStatus.NEW]
    save_organisation(db, OrganisationForm(name_fi=NAME))  # another user, meanwhile
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert messages.shown == [("warning", _(CHANGED))]
    assert wizard.result is None and named(db) == 1
    assert [row.status for row in wizard.preview_page.model.rows] == [RowStatus.UPDATE]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result is not None and (wizard.result.created, wizard.result.updated) == (0, 1)
    assert named(db) == 1


@pytest.mark.skipif(not databases.on_postgres(), reason="needs JK_TEST_POSTGRES (tools/postgres-test)")
def test_the_window_waits_for_another_programs_import(
    qtbot: QtBot, db: Database, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, FILE), monkeypatch)
    released: list[float] = []
    held = threading.Event()

    def other_import() -> None:  # another program's `import members` of the same file
        with db.engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({lock_key('import members')})")
            held.set()
            time.sleep(1.0)
            save_organisation(db, OrganisationForm(name_fi=NAME))
            released.append(time.monotonic())
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({lock_key('import members')})")

    other = threading.Thread(target=other_import)
    other.start()
    assert held.wait(10)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    finished = time.monotonic()
    other.join(10)
    assert released and finished >= released[0]  # it waited for the other import to end
    assert messages.shown == [("warning", _(CHANGED))]
    assert named(db) == 1


@pytest.mark.skipif(not databases.on_postgres(), reason="needs JK_TEST_POSTGRES (tools/postgres-test)")
def test_waiting_for_another_programs_import_can_be_cancelled(
    qtbot: QtBot, db: Database, tmp_path: Path, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = wizard_at_preview(qtbot, db, csv_file(tmp_path, FILE), monkeypatch)
    held, release = threading.Event(), threading.Event()
    gave_up: list[bool] = []

    def other_import() -> None:  # another program's import holds the lock until the test ends
        with db.engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({lock_key('import members')})")
            held.set()
            gave_up.append(not release.wait(15))  # the window's wait did not end by Cancel
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({lock_key('import members')})")

    def press_cancel() -> None:  # the user tires of waiting and presses Cancel in the progress dialog
        shown = [d for d in wizard.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(50, press_cancel)
            return
        qtbot.mouseClick(shown[0].findChild(QPushButton), Qt.MouseButton.LeftButton)

    other = threading.Thread(target=other_import)
    other.start()
    try:
        assert held.wait(10)
        QTimer.singleShot(50, press_cancel)
        wizard.button(QWizard.WizardButton.FinishButton).click()
    finally:
        release.set()
        other.join(10)
    assert gave_up == [False]  # Cancel ended the wait while the other import still held the lock
    assert messages.shown == [("information", _("The import was cancelled; nothing was saved."))]
    assert wizard.result is None and named(db) == 0
