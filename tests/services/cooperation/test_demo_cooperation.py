"""The demo's cooperation structures, and its comparison and dependence figures worked out by hand.

The rows are in jarjestokeskus/services/demo/cooperation_data.py; the members and their
municipalities in resources/demo/scenario.json (41 members: Vaasa 19 — m01…m18 and m43 —,
Korsholm 3, Jakobstad 3, Närpes 2, Laihia 2, Nykarleby 2, Vörå 2, eight municipalities with one).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import ChecklistTemplate, GrantInstrument
from jarjestokeskus.reports.checklist import build_checklist
from jarjestokeskus.reports.dependence import build_dependence
from jarjestokeskus.services.calendar.deadlines import DeadlineKind, deadlines
from jarjestokeskus.services.cooperation.activities import activities
from jarjestokeskus.services.cooperation.bodies import bodies, representation
from jarjestokeskus.services.cooperation.checklist import comparison
from jarjestokeskus.services.cooperation.dependence import dependence
from jarjestokeskus.services.cooperation.meetings import meetings
from jarjestokeskus.services.demo.scenario import create_demo
from tests.reports.pdf_text import pdf_text

SCENARIO_DAY = date(2026, 11, 23)
D = Decimal


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template) -> Database:  # type: ignore[no-untyped-def]
    from tests.databases import new_database

    db = new_database(tmp_path_factory.mktemp("demo"), migrated_template, "demo.sqlite")
    create_demo(db)
    yield db
    db.close()


def test_two_advisory_boards_and_the_countys_groups_with_members_and_meetings(demo: Database) -> None:
    names = [b.name_fi for b in bodies(demo)]
    assert names == [
        "Mustasaaren järjestöneuvottelukunta",
        "Vaasan järjestöneuvottelukunta",
        "Järjestöyhteistyön työryhmä",
        "Mielenterveys- ja päihdetyön kumppanuuspöytä",
    ]
    seats = representation(demo, SCENARIO_DAY)
    # 17 seats, Pertti Haavisto's ended in 2025.
    assert len(seats) == 16
    assert [s.person for s in seats if s.person == "Katja Mäenpää"] == ["Katja Mäenpää"] * 2
    vaasa = next(b for b in bodies(demo) if b.area == "Vaasa")
    assert len(meetings(demo, vaasa.id)) == 4


def test_the_start_page_shows_the_boards_dates(demo: Database) -> None:
    rows = [(r.kind, r.due_date) for r in deadlines(demo, SCENARIO_DAY, 30) if r.view == "cooperation"]
    assert rows == [
        (DeadlineKind.BODY_MEETING, date(2026, 12, 2)),  # the county's working group
        (DeadlineKind.BODY_MEETING, date(2026, 12, 9)),  # Vaasa's board
        (DeadlineKind.SEAT_ENDS, date(2026, 12, 15)),  # Aino Luoma
    ]


def test_the_comparison_of_six_municipalities_and_the_county(demo: Database) -> None:
    result = comparison(demo, ChecklistTemplate.JARJESTO20, 2026)
    counted = [(r.area, r.in_place, r.in_place_before) for r in result.rows]
    # In place = "P" in the rows of CHECKLIST: Vaasa PPPRPRRP (5) / PPRNRRNP (3) …; the areas by the
    # register's Finnish names (the data names Korsholm, Jakobstad, Närpes, Kristinestad in Swedish).
    assert counted == [
        ("Kristiinankaupunki", 1, 0),
        ("Laihia", 3, 2),
        ("Mustasaari", 3, 1),
        ("Närpiö", 1, 0),
        ("Pietarsaari", 4, 3),
        ("Vaasa", 5, 3),
    ]
    county = comparison(demo, ChecklistTemplate.COUNTY_DOCUMENT, 2026).rows
    assert [(r.area, r.in_place, r.in_place_before) for r in county] == [("Pohjanmaan hyvinvointialue", 3, 1)]


def test_the_comparison_report_in_both_languages(demo: Database) -> None:
    out = BytesIO()
    build_checklist(demo, "fi", out, year=2026)
    finnish = pdf_text(out.getvalue())
    assert "Vaasa ● ● ● ◐ ● ◐ ◐ ● 5 / 8 +2" in finnish
    assert "Kristiinankaupunki ○ ◐ ○ ○ ○ ● ○ ○ 1 / 8 +1" in finnish
    assert "Mustasaari ● ● ◐ ○ ○ ● ○ ○ 3 / 8 +2" in finnish
    assert "Pohjanmaan hyvinvointialue ● ◐ ● ● ◐ ○ ◐ 3 / 7 +2" in finnish
    assert "Vaasa: Yhteistyöopas valmisteilla → kunnossa" in finnish
    out = BytesIO()
    build_checklist(demo, "sv", out, year=2026)
    swedish = pdf_text(out.getvalue())
    assert "Korsholm ● ● ◐ ○ ○ ● ○ ○ 3 / 8 +2" in swedish
    assert "Korsholm: Principer för understöd under beredning → klart" in swedish
    assert "Kristinestad ○ ◐ ○ ○ ○ ● ○ ○ 1 / 8 +1" in swedish


def test_the_dependence_figures_by_hand(demo: Database) -> None:
    figures = dependence(demo, 2026)
    rows = {m.municipality: m for m in figures.municipalities}
    # Vaasa 2026: grants m01 m02 m05 m10 m14 m43 (m18 got 0); municipal premises m01 m02 m03 m04 m07
    # m09 m16 m17 (m14's ended 2025) → 12 of 19. 2025: grants m01 m02 m05 m14 m43, premises the
    # same eight and m14 → 11 of 19.
    vaasa = rows["Vaasa"]
    assert (vaasa.members, vaasa.with_grant, vaasa.with_premises, vaasa.depending) == (19, 6, 8, 12)
    assert (vaasa.share, vaasa.share_before) == (D("63.2"), D("57.9"))
    # Korsholm (Mustasaari): m20 m21 grants, m22 premises → 3 of 3; 2025 m20 and m22 → 2 of 3.
    assert (rows["Mustasaari"].share, rows["Mustasaari"].share_before) == (D("100.0"), D("66.7"))
    # Jakobstad (Pietarsaari): m23 m24 in the town's premises (m23's grant is the county's) → 2 of 3.
    assert (rows["Pietarsaari"].with_grant, rows["Pietarsaari"].share) == (0, D("66.7"))
    # All: 12 + 3 + 2 (Jakobstad) + 1 (Närpes) + 1 (Laihia) = 19 of 41; 2025: 11 + 2 + 2 + 1 + 1 = 17.
    assert (figures.total.members, figures.total.depending, figures.total.depending_before) == (41, 19, 17)
    assert (figures.total.share, figures.total.share_before) == (D("46.3"), D("41.5"))
    totals = {
        (t.grantor, t.instrument): (t.count, t.applied, t.granted, t.granted_before) for t in figures.grants
    }
    # Vaasa's operating grants 2026: 6 000/5 000, 8 000/7 000, 3 000/2 500, 4 000/0, 5 000/4 500;
    # 2025 granted 4 500 + 6 500 + 2 000 + 4 000.
    assert totals[("Vaasa", GrantInstrument.OPERATING)] == (5, D("26000.00"), D("19000.00"), D("17000.00"))
    assert totals[("Pohjanmaan hyvinvointialue", GrantInstrument.PROJECT)] == (
        2,
        D("35000.00"),
        D("30000.00"),
        D("15000.00"),
    )
    assert len(totals) == 7


def test_the_dependence_report_in_both_languages(demo: Database) -> None:
    out = BytesIO()
    build_dependence(demo, "fi", out, year=2026)
    finnish = pdf_text(out.getvalue())
    assert "Vaasa 19 6 8 12 63,2 % 57,9 % +5,3" in finnish
    assert (
        "Yhteensä 41 8 13 19 46,3 % 41,5 % +4,8" in finnish
    )  # grants: Vaasa 6, Korsholm 2; premises 8+1+2+1+1
    assert "Yli 60 % jäsenistä on riippuvainen kunnan tuesta: Mustasaari, Pietarsaari, Vaasa." in finnish
    # 13 grants; applied 2 000 + 800 + 26 000 + 12 000 + 1 500 + 15 000 + 35 000; granted 1 500 + 800
    # + 19 000 + 10 000 + 1 000 + 13 000 + 30 000; 2025: 1 500 + 17 000 + 9 000 + 8 000 + 15 000.
    assert "Yhteensä 13 92 300,00 € 75 300,00 € 50 500,00 € +24 800,00 €" in finnish
    out = BytesIO()
    build_dependence(demo, "sv", out, year=2026)
    swedish = pdf_text(out.getvalue())
    assert "Korsholm 3 2 1 3 100 % 66,7 % +33,3" in swedish
    assert "Över 60 % av medlemmarna är beroende av kommunalt stöd i: Jakobstad, Korsholm, Vasa." in swedish
    assert "Totalt 13 92 300,00 € 75 300,00 € 50 500,00 € +24 800,00 €" in swedish


def test_the_directory_finds_the_same_activity_in_three_municipalities(demo: Database) -> None:
    found = activities(demo, "närståendevårdare")
    assert sorted(r.municipality for r in found) == ["Mustasaari", "Pietarsaari", "Vaasa"]
    assert sorted(r.municipality_name("sv") for r in found) == ["Jakobstad", "Korsholm", "Vasa"]
