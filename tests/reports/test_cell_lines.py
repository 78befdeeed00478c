"""A table cell broken into lines without a paragraph breaks exactly where reportlab's paragraph
would (issue 18: the member register lays out a thousand rows without a paragraph each)."""

from __future__ import annotations

import pytest

from jarjestokeskus.reports import flow
from jarjestokeskus.reports.members import WIDTHS
from jarjestokeskus.reports.template import ReportWriter

WORDS = (
    "Laihian Mielenterveysseura 211 ry",
    "Mustasaaren Kyläyhdistys 737 ry",
    "Österbottens Marthaförening 210 rf",  # "Marthaförening" is hyphenated: a paragraph's
    "Pohjanmaan Mielenterveysseuran Omaishoitajien Vertaistukiryhmä 14 ry",
    "Vasa Närståendevårdare 810 rf",
    "Liisa Virtanen (puheenjohtaja)",
    "Anna-Maria Karlsson-Österberg (ordförande)",
    "Ab Oy ry rf 12 345 678 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26",
    "Kyrön Eläkeläiset 531 ry",
    "Seudun Omaishoitajat 147 ry",
    "<b>&\"Ö'</b> ry ja muuta pitkää tekstiä",
    "Yhdistysjärjestöliittokeskusneuvottelukunta",  # wider than the column: split
)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_lines_between_words_are_the_paragraphs_lines(language: str) -> None:
    w = ReportWriter(language)
    cells = flow.Cells(w, WIDTHS)
    fast = 0
    for column in (0, 1):
        room = cells.rooms[column]
        for style in (w.cell_style, w.head_cell_style, w.number_style):
            for value in WORDS:
                paragraph, height = flow._wrapped(w.p(value, style), room)
                expected = flow._plain_lines(paragraph, style)
                lines = flow._lines_between_words(value, style, room)
                if lines is not None:
                    fast += 1
                    assert lines == expected, value
                    assert len(lines) * style.leading == pytest.approx(height)
                cell, cell_height = cells.text(value, column, style)
                assert cell_height == pytest.approx(height)
                assert cell == ("\n".join(expected) if expected is not None else cell)
    assert fast > len(WORDS)  # most of them went without a paragraph


def test_a_word_to_hyphenate_goes_to_the_paragraph() -> None:
    w = ReportWriter("sv")
    room = flow.Cells(w, WIDTHS).rooms[0]
    assert flow._lines_between_words("Österbottens Marthaförening 210 rf", w.cell_style, room) is None
    lines = flow._plain_lines(
        flow._wrapped(w.p("Österbottens Marthaförening 210 rf", w.cell_style), room)[0], w.cell_style
    )
    assert lines is not None and lines[0].endswith("-")
