"""The events list at 1280 × 720 beside its editor: the figures (registered, attended) are in view
without scrolling sideways, in Finnish and Swedish; the free-text place is the column that scrolls."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.events.table_model import COL_ATTENDED, COL_REGISTERED
from jarjestokeskus.ui.events.view import EventsView
from tests.ui.demo_window import demo_window_at

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_figures_are_in_view_at_1280_by_720(qtbot: QtBot, db: Database, language: str) -> None:
    window = demo_window_at(qtbot, db, language, "Events")
    view = window.stack.currentWidget()
    assert isinstance(view, EventsView)
    table = view.table
    assert table.model().rowCount() >= 2  # the demo's events
    for column in (COL_REGISTERED, COL_ATTENDED):
        header = table.model().headerData(column, table.horizontalHeader().orientation())
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert table.columnViewportPosition(column) >= 0, header
        assert right <= table.viewport().width(), f"{header}: {right} > {table.viewport().width()}"
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), header
