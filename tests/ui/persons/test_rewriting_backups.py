"""Erasing a person and reducing old attendance lists rewrite every own backup, which takes a while
on a large register: the work runs off the GUI thread behind a progress dialog that counts the
copies and has no Cancel (the database part is saved first, so it cannot stop half-way)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services.database import erased_copies
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.events import reduction
from jarjestokeskus.services.events.register import save_event
from jarjestokeskus.services.events.registrations import register, registrations
from jarjestokeskus.services.settings import Settings
from jarjestokeskus.services.staff.employment import get_person
from jarjestokeskus.ui.events import old_lists
from jarjestokeskus.ui.events.view import EventsView
from jarjestokeskus.ui.staff.view import StaffView
from tests.ui.staff import test_staff_view as staff_tests
from tests.ui.staff.test_staff_view import open_person

pytestmark = [
    pytest.mark.sqlite_only,  # the register's own backups are a file's
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)"),
]
people, view = staff_tests.people, staff_tests.view  # the staff view's fixtures
PAUSE = 0.4  # per copy: the dialog shows after 300 ms


def slowed(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, threads: list[bool]) -> None:
    """`owner.name` (one copy's rewrite) takes PAUSE longer and notes whether it ran on the GUI thread."""
    original: Callable[..., bool] = getattr(owner, name)

    def slow(*args: object) -> bool:
        threads.append(threading.current_thread() is threading.main_thread())
        time.sleep(PAUSE)
        return original(*args)

    monkeypatch.setattr(owner, name, slow)


def watch_progress(seen: list[tuple[str, int, int, bool]]) -> QTimer:
    """While the work runs: the progress dialog's label, value, maximum and whether it has a button,
    each time they change (looked at every 20 ms on the GUI thread)."""

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)), None)
        if dialog is not None and dialog.isVisible():
            buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
            state = (dialog.labelText(), dialog.value(), dialog.maximum(), bool(buttons))
            if not seen or seen[-1] != state:
                seen.append(state)

    timer = QTimer(interval=20)
    timer.timeout.connect(look)
    timer.start()
    return timer


def test_erasing_a_person_rewrites_the_backups_behind_a_progress_dialog(
    qtbot: QtBot,
    view: StaffView,
    people: dict[str, uuid.UUID],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copies = [backup_database(db), backup_database(db)]
    assert len(erased_copies.own_copies(Path(db.path))) == 2 and all(c.exists() for c in copies)
    on_gui_thread: list[bool] = []
    slowed(monkeypatch, erased_copies, "erase_in_copy", on_gui_thread)
    open_person(view, people["trial"])
    view.editor.ask = lambda *_args: True  # "Erase" in the question
    seen: list[tuple[str, int, int, bool]] = []
    watching = watch_progress(seen)
    qtbot.mouseClick(view.editor.erase_button, Qt.MouseButton.LeftButton)
    watching.stop()
    assert on_gui_thread == [False, False]  # each copy rewritten off the GUI thread
    assert ("Poistetaan henkilöä, myös varmuuskopioista…", 1, 2, False) in seen, seen  # no Cancel
    assert not any(has_button for *_state, has_button in seen)
    assert get_person(db, people["trial"]).anonymised
    told = next(box for box in view.findChildren(QMessageBox) if box.isVisible())
    assert "(2 kirjoitettu uudelleen)" in told.text(), told.text()


def test_reducing_old_lists_rewrites_the_backups_behind_a_progress_dialog(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = save_event(db, EventForm("Vanha foorumi", "", EventKind.FORUM, "8.10.2019"))
    register(db, old.id, [RegistrationForm("Anna", "X", organisation="Aalto ry")])
    backup_database(db), backup_database(db)  # both still list Anna
    on_gui_thread: list[bool] = []
    slowed(monkeypatch, reduction, "_reduce_in_copy", on_gui_thread)
    monkeypatch.setattr(old_lists, "load_settings", lambda: Settings(attendance_years=3))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    events = EventsView(db)
    qtbot.addWidget(events)
    events.show()
    seen: list[tuple[str, int, int, bool]] = []
    watching = watch_progress(seen)
    qtbot.mouseClick(events.reduce_button, Qt.MouseButton.LeftButton)
    watching.stop()
    assert on_gui_thread == [False, False]
    label = "Tiivistetään osallistujaluetteloita lukumääriksi, myös varmuuskopioissa…"
    assert (label, 1, 2, False) in seen and not any(has_button for *_state, has_button in seen), seen
    assert registrations(db, old.id) == []
    assert told == [
        "Osallistujaluettelot tiivistettiin lukumääriksi. Tapahtumia: 1; poistettuja ilmoittautumisia: 1."
    ]
