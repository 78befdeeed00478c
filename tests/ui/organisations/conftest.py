"""The organisation editor as the tests of its form, fields and windows open it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.organisations.editor import OrganisationEditor


@pytest.fixture
def editor(qtbot: QtBot, db: Database) -> OrganisationEditor:
    widget = OrganisationEditor(db)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget
