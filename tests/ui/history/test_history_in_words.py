"""The change history speaks the user's language: labels, formatted values, every record named."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.demo.scenario import create_demo
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.history.audit_view import COL_CHANGES, COL_KIND, COL_RECORD, AuditView
from jarjestokeskus.ui.organisations.editor import OrganisationEditor
from jarjestokeskus.ui.window.qt_language import apply_language
from tests.ui.organisations import conftest as form_fixtures
from tests.ui.organisations.test_organisation_editor import type_into

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
editor = form_fixtures.editor  # the organisation form, shown

# What the developer sees and the user must not: column names, ISO dates, bare decimals, enum values.
RAW = re.compile(
    r"\b\w+_(fi|sv|id|on|date|from|to)\b|\d{4}-\d\d-\d\d|(?<![\d.])\d+\.\d\d(?![\d.])|\bsha256\b"
    r"|\b(on_track|applied|granted|running|in_force|pay_subsidy|work_trial|framework_cooperation)\b"
)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_change_of_the_demo_in_words_and_with_its_record(
    qtbot: QtBot, db: Database, language: str
) -> None:
    create_demo(db)
    apply_language(language)
    view = AuditView(db)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    kinds = [view.kind_filter.itemData(i) for i in range(1, view.kind_filter.count())]
    assert {"Employment", "Instalment", "MonitoringEntry", "Funding"} <= set(kinds)
    for index in range(1, view.kind_filter.count()):
        view.kind_filter.setCurrentIndex(index)  # as the user picks a kind of record
        rows = view.shown_rows()
        assert rows, kinds[index - 1]
        for row in rows:
            assert row[COL_RECORD], row
            assert language == "sv" or row[COL_KIND] != kinds[index - 1], row  # Finnish differs from all
            assert not RAW.search(row[COL_CHANGES]), row
    i18n.set_language("fi")


def test_a_changed_business_id_is_in_the_history(
    qtbot: QtBot, editor: OrganisationEditor, db: Database
) -> None:
    stored = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))
    editor.load(stored.id)
    type_into(qtbot, editor, "business_id", "1572860-0")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    lines = [line for _columns, change in editor.history.entries() for line in change]
    assert "Y-tunnus: 0242746-2 → 1572860-0" in lines
    assert "Y-tunnus: 0242746-2" in lines  # when it was created
