"""Filling a multi-year C grant from the rules gives its reports for every year; the rules dialog
shows each rule's source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.ui.projects.funding_panel import FundingPanel
from jarjestokeskus.ui.projects.funding_rules_dialog import FundingRulesDialog


def test_a_three_year_c_grant_gets_reports_for_each_year(qtbot: QtBot, db: Database) -> None:
    panel = FundingPanel(db)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.instrument.setCurrentIndex(panel.instrument.findData(FundingInstrument.STEA_C))
    for key, text in (("year", "2025"), ("amount_granted", "240000"), ("use_until", "31.12.2027")):
        panel.lines[key].clear()
        qtbot.keyClicks(panel.lines[key], text)
    qtbot.mouseClick(panel.defaults_button, Qt.MouseButton.LeftButton)
    table = panel.obligations
    due = [table.text(row, "due_date") for row in range(table.row_count())]
    assert due == ["31.3.2026", "31.5.2026", "31.3.2027", "31.5.2027", "31.3.2028", "31.5.2028"]
    assert ReportKind.FINAL_REPORT.label not in [table.text(row, "kind") for row in range(table.row_count())]


def test_the_rules_dialog_shows_each_rules_source(qtbot: QtBot, db: Database) -> None:
    dialog = FundingRulesDialog(db)
    qtbot.addWidget(dialog)
    table = dialog.reporting.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    source = headers.index("Lähde")
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    stea_ay = [r for r in rows if r[0] == FundingInstrument.STEA_AY.label]
    assert {r[2] for r in stea_ay} == {ReportKind.ANNUAL_GRANT_REPORT.label, ReportKind.RESULTS_REPORT.label}
    assert all(r[source].startswith("STEA") for r in stea_ay)
