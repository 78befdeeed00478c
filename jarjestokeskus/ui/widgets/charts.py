"""Bar charts for the window: stacked or grouped vertical bars, and one horizontal bar a row.

`BarChart` draws several series over categories, with a legend, a value axis and each bar's
(or stack's) value above it; `HorizontalBarChart` draws one labelled bar a row with its value.
Both show the exact figure as a tooltip, say so in a short message when there is nothing to
draw, and describe their figures to screen readers (see `chart_base`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.chart_base import (
    GAP,
    MARGIN,
    ChartWidget,
    HitArea,
    Number,
    ValueText,
    default_value_text,
    fitted_font,
    muted_colour,
    nice_step,
    series_colours,
)


class BarSeries(NamedTuple):  # a chart's own record (a tuple: cheaper to define than a dataclass)
    name: str
    values: tuple[Number, ...]
    muted: bool = False  # drawn grey: the "other" series


class BarChart(ChartWidget):
    """Vertical bars per category: the series stacked (with the total above) or side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: tuple[str, ...] = ()
        self.series: tuple[BarSeries, ...] = ()
        self.stacked = True
        self.axis_text: ValueText = default_value_text

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[BarSeries],
        value_text: ValueText = default_value_text,
        stacked: bool = True,
    ) -> None:
        self.categories, self.series = tuple(categories), tuple(series)
        self.value_text, self.stacked = value_text, stacked
        self.setAccessibleDescription(self.describe())
        self.update()

    def is_empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)

    def total(self, index: int) -> Number:
        return sum((s.values[index] for s in self.series), 0)

    def describe(self) -> str:
        """The figures in words, for screen readers."""
        if self.is_empty():
            return self.empty_text
        parts = []
        for index, category in enumerate(self.categories):
            shares = ", ".join(
                _("{name} {value}").format(name=s.name, value=self.value_text(s.values[index]))
                for s in self.series
                if s.values[index]
            )
            total = self.value_text(self.total(index))
            parts.append(_("{category}: {value}").format(category=category, value=total))
            if shares and len(self.series) > 1:
                parts[-1] += f" ({shares})"
        return "; ".join(parts)

    def colours(self) -> list[QColor]:
        plain = iter(series_colours(self.palette(), len(self.series)))
        return [muted_colour(self.palette()) if s.muted else next(plain) for s in self.series]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        line = self.metrics().height()
        return QSize(int(line * 30), int(line * 15))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        line = self.metrics().height()
        return QSize(int(line * 16), int(line * 11))

    def _scale(self) -> tuple[float, float]:
        """The axis top and its step."""
        peaks = (
            [float(self.total(i)) for i in range(len(self.categories))]
            if self.stacked
            else [float(v) for s in self.series for v in s.values]
        )
        step = nice_step(max(peaks, default=0.0))
        return max(step, math.ceil(max(peaks, default=0.0) / step) * step), step

    def _plot(self) -> tuple[QRectF, float, float]:
        """The plotting rectangle, the axis top and its step."""
        fm = self.metrics()
        _rects, legend_bottom = self.legend_layout([s.name for s in self.series], self.width())
        top, step = self._scale()
        labels = [self.axis_text(step * i) for i in range(int(round(top / step)) + 1)]
        axis_w = max(fm.horizontalAdvance(t) for t in labels) + GAP
        rect = QRectF(
            MARGIN + axis_w,
            legend_bottom + fm.height() * 1.6,
            self.width() - 2 * MARGIN - axis_w,
            self.height() - legend_bottom - fm.height() * 2.9 - MARGIN,
        )
        return rect, top, step

    def _bars(self) -> list[tuple[int, int, QRectF]]:
        """(category, series, rectangle) of each bar with a value."""
        plot, top, _step = self._plot()
        slot = plot.width() / max(1, len(self.categories))
        out = []
        for c in range(len(self.categories)):
            base = plot.bottom()
            for s, series in enumerate(self.series):
                height = plot.height() * float(series.values[c]) / top
                if self.stacked:
                    width = slot * 0.6
                    rect = QRectF(plot.left() + slot * c + (slot - width) / 2, base - height, width, height)
                    base -= height
                else:
                    width = slot * 0.8 / max(1, len(self.series))
                    left = plot.left() + slot * c + slot * 0.1 + width * s
                    rect = QRectF(left, plot.bottom() - height, width, height)
                if series.values[c]:
                    out.append((c, s, rect))
        return out

    def hit_areas(self) -> list[HitArea]:
        if self.is_empty():
            return []
        areas = [
            HitArea(
                rect.adjusted(0, -1, 0, 1),
                _("{name}, {category}: {value}").format(
                    name=self.series[s].name,
                    category=self.categories[c],
                    value=self.value_text(self.series[s].values[c]),
                ),
            )
            for c, s, rect in self._bars()
        ]
        plot, _top, _step = self._plot()
        slot = plot.width() / len(self.categories)
        for c, category in enumerate(self.categories):
            column = QRectF(plot.left() + slot * c, plot.top() - self.metrics().height() * 1.5, slot, 0)
            column.setBottom(plot.bottom() + self.metrics().height() * 1.5)
            text = _("{category}: {value}").format(category=category, value=self.value_text(self.total(c)))
            areas.append(HitArea(column, text))
        return areas

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self.paint_empty(painter)
            return
        colours = self.colours()
        self.paint_legend(painter, [(s.name, colour) for s, colour in zip(self.series, colours, strict=True)])
        plot, top, step = self._plot()
        fm = self.metrics()
        grid = self.palette().color(QPalette.ColorRole.Midlight)
        for i in range(int(round(top / step)) + 1):
            y = plot.bottom() - plot.height() * i * step / top
            painter.setPen(grid if i else self.palette().color(QPalette.ColorRole.Mid))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.text_colour())
            label = QRectF(MARGIN, y - fm.height() / 2, plot.left() - MARGIN - GAP, fm.height())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.axis_text(step * i)
            )
        bars = self._bars()
        for _c, s, rect in bars:
            painter.fillRect(rect, colours[s])
        slot = plot.width() / len(self.categories)
        for c, category in enumerate(self.categories):
            column = QRectF(plot.left() + slot * c, plot.bottom() + 2, slot, fm.height() * 1.2)
            painter.setPen(self.text_colour())
            painter.drawText(column, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, category)
        labels = (
            [
                (c, self.total(c), max((r for cc, _s, r in bars if cc == c), key=lambda r: -r.top()))
                for c in {b[0] for b in bars}
            ]
            if self.stacked
            else [(c, self.series[s].values[c], r) for c, s, r in bars]
        )
        for _c, value, rect in labels:
            self._value_label(painter, value, rect, slot if self.stacked else rect.width() + GAP)

    def _value_label(self, painter: QPainter, value: Number, bar: QRectF, width: float) -> None:
        text = self.value_text(value)
        font = fitted_font(self.font(), text, width - 2)
        if font is None:
            return
        painter.setFont(font)
        painter.setPen(self.text_colour())
        height = QFontMetricsF(font).height()
        area = QRectF(bar.center().x() - width / 2, bar.top() - height - 1, width, height)
        painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
        painter.setFont(self.font())


class HorizontalBarChart(ChartWidget):
    """One bar a row: its label on the left, the bar, its value after the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[tuple[str, Number], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(
        self, rows: Sequence[tuple[str, Number]], value_text: ValueText = default_value_text
    ) -> None:
        self.rows, self.value_text = tuple(rows), value_text
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(value for _label, value in self.rows)

    def describe(self) -> str:
        if self.is_empty():
            return self.empty_text
        return "; ".join(
            _("{category}: {value}").format(category=label, value=self.value_text(value))
            for label, value in self.rows
        )

    def row_height(self) -> float:
        return self.metrics().height() * 1.5

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self.metrics().height()
        rows = max(2, len(self.rows)) if not self.is_empty() else 2
        return QSize(int(line * 24), int(rows * self.row_height() + 2 * MARGIN))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(int(self.metrics().height() * 14), self.sizeHint().height())

    def _geometry(self) -> tuple[float, float, float]:
        """The label column's width, the left of the bars and the widest bar's width."""
        fm = self.metrics()
        label_w = min(
            max((fm.horizontalAdvance(label) for label, _v in self.rows), default=0.0) + 1, self.width() * 0.6
        )
        value_w = max((fm.horizontalAdvance(self.value_text(v)) for _l, v in self.rows), default=0.0)
        left = MARGIN + label_w + GAP
        return label_w, left, max(1.0, self.width() - left - value_w - GAP - MARGIN)

    def _bar(self, index: int) -> QRectF:
        _label_w, left, widest = self._geometry()
        peak = max(float(v) for _l, v in self.rows)
        height = self.row_height()
        width = widest * float(self.rows[index][1]) / peak if peak else 0.0
        return QRectF(left, MARGIN + index * height + height * 0.2, width, height * 0.6)

    def hit_areas(self) -> list[HitArea]:
        if self.is_empty():
            return []
        height = self.row_height()
        return [
            HitArea(
                QRectF(0, MARGIN + i * height, self.width(), height),
                _("{category}: {value}").format(category=label, value=self.value_text(value)),
            )
            for i, (label, value) in enumerate(self.rows)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self.paint_empty(painter)
            return
        fm = self.metrics()
        label_w, left, _widest = self._geometry()
        colour = series_colours(self.palette(), 1)[0]
        height = self.row_height()
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(left, MARGIN), QPointF(left, MARGIN + height * len(self.rows)))
        for index, (label, value) in enumerate(self.rows):
            row = QRectF(MARGIN, MARGIN + index * height, label_w, height)
            painter.setPen(self.text_colour())
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w)
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            bar = self._bar(index)
            painter.fillRect(bar, colour)
            after = QRectF(bar.right() + GAP / 2, row.top(), self.width() - bar.right(), height)
            painter.drawText(
                after, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.value_text(value)
            )
