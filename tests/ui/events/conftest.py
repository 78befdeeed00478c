"""The Events view as the tests drive it: at the smallest supported window size, 1280 × 720."""

from __future__ import annotations

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.events.view import EventsView


@pytest.fixture
def view(qtbot, db: Database) -> EventsView:  # type: ignore[no-untyped-def]
    widget = EventsView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget
