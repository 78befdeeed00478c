"""What the window's charts share: palette colours, the legend, tooltips, the empty message.

Charts are drawn with QPainter (there is no QtCharts here) in the application's palette and
font. Geometry is computed in logical pixels from the font's metrics, so a chart scales with
the screen and with the user's font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from jarjestokeskus.i18n import current_language, format_number

Number = Decimal | int | float
ValueText = Callable[[Number], str]
MARGIN = 4.0
GAP = 6.0
_HUE_STEPS = (0, 150, 250, 60, 200, 110, 300, 30)


def series_colours(palette: QPalette, count: int) -> list[QColor]:
    """Distinct colours that start from the palette's highlight, so the chart matches the program."""
    base = palette.color(QPalette.ColorRole.Highlight)
    hue = base.hsvHue() if base.hsvHue() >= 0 else 210
    saturation = max(base.hsvSaturation(), 110)
    value = min(max(base.value(), 150), 215)
    return [
        QColor.fromHsv((hue + _HUE_STEPS[i % len(_HUE_STEPS)]) % 360, saturation, value) for i in range(count)
    ]


def muted_colour(palette: QPalette) -> QColor:
    """The colour of a catch-all series ("other")."""
    return palette.color(QPalette.ColorRole.Mid)


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that divides 0..top into about `ticks` parts."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def default_value_text(value: Number) -> str:
    return format_number(value, current_language())


class HitArea(NamedTuple):  # a chart's own record (a tuple: cheaper to define than a dataclass)
    rect: QRectF
    tooltip: str


class ChartWidget(QWidget):
    """What the charts share: the empty message, tooltips from hit areas, the legend, text colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.value_text: ValueText = default_value_text
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.update()

    def is_empty(self) -> bool:
        raise NotImplementedError

    def hit_areas(self) -> list[HitArea]:
        """Where the figures are, in widget coordinates (most specific first)."""
        return []

    def tooltip_at(self, pos: QPointF) -> str:
        return next((area.tooltip for area in self.hit_areas() if area.rect.contains(pos)), "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def metrics(self, font: QFont | None = None) -> QFontMetricsF:
        return QFontMetricsF(font or self.font())

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def paint_empty(self, painter: QPainter) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
        )

    def legend_layout(self, items: Sequence[str], width: float) -> tuple[list[tuple[QRectF, QRectF]], float]:
        """(swatch, text) rectangles of legend items wrapped to `width`, and the legend's bottom."""
        fm = self.metrics()
        box = fm.height() * 0.75
        x, y, out = MARGIN, MARGIN, []
        for name in items:
            text_w = min(fm.horizontalAdvance(name) + 1, width - 2 * MARGIN - box - GAP)
            item_w = box + GAP / 2 + text_w
            if x > MARGIN and x + item_w > width - MARGIN:
                x, y = MARGIN, y + fm.height() + 2
            swatch = QRectF(x, y + (fm.height() - box) / 2, box, box)
            out.append((swatch, QRectF(swatch.right() + GAP / 2, y, text_w, fm.height())))
            x += item_w + 2 * GAP
        return out, (y + fm.height() if items else MARGIN)

    def paint_legend(self, painter: QPainter, items: Sequence[tuple[str, QColor]], lines: int = 0) -> None:
        """Coloured squares with names; the last `lines` items get a vertical line (a marker) instead."""
        rects, _bottom = self.legend_layout([name for name, _colour in items], self.width())
        fm = self.metrics()
        for index, ((swatch, text), (name, colour)) in enumerate(zip(rects, items, strict=True)):
            if index >= len(items) - lines:
                painter.setPen(QPen(colour, 1.5))
                painter.drawLine(
                    QPointF(swatch.center().x(), swatch.top()), QPointF(swatch.center().x(), swatch.bottom())
                )
            else:
                painter.fillRect(swatch, colour)
            painter.setPen(self.text_colour())
            elided = fm.elidedText(name, Qt.TextElideMode.ElideRight, text.width())
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def fitted_font(font: QFont, text: str, width: float) -> QFont | None:
    """`font`, or a smaller one (not below 7 pt), in which `text` fits `width`; None if none does."""
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    smaller = QFont(font)
    while size >= 7.0:
        smaller.setPointSizeF(size)
        if QFontMetricsF(smaller).horizontalAdvance(text) <= width:
            return smaller
        size -= 0.5
    return None
