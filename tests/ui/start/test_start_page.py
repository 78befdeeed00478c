"""The start page as a user meets it: rows in order, overdue marked, opening a record, language."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm
from jarjestokeskus.domain.enums import AgreementStatus, FundingInstrument, MembershipStatus
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.domain.projects import FundingForm, ProjectForm
from jarjestokeskus.i18n import _, format_date, format_money
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.deadlines import DeadlineKind
from jarjestokeskus.services.calendar.year_clock import archive_task, list_tasks
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import save_project
from jarjestokeskus.ui.start.page import (
    COL_DUE,
    COL_NAME,
    COL_WHAT,
    COL_WHEN,
    WARNING_SIGN,
    StartPage,
    days_text,
)
from jarjestokeskus.ui.window.qt_language import apply_language

TODAY = date(2026, 11, 23)


def fill(db: Database) -> dict[str, uuid.UUID]:
    member = save_organisation(
        db,
        OrganisationForm(
            name_fi="Vaasan Kuurojen Yhdistys ry",
            name_sv="Dövas förening i Vasa rf",
            membership_status=MembershipStatus.MEMBER,
            member_since="1.1.2020",
            fees=[FeeForm("2026", "50")],
        ),
        today=TODAY,
    ).id
    deal = save_agreement(
        db,
        AgreementForm(
            title_fi="Muistikahvilan tilat",
            title_sv="Lokal för minneskaféet",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2025",
            valid_to="26.11.2026",
        ),
    ).id
    return {"member": member, "agreement": deal}


def page(qtbot: QtBot, db: Database) -> StartPage:
    # The year clock's seeded tasks count from the day the database was made: out of the way here.
    for task in list_tasks(db, TODAY.year):
        archive_task(db, task.id)
    widget = StartPage(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_rows_sorted_and_overdue_marked(qtbot: QtBot, db: Database) -> None:
    fill(db)
    widget = page(qtbot, db)
    table = widget.table
    assert table.rowCount() == 2
    assert table.item(0, COL_DUE).text() == format_date(date(2026, 3, 31))
    assert table.item(0, COL_WHAT).text() == DeadlineKind.FEE_UNPAID.label
    assert table.item(0, COL_NAME).text() == "Vaasan Kuurojen Yhdistys ry"
    assert table.item(0, COL_WHEN).text() == f"{WARNING_SIGN} {days_text(-237)}"
    assert table.item(0, COL_NAME).font().bold()
    assert table.item(1, COL_WHAT).text() == DeadlineKind.AGREEMENT_ENDS.label
    assert table.item(1, COL_WHEN).text() == days_text(3)
    assert not table.item(1, COL_NAME).font().bold()
    assert WARNING_SIGN not in table.item(1, COL_WHEN).text()
    assert widget.empty.isHidden()


def test_days_spin_box_narrows_the_list(qtbot: QtBot, db: Database) -> None:
    fill(db)
    widget = page(qtbot, db)
    widget.days.setValue(2)
    assert widget.table.rowCount() == 1  # the overdue fee stays, the agreement's end is 3 days away
    widget.days.setValue(3)
    assert widget.table.rowCount() == 2


def test_double_click_and_enter_open_the_record(qtbot: QtBot, db: Database) -> None:
    ids = fill(db)
    widget = page(qtbot, db)
    with qtbot.waitSignal(widget.open_record) as blocker:
        widget.table.cellDoubleClicked.emit(1, 2)
    assert blocker.args == ["agreements", ids["agreement"]]
    widget.table.setCurrentCell(0, 0)
    with qtbot.waitSignal(widget.open_record) as blocker:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert blocker.args == ["organisations", ids["member"]]


def test_empty_list_says_so(qtbot: QtBot, db: Database) -> None:
    widget = page(qtbot, db)
    assert widget.table.rowCount() == 0
    assert not widget.empty.isHidden()
    assert widget.timeline.is_empty()
    assert widget.timeline_hint.isHidden()  # nothing to click


def test_retranslate_to_swedish(qtbot: QtBot, db: Database) -> None:
    fill(db)
    widget = page(qtbot, db)
    try:
        apply_language("sv")
        widget.retranslate()
        assert widget.table.horizontalHeaderItem(0).text() == _("Due date")
        assert widget.table.item(0, COL_WHAT).text() == DeadlineKind.FEE_UNPAID.label
        assert widget.table.item(0, COL_NAME).text() == "Dövas förening i Vasa rf"
        assert widget.table.item(1, COL_NAME).text() == "Lokal för minneskaféet"
        assert widget.table.item(1, COL_WHEN).text() == days_text(3)
        assert widget.deadlines_box.title() == _("Deadlines")
    finally:
        apply_language("fi")


def test_charts_show_the_register(qtbot: QtBot, db: Database) -> None:
    ids = fill(db)
    widget = page(qtbot, db)
    assert widget.funding_chart.is_empty()
    assert widget.staff_chart.is_empty()
    assert [r.id for r in widget.timeline.rows] == [ids["agreement"]]
    assert not widget.timeline_hint.isHidden()
    assert widget.funding_chart.accessibleDescription() == _("No grants granted in the last five years.")
    assert widget.timeline.accessibleName() == _("Agreements in force and starting within a year")
    for chart in (widget.funding_chart, widget.staff_chart, widget.timeline):
        assert not chart.grab().isNull()


def test_timeline_click_opens_the_agreement(qtbot: QtBot, db: Database) -> None:
    ids = fill(db)
    widget = page(qtbot, db)
    widget.resize(1280, 800)
    point = widget.timeline.bar_rect(0).center().toPoint()
    with qtbot.waitSignal(widget.open_record) as blocker:
        qtbot.mouseClick(widget.timeline, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["agreements", ids["agreement"]]


def test_charts_follow_a_save_and_the_language(qtbot: QtBot, db: Database) -> None:
    fill(db)
    widget = page(qtbot, db)
    save_project(
        db,
        ProjectForm(
            name_fi="Hanke",
            fundings=[FundingForm(FundingInstrument.STEA_C, year="2025", amount_granted="1000")],
        ),
    )
    widget.refresh()
    assert not widget.funding_chart.is_empty()
    assert widget.funding_chart.series[0].name == _("Other funders")  # no funder named
    assert widget.funding_chart.categories[-1] == "2026"
    assert format_money(Decimal("1000"), "fi") in widget.funding_chart.accessibleDescription()
    try:
        apply_language("sv")
        widget.retranslate()
        assert widget.funding_box.title() == _("Grants granted by year and funder")
        assert widget.funding_chart.series[0].name == _("Other funders")
        assert format_money(Decimal("1000"), "sv") in widget.funding_chart.accessibleDescription()
        assert "Lokal för minneskaféet" in widget.timeline.accessibleDescription()
        assert not widget.grab().isNull()
    finally:
        apply_language("fi")
