"""A year-clock task is marked done from the keyboard, and the exported list says which are done."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from jarjestokeskus.services.calendar.year_clock import get_task
from jarjestokeskus.ui.widgets.table_export import export_current_view
from jarjestokeskus.ui.year_clock.view import YearClockView
from tests.ui.year_clock import test_year_clock_view as view_tests

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
tasks, view, dialogs = view_tests.tasks, view_tests.view, view_tests.dialogs  # the same fixtures


def test_space_marks_the_current_task_done_and_again_not(
    qtbot: QtBot, view: YearClockView, tasks: dict[str, uuid.UUID]
) -> None:
    item = view.item_of(tasks["meeting"])
    view.table.setFocus()
    view.table.setCurrentItem(item)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert get_task(view.db, tasks["meeting"], 2026).done
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert not get_task(view.db, tasks["meeting"], 2026).done


def test_the_exported_list_says_done(
    qtbot: QtBot,
    view: YearClockView,
    tasks: dict[str, uuid.UUID],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view.set_done(tasks["meeting"], True)
    target = tmp_path / "vuosikello.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    export_current_view(view, view, "Vuosikello")
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert rows[0] == ["Päivämäärä", "Tehtävä", "Luokka", "Tehty"]
    done = {row[1]: row[3] for row in rows[1:] if row[1]}
    assert done["Syyskokous"] == "Kyllä"
    assert done["Vuosiselvitys"] == "Ei"
