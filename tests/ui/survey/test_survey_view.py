"""The Welfare survey view by clicks: forms written, returned forms imported, states, reminders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.survey.view import SurveyView
from tests.services.survey.filling import fill
from tests.services.survey.test_survey import AALTO, make_members


@pytest.fixture
def view(qtbot, db: Database) -> SurveyView:  # type: ignore[no-untyped-def]
    make_members(db)
    widget = SurveyView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.year.setValue(2026)
    widget.show()
    return widget


def test_forms_out_and_back(qtbot, view: SurveyView, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert view.summary.text() == "Vastannut: 0 · Vastannut osittain: 0 · Ei vielä: 3"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    qtbot.mouseClick(view.forms_button, Qt.MouseButton.LeftButton)
    files = sorted(tmp_path.glob("*.xlsx"))
    assert len(files) == 3
    fill(files[0], AALTO)
    fill(files[2], {"groups": "kolme"})
    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(files[0]), str(files[2])], "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert shown and "Tallennettu: 1, tallentamatta: 1" in shown[0] and "ei ole luku" in shown[0]
    assert view.summary.text() == "Vastannut: 1 · Vastannut osittain: 0 · Ei vielä: 2"
    assert view.table.item(0, 2).text() == "Vastannut"
    qtbot.mouseClick(view.remind_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "b@example.fi; c@example.fi"
