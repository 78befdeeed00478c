"""The Cooperation view at 1280 × 720 on the small region; questions answered Yes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.cooperation.view import CooperationView
from tests.services.cooperation.scenario import region


@pytest.fixture
def view(qtbot, db: Database, monkeypatch) -> CooperationView:  # type: ignore[no-untyped-def]
    region(db)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    widget = CooperationView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget
