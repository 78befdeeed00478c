"""What the members receive, as a PDF in Finnish and Swedish; figures from grants_scenario by hand."""

from __future__ import annotations

from io import BytesIO

from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports.dependence import build_dependence
from tests.reports.pdf_text import pdf_text
from tests.services.cooperation.grants_scenario import receiving


def _pdf(db: Database, language: str, year: int = 2027) -> str:
    out = BytesIO()
    build_dependence(db, language, out, year=year)
    return pdf_text(out.getvalue())


def test_shares_per_municipality_and_totals_per_grantor_in_finnish(db: Database) -> None:
    receiving(db)
    text = _pdf(db, "fi")
    assert "Mitä jäsenet saavat 2027" in text
    # Vaasa: A (grant), B (premises) of A, B, C; in 2026 A and B too.
    assert "Vaasa 3 1 1 2 66,7 % 66,7 % ±0" in text
    assert "Mustasaari 1 1 0 1 100 % 0 % +100" in text  # D's municipality was typed "Korsholm"
    assert "Laihia 1 0 0 0 0 % 0 % ±0" in text
    assert "Yhteensä 5 2 1 3 60 % 40 % +20" in text
    assert "Yli 60 % jäsenistä on riippuvainen kunnan tuesta: Mustasaari, Vaasa." in text
    # Vaasa's operating grants: A 5 000 / 4 000 and X 600 / 500; 2026 A 3 500.
    assert "Vaasa Toiminta-avustus 2 5 600,00 € 4 500,00 € 3 500,00 € +1 000,00 €" in text
    assert "Pohjanmaan hyvinvointialue Hankeavustus 1 9 000,00 € 8 000,00 € 0,00 € +8 000,00 €" in text
    assert "Yhteensä 5 16 600,00 € 13 500,00 € 3 500,00 € +10 000,00 €" in text


def test_the_same_in_swedish(db: Database) -> None:
    receiving(db)
    text = _pdf(db, "sv")
    assert "Vad medlemmarna får 2027" in text
    assert "Vasa 3 1 1 2 66,7 % 66,7 % ±0" in text
    assert "Korsholm 1 1 0 1 100 % 0 % +100" in text
    assert "Över 60 % av medlemmarna är beroende av kommunalt stöd i: Korsholm, Vasa." in text
    assert "Vasa Verksamhetsbidrag 2 5 600,00 € 4 500,00 € 3 500,00 €" in text
    assert "Österbottens välfärdsområde Projektbidrag 1 9 000,00 €" in text


def test_a_year_without_grants_says_so(db: Database) -> None:
    receiving(db)
    assert "Vuosille 2030 tai 2029 ei ole kirjattu avustuksia." in _pdf(db, "fi", 2030)
