"""The one page template every report shares (reportlab platypus, no Qt).

Each page carries the home organisation's name in the report's language (the other language as
fallback), the report's title, the date of printing, "page x / y" and a footer. DejaVu Sans is
embedded, so every Finnish and Swedish character prints. Text that users typed goes through
`ReportWriter.p`, which escapes it: a name with <, >, & or quotes prints exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from jarjestokeskus.i18n import N_, catalog, format_date, format_money, format_number
from jarjestokeskus.reports.hyphenation import hyphenator

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 18 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_BACKGROUND = colors.HexColor("#e8eef4")
TOTAL_BACKGROUND = colors.HexColor("#f3f3f3")

Progress = Callable[[int, int], None]

PAGE = N_("Page {page} / {pages}")
PRINTED = N_("Printed {date}")
FOOTER = N_("Järjestökeskus register")
YES, NO = N_("yes"), N_("no")
PDF_LANGUAGES = {"fi": "fi-FI", "sv": "sv-FI"}

_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab once."""
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    _registered = True


class ReportWriter:
    """Texts, values, paragraphs and tables in one report's language."""

    def __init__(self, language: str) -> None:
        register_fonts()
        self.language = language
        self.t = catalog(language).gettext
        styles = getSampleStyleSheet()
        self.title_style = ParagraphStyle(
            "title", parent=styles["Title"], fontName=BOLD, fontSize=17, leading=21, alignment=0
        )
        self.heading_style = ParagraphStyle(
            "h2",
            parent=styles["Heading2"],
            fontName=BOLD,
            fontSize=12.5,
            leading=15,
            spaceBefore=8,
            keepWithNext=1,
        )
        self.body_style = ParagraphStyle(
            "body", parent=styles["BodyText"], fontName=FONT, fontSize=9.5, leading=12
        )
        self.cell_style = ParagraphStyle("cell", parent=self.body_style, fontSize=8.5, leading=10.5)
        self.head_cell_style = ParagraphStyle("head", parent=self.cell_style, fontName=BOLD)
        self.number_style = ParagraphStyle("number", parent=self.cell_style, alignment=2)
        self.head_number_style = ParagraphStyle("head_number", parent=self.head_cell_style, alignment=2)
        # Long words break at a syllable with a hyphen, in the report's language.
        hyphenate = hyphenator(language)
        for style in (
            self.title_style,
            self.heading_style,
            self.body_style,
            self.cell_style,
            self.head_cell_style,
            self.number_style,
            self.head_number_style,
        ):
            style.hyphenationLang = hyphenate
            style.bulletFontName = FONT  # else Helvetica is listed among the fonts
            style.hyphenationMinWordLength = 6
            style.uriWasteReduce = 0

    # --- texts and values -------------------------------------------------------------------
    def text(self, source: str, **values: object) -> str:
        """`source` (marked with N_) in the report's language, placeholders filled in."""
        translated = self.t(source)
        return translated.format(**values) if values else translated

    def name(self, fi: str, sv: str) -> str:
        """The name in the report's language, else the other one (as `i18n.localized`,
        without loading every row type for it)."""
        return (sv or fi) if self.language == "sv" else (fi or sv)

    def label(self, member: Any) -> str:
        """A LabelledEnum member's label in the report's language ("" for None)."""
        if member is None:
            return ""
        return self.t(member._labels()[member.value])

    def date(self, value: date | None) -> str:
        return format_date(value, self.language)

    def period(self, start: date | None, end: date | None) -> str:
        if start is None and end is None:
            return ""
        return f"{self.date(start)} – {self.date(end)}"

    def money(self, value: Any) -> str:
        return format_money(value, self.language)

    def number(self, value: Any) -> str:
        return format_number(value, self.language)

    def yes_no(self, value: bool) -> str:
        return self.text(YES if value else NO)

    # --- flowables ---------------------------------------------------------------------------
    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text: always escaped, never read as markup; a line break stays one."""
        escaped = escape(text, {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")
        return Paragraph(escaped, style or self.body_style)

    def whole(self, text: str, width: float) -> Paragraph:
        """A value never broken (an email address, a business ID): on one line of a cell
        `width` wide, in a smaller type if it needs to be."""
        size = self.cell_style.fontSize
        room = width - 6  # the cell's padding
        while size > 6 and pdfmetrics.stringWidth(text, FONT, size) > room:
            size -= 0.25
        style = ParagraphStyle(
            f"whole{size}",
            parent=self.cell_style,
            fontSize=size,
            leading=max(size + 2, 8),
            hyphenationLang="",
            splitLongWords=0,
            uriWasteReduce=0,
        )
        return Paragraph(escape(text, {'"': "&quot;", "'": "&#39;"}), style)

    def title(self, text: str) -> Paragraph:
        return self.p(text, self.title_style)

    def heading(self, text: str) -> Paragraph:
        return self.p(text, self.heading_style)

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str | Paragraph]],
        widths: Sequence[float],
        *,
        numeric: Sequence[int] = (),
        bold_rows: Sequence[int] = (),
    ) -> Table:
        """A table that splits across pages with its header row repeated.

        `numeric` columns are right-aligned; `bold_rows` (indexes into `rows`) are totals.
        """
        data: list[list[Paragraph]] = []
        if header is not None:
            data.append(
                [
                    self.p(cell, self.head_number_style if column in numeric else self.head_cell_style)
                    for column, cell in enumerate(header)
                ]
            )
        offset = len(data)
        for index, row in enumerate(rows):
            cells = []
            for column, cell in enumerate(row):
                if index in bold_rows:
                    style = self.head_number_style if column in numeric else self.head_cell_style
                else:
                    style = self.number_style if column in numeric else self.cell_style
                cells.append(cell if isinstance(cell, Paragraph) else self.p(cell, style))
            data.append(cells)
        # splitInRow: a row taller than a page (a long note) flows on to the next page.
        table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=offset, splitInRow=1)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cells' base font: no Helvetica listed
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header is not None:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND))
        for index in bold_rows:
            commands.append(("BACKGROUND", (0, index + offset), (-1, index + offset), TOTAL_BACKGROUND))
        table.setStyle(TableStyle(commands))
        return table

    def fields(self, pairs: Sequence[tuple[str, str]], label_width: float = 45 * mm) -> Table:
        """A two-column label/value table; empty values are left out."""
        rows = [[label, value] for label, value in pairs if value]
        table = self.table(None, rows, [label_width, CONTENT_WIDTH - label_width])
        table.setStyle(TableStyle([("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor("#444444"))]))
        return table


def build_pdf(
    writer: ReportWriter,
    title: str,
    home_names: tuple[str, str],
    story: list[Flowable],
    out: Path | BinaryIO,
    printed: date | None = None,
) -> None:
    """Lay out `story` on the shared page template and write the PDF to `out`.

    The document's metadata: its title, the subject (the story's first heading), the author (the
    home organisation) and the language (/Lang fi-FI or sv-FI); only the embedded fonts are listed.
    """
    home = writer.name(*home_names)
    printed_text = writer.text(PRINTED, date=writer.date(printed or date.today()))
    footer = writer.text(FOOTER)

    class _PagedCanvas(Canvas):
        """Draws the page furniture on each page as it ends; "page x / y" is a form filled in at the
        end, when the page count is known, so no page is held in memory until then."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_count = 0

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_count += 1
            self._furniture(f"page{self._page_count}")
            super().showPage()

        def save(self) -> None:
            total = self._page_count
            for number in range(1, total + 1):
                self.beginForm(f"page{number}")
                self.setFont(FONT, 8)
                self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, writer.text(PAGE, page=number, pages=total))
                self.endForm()
            super().save()

        def _furniture(self, page_number: str) -> None:
            self.saveState()
            self.setFont(BOLD, 8.5)
            self.drawString(MARGIN, PAGE_HEIGHT - 11 * mm, home)
            self.setFont(FONT, 8.5)
            self.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 11 * mm, title)
            self.setStrokeColor(colors.lightgrey)
            self.line(MARGIN, PAGE_HEIGHT - 12.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12.5 * mm)
            self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
            self.setFont(FONT, 8)
            self.drawString(MARGIN, 9 * mm, f"{footer} · {printed_text}")
            self.doForm(page_number)
            self.restoreState()

    document = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        subject=story[0].getPlainText() if story and isinstance(story[0], Paragraph) else title,
        author=home,
        creator="Järjestökeskus",
        lang=PDF_LANGUAGES.get(writer.language, writer.language),
        initialFontName=FONT,  # no unused Helvetica in the list of fonts
    )
    document.build(story, canvasmaker=_PagedCanvas)
