"""Agreements as horizontal bars on a time axis, today marked by a line; a click opens the agreement.

The axis runs over whole years: from the earliest start (at most `YEARS_BACK` years back) to the
latest end, at least a year ahead of today (at most `YEARS_AHEAD` years ahead). An agreement that
runs past an end of the axis, or has no start or end date, ends in an arrow there. Month names
come from the window language's QLocale; with little room only the years are labelled.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from jarjestokeskus.domain.enums import AgreementStatus
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.start_charts import TimelineAgreement
from jarjestokeskus.ui.widgets.chart_base import GAP, MARGIN, ChartWidget, HitArea, series_colours

YEARS_BACK = 2
YEARS_AHEAD = 3
_STATUS_ORDER = (AgreementStatus.IN_FORCE, AgreementStatus.NEGOTIATING, AgreementStatus.DRAFT)


def axis_range(rows: Sequence[TimelineAgreement], today: date) -> tuple[date, date]:
    """First day shown and the day after the last, both on a 1 January (see the module)."""
    return _axis_range(tuple(rows), today)


@lru_cache(maxsize=8)
def _axis_range(rows: tuple[TimelineAgreement, ...], today: date) -> tuple[date, date]:
    starts = [r.valid_from for r in rows if r.valid_from is not None]
    ends = [r.valid_to for r in rows if r.valid_to is not None]
    first = max(min([today, *starts]).year, today.year - YEARS_BACK)
    last = min(max([today + timedelta(days=365), *ends]).year, today.year + YEARS_AHEAD)
    return date(first, 1, 1), date(last + 1, 1, 1)


def month_names(language: str) -> list[str]:
    """Short month names in the window language, January first."""
    locale = QLocale(
        QLocale.Language.Swedish if language == "sv" else QLocale.Language.Finnish, QLocale.Country.Finland
    )
    return [locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)]


class TimelineChart(ChartWidget):
    """One row a agreement; `agreement_chosen(id)` on a click, or Enter on the current row."""

    agreement_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[TimelineAgreement, ...] = ()
        self.today = date.today()
        self.current = -1
        self._top_cache: tuple[tuple[object, ...], float] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_data(self, rows: Sequence[TimelineAgreement], today: date) -> None:
        self.rows, self.today = tuple(rows), today
        self.current = min(self.current, len(self.rows) - 1)
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not self.rows

    # --- texts ---------------------------------------------------------------------------
    def period_text(self, row: TimelineAgreement) -> str:
        language = current_language()
        return _("{start} – {end}").format(
            start=format_date(row.valid_from, language) or _("no start date"),
            end=format_date(row.valid_to, language) or _("until further notice"),
        )

    def row_tooltip(self, row: TimelineAgreement) -> str:
        language = current_language()
        lines = [row.title(language)]
        if row.counterparties:
            lines.append(_("Counterparty: {names}").format(names=row.counterparty(language)))
        lines.append(_("Valid: {period}").format(period=self.period_text(row)))
        lines.append(_("Status: {status}").format(status=row.status.label))
        lines.append(_("Click to open the agreement."))
        return "\n".join(lines)

    def describe(self) -> str:
        if self.is_empty():
            return self.empty_text
        language = current_language()
        return "; ".join(
            _("{title}: {period}").format(title=r.title(language), period=self.period_text(r))
            for r in self.rows
        )

    def statuses(self) -> list[AgreementStatus]:
        present = {r.status for r in self.rows}
        return [s for s in _STATUS_ORDER if s in present] + sorted(present - set(_STATUS_ORDER))

    def colour(self, status: AgreementStatus) -> QColor:
        colours = series_colours(self.palette(), len(_STATUS_ORDER) + 1)
        return colours[_STATUS_ORDER.index(status)] if status in _STATUS_ORDER else colours[-1]

    # --- geometry ------------------------------------------------------------------------
    def row_height(self) -> float:
        """A line for the title and the counterparty, and the bar below it."""
        return self.metrics().height() * 2.1

    def today_text(self) -> str:
        return _("Today {date}").format(date=format_date(self.today, current_language()))

    def _legend(self) -> list[tuple[str, QColor]]:
        """The statuses shown, then today's line."""
        items = [(s.label, self.colour(s)) for s in self.statuses()]
        return [*items, (self.today_text(), self.text_colour())]

    def _month_step(self) -> int:
        """Label every month (1), every third (3), or none (0), as the room allows."""
        first, after = axis_range(self.rows, self.today)
        left, right = self._columns()
        per_month = (right - left) * 30.44 / (after - first).days
        widest = max(self.metrics().horizontalAdvance(m) for m in month_names(current_language())) + 4
        return 1 if per_month >= widest else 3 if per_month * 3 >= widest else 0

    def _axis_top(self) -> float:
        _rects, bottom = self.legend_layout([name for name, _colour in self._legend()], self.width())
        return bottom + GAP

    def _top(self) -> float:
        """Where the first row starts: below the legend and the axis' labels (kept while nothing changes)."""
        key = (self.width(), self.font().key(), current_language(), self.rows, self.today)
        if self._top_cache is None or self._top_cache[0] != key:
            labels = 2 if self._month_step() else 1
            self._top_cache = (key, self._axis_top() + labels * self.metrics().height() + 3)
        return self._top_cache[1]

    def _columns(self) -> tuple[float, float]:
        """The axis' left and right (titles sit above their bars, room is left for the arrows)."""
        return MARGIN + GAP, self.width() - MARGIN - GAP

    def x_of(self, day: date) -> float:
        first, after = axis_range(self.rows, self.today)
        left, right = self._columns()
        share = (min(max(day, first), after) - first).days / (after - first).days
        return left + (right - left) * share

    def row_rect(self, index: int) -> QRectF:
        height = self.row_height()
        return QRectF(0, self._top() + index * height, self.width(), height)

    def bar_rect(self, index: int) -> QRectF:
        row = self.rows[index]
        first, after = axis_range(self.rows, self.today)
        start = self.x_of(row.valid_from or first)
        end = self.x_of(row.valid_to + timedelta(days=1) if row.valid_to else after)
        line = self.metrics().height()
        top = self.row_rect(index).top() + line * 1.2
        return QRectF(start, top, max(2.0, end - start), line * 0.65)

    def row_at(self, pos: QPointF) -> int:
        return next((i for i in range(len(self.rows)) if self.row_rect(i).contains(pos)), -1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        line = self.metrics().height()
        rows = len(self.rows) if self.rows else 2
        header = self._top()  # at this width: the legend may wrap in a narrow window
        return QSize(int(line * 34), int(header + rows * self.row_height() + MARGIN))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.updateGeometry()  # the height the rows need depends on the width
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(int(self.metrics().height() * 20), self.sizeHint().height())

    def hit_areas(self) -> list[HitArea]:
        return [HitArea(self.row_rect(i), self.row_tooltip(r)) for i, r in enumerate(self.rows)]

    # --- interaction ---------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.row_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.current = index
            self.update()
            self.agreement_chosen.emit(self.rows[index].id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        over = self.row_at(event.position()) >= 0
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        moves = {Qt.Key.Key_Up: self.current - 1, Qt.Key.Key_Down: self.current + 1}
        moves |= {Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.rows) - 1}
        if key in moves and self.rows:
            self.current = min(max(moves[key], 0), len(self.rows) - 1)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and 0 <= self.current < len(
            self.rows
        ):
            self.agreement_chosen.emit(self.rows[self.current].id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self.current < 0 and self.rows:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def chosen_id(self) -> uuid.UUID | None:
        return self.rows[self.current].id if 0 <= self.current < len(self.rows) else None

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self.paint_empty(painter)
            return
        self.paint_legend(painter, self._legend(), lines=1)
        bottom = self.row_rect(len(self.rows) - 1).bottom()
        self._paint_axis(painter, bottom)
        self._paint_rows(painter)
        painter.setPen(QPen(self.text_colour(), 1.5))
        self._vertical(painter, self.x_of(self.today), self._top() - 3)

    def _vertical(self, painter: QPainter, x: float, top: float) -> None:
        """A line from `top` down through the rows' bar lanes, leaving their titles clear."""
        line = self.metrics().height()
        painter.drawLine(QPointF(x, top), QPointF(x, self._top() + 2))
        for index in range(len(self.rows)):
            band = self.row_rect(index)
            painter.drawLine(QPointF(x, band.top() + line * 1.1), QPointF(x, band.bottom()))

    def _paint_rows(self, painter: QPainter) -> None:
        fm = self.metrics()
        left, right = self._columns()
        first, after = axis_range(self.rows, self.today)
        for index, row in enumerate(self.rows):
            band = self.row_rect(index)
            if index == self.current and self.hasFocus():
                highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(50)
                painter.fillRect(band, highlight)
            self._paint_title(painter, row, QRectF(left, band.top() + 2, right - left, fm.height()))
            bar = self.bar_rect(index)
            colour = self.colour(row.status)
            painter.fillRect(bar, colour)
            if row.valid_to is None or row.valid_to >= after:
                self._arrow(painter, colour, bar.right(), bar, 1)
            if row.valid_from is None or row.valid_from < first:
                self._arrow(painter, colour, bar.left(), bar, -1)

    def _paint_title(self, painter: QPainter, row: TimelineAgreement, area: QRectF) -> None:
        """The title, and after it the counterparty in a quieter colour where there is room."""
        fm = self.metrics()
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title = fm.elidedText(row.title(current_language()), Qt.TextElideMode.ElideRight, area.width())
        room = area.width() - fm.horizontalAdvance(title) - GAP
        party = row.counterparty(current_language())
        party = (
            fm.elidedText(f"· {party}", Qt.TextElideMode.ElideRight, room) if party and room > GAP * 4 else ""
        )
        painter.setPen(self.text_colour())
        painter.drawText(area, align, title)
        if party:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(area.right() - room, area.top(), room, area.height()), align, party)

    def _arrow(self, painter: QPainter, colour: QColor, x: float, bar: QRectF, direction: int) -> None:
        """A small triangle: the agreement goes on past the axis (or has no date at that end)."""
        size = bar.height() * 0.8
        tip = QPointF(x + direction * size * 0.7, bar.center().y())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(x, bar.top() - 1), tip, QPointF(x, bar.bottom() + 1)]))

    def _paint_axis(self, painter: QPainter, bottom: float) -> None:
        """Years (and months, where there is room) above the rows, with lines down through them."""
        fm = self.metrics()
        line = fm.height()
        first, after = axis_range(self.rows, self.today)
        left, right = self._columns()
        axis_top, top, step = self._axis_top(), self._top(), self._month_step()
        months = month_names(current_language())
        grid = self.palette().color(QPalette.ColorRole.Midlight)
        for year in range(first.year, after.year):
            x, end = self.x_of(date(year, 1, 1)), self.x_of(date(year + 1, 1, 1))
            painter.setPen(self.text_colour())
            area = QRectF(x, axis_top, end - x, line)
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(year))
            for month in range(1, 13, step or 3):
                mx = self.x_of(date(year, month, 1))
                if step:
                    painter.setPen(self.text_colour())
                    area = QRectF(
                        mx + 2,
                        axis_top + line,
                        self.x_of(date(year, month, 1) + timedelta(days=31 * step)) - mx,
                        line,
                    )
                    painter.drawText(
                        area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, months[month - 1]
                    )
                if month > 1:
                    painter.setPen(grid)
                    self._vertical(painter, mx, top - (line if step else 3))
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            self._vertical(painter, x, axis_top)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(left, top - 1), QPointF(right, top - 1))
        self._vertical(painter, right, axis_top)
