"""The start page's deadlines at 1280 × 720 on the demo, in Finnish and Swedish: every row's name
(which organisation's fee, which agreement) is in view without scrolling sideways, however long
the longest kind of deadline is; the kinds are shown whole after it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.start.page import COL_NAME, COL_WHAT, StartPage
from tests.ui.demo_window import demo_window_at

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_names_are_in_view_at_1280_by_720(qtbot: QtBot, db: Database, language: str) -> None:
    window = demo_window_at(qtbot, db, language, "Start page")
    page = window.stack.currentWidget()
    assert isinstance(page, StartPage)
    table = page.table
    assert table.rowCount() > 5  # the demo's deadlines, among them long kinds
    names = [table.item(row, COL_NAME).text() for row in range(table.rowCount())]
    assert all(names), names
    whole = max(table.sizeHintForColumn(COL_WHAT), 1)
    assert table.columnWidth(COL_WHAT) >= whole  # the kinds whole
    left = table.columnViewportPosition(COL_NAME)
    assert left >= 0 and left + table.columnWidth(COL_NAME) <= table.viewport().width()
