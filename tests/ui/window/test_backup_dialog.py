"""The backups dialog: the list, "Back up now", choosing a backup, and the window's restore."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services import settings
from jarjestokeskus.services.database.backup_folders import backup_folder
from jarjestokeskus.services.database.backups import BackupKind, list_backups
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.events.reduction import reduce_to_counts
from jarjestokeskus.services.events.register import get_event, save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register, registrations
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.backup_dialog import COL_KIND, COL_SIZE, RestoreDialog, format_size, run_restore
from jarjestokeskus.ui.window.qt_language import apply_language
from tests.databases import hold_as_another


class Messages:
    """Records the message boxes instead of showing them; answers questions with `answer`."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def question(self, _parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        self.shown.append(("question", text))
        return self.answer

    def recorder(self, kind: str):  # type: ignore[no-untyped-def]
        def show(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    recorded = Messages()
    monkeypatch.setattr(QMessageBox, "question", recorded.question)
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, recorded.recorder(kind))
    return recorded


def names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name_fi FROM organisation")}
    finally:
        connection.close()


def texts(dialog: RestoreDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def test_format_size() -> None:
    assert format_size(10) == _("{size} kB").format(size="1")
    assert format_size(200 * 1024) == _("{size} kB").format(size="200")
    assert format_size(int(2.5 * 1024 * 1024)) == _("{size} MB").format(size="2,5")


@pytest.mark.sqlite_only
def test_lists_backups_with_kind_and_size(qtbot: QtBot, db: Database, messages: Messages) -> None:
    backup_database(db)
    folder = db.path.parent / "backups"
    (folder / "jarjestokeskus-before-restore-20200101-120000.sqlite").write_bytes(b"x" * 3000)
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    assert texts(dialog, COL_KIND) == [_("Manual"), _("Before a restore")]
    assert texts(dialog, COL_SIZE)[1] == format_size(3000)
    assert dialog.table.item(1, 0).text() == "1.1.2020 12.00"
    apply_language("sv")
    dialog.retranslate()
    assert texts(dialog, COL_KIND) == [_("Manual"), _("Before a restore")]
    assert dialog.windowTitle() == _("Backups")
    apply_language("fi")


@pytest.mark.sqlite_only
def test_back_up_now_adds_a_row(qtbot: QtBot, db: Database, messages: Messages) -> None:
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog.notice.text() == _("No backups yet.")
    path = dialog.back_up_now()
    assert path is not None and path.is_file()
    assert dialog.table.rowCount() == 1
    assert dialog.selected_backup() == path
    assert dialog.notice.text() == _("Backup saved to {path}").format(path=path)
    assert messages.shown == []


@pytest.mark.sqlite_only
def test_restore_asks_and_hands_the_choice_back(qtbot: QtBot, db: Database, messages: Messages) -> None:
    path = backup_database(db)
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    messages.answer = QMessageBox.StandardButton.Cancel
    assert not dialog.restore_selected()
    assert dialog.chosen_backup is None
    messages.answer = QMessageBox.StandardButton.Yes
    assert dialog.restore_selected()
    assert dialog.chosen_backup == path
    assert dialog.result() == QDialog.DialogCode.Accepted
    kind, question = messages.shown[-1]
    assert kind == "question" and path.name in question


@pytest.mark.sqlite_only
def test_read_only_database_cannot_be_restored(
    qtbot: QtBot, db_path: Path, db: Database, messages: Messages
) -> None:
    backup_database(db)
    db.close()
    hold_as_another(db_path, user="maija", host="toinen-kone")
    reader = open_database(db_path)
    try:
        dialog = RestoreDialog(reader)
        qtbot.addWidget(dialog)
        assert dialog.selected_backup() is not None
        assert not dialog.restore_button.isEnabled()
        assert dialog.backup_button.isEnabled()
        assert "maija" in dialog.notice.text()
    finally:
        reader.close()


@pytest.mark.sqlite_only
def test_run_restore_returns_the_restored_database(qtbot: QtBot, db: Database, messages: Messages) -> None:
    save_organisation(db, OrganisationForm(name_fi="Ennen"))
    backup = backup_database(db)
    save_organisation(db, OrganisationForm(name_fi="Jälkeen"))
    reopened = run_restore(None, db, backup)
    assert reopened is not None and reopened is not db
    try:
        assert names(reopened.path) == {"Ennen"}
        safety = next(r for r in list_backups(reopened) if r.kind is BackupKind.BEFORE_RESTORE)
        kind, text = messages.shown[-1]
        assert kind == "information"
        assert _("The earlier content was kept in {path}").format(path=safety.path) in text
    finally:
        reopened.close()


@pytest.mark.sqlite_only
def test_failed_restore_warns_and_goes_on_with_the_old_content(
    qtbot: QtBot, db: Database, tmp_path: Path, messages: Messages
) -> None:
    save_organisation(db, OrganisationForm(name_fi="Säilyy"))
    broken = tmp_path / "rikki.sqlite"
    broken.write_bytes(b"not a database at all")
    reopened = run_restore(None, db, broken)
    assert reopened is not None
    try:
        assert names(reopened.path) == {"Säilyy"}
        assert not reopened.read_only
        assert messages.shown[-1][0] == "warning"
        assert str(broken) in messages.shown[-1][1]
    finally:
        reopened.close()


@pytest.mark.sqlite_only
def test_look_in_both_languages(qtbot: QtBot, db: Database, messages: Messages) -> None:
    save_organisation(db, OrganisationForm(name_fi="Kylätoimikunta"))
    backup_database(db)
    folder = db.path.parent / "backups"
    (folder / "auto-register-20261120-160000.sqlite").write_bytes(b"x" * 250_000)
    (folder / "jarjestokeskus-before-restore-20261101-093000.sqlite").write_bytes(b"x" * 3_500_000)
    out = Path("/tmp/issue8")
    out.mkdir(exist_ok=True)
    for language in i18n.LANGUAGES:
        apply_language(language)
        dialog = RestoreDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.grab().save(str(out / f"backup_dialog_{language}.png"))
    apply_language("fi")


def test_a_database_server_has_no_backups_here(qtbot: QtBot, messages: Messages) -> None:
    from jarjestokeskus.services.database.maintenance import NotAFile

    server = Database("postgresql+psycopg://office/register", None, None)  # type: ignore[arg-type]
    dialog = RestoreDialog(server)
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == NotAFile().user_message()
    assert dialog.table.rowCount() == 0
    assert not dialog.backup_button.isEnabled() and not dialog.restore_button.isEnabled()


@pytest.mark.sqlite_only
def test_a_window_open_for_days_backs_up_each_day(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, datetime, timedelta

    import jarjestokeskus.ui.window.backup_dialog as dialog_module
    from jarjestokeskus.services.database.backups import automatic_backup
    from jarjestokeskus.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    daily = window.daily_backup
    assert daily.timer.isActive() and daily.timer.interval() <= 60 * 60 * 1000

    def automatic() -> list[Path]:
        return [r.path for r in list_backups(db) if r.kind is BackupKind.AUTOMATIC]

    daily.timer.timeout.emit()  # an hour after opening
    assert len(automatic()) == 1
    daily.timer.timeout.emit()  # later the same day: nothing more
    assert len(automatic()) == 1
    tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time())
    monkeypatch.setattr(
        dialog_module, "automatic_backup", lambda database: automatic_backup(database, tomorrow)
    )
    daily.timer.timeout.emit()  # the next day, the window still open
    assert len(automatic()) == 2


@pytest.mark.sqlite_only
def test_the_windows_restore_reduces_old_lists_again_and_says_so(
    qtbot: QtBot, db: Database, messages: Messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "settings_path", lambda: tmp_path / "settings.json")
    old = save_event(db, EventForm("Foorumi 2019", "", EventKind.FORUM, "8.10.2019"))
    forms = [
        RegistrationForm("Anna", "X", organisation="Aalto ry"),
        RegistrationForm("Bo", "Y", language="sv"),
    ]
    anna, _bo = register(db, old.id, forms, date(2019, 9, 1))
    mark_attendance(db, {anna.id: True})
    usb = tmp_path / "usb" / "before.sqlite"
    usb.parent.mkdir()
    backup_database(db, usb)
    reduce_to_counts(db, 3)
    # The user brings the old backup back into the backups folder and restores it from there.
    brought = backup_folder(db.path) / "jarjestokeskus-20200101-120000.sqlite"
    brought.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(usb, brought)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()

    def choose() -> None:
        dialog = next(d for d in window.findChildren(RestoreDialog) if d.isVisible())
        try:
            index = next(i for i, row in enumerate(dialog.rows()) if row.path == brought)
            cell = dialog.table.visualItemRect(dialog.table.item(index, COL_KIND)).center()
            qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
            qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, choose)
    window.restore_action.trigger()

    kind, text = messages.shown[-1]
    assert kind == "information"
    assert (
        "Varmuuskopio oli vanhempi kuin osallistujaluetteloiden tiivistys: 1 tapahtuman luettelo "
        "tiivistettiin uudelleen lukumääriksi." in text
    )
    assert window.database is not db
    assert registrations(window.database, old.id) == []
    # By hand: Anna from Aalto ry and Bo without an organisation registered; Anna came.
    event = get_event(window.database, old.id)
    assert (event.registered, event.waiting, event.attended, event.organisations_reached) == (2, 0, 1, 1)
