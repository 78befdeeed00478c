"""Layout helpers for the reports: a heading that stays with the start of a long table.

`ReportWriter.heading` keeps its heading with the next flowable, so a table longer than what is
left of the page moves whole to the next page and leaves the page half empty. A heading over a
long table instead asks only for `room` below it and lets the table split right after it.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from jarjestokeskus.reports.template import ReportWriter


def heading_over_table(w: ReportWriter, text: str, room: float = 35 * mm) -> list[Flowable]:
    """`text` as a heading, on a new page unless `room` (the heading and a few rows) is left."""
    style = ParagraphStyle("h2_over_table", parent=w.heading_style, keepWithNext=0)
    return [CondPageBreak(room), w.p(text, style)]


def caption_over_table(w: ReportWriter, text: str, room: float = 30 * mm) -> list[Flowable]:
    """`text` in bold as a table's caption, kept with the table's first rows the same way."""
    return [CondPageBreak(room), w.p(text, w.head_cell_style)]
