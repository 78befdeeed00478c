"""The report charts: numbers in the report's language, hostile labels as typed, nothing to chart."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Paragraph

from jarjestokeskus import i18n
from jarjestokeskus.reports import charts
from jarjestokeskus.reports.template import ReportWriter, build_pdf
from tests.reports.pdf_text import flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"


def pdf(w: ReportWriter, *flowables: object) -> bytes:
    out = BytesIO()
    build_pdf(w, "Charts", ("Koti", "Hem"), list(flowables), out)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_bar_chart_prints_labels_legend_and_axis_in_the_language(language: str) -> None:
    w = ReportWriter(language)
    chart = charts.bar_chart(
        w,
        ["STEA", HOSTILE, "Kaupunki"],
        [("Applied", [120000.0, 3000.0, 2500.5]), ("Granted", [100000.0, 0.0, 2000.0])],
        money=True,
    )
    assert isinstance(chart, Drawing)
    text = pdf_text(pdf(w, chart))
    for label in ("STEA", HOSTILE, "Kaupunki", "Applied", "Granted"):
        assert label in text
    # the axis runs to a round 125 000 € in steps of 25 000 €, written the language's way
    axis = flat(i18n.format_number(125000, language)) + " €"
    assert axis in text and axis.replace(" ", "") not in text.replace(axis, "")


def test_bar_chart_without_money_and_many_long_categories_fits_its_width() -> None:
    w = ReportWriter("sv")
    long_names = [f"Arbetsverksamhet i rehabiliteringssyfte {n}" for n in range(9)]
    chart = charts.bar_chart(w, long_names, [("Årsverken", [n / 3 for n in range(9)])], width=300)
    assert isinstance(chart, Drawing)
    left, bottom, right, top = chart.getBounds()
    assert left >= -1 and right <= 301 and bottom >= -1 and top <= chart.height + 1
    assert "Årsverken" in pdf_text(pdf(w, chart))


@pytest.mark.parametrize(
    ("categories", "series"),
    [([], []), (["a"], []), (["a", "b"], [("x", [0.0, 0.0])]), ([], [("x", [1.0])])],
)
def test_nothing_to_chart_becomes_a_sentence(categories: list[str], series: list) -> None:  # type: ignore[type-arg]
    w = ReportWriter("sv")
    chart = charts.bar_chart(w, categories, series)
    assert isinstance(chart, Paragraph)
    assert flat(i18n.catalog("sv").gettext(charts.NOTHING_TO_CHART)) in pdf_text(pdf(w, chart))
    assert isinstance(charts.horizontal_bars(w, categories, [0.0] * len(categories)), Paragraph)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_horizontal_bars_print_labels_and_values(language: str) -> None:
    w = ReportWriter(language)
    chart = charts.horizontal_bars(w, ["STEA", HOSTILE, "x" * 200], [1234.5, 99.0, 0.0], money=True)
    text = pdf_text(pdf(w, chart))
    assert "STEA" in text and HOSTILE in text and "…" in text  # a too long label is shortened
    for value in ("1234.5", "99", "0"):
        assert flat(i18n.format_money(Decimal(value), language)) in text


def test_horizontal_bars_grow_with_the_labels_and_run_over_pages() -> None:
    w = ReportWriter("fi")
    heights = []
    for count in (2, 10):
        chart = charts.horizontal_bars(
            w, [f"rivi {n}" for n in range(count)], [float(n + 1) for n in range(count)]
        )
        heights.append(chart.wrap(500, 800)[1])
    assert heights[1] == pytest.approx(heights[0] * 5)
    many = charts.horizontal_bars(w, [f"rivi {n}" for n in range(120)], [float(n) for n in range(1, 121)])
    pages = pdf_pages(pdf(w, many))
    assert len(pages) >= 2
    assert "rivi 0" in pages[0] and "rivi 119" in pages[-1]
    assert flat(i18n.format_number(Decimal("120"), "fi")) in pages[-1]
