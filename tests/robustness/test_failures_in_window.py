"""Failures of the database file as the window shows them: one message, no exception, typing kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseGone, DiskFull
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.app import show_unexpected
from jarjestokeskus.ui.organisations.view import OrganisationsView
from jarjestokeskus.ui.reports.view import ReportsView
from tests import databases
from tests.robustness.test_failures import DISK_FULL, ROOT, organisation, remove_database, small_disk

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.skipif(databases.on_postgres(), reason="failures of a database file"),
]


@pytest.mark.skipif(not ROOT, reason="a real full disk needs a tmpfs mount (root)")
def test_disk_full_when_a_report_is_saved(qtbot, tmp_path: Path, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    view = ReportsView(db)
    qtbot.addWidget(view)
    view.pdf = b"%PDF-1.4 " + b"x" * 200_000
    with small_disk(tmp_path / "disk", "64k") as disk:
        for language, words in DISK_FULL.items():
            i18n.set_language(language)
            assert not view._write(disk / "report.pdf")
            assert str(disk / "report.pdf") in shown[-1] and words in shown[-1], shown[-1]
            assert sorted(p.name for p in disk.iterdir()) == []  # no half-written report
    assert shown[0] != shown[1]


def test_window_shows_the_message_when_the_file_went_away(
    qtbot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    first, second = save_organisation(db, organisation(1)), save_organisation(db, organisation(2))
    view = OrganisationsView(db)
    qtbot.addWidget(view)
    view.show()
    view.open(first.id)
    remove_database(db_path)
    db.engine.dispose()
    view.open(second.id)  # reading fails: one message, no exception out of the window
    assert shown == [DatabaseGone(str(db_path)).user_message()]
    view.editor.fields.lines["phone"].insert("06 123 4567")
    assert not view.save()
    assert shown[-1] == DatabaseGone(str(db_path)).user_message()
    assert view.editor.fields.lines["phone"].text() == "06 123 4567"


def test_a_problem_escaping_a_handler_is_shown(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *_a: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *_a: shown.append((title, text)))
    problem = DiskFull("/srv/register.sqlite")
    show_unexpected(DiskFull, problem, None)
    show_unexpected(RuntimeError, RuntimeError("boom"), None)
    assert shown[0] == (i18n._("Database"), problem.user_message())
    assert shown[1][0] == i18n._("Unexpected error") and "boom" in shown[1][1]
