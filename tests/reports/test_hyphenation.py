"""Long words break at a syllable with a hyphen; email addresses, business IDs and chart labels
are never cut."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports import agreements as agreements_report
from jarjestokeskus.reports import members as members_report
from jarjestokeskus.reports.charts import _wrap, bar_chart, horizontal_bars
from jarjestokeskus.reports.hyphenation import breaks, finnish_breaks
from jarjestokeskus.reports.template import ReportWriter
from jarjestokeskus.services.agreements.report_data import find_counterparty
from tests.reports.pdf_text import demo_database
from tests.reports.scenario import scenario


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("hyphens"), migrated_template)
    yield db
    db.close()


def syllables(word: str, points: list[int]) -> str:
    return "-".join(word[a:b] for a, b in zip([0, *points], [*points, len(word)], strict=True))


def raw_lines(pdf: bytes) -> list[str]:
    return [
        line.strip() for page in PdfReader(BytesIO(pdf)).pages for line in page.extract_text().splitlines()
    ]


def test_finnish_words_break_at_syllables() -> None:
    expected = {
        "Tavoitteet": "Ta-voit-teet",
        "Toimeenpanosopimus": "Toi-meen-pa-no-so-pi-mus",
        "Henkilötyövuodet": "Hen-ki-lö-työ-vuo-det",
        "kauan": "kau-an",
        "Järjestökeskus": "Jär-jes-tö-kes-kus",
    }
    for word, hyphenated in expected.items():
        assert syllables(word, finnish_breaks(word)) == hyphenated


def test_swedish_words_break_by_the_patterns() -> None:
    assert syllables("Sysselsättningsstöd", breaks("Sysselsättningsstöd", "sv")) == "Sys-sel-sätt-nings-stöd"
    assert breaks("Finansieringar", "sv")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_word_is_cut_without_a_hyphen(demo: Database, language: str) -> None:
    counterparty = find_counterparty(demo, "Vaasan kaupunki")
    assert counterparty is not None
    out = BytesIO()
    agreements_report.build_agreements(demo, language, out, counterparty_id=counterparty, year=2025)
    text = "\n".join(raw_lines(out.getvalue()))
    for cut in ("Tavoi\ntteet", "Toimeenpanosopim\nus", "Finansiering\nar", "Verkställighetsavta\nl"):
        assert cut not in text


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_email_addresses_are_never_broken(demo: Database, language: str) -> None:
    out = BytesIO()
    members_report.build_members(demo, language, out)
    lines = raw_lines(out.getvalue())
    emails = [
        o["email"]
        for o in scenario()["organisations"]
        if o.get("email") and o["membership_status"] == "member" and not o.get("is_home")
    ]
    assert len(emails) > 20
    for email in emails:
        assert any(email in line for line in lines), email


def test_chart_labels_stay_whole() -> None:
    w = ReportWriter("sv")
    label = "Sysselsättningsstöd för personer över 55 år"
    lines = _wrap(label, 60, 4, "sv")
    assert lines is not None and "…" not in "".join(lines)
    assert re.sub(r"-$", "", " ".join(lines).replace("- ", "")).replace(" ", "") == label.replace(" ", "")
    categories = [
        "Fast anställning",
        "Visstidsanställning",
        "Lönesubvention",
        label,
        "Arbetsprövning",
        "Arbetsverksamhet i rehabiliteringssyfte",
        "Läroavtal",
    ]
    chart = bar_chart(w, categories, [("Personer", [1.0] * 7)], width=480)
    names = chart.contents[0].categoryAxis.categoryNames
    assert not any("…" in name for name in names)
    bars = horizontal_bars(w, [label], [3.0], width=200)  # room for 80 points: three lines
    strings = [s.text for row in bars._cellvalues for d in row for s in d.contents if hasattr(s, "text")]
    assert not any("…" in s for s in strings)
