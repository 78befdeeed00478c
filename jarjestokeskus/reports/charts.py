"""Charts for the PDF reports, drawn with reportlab.graphics only (no Qt, no matplotlib).

Labels are drawn as graphics strings, never read as markup, so a name with <, >, & or quotes
prints as typed. Numbers on the axes and at the bars are in the report's language. A chart with
nothing to show becomes a short sentence instead of an empty frame.
"""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.hyphenation import breaks
from jarjestokeskus.reports.template import CONTENT_WIDTH, FONT, ReportWriter

NOTHING_TO_CHART = N_("There is nothing to chart.")

PALETTE = [
    colors.HexColor("#3b6e9c"),
    colors.HexColor("#e39b3b"),
    colors.HexColor("#5a9e5a"),
    colors.HexColor("#b04a4a"),
    colors.HexColor("#7d64a8"),
    colors.HexColor("#8c8c8c"),
]
FONT_SIZE = 7.5
# A drawing starts in reportlab's default font (Times-Roman), which the PDF would then list
# though nothing is written in it: every chart of the program starts in the reports' font.
shapes.STATE_DEFAULTS["fontName"] = FONT
ROW_HEIGHT = 6 * mm


def _value_text(w: ReportWriter, value: float, money: bool, *, whole: bool = False) -> str:
    if money and not whole:
        return w.money(Decimal(str(value)))
    if whole or float(value).is_integer():
        text = w.number(int(round(value)))
    else:
        text = w.number(Decimal(str(round(value, 2))))
    return f"{text}\u00a0€" if money else text


def _fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    """`text` shortened with an ellipsis so that it fits in `width` points."""
    text = " ".join(text.split())
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(text: str, width: float, most: int = 3, language: str = "") -> list[str] | None:
    """`text` broken at spaces, and a word too long for a line at a syllable with a hyphen, into
    at most `most` lines of `width` points; None if it cannot (the label is never cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", FONT, FONT_SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while stringWidth(word, FONT, FONT_SIZE) > width:
            heads = [
                p for p in breaks(word, language) if stringWidth(word[:p] + "-", FONT, FONT_SIZE) <= width
            ]
            if not heads:
                return None
            lines.append(word[: heads[-1]] + "-")
            word = word[heads[-1] :]
        lines.append(word)
    return lines if len(lines) <= most else None


def _nice_scale(top: float) -> tuple[float, float]:
    """An axis maximum and step of round numbers that cover `top`."""
    if top <= 0:
        return 1.0, 1.0
    raw_step = top / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw_step:
            break
    return step * math.ceil(top / step), step


def nothing(w: ReportWriter) -> Flowable:
    return w.p(w.text(NOTHING_TO_CHART))


def bar_chart(
    w: ReportWriter,
    categories: list[str],
    series: list[tuple[str, list[float]]],
    *,
    width: float = CONTENT_WIDTH,
    height: float = 60 * mm,
    money: bool = False,
) -> Flowable:
    """Grouped vertical bars: one group per category, one bar per series, a legend on top."""
    values = [[float(v or 0) for v in data] for _, data in series]
    if not categories or not values or not any(v for data in values for v in data):
        return nothing(w)
    values = [(data + [0.0] * len(categories))[: len(categories)] for data in values]
    drawing = Drawing(width, height)
    legend_height = 7 * mm
    top, step = _nice_scale(max(max(data) for data in values))
    axis_width = max(stringWidth(_value_text(w, top, money, whole=True), FONT, FONT_SIZE), 10) + 6
    slot = (width - axis_width - 4) / len(categories)
    wrapped = [_wrap(c, slot - 4, 4, w.language) for c in categories]
    angle = 0 if all(lines is not None for lines in wrapped) else 30
    lines_needed = max(len(lines or ()) for lines in wrapped)
    label_room = lines_needed * FONT_SIZE * 1.2 + 8 if angle == 0 else min(32 * mm, height / 3)
    left = axis_width
    if angle:
        # Room on the left for the first slanted labels, up to a fifth of the width.
        cos = math.cos(math.radians(angle))
        room = (label_room - 8 - FONT_SIZE) / math.sin(math.radians(angle))
        lengths = [min(stringWidth(c, FONT, FONT_SIZE), room) * cos for c in categories]
        for _ in range(2):
            slot = (width - left - 4) / len(categories)
            needed = max(length - slot * (i + 0.5) for i, length in enumerate(lengths))
            left = axis_width + min(max(needed - axis_width + 4, 0), width / 5)
    chart = VerticalBarChart()
    chart.x, chart.y = left, label_room
    chart.width = width - left - 4
    chart.height = height - legend_height - label_room - 2
    chart.data = values
    chart.barSpacing = 1
    chart.groupSpacing = max(2, slot * 0.2)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = FONT_SIZE
    chart.valueAxis.labelTextFormat = lambda v: _value_text(w, v, money, whole=True)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    if angle:
        chart.categoryAxis.labels.angle = angle
        chart.categoryAxis.labels.boxAnchor = "ne"
        # A slanted label may not run past the chart's bottom nor the drawing's left edge.
        fitted = [
            _fit(c, min(room, (left + slot * (i + 0.5)) / math.cos(math.radians(angle)) - 4))
            for i, c in enumerate(categories)
        ]
    else:
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.leading = FONT_SIZE * 1.2
        fitted = ["\n".join(lines or ()) for lines in wrapped]
    chart.categoryAxis.categoryNames = fitted
    for index in range(len(values)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1 or series[0][0]:
        legend = Legend()
        legend.fontName, legend.fontSize = FONT, FONT_SIZE
        legend.x, legend.y = left, height - 2
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.boxAnchor = "nw"
        legend.dx = legend.dy = 7
        legend.deltax = max(stringWidth(name, FONT, FONT_SIZE) for name, _ in series) + 24
        room = (width - left) / len(series) - 20
        legend.colorNamePairs = [
            (PALETTE[index % len(PALETTE)], _fit(name, room)) for index, (name, _) in enumerate(series)
        ]
        drawing.add(legend)
    return drawing


def horizontal_bars(
    w: ReportWriter,
    labels: list[str],
    values: list[float],
    *,
    width: float = CONTENT_WIDTH,
    money: bool = False,
) -> Flowable:
    """One horizontal bar per label with its value printed at the bar's end.

    The height grows with the number of labels; a long list runs over a page between two bars.
    """
    pairs = [(label, float(value or 0)) for label, value in zip(labels, values, strict=False)]
    if not pairs or not any(value for _, value in pairs):
        return nothing(w)
    texts = [_value_text(w, value, money) for _, value in pairs]
    label_width = min(max(stringWidth(label, FONT, FONT_SIZE) for label, _ in pairs) + 6, width * 0.4)
    value_width = max(stringWidth(text, FONT, FONT_SIZE) for text in texts) + 6
    bar_room = max(width - label_width - value_width, 10)
    top = max(max(value for _, value in pairs), 0) or 1.0
    drawings = [
        [_bar_row(w.language, label, value, text, width, label_width, bar_room, top)]
        for (label, value), text in zip(pairs, texts, strict=True)
    ]
    # One drawing per bar in a table without padding: the chart splits between bars at a page end.
    table = Table(drawings, colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _bar_row(
    language: str,
    label: str,
    value: float,
    text: str,
    width: float,
    label_width: float,
    bar_room: float,
    top: float,
) -> Drawing:
    # A label too long for its room goes on up to three lines (a long word hyphenated), not cut.
    lines = _wrap(label, label_width - 6, 3, language) or [_fit(label, label_width - 6)]
    height = ROW_HEIGHT + (len(lines) - 1) * FONT_SIZE * 1.2
    drawing = Drawing(width, height)
    drawing.add(Line(label_width, 0, label_width, height, strokeColor=colors.grey, strokeWidth=0.5))
    baseline = (height - FONT_SIZE) / 2 + 1
    for number, line in enumerate(lines):
        y = baseline + (len(lines) - 1 - 2 * number) * FONT_SIZE * 0.6
        drawing.add(String(label_width - 4, y, line, fontName=FONT, fontSize=FONT_SIZE, textAnchor="end"))
    length = bar_room * max(value, 0) / top
    if length > 0:
        bar = Rect(
            label_width,
            (height - ROW_HEIGHT) / 2 + 1.2 * mm,
            length,
            ROW_HEIGHT - 2.4 * mm,
            fillColor=PALETTE[0],
            strokeColor=None,
        )
        drawing.add(bar)
    drawing.add(String(label_width + length + 3, baseline, text, fontName=FONT, fontSize=FONT_SIZE))
    return drawing
