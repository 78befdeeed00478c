"""A period saved over the limits keeps its ⚠ when reopened; an erased person in the user's language."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _
from jarjestokeskus.services.staff.employment import get_person
from jarjestokeskus.ui.history.audit_view import COL_RECORD, AuditView
from jarjestokeskus.ui.staff.view import StaffView
from jarjestokeskus.ui.window.qt_language import apply_language
from tests.ui.staff import test_staff_view as staff_tests
from tests.ui.staff.test_staff_view import add_broken_trial, open_person

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
people, view = staff_tests.people, staff_tests.view  # the same fixtures


def test_a_period_saved_anyway_keeps_its_mark(
    qtbot: QtBot, view: StaffView, people: dict[str, uuid.UUID], db: Database
) -> None:
    open_person(view, people["trial"])
    add_broken_trial(view)

    def press_save_anyway() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.findChildren(QPushButton) if b.text() == _("Save anyway")).click()

    QTimer.singleShot(0, press_save_anyway)
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert len(get_person(db, people["trial"]).employments) == 2
    open_person(view, people["boss"])
    open_person(view, people["trial"])  # reopened
    marks = [view.editor.period_list.item(r).text() for r in range(view.editor.period_list.count())]
    assert [text.startswith("⚠") for text in marks].count(True) == 1, marks
    view.editor.period_list.setCurrentRow(next(r for r, t in enumerate(marks) if t.startswith("⚠")))
    assert view.editor.period_fields.warned_fields() == ["days_per_week"]


def test_an_erased_person_is_named_in_the_users_language(
    qtbot: QtBot, view: StaffView, people: dict[str, uuid.UUID], db: Database
) -> None:
    open_person(view, people["trial"])
    view.editor.ask = lambda *_args: True  # "Erase" in the question
    qtbot.mouseClick(view.editor.erase_button, Qt.MouseButton.LeftButton)
    assert get_person(db, people["trial"]).anonymised
    for language, name in (("fi", "Anonymisoitu henkilö"), ("sv", "Anonymiserad person")):
        apply_language(language)
        view.retranslate()
        open_person(view, people["boss"])
        open_person(view, people["trial"])
        shown = [view.editor.heading.text(), view.editor.inputs["first_name"].text()]
        assert "Anonymised" not in " ".join(shown) and name in shown[0], shown
        audit = AuditView(db)
        qtbot.addWidget(audit)
        audit.show()
        rows = audit.shown_rows()
        records = {row[COL_RECORD] for row in rows}
        assert name in records and "Anonymised" not in records, records
        assert not any("Anonymised" in cell or "[erased]" in cell for row in rows for cell in row)
    i18n.set_language("fi")
