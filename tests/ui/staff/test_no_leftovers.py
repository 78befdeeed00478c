"""No English and no stale language in the staff form and the rules dialogs, in Finnish and Swedish."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.ui.projects.funding_rules_dialog import FundingRulesDialog
from jarjestokeskus.ui.staff.scheme_limits_dialog import SchemeLimitsDialog
from jarjestokeskus.ui.staff.view import StaffView
from jarjestokeskus.ui.window.qt_language import apply_language
from tests.ui.staff import test_staff_view as staff_tests
from tests.ui.staff.test_staff_view import open_person

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
people, view = staff_tests.people, staff_tests.view  # the same fixtures
ENGLISH = ("Usually", "months", "By payment", "(cap ?)", "Organised by", "report by", "instalments")


@pytest.fixture(autouse=True)
def back_to_finnish() -> object:
    yield
    i18n.set_language("fi")


def test_the_period_form_follows_the_language(view: StaffView, people: dict[str, uuid.UUID]) -> None:
    open_person(view, people["trial"])
    fields = view.editor.period_fields
    assert fields.line("start_date").placeholderText() == "p.k.vvvv"
    assert fields.supervisor.itemText(0) == "Ei ohjaajaa"
    apply_language("sv")
    view.retranslate()
    assert fields.line("start_date").placeholderText() == "d.m.åååå"
    assert fields.supervisor.itemText(0) == "Ingen handledare"
    fields.scheme.setCurrentIndex(fields.scheme.findData(EmploymentScheme.WORK_TRIAL))
    assert "nställning" not in fields.labels["scheme"].text()  # a work trial is no employment


def table_texts(table: QTableWidget) -> str:
    return " ".join(
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c)
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_shipped_rules_notes_are_in_the_users_language(qtbot: QtBot, db: Database, language: str) -> None:
    apply_language(language)
    limits = SchemeLimitsDialog(db)
    qtbot.addWidget(limits)
    rules = FundingRulesDialog(db)
    qtbot.addWidget(rules)
    texts = table_texts(limits.table) + " ".join(
        table_texts(table) for table in rules.findChildren(QTableWidget)
    )
    assert not [word for word in ENGLISH if word in texts], texts
    assert "?" not in texts
