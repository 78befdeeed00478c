"""The cooperation checklist's comparison report in Finnish and Swedish; figures from the rows in fill()."""

from __future__ import annotations

from io import BytesIO

from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports.checklist import build_checklist
from tests.reports.pdf_text import pdf_text
from tests.services.cooperation.test_checklist import fill


def _pdf(db: Database, language: str, year: int = 2027) -> str:
    out = BytesIO()
    build_checklist(db, language, out, year=year)
    return pdf_text(out.getvalue())


def test_a_row_per_municipality_with_marks_count_and_change(db: Database) -> None:
    fill(db)
    text = _pdf(db, "fi")
    assert "Yhteistyön tarkistuslista 2027" in text
    # Korsholm (typed in Swedish, printed in Finnish): element 1 in preparation → 0 of 8 in place,
    # none last year either.
    assert "Mustasaari ◐ – – – – – – – 0 / 8 ±0" in text
    # Laihia: assessed only last year (1 in place) → −1.
    assert "Laihia – – – – – – – – 0 / 8 −1" in text
    # Vaasa: 1, 2, 3, 8 in place, 4 in preparation; last year 1 and 2 in place → +2.
    assert "Vaasa ● ● ● ◐ – – – ● 4 / 8 +2" in text
    assert "Pohjanmaan hyvinvointialue ● – ◐ – – – – 1 / 7 +1" in text
    assert "Vaasa: Yhteistyöopas valmisteilla → kunnossa" in text
    assert "Vaasa: Voimassa oleva sopimus ei ole → kunnossa" in text
    assert "Laihia: Järjestöneuvottelukunta kunnossa → ei arvioitu" in text


def test_the_same_in_swedish(db: Database) -> None:
    fill(db)
    text = _pdf(db, "sv")
    assert "Samarbetets checklista 2027" in text
    assert "Vasa ● ● ● ◐ – – – ● 4 / 8 +2" in text
    assert "Korsholm ◐ – – – – – – – 0 / 8 ±0" in text
    assert "Österbottens välfärdsområde ● – ◐ – – – – 1 / 7 +1" in text
    assert "Vasa: Samarbetsguide under beredning → klart" in text
    assert "1. Organisationsdelegation" in text


def test_a_year_with_nothing_assessed_says_so(db: Database) -> None:
    assert "Yhtään aluetta ei ole arvioitu vuonna 2030 tai 2029." in _pdf(db, "fi", 2030)
