"""The chart widgets paint offscreen without warnings, at 1× and 2× pixel ratio; their empty state,
tooltips, screen-reader descriptions, and the timeline's click and keyboard that open an agreement."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.i18n import format_money
from jarjestokeskus.services.start_charts import TimelineAgreement
from jarjestokeskus.ui.widgets.chart_base import nice_step, series_colours
from jarjestokeskus.ui.widgets.charts import BarChart, BarSeries, HorizontalBarChart
from jarjestokeskus.ui.widgets.timeline_chart import TimelineChart, axis_range, month_names
from jarjestokeskus.ui.window.qt_language import apply_language

TODAY = date(2026, 11, 23)


def money(value: object) -> str:
    return format_money(Decimal(str(value)), "fi")


def shown(qtbot: QtBot, widget, width: int = 480, height: int = 260):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(width, max(height, widget.sizeHint().height()))
    widget.show()
    return widget


def painted(widget) -> QImage:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    assert not image.isNull()
    return image


def bar_chart(qtbot: QtBot) -> BarChart:
    chart = shown(qtbot, BarChart())
    series = [
        BarSeries("STEA", (Decimal(0), Decimal("246000"), Decimal("182000"))),
        BarSeries("Muut", (Decimal(0), Decimal(0), Decimal("612000.50")), muted=True),
    ]
    chart.set_data(["2024", "2025", "2026"], series, money)
    return chart


def test_bar_chart_paints_and_tells_the_exact_figure(qtbot: QtBot) -> None:
    chart = bar_chart(qtbot)
    image = painted(chart)
    bars = chart._bars()
    assert [(c, s) for c, s, _rect in bars] == [(1, 0), (2, 0), (2, 1)]
    _c, _s, stea_2026 = bars[1]
    assert chart.tooltip_at(stea_2026.center()) == f"STEA, 2026: {money(182000)}"
    _c, _s, other = bars[2]
    assert other.bottom() <= stea_2026.top() + 0.5  # stacked on top
    assert chart.tooltip_at(other.center()) == f"Muut, 2026: {money('612000.50')}"
    pixel = image.pixelColor(other.center().toPoint())
    assert pixel.name() == chart.colours()[1].name()
    assert chart.tooltip_at(QPointF(1, 1)) == ""
    description = chart.accessibleDescription()
    assert f"2026: {money('794000.50')}" in description
    assert "STEA" in description


def test_bar_chart_grouped(qtbot: QtBot) -> None:
    chart = bar_chart(qtbot)
    chart.set_data(chart.categories, chart.series, money, stacked=False)
    bars = {(c, s): r for c, s, r in chart._bars()}
    assert bars[2, 0].bottom() == bars[2, 1].bottom()
    assert bars[2, 0].right() <= bars[2, 1].left() + 0.5
    painted(chart)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's limit
def test_tooltip_event_shows_the_text(qtbot: QtBot) -> None:
    chart = bar_chart(qtbot)
    _c, _s, rect = chart._bars()[0]
    point = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
    QApplication.sendEvent(chart, event)
    assert QToolTip.text() == f"STEA, 2025: {money(246000)}"
    QToolTip.hideText()


def test_high_dpi_rendering(qtbot: QtBot) -> None:
    chart = bar_chart(qtbot)
    image = QImage(chart.width() * 2, chart.height() * 2, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(0)
    chart.render(image)
    _c, _s, rect = chart._bars()[2]
    centre = rect.center()
    assert image.pixelColor(int(centre.x() * 2), int(centre.y() * 2)).name() == chart.colours()[1].name()


def test_empty_state(qtbot: QtBot) -> None:
    chart = shown(qtbot, BarChart())
    chart.set_empty_text("Ei myönnettyjä avustuksia.")
    chart.set_data(["2025", "2026"], [BarSeries("STEA", (0, 0))], money)
    assert chart.is_empty()
    assert chart.accessibleDescription() == "Ei myönnettyjä avustuksia."
    assert chart.hit_areas() == []
    painted(chart)
    rows = shown(qtbot, HorizontalBarChart())
    rows.set_data([])
    assert rows.is_empty()
    painted(rows)
    timeline = shown(qtbot, TimelineChart())
    timeline.set_data([], TODAY)
    assert timeline.is_empty()
    painted(timeline)


def test_horizontal_bars(qtbot: QtBot) -> None:
    chart = shown(qtbot, HorizontalBarChart(), 400)
    chart.set_data([("Palkkatuki", 3), ("Työkokeilu", 1)])
    painted(chart)
    first, second = chart._bar(0), chart._bar(1)
    assert abs(first.width() - 3 * second.width()) < 1
    assert chart.tooltip_at(first.center()) == "Palkkatuki: 3"
    assert chart.accessibleDescription() == "Palkkatuki: 3; Työkokeilu: 1"
    two = chart.sizeHint().height()
    chart.set_data([("a", 1)] * 6)
    assert chart.sizeHint().height() > two
    assert chart.minimumSizeHint().height() >= chart.row_height() * 6


def test_nice_steps_and_colours() -> None:
    assert [nice_step(v) for v in (794000, 10, 3, 0)] == [200000, 5, 1, 1]
    colours = series_colours(QApplication.palette(), 4)
    assert len({c.name() for c in colours}) == 4
    assert colours[0].hsvHue() == QApplication.palette().highlight().color().hsvHue()


def agreements() -> list[TimelineAgreement]:
    return [
        TimelineAgreement(
            uuid.uuid4(),
            AgreementKind.FRAMEWORK_COOPERATION,
            "Yhteistyösopimus",
            "Samarbetsavtal",
            (("Vaasan kaupunki", "Vasa stad"),),
            date(2024, 1, 1),
            date(2027, 12, 31),
            AgreementStatus.IN_FORCE,
        ),
        TimelineAgreement(
            uuid.uuid4(),
            AgreementKind.ORAL,
            "Suullinen sopimus",
            "",
            (),
            date(2025, 9, 1),
            None,
            AgreementStatus.IN_FORCE,
        ),
        TimelineAgreement(
            uuid.uuid4(),
            AgreementKind.PROJECT,
            "Hankesopimus",
            "Projektavtal",
            (),
            date(2027, 3, 1),
            date(2035, 12, 31),
            AgreementStatus.DRAFT,
        ),
    ]


def timeline(qtbot: QtBot, width: int = 520) -> TimelineChart:
    chart = TimelineChart()
    chart.set_data(agreements(), TODAY)
    return shown(qtbot, chart, width)


def test_axis_range() -> None:
    assert axis_range(agreements(), TODAY) == (date(2024, 1, 1), date(2030, 1, 1))  # capped 3 years ahead
    assert axis_range([], TODAY) == (date(2026, 1, 1), date(2028, 1, 1))  # at least a year ahead
    old = [replace(agreements()[0], valid_from=date(2010, 1, 1), valid_to=None)]
    assert axis_range(old, TODAY)[0] == date(2024, 1, 1)  # at most two years back


def test_timeline_paints_bars_in_time(qtbot: QtBot) -> None:
    chart = timeline(qtbot)
    painted(chart)
    framework, oral, project = (chart.bar_rect(i) for i in range(3))
    assert framework.left() < oral.left() < chart.x_of(TODAY) < project.left()
    assert abs(chart.x_of(date(2028, 1, 1)) - framework.right()) < 0.5
    assert abs(oral.right() - chart.x_of(date(2030, 1, 1))) < 0.5  # no end: to the axis' end
    assert chart.statuses() == [AgreementStatus.IN_FORCE, AgreementStatus.DRAFT]
    assert "Suullinen sopimus: 1.9.2025 – " in chart.accessibleDescription()


def test_timeline_tooltip(qtbot: QtBot) -> None:
    chart = timeline(qtbot)
    text = chart.tooltip_at(chart.bar_rect(0).center())
    assert text.splitlines()[0] == "Yhteistyösopimus"
    assert "Vaasan kaupunki" in text
    assert "1.1.2024 – 31.12.2027" in text
    assert AgreementStatus.IN_FORCE.label in text


def test_timeline_click_and_keys_emit_the_id(qtbot: QtBot) -> None:
    chart = timeline(qtbot)
    rows = chart.rows
    with qtbot.waitSignal(chart.agreement_chosen) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(1).center().toPoint())
    assert blocker.args == [rows[1].id]
    with qtbot.assertNotEmitted(chart.agreement_chosen):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.chosen_id() == rows[2].id
    with qtbot.waitSignal(chart.agreement_chosen) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [rows[2].id]


def test_months_in_the_window_language(qtbot: QtBot) -> None:
    assert month_names("fi")[0] == "tammi"
    assert month_names("sv")[0] == "jan."
    chart = timeline(qtbot, 6000)
    assert chart._month_step() == 1
    assert timeline(qtbot, 1600)._month_step() == 3
    try:
        apply_language("sv")
        chart.set_data(agreements(), TODAY)
        assert chart.rows[0].title("sv") in chart.accessibleDescription()
        painted(chart)
    finally:
        apply_language("fi")
    assert timeline(qtbot, 300)._month_step() == 0
