"""The survey: forms written and read back in both languages, errors by cell, re-import updates,
who has answered, and the welfare contribution's figures worked out by hand."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus, WorkingLanguage
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.survey import ResponseState
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.survey.forms import import_forms, write_forms
from jarjestokeskus.services.survey.questions import ensure_survey, is_frozen, questions
from jarjestokeskus.services.survey.responses import reminder_addresses, response_status
from jarjestokeskus.services.survey.welfare import contribution
from tests.services.survey.filling import cell_of, fill

TODAY = date(2026, 10, 15)
MEMBER = MembershipStatus.MEMBER


def make_members(db: Database) -> dict[str, uuid.UUID]:
    """Three member organisations: Aalto (Vaasa), Björkby (Korsholm, Swedish), Cello (Vaasa)."""

    def add(**fields: object) -> uuid.UUID:
        return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]

    return {
        "aalto": add(
            name_fi="Aalto ry",
            business_id="0207669-0",
            municipality="Vaasa",
            membership_status=MEMBER,
            email="a@example.fi",
        ),
        "bjork": add(
            name_fi="Björkbyn yhdistys ry",
            name_sv="Björkby förening rf",
            working_language=WorkingLanguage.SWEDISH,
            municipality="Korsholm",
            membership_status=MEMBER,
            email="b@example.fi",
        ),
        "cello": add(
            name_fi="Cello ry", municipality="Vaasa", membership_status=MEMBER, email="c@example.fi"
        ),
    }


@pytest.fixture
def members(db: Database) -> dict[str, uuid.UUID]:
    return make_members(db)


def forms(db: Database, tmp_path: Path, year: int = 2026) -> dict[str, Path]:
    written = write_forms(db, year, tmp_path / str(year))
    return {p.name.split("-", 1)[1].split("-")[0].casefold(): p for p in written}


AALTO = {
    "groups": "4",
    "participants": "120",
    "volunteers": "15",
    "volunteer_hours": "900,5",
    "activities:peer": "x",
    "activities:sport": "x",
    "target_groups:older": "x",
    "premises": "Kunnan tai hyvinvointialueen tiloissa",
    "themes:loneliness": "x",
    "themes:mental_health": "x",
    "observations": "Yksinäisyys on lisääntynyt.",
    "wishes_municipality": "Maksuttomia tiloja.",
    "quote": "Kyllä, järjestön nimellä",
}
BJORK = {
    "groups": "2",
    "participants": "40",
    "volunteers": "5",
    "volunteer_hours": "200",
    "themes:loneliness": "x",
    "premises": "I egna eller hyrda lokaler",
    "observations": "Äldre på landsbygden saknar skjuts.",
    "quote": "Ja, anonymt",
}


def test_forms_in_each_language_read_back_the_same(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = forms(db, tmp_path)
    assert set(written) == {"aalto", "björkby", "cello"}
    sheet = load_workbook(written["björkby"]).active
    assert sheet.title == "Enkät 2026" and sheet["C2"].value == "Björkby förening rf"
    assert load_workbook(written["aalto"]).active["C3"].value == "0207669-0"
    fill(written["aalto"], AALTO)
    fill(written["björkby"], BJORK)
    outcomes = import_forms(db, 2026, [written["aalto"], written["björkby"]], TODAY)
    assert [(o.stored, o.errors) for o in outcomes] == [(True, ()), (True, ())]
    assert is_frozen(db, 2026)
    states = {r.organisation: r.state for r in response_status(db, 2026)}
    assert states == {
        "Aalto ry": ResponseState.ANSWERED,
        "Björkbyn yhdistys ry": ResponseState.ANSWERED,
        "Cello ry": ResponseState.MISSING,
    }
    assert reminder_addresses(response_status(db, 2026)) == ["c@example.fi"]


def test_errors_name_their_cells_and_nothing_is_stored(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = forms(db, tmp_path)["aalto"]
    fill(path, {"groups": "neljä", "premises": "teltassa", "themes:safety": "joo"})
    (outcome,) = import_forms(db, 2026, [path], TODAY)
    assert not outcome.stored
    assert sorted(outcome.errors) == sorted(
        [
            f"{cell_of(path, 'groups')}: Ryhmien ja toimintamuotojen määrä: ei ole luku",
            f"{cell_of(path, 'premises')}: Missä tiloissa toimitte pääasiassa?: valitse luettelosta",
            f"{cell_of(path, 'themes:safety')}: merkitse valittu vaihtoehto x:llä",
        ]
    )
    assert response_status(db, 2026)[0].state == ResponseState.MISSING


def test_a_form_again_updates_never_duplicates(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = forms(db, tmp_path)["aalto"]
    fill(path, AALTO)
    import_forms(db, 2026, [path], TODAY)
    fill(path, {"participants": "130"})
    import_forms(db, 2026, [path], TODAY)
    figures = contribution(db, 2026, ["Vaasa"]).this_year
    assert figures.answered == 1 and figures.sums["participants"] == Decimal("130")


def test_welfare_figures_by_hand(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = forms(db, tmp_path)
    fill(written["aalto"], AALTO)
    fill(written["björkby"], BJORK)
    import_forms(db, 2026, [written["aalto"], written["björkby"]], TODAY)
    # 2025: only Aalto answered, with 3 groups and 100 participants (its own year's form).
    old = forms(db, tmp_path, 2025)["aalto"]
    fill(old, {"groups": "3", "participants": "100", "quote": "Ei"})
    import_forms(db, 2025, [old], TODAY)
    region = contribution(db, 2026, [])
    this = region.this_year
    # By hand: groups 4 + 2, participants 120 + 40, volunteers 15 + 5, hours 900.5 + 200.
    assert this.answered == 2
    assert this.sums == {
        "groups": Decimal("6"),
        "participants": Decimal("160"),
        "volunteers": Decimal("20"),
        "volunteer_hours": Decimal("1100.5"),
    }
    assert this.counts["themes"] == {"loneliness": 2, "mental_health": 1}
    assert this.counts["premises"] == {"municipal": 1, "own": 1}
    assert [(q.text, q.organisation) for q in this.texts["observations"]] == [
        ("Yksinäisyys on lisääntynyt.", "Aalto ry"),
        ("Äldre på landsbygden saknar skjuts.", None),
    ]
    assert region.previous.answered == 1 and region.previous.sums["groups"] == Decimal("3")
    assert region.previous.texts["observations"] == []  # 2025: may not be quoted
    vaasa = contribution(db, 2026, ["vaasa"]).this_year
    assert vaasa.answered == 1 and vaasa.sums["participants"] == Decimal("120")


def test_next_year_starts_as_a_copy(db: Database) -> None:
    ensure_survey(db, 2026)
    assert [q.key for q in questions(db, 2027)] == []
    ensure_survey(db, 2027)
    assert [q.key for q in questions(db, 2027)] == [q.key for q in questions(db, 2026)]


def test_a_web_survey_export_with_unusual_headings(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.services.survey.web_import import import_web_export

    path = tmp_path / "webropol.csv"
    path.write_text(
        "Vastaaja;Järjestön nimi;Y-tunnus;Ryhmien ja toimintamuotojen määrä (kpl);Osallistujia yhteensä (arvio);"
        "Mitä ilmiöitä olette havainneet asukkaiden hyvinvoinnissa?: Yksinäisyys;"
        "Mitä ilmiöitä olette havainneet asukkaiden hyvinvoinnissa?: Turvallisuus;"
        "Saako vastaustanne lainata hyvinvointikertomuksessa?\n"
        "1;Aalto ry;0207669-0;5;80;1;;Kyllä, nimettömänä\n"
        "2;Cello ry;;x;10;;1;Ei\n"
        "3;Tuntematon ry;;1;1;;;Ei\n",
        encoding="utf-8",
    )
    outcomes = import_web_export(db, 2026, path, today=TODAY)
    assert [(o.row, o.stored) for o in outcomes] == [(2, True), (3, False), (4, False)]
    assert outcomes[1].errors == ("D3: Ryhmien ja toimintamuotojen määrä: ei ole luku",)
    assert "Tuntematon ry" in outcomes[2].errors[0]
    figures = contribution(db, 2026, []).this_year
    assert figures.answered == 1 and figures.sums["groups"] == Decimal("5")
    assert figures.counts["themes"] == {"loneliness": 1}


def test_the_appendix_table(db: Database, members, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.services.survey.appendix import write_appendix

    written = forms(db, tmp_path)
    fill(written["aalto"], AALTO)
    import_forms(db, 2026, [written["aalto"]], TODAY)
    out = tmp_path / "liite.xlsx"
    assert write_appendix(db, 2026, out) == 1
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Organisaatio"] == "Aalto ry"
    assert row["Osallistujia yhteensä (arvio)"] == 120
    assert row["Mitä ilmiöitä olette havainneet asukkaiden hyvinvoinnissa?"] == "Yksinäisyys, Mielenterveys"
