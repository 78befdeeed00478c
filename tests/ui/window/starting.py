"""Running the window's start as the program does (`ui.app.run_gui` with its event loop) in a test,
and the register files it opens."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services import settings
from jarjestokeskus.services.organisations import register
from jarjestokeskus.ui import app
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.navigation import ROWS

GIVE_UP_MS = 60_000


@pytest.fixture
def start_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program's settings in the test's folder, and a window that opens on the start page."""
    monkeypatch.setattr(settings, "settings_path", lambda: tmp_path / "config" / "settings.json")
    QSettings().setValue("main/view", ROWS["start"])


def register_file(path: Path, template: Path, members: Sequence[str]) -> Path:
    """A register at `path` (a copy of the migrated template) with these member organisations."""
    shutil.copyfile(template, path)
    db = open_database(path)
    try:
        for name in members:
            form = OrganisationForm(
                name_fi=name, municipality="Vaasa", membership_status=MembershipStatus.MEMBER
            )
            register.save_organisation(db, form)
    finally:
        db.close()
    return path


def run_start(
    monkeypatch: pytest.MonkeyPatch, db_target: str | None, at_first_turn: Callable[[], None] | None = None
) -> tuple[int, MainWindow | None]:
    """`run_gui(db_target, "fi")` until the database is open (the first start's offer ends the
    event loop) or the start fails; `at_first_turn` runs at the loop's first turn, before the
    database opens. Returns the exit status and the window once its database was open."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back
    opened: list[MainWindow] = []

    def offer(window: MainWindow) -> None:
        opened.append(window)
        QCoreApplication.exit(0)  # quit() would close the window

    monkeypatch.setattr(MainWindow, "offer_first_start", offer)
    app.application()  # timers need the application's event dispatcher
    guard = QObject()  # a start that never ends fails the test instead of hanging it
    QTimer.singleShot(GIVE_UP_MS, guard, lambda: QCoreApplication.exit(99))
    if at_first_turn is not None:
        QTimer.singleShot(0, guard, at_first_turn)  # before run_gui's own first-turn timer
    try:
        code = app.run_gui(db_target, "fi")
    finally:
        guard.deleteLater()
    assert code != 99, "the start did not end"
    return code, opened[0] if opened else None
