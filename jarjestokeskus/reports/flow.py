"""Layout helpers for the reports: a heading that stays with the start of a long table, and a
long table laid out a page at a time.

`ReportWriter.heading` keeps its heading with the next flowable, so a table longer than what is
left of the page moves whole to the next page and leaves the page half empty. A heading over a
long table instead asks only for `room` below it and lets the table split right after it.

reportlab's own `Table` measures every cell and, at each page break, copies and measures the
rest of the table again: a list of 100,000 rows takes minutes. `LongTable` knows each row's
height beforehand (a cell is a plain string when it fits on one line, a wrapped paragraph only
when it does not) and gives each page a small `Table` of the rows that fit on it, the header
repeated, so its time grows linearly with its rows. It looks like `ReportWriter.table`: the same
fonts, padding, lines and backgrounds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from jarjestokeskus.reports.template import BOLD, FONT, HEADER_BACKGROUND, TOTAL_BACKGROUND, ReportWriter


def heading_over_table(w: ReportWriter, text: str, room: float = 35 * mm) -> list[Flowable]:
    """`text` as a heading, on a new page unless `room` (the heading and a few rows) is left."""
    style = ParagraphStyle("h2_over_table", parent=w.heading_style, keepWithNext=0)
    return [CondPageBreak(room), w.p(text, style)]


def caption_over_table(w: ReportWriter, text: str, room: float = 30 * mm) -> list[Flowable]:
    """`text` in bold as a table's caption, kept with the table's first rows the same way."""
    return [CondPageBreak(room), w.p(text, w.head_cell_style)]


PADDING = 3  # each side of a cell, as in ReportWriter.table (reportlab's default above and below)
FONT_SIZE, LEADING = 8.5, 10.5  # of a plain cell, as the cell styles have them
Cell = str | Paragraph


class Cells:
    """Cells of one table's columns: a plain string where the text fits on one line, else a
    paragraph wrapped once here; each with its height."""

    def __init__(self, writer: ReportWriter, widths: Sequence[float]) -> None:
        self.writer = writer
        self.rooms = [width - 2 * PADDING for width in widths]

    def text(self, value: str, column: int, style: ParagraphStyle) -> tuple[Cell, float]:
        """`value` as typed (never read as markup), wrapped in `style` when it needs to be."""
        room = self.rooms[column]
        if "\n" not in value and stringWidth(value, style.fontName, style.fontSize) <= room:
            return value, style.leading
        lines = _lines_between_words(value, style, room)
        if lines is not None:
            return "\n".join(lines), len(lines) * style.leading
        paragraph, height = _wrapped(self.writer.p(value, style), room)
        lines = _plain_lines(paragraph, style)
        return ("\n".join(lines), height) if lines is not None else (paragraph, height)

    def whole(self, value: str, column: int) -> tuple[Cell, float]:
        """A value never broken (an email address): in a smaller type when it is too wide."""
        style = self.writer.cell_style
        if stringWidth(value, style.fontName, style.fontSize) <= self.rooms[column]:
            return value, style.leading
        return _wrapped(self.writer.whole(value, self.rooms[column] + 2 * PADDING), self.rooms[column])


HYPHENATED = 6  # the shortest word a paragraph hyphenates (the styles' hyphenationMinWordLength)
SPACE_SHRINKAGE = 0.05  # of a space, per space on a line, that a paragraph lets a line overrun


def _lines_between_words(value: str, style: ParagraphStyle, room: float) -> list[str] | None:
    """`value`'s lines as a paragraph in `style` breaks it, when it breaks only between words: a
    word moved to the next line too short to hyphenate, none wider than the line, plain spaces,
    letters a paragraph sets left to right. None when the paragraph could break otherwise."""
    if (
        not value.strip()
        or not value.isprintable()
        or "\xad" in value
        or any(c in value for c in "<>&")
        or max(value) >= "\u0590"
    ):
        return None
    font, size = style.fontName, style.fontSize
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    line: list[str] = []
    width = -space
    for word in value.split():
        word_width = stringWidth(word, font, size)
        if word_width > room:
            return None  # a paragraph splits the word itself
        wider = width + space + word_width
        if wider <= room + SPACE_SHRINKAGE * space * len(line) or not line:
            line.append(word)
            width = wider
        elif len(word) >= HYPHENATED:
            return None  # a paragraph would try to hyphenate it
        else:
            lines.append(" ".join(line))
            line, width = [word], word_width
    lines.append(" ".join(line))
    return lines


def _wrapped(paragraph: Paragraph, room: float) -> tuple[Paragraph, float]:
    _width, height = paragraph.wrap(room, 1e6)
    return paragraph, height


def _plain_lines(paragraph: Paragraph, style: ParagraphStyle) -> list[str] | None:
    """The lines a wrapped paragraph broke into (hyphens included), when all are in `style`'s
    font: drawn as plain lines, they look the same and cost a fraction of a paragraph."""
    broken = paragraph.blPara
    if broken.kind == 0:
        return [" ".join(words) for _space, words in broken.lines]
    lines = []
    for line in broken.lines:
        fragments = line.words
        if any(
            f.fontName != style.fontName or f.fontSize != style.fontSize or hasattr(f, "cbDefn")
            for f in fragments
        ):
            return None
        lines.append("".join(f.text for f in fragments))
    return lines


@dataclass
class Rows:
    """A table's rows and their heights (padding included); `totals` are the bold rows."""

    header: list[Cell]
    header_height: float
    widths: list[float]
    numeric: tuple[int, ...] = ()
    cells: list[list[Cell]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    totals: set[int] = field(default_factory=set)

    def add(self, cells: Sequence[tuple[Cell, float]], total: bool = False) -> None:
        if total:
            self.totals.add(len(self.cells))
        self.cells.append([cell for cell, _height in cells])
        self.heights.append(max(height for _cell, height in cells) + 2 * PADDING)


def header_row(cells: Cells, texts: Sequence[str], numeric: Sequence[int] = ()) -> tuple[list[Cell], float]:
    """The header's cells in bold (`numeric` columns right-aligned) and the row's height."""
    w = cells.writer
    row = [
        cells.text(text, column, w.head_number_style if column in numeric else w.head_cell_style)
        for column, text in enumerate(texts)
    ]
    return [cell for cell, _height in row], max(height for _cell, height in row) + 2 * PADDING


class LongTable(Flowable):
    """The rows from `start` on; split at a page break into a page's `Table` and the rest."""

    def __init__(self, rows: Rows, start: int = 0, ends: list[float] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.start = start
        # ends[i]: the height of rows 0..i-1 together, so any run of rows is measured at once.
        self.ends = ends if ends is not None else [0.0, *accumulate(rows.heights)]
        self.hAlign = "LEFT"
        self.width = sum(rows.widths)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = self.rows.header_height + self.ends[-1] - self.ends[self.start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self.rows.header_height
        stop = bisect_right(self.ends, self.ends[self.start] + room + 1e-6) - 1
        if stop <= self.start:
            return []  # not even one row here: the next page
        if stop >= len(self.rows.cells):
            return [_Page(self.rows, self.start, stop)]
        return [_Page(self.rows, self.start, stop), LongTable(self.rows, stop, self.ends)]

    def draw(self) -> None:
        _Page(self.rows, self.start, len(self.rows.cells)).drawOn(self.canv, 0, 0)


class _Page(Flowable):
    """Rows `start` to `stop` under the header, drawn straight on the canvas as reportlab's
    `Table` would draw them (the same backgrounds, text positions and lines), without building
    a table: a plain cell's lines in one text object, a wrapped paragraph drawn where it is."""

    def __init__(self, rows: Rows, start: int, stop: int) -> None:
        super().__init__()
        self.rows, self.start, self.stop = rows, start, stop
        self.hAlign = "LEFT"
        self.width = sum(rows.widths)
        self.height = rows.header_height + sum(rows.heights[start:stop])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        rows, canvas = self.rows, self.canv
        lines = [(rows.header, rows.header_height, BOLD, HEADER_BACKGROUND)]
        for index in range(self.start, self.stop):
            total = index in rows.totals
            lines.append(
                (
                    rows.cells[index],
                    rows.heights[index],
                    BOLD if total else FONT,
                    TOTAL_BACKGROUND if total else None,
                )
            )
        lefts = [0.0, *accumulate(rows.widths)]
        canvas.saveState()
        top, bottoms = self.height, []
        for _cells, height, _font, background in lines:
            if background is not None:
                canvas.setFillColor(background)
                canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
            top -= height
            bottoms.append(top)
        canvas.setFillColor(colors.black)
        text = canvas.beginText()
        paragraphs = []
        top = self.height
        for cells, height, font, _background in lines:
            text.setFont(font, FONT_SIZE, LEADING)
            for column, cell in enumerate(cells):
                left, width = lefts[column], rows.widths[column]
                right = column in rows.numeric
                if isinstance(cell, Paragraph):
                    paragraphs.append((cell, left, top, width, right))
                    continue
                if not cell:
                    continue  # an empty cell draws nothing (a table writes an empty string)
                y = top - PADDING - FONT_SIZE
                for line in cell.split("\n"):
                    x = (
                        left + width - PADDING - stringWidth(line, font, FONT_SIZE)
                        if right
                        else left + PADDING
                    )
                    text.setTextOrigin(x, y)
                    text.textOut(line)
                    y -= LEADING
            top -= height
        canvas.drawText(text)
        for paragraph, left, top, width, right in paragraphs:
            wide, height = paragraph.wrapOn(canvas, width - 2 * PADDING, 1e6)
            x = left + width - PADDING - wide if right else left + PADDING
            paragraph.drawOn(canvas, x, top - PADDING - height)
        canvas.setLineCap(1)  # round, as a table's lines
        canvas.setLineJoin(1)
        canvas.setStrokeColor(colors.lightgrey)
        canvas.setLineWidth(0.25)
        canvas.lines([(0, y, self.width, y) for y in bottoms])
        canvas.restoreState()
