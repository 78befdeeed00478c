"""The limits dialog shows each rule with the date it applies from and its source, in fi and sv."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.ui.staff.scheme_limits_dialog import SchemeLimitsDialog


@pytest.mark.parametrize(("language", "source_header"), [("fi", "Lähde"), ("sv", "Källa")])
def test_each_rule_shows_its_date_and_source(
    qtbot: QtBot, db: Database, language: str, source_header: str
) -> None:
    i18n.set_language(language)
    dialog = SchemeLimitsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert source_header in headers
    source_column = headers.index(source_header)
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    pay_50 = next(
        i for i, r in enumerate(rows) if r[0] == EmploymentScheme.PAY_SUBSIDY.label and r[1] == "50"
    )
    assert rows[pay_50][2] == "1.7.2023"
    assert "371/2023" in rows[pay_50][source_column]
    # Choosing the row shows its limits: 5 months, 10 when long-term unemployed, 24 aged 60+.
    rect = table.visualItemRect(table.item(pay_50, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.inputs["source"].text() == rows[pay_50][source_column]
    assert dialog.inputs["max_months"].text() == "5"
    assert dialog.inputs["max_months_long_term_unemployed"].text() == "10"
    assert dialog.inputs["max_months_aged_60"].text() == "24"
    assert dialog.inputs["same_employer_gap_years"].text() == "3"


def test_the_period_form_records_the_unemployment_and_the_decisions_maximum(qtbot: QtBot) -> None:
    from jarjestokeskus.ui.staff.period_form import PeriodFields

    fields = PeriodFields()
    qtbot.addWidget(fields)
    fields.show()
    months, decided = fields.line("unemployed_months"), fields.line("decided_max_months")
    assert not months.isVisible()  # not asked of a fixed-term employment
    fields.scheme.setCurrentIndex(fields.scheme.findData(EmploymentScheme.PAY_SUBSIDY))
    assert months.isVisible() and decided.isVisible()
    qtbot.keyClicks(months, "14")
    qtbot.keyClicks(decided, "10")
    form = fields.read()
    assert (form.unemployed_months, form.decided_max_months) == ("14", "10")


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")  # the completer's popup
def test_the_deciding_authority_can_be_a_municipality_or_a_county_by_name(qtbot: QtBot) -> None:
    from jarjestokeskus.domain.enums import DecidingAuthority
    from jarjestokeskus.ui.staff.period_form import PeriodFields

    fields = PeriodFields()
    qtbot.addWidget(fields)
    fields.show()
    fields.scheme.setCurrentIndex(fields.scheme.findData(EmploymentScheme.REHABILITATIVE_WORK))
    kinds = [fields.authority_kind.itemData(i) for i in range(fields.authority_kind.count())]
    assert DecidingAuthority.MUNICIPALITY in kinds and DecidingAuthority.WELLBEING_COUNTY in kinds
    fields.authority_kind.setCurrentIndex(fields.authority_kind.findData(DecidingAuthority.MUNICIPALITY))
    name = fields.line("deciding_authority")
    completer = name.completer()
    completer.setCompletionPrefix("musta")
    assert completer.currentCompletion() == "Mustasaari"
    completer.setCompletionPrefix("pohjanmaan hyv")
    assert completer.currentCompletion() == "Pohjanmaan hyvinvointialue"
    qtbot.keyClicks(name, "Musta")
    assert completer.popup().isVisible() and completer.currentCompletion() == "Mustasaari"
    qtbot.keyClicks(name, "saari")
    form = fields.read()
    assert (form.deciding_authority_kind, form.deciding_authority) == (
        DecidingAuthority.MUNICIPALITY,
        "Mustasaari",
    )
