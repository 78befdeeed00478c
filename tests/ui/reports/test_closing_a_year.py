"""Closing a reported year from the Reports view, as `close-year` does: the question saying what
closing means, the year shown as closed, a report shown exactly as sent, a later change listed,
and reopening with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.closed_year_guard import confirmed
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import MonitoringForm
from jarjestokeskus.domain.enums import MonitoringStatus
from jarjestokeskus.i18n import _, format_date, ngettext
from jarjestokeskus.services import closed_years
from jarjestokeskus.services.agreements.followup import add_monitoring_entry
from jarjestokeskus.services.agreements.report_data import agreement_report, find_counterparty
from jarjestokeskus.ui.reports.view import READY, ReportsView
from tests.reports.pdf_text import demo_database, pdf_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QSettings().clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def demo(tmp_path: Path, migrated_template: Path):  # type: ignore[no-untyped-def]
    database = demo_database(tmp_path, migrated_template)
    yield database
    database.close()


def when_open(
    act: Callable[[QMessageBox | QInputDialog], None],
    seen: list[str],
    kind: type = QMessageBox,
    name: str = "",
) -> None:
    """When the next dialog of `kind` (named `name`, if given) opens: note its text and act on it."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or (name and dialog.objectName() != name):
            QTimer.singleShot(20, run)  # not open yet
            return
        seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.labelText())
        act(dialog)

    QTimer.singleShot(0, run)


def cancel(dialog: QMessageBox | QInputDialog) -> None:
    assert isinstance(dialog, QMessageBox)
    dialog.button(QMessageBox.StandardButton.Cancel).click()


def accept(dialog: QMessageBox | QInputDialog) -> None:
    """The named yes-button ("Close 2025"), or OK."""
    assert isinstance(dialog, QMessageBox)
    roles = (QMessageBox.ButtonRole.AcceptRole,)
    next(b for b in dialog.buttons() if dialog.buttonRole(b) in roles).click()


def give_reason(reason: str) -> Callable[[QMessageBox | QInputDialog], None]:
    def act(dialog: QMessageBox | QInputDialog) -> None:
        line = dialog.findChild(QLineEdit)
        assert line is not None
        line.setText(reason)
        assert isinstance(dialog, QInputDialog)
        dialog.accept()

    return act


def test_close_show_as_sent_see_a_change_and_reopen(qtbot: QtBot, demo: Database) -> None:
    view = ReportsView(demo)
    qtbot.addWidget(view)
    view.resize(1100, 750)
    view.show()
    view.form.set_kind("agreements")
    view.form.set_language("sv")
    view.form.year.setValue(2025)
    city = find_counterparty(demo, "Vaasan kaupunki")
    box = view.form.counterparty
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == city))
    panel = view.closing
    assert panel.isVisible()
    assert panel.state.text().startswith(
        _("{year} is open: its reports are built from the register as it is now.").format(year=2025)
    )
    assert panel.close_button.isVisible() and not panel.sent_button.isVisible()

    # The question says what closing means; Cancel closes nothing.
    seen: list[str] = []
    when_open(cancel, seen, name="closeYearQuestion")
    qtbot.mouseClick(panel.close_button, LEFT)
    assert "2025" in seen[0] and closed_years.closed_year(demo, 2025) is None

    when_open(accept, seen, name="closeYearQuestion")
    qtbot.mouseClick(panel.close_button, LEFT)
    closing = closed_years.closed_year(demo, 2025)
    assert closing is not None and len(closing.reports) == 10
    expected = _("{year} is closed (on {date} by {user}); reports kept: {count}.").format(
        year=2025, date=format_date(date.today()), user=closing.closed_by, count=10
    )
    assert panel.state.text().splitlines() == [expected, _("The figures are as they were sent.")]
    assert not panel.close_button.isVisible() and panel.sent_button.isEnabled()

    # Shown as sent: the very bytes kept, ready to be saved.
    qtbot.mouseClick(panel.sent_button, LEFT)
    sent = closed_years.reprint(demo, 2025, "agreements", "sv", city)
    assert view.state == READY and view.pdf == sent and view.pdf_language == "sv"
    assert "Uppföljning" in pdf_text(sent) or "uppföljning" in pdf_text(sent).lower()

    # A confirmed late entry: the panel lists the follow-up among the changed reports.
    assert city is not None
    goal = agreement_report(demo, city, 2025).agreements[2].goals[0]
    with confirmed([2025]):
        add_monitoring_entry(
            demo, MonitoringForm(goal.goal.id, "20.12.2025", MonitoringStatus.ACHIEVED, "Myöhään")
        )
    view.refresh()
    titles = ", ".join((_("Annual overview"), _("Agreement report")))  # its goals are in the overview too
    changed = ngettext(
        "Figures changed since it was sent: {titles}", "Figures changed since they were sent: {titles}", 2
    ).format(titles=titles)
    assert panel.state.text().splitlines()[1] == changed
    qtbot.mouseClick(panel.sent_button, LEFT)
    assert view.pdf == sent and "Myöhään" not in pdf_text(view.pdf)

    # Reopening asks why; without a reason nothing changes, with one the year is open again.
    when_open(give_reason("   "), seen, QInputDialog)
    refusal: list[str] = []  # the refusal's message box follows the input dialog
    when_open(accept, refusal)
    qtbot.mouseClick(panel.reopen_button, LEFT)
    assert _("Reason for reopening") in refusal[0]
    assert closed_years.closed_year(demo, 2025) is not None
    when_open(give_reason("Seuranta kirjattiin myöhässä"), seen, QInputDialog)
    qtbot.mouseClick(panel.reopen_button, LEFT)
    assert closed_years.closed_year(demo, 2025) is None
    assert panel.close_button.isVisible() and not panel.reopen_button.isVisible()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_closed_year_uses_no_alt_letter_twice(qtbot: QtBot, db: Database, language: str) -> None:
    """The buttons shown for a closed year (Show as sent, Reopen) beside the Reports view's own."""
    import uuid

    from jarjestokeskus import i18n
    from jarjestokeskus.db.models import ClosedYear
    from jarjestokeskus.ui.main_window import REPORTS_ROW, MainWindow
    from jarjestokeskus.ui.window.qt_language import apply_language
    from tests.ui.window.test_mnemonics import duplicates

    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=2025, closed_on=date(2026, 1, 20), closed_by="anna"))
    apply_language(language)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        window.navigation.setCurrentRow(REPORTS_ROW)
        assert window.current_view() is window.reports
        window.reports.form.set_kind("annual")
        window.reports.form.year.setValue(2025)
        assert window.reports.closing.reopen_button.isVisible()
        assert duplicates(window, window.reports, "Reports") == []
        window.reports.form.year.setValue(2024)
        assert window.reports.closing.close_button.isVisible()
        assert duplicates(window, window.reports, "Reports") == []
    finally:
        apply_language("fi")
        i18n.set_language("fi")
