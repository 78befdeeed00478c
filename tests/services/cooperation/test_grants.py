"""Members' grants and premises, the import of a decision list, and the dependence figures (by hand)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument, PremisesOwner
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.cooperation.dependence import dependence
from jarjestokeskus.services.cooperation.grant_import import (
    GrantDefaults,
    guess_grant_mapping,
    import_grants,
    preview_grants,
    problem_text,
)
from jarjestokeskus.services.cooperation.grants import (
    GrantForm,
    PremisesForm,
    member_grants,
    member_premises,
    save_grant,
    save_premises,
)
from jarjestokeskus.services.organisations.import_files import read_table
from tests.services.cooperation.grants_scenario import receiving
from tests.services.cooperation.scenario import region

D = Decimal


def test_grants_and_premises_are_listed_and_checked(db: Database) -> None:
    ids = receiving(db)
    grants = member_grants(db, 2027)
    assert len(grants) == 5 and grants[0].organisation == "Aalto ry"
    assert [g.amount_granted for g in member_grants(db, organisation_id=ids["A"])] == [
        D("4000.00"),
        D("3500.00"),
    ]
    premises = member_premises(db, ids["B"])
    assert premises[0].rent == D("150.00") and premises[0].accessible
    assert member_premises(db, ids["A"])[0].rent is None  # free of charge
    with pytest.raises(ValidationFailed) as failed:
        save_grant(db, ids["A"], GrantForm("20x7", AreaKind.MUNICIPALITY, "", GrantInstrument.ONE_OFF, "abc"))
    assert {e.field for e in failed.value.errors} == {"year", "grantor", "amount_applied"}
    with pytest.raises(ValidationFailed) as failed:
        save_premises(
            db, ids["A"], PremisesForm(PremisesOwner.OTHER, start_date="1.1.2027", end_date="1.1.2026")
        )
    assert {e.field for e in failed.value.errors} == {"address", "end_date"}


def test_dependence_per_municipality_computed_by_hand(db: Database) -> None:
    receiving(db)
    figures = dependence(db, 2027)
    rows = {m.municipality: m for m in figures.municipalities}
    assert list(rows) == ["Laihia", "Mustasaari", "Vaasa"]  # Korsholm by its Finnish name
    # Vaasa: A (grant), B (premises; its grant was 0), C nothing → 2 of 3; 2026: A (grant and premises), B.
    vaasa = rows["Vaasa"]
    assert (vaasa.members, vaasa.with_grant, vaasa.with_premises, vaasa.depending) == (3, 1, 1, 2)
    assert (vaasa.share, vaasa.share_before) == (D("66.7"), D("66.7"))
    # Korsholm: D's grant in 2027 only; Laihia: E has the county's grant, which is not municipal.
    assert (rows["Mustasaari"].share, rows["Mustasaari"].share_before) == (D("100.0"), D("0.0"))
    assert (rows["Laihia"].depending, rows["Laihia"].share) == (0, D("0.0"))
    # X is not a member: in no share. Total 3 of 5 (60 %), 2026: 2 of 5 (40 %).
    assert (figures.total.members, figures.total.depending, figures.total.share) == (5, 3, D("60.0"))
    assert figures.total.share_before == D("40.0")


def test_totals_per_grantor_and_instrument_computed_by_hand(db: Database) -> None:
    receiving(db)
    totals = [
        (t.grantor, t.instrument, t.count, t.applied, t.granted, t.granted_before)
        for t in dependence(db, 2027).grants
    ]
    assert totals == [
        ("Mustasaari", GrantInstrument.OPERATING, 1, D("0.00"), D("1000.00"), D("0.00")),
        (
            "Vaasa",
            GrantInstrument.OPERATING,
            2,
            D("5600.00"),
            D("4500.00"),
            D("3500.00"),
        ),  # A 5000/4000, X 600/500
        ("Vaasa", GrantInstrument.PROJECT, 1, D("2000.00"), D("0.00"), D("0.00")),
        ("Pohjanmaan hyvinvointialue", GrantInstrument.PROJECT, 1, D("9000.00"), D("8000.00"), D("0.00")),
    ]


def test_a_decision_list_is_imported_with_a_column_mapping(db: Database, tmp_path: Path) -> None:
    ids = region(db)
    source = tmp_path / "avustukset-2027.csv"
    source.write_text(
        "Hakija;Avustuslaji;Haettu €;Myönnetty €\n"
        "Aalto ry;Toiminta-avustus;1 200,00;1 000,00\n"
        "Celsius ry;Kertaluonteinen avustus;500;\n"
        "Tuntematon ry;toiminta;100;100\n"
        "Dahl ry;lahjoitus;abc;50\n",
        encoding="utf-8",
    )
    table = read_table(source)
    mapping = guess_grant_mapping(table.header)
    assert mapping == {0: "organisation", 1: "instrument", 2: "amount_applied", 3: "amount_granted"}
    defaults = GrantDefaults("2027", AreaKind.MUNICIPALITY, "Vaasa")
    preview = preview_grants(db, table, mapping, defaults)
    assert [
        (g.row, g.organisation, g.values.instrument, g.values.amount_granted) for g in preview.grants
    ] == [
        (2, "Aalto ry", GrantInstrument.OPERATING, D("1000.00")),
        (3, "Celsius ry", GrantInstrument.ONE_OFF, None),
    ]
    assert [(p.row, p.column) for p in preview.problems] == [
        (4, "Hakija"),
        (5, "Avustuslaji"),
        (5, "Haettu €"),
    ]
    assert (
        problem_text(preview.problems[0])
        == "Rivi 4, sarake Hakija: Rekisterissä ei ole järjestöä Tuntematon ry"
    )
    with pytest.raises(ValidationFailed):
        import_grants(db, preview)
    assert member_grants(db, 2027) == []
    good = preview_grants(db, read_table(_first_rows(source, 3)), mapping, defaults)
    assert import_grants(db, good) == 2
    assert [(g.organisation, g.grantor, g.year) for g in member_grants(db, 2027)] == [
        ("Aalto ry", "Vaasa", 2027),
        ("Celsius ry", "Vaasa", 2027),
    ]
    assert ids


def _first_rows(source: Path, count: int) -> Path:
    target = source.with_name("ok.csv")
    target.write_text(
        "".join(source.read_text(encoding="utf-8").splitlines(keepends=True)[:count]), encoding="utf-8"
    )
    return target
