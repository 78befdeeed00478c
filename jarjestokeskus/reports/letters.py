"""Letters from templates as PDF (each in its organisation's language) and address labels.

The address falls in a C5/C65 window envelope's window (about 45 mm from the top, 20 mm from the
left); a long letter flows onto further pages. Labels are the common A4 sheet of 3 × 8 (70 × 37 mm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from jarjestokeskus.i18n import localized
from jarjestokeskus.reports.template import BOLD, FONT, Progress, ReportWriter
from jarjestokeskus.services.outreach.letters import Letter

WIDTH, HEIGHT = A4
LABEL_COLUMNS, LABEL_ROWS = 3, 8
LABEL_WIDTH, LABEL_HEIGHT = 70 * mm, 37 * mm


def _story(letters: Sequence[Letter], sender: tuple[str, str], printed: date) -> list[Flowable]:
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        w = ReportWriter(letter.language)
        body = ParagraphStyle("letter", parent=w.body_style, fontSize=10.5, leading=14, spaceAfter=7)
        address = ParagraphStyle("address", parent=body, spaceAfter=0)
        date_style = ParagraphStyle("date", parent=body, alignment=2)
        story.append(w.p(localized(*sender, letter.language), w.heading_style))
        story.append(Spacer(1, 20 * mm))
        story += [w.p(line, address) for line in letter.address]
        story.append(Spacer(1, 22 * mm))
        story.append(w.p(w.date(printed), date_style))
        if letter.title:
            story.append(w.p(letter.title, w.title_style))
        for paragraph in re.split(r"\n\s*\n", letter.body):
            lines = [escape(line) for line in paragraph.splitlines()]
            story.append(Paragraph("<br/>".join(lines), body))
        if index < len(letters) - 1:
            story.append(PageBreak())
    return story


def build_letters(
    letters: Sequence[Letter],
    sender: tuple[str, str],
    out: Path | BinaryIO,
    *,
    title: str = "",
    printed: date | None = None,
) -> None:
    """All `letters` into one PDF for printing, each starting on a new page."""
    document = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=localized(*sender, "fi"),
        creator="Järjestökeskus",
    )
    story = _story(letters, sender, printed or date.today())
    document.build(story or [Spacer(1, 1)])


def write_letter_files(
    letters: Sequence[Letter],
    sender: tuple[str, str],
    folder: Path,
    *,
    title: str = "",
    progress: Progress | None = None,
) -> list[Path]:
    """One PDF per organisation into `folder`; returns the files. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, letter in enumerate(letters, start=1):
        name = re.sub(r"[^\w-]+", "-", letter.address[0] if letter.address else "kirje").strip("-")[:60]
        path = folder / f"{index:03d}-{name}.pdf"
        build_letters([letter], sender, path, title=title)
        written.append(path)
        if progress:
            progress(index, len(letters))
    return written


def build_labels(letters: Sequence[Letter], out: Path | BinaryIO) -> None:
    """Address labels, 3 × 8 to an A4 sheet, in the letters' order."""
    ReportWriter("fi")  # registers the fonts
    canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=A4)
    top = (HEIGHT - LABEL_ROWS * LABEL_HEIGHT) / 2
    left = (WIDTH - LABEL_COLUMNS * LABEL_WIDTH) / 2
    per_page = LABEL_COLUMNS * LABEL_ROWS
    for index, letter in enumerate(letters):
        if index and index % per_page == 0:
            canvas.showPage()
        slot = index % per_page
        row, column = divmod(slot, LABEL_COLUMNS)
        x = left + column * LABEL_WIDTH + 7 * mm
        y = HEIGHT - top - row * LABEL_HEIGHT - 12 * mm
        for number, line in enumerate(letter.address):
            canvas.setFont(BOLD if number == 0 else FONT, 9.5)
            text = line
            while canvas.stringWidth(text, BOLD if number == 0 else FONT, 9.5) > LABEL_WIDTH - 12 * mm:
                text = text[:-2] + "…"
            canvas.drawString(x, y - number * 4.6 * mm, text)
    canvas.showPage()
    canvas.save()
