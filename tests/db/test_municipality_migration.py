"""Migration 0006 on the shipped sample databases: the municipality texts map to the register,
what cannot be mapped is listed for the user, and the old rules give way to the law's (issue 16)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import Municipality, Organisation, SchemeLimit
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.services.municipalities import unmapped_municipalities

SAMPLES = sorted((Path(__file__).parent / "samples").glob("schema_*.sqlite"))
# As users typed them: either language, any case, stray spaces; and one that is no municipality.
TYPED = {
    "Pohjanmaan Järjestökeskus ry": "Vasa",
    "Vaasan Omaishoitajat ry": " vaasa ",
    "": "Smedsby",  # Närpes Byaförening rf (no Finnish name): a village, not a municipality
    "Lakannut Kerho ry": "Korsholm",
}


def upgraded(sample: Path, tmp_path: Path, typed: dict[str, str] | None = None) -> Database:
    """The sample copied, its organisations' municipalities `typed` (by Finnish name), opened."""
    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample, path)
    connection = sqlite3.connect(path)
    with connection:
        for name, text in (typed or {}).items():
            connection.execute("UPDATE organisation SET municipality = ? WHERE name_fi = ?", (text, name))
    connection.close()
    return open_database(path)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_the_samples_municipality_texts_are_mapped(sample: Path, tmp_path: Path) -> None:
    db = upgraded(sample, tmp_path)
    try:
        with db.reading() as session:
            codes = dict(
                session.execute(select(Organisation.municipality, Organisation.municipality_code)).all()
            )
            assert codes == {"Vaasa": "905", "Närpiö": "545", "Laihia": "399"}
            assert session.scalar(select(Municipality.name_sv).where(Municipality.code == "545")) == "Närpes"
        assert unmapped_municipalities(db) == []
    finally:
        db.close()


@pytest.mark.parametrize("sample", SAMPLES[-1:], ids=[p.stem for p in SAMPLES[-1:]])
def test_free_text_in_either_language_maps_to_one_municipality(sample: Path, tmp_path: Path) -> None:
    db = upgraded(sample, tmp_path, TYPED)
    try:
        with db.reading() as session:
            rows = session.execute(select(Organisation.municipality, Organisation.municipality_code)).all()
        assert sorted(rows, key=lambda r: r[0]) == [
            (" vaasa ", "905"),
            ("Korsholm", "499"),
            ("Smedsby", None),
            ("Vasa", "905"),
        ]
        assert unmapped_municipalities(db) == [("Smedsby", 1)]  # for the user to resolve
    finally:
        db.close()


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_the_register_is_whole_and_the_rules_are_dated_by_the_law(sample: Path, tmp_path: Path) -> None:
    db = upgraded(sample, tmp_path)
    try:
        with db.reading() as session:
            municipalities = session.scalars(select(Municipality)).all()
            # 309 since 1.1.2021, when Honkajoki joined Kankaanpää (310 after Valtimo joined Nurmes
            # on 1.1.2020; Statistics Finland's division of 2022 has 309 too, no merger since):
            # 293 on the mainland and 16 on Åland. Åland's and Helsinki have no county.
            assert len(municipalities) == 309
            without_county = {m.name_fi for m in municipalities if not m.wellbeing_county_fi}
            assert (
                len(without_county) == 17
                and "Helsinki" in without_county
                and "Maarianhamina" in without_county
            )
            assert len({m.wellbeing_county_fi for m in municipalities} - {""}) == 21
            live = session.scalars(select(SchemeLimit).where(SchemeLimit.archived_at.is_(None))).all()
            assert date(2025, 1, 1) not in {r.effective_from for r in live}
            pay_50 = [r for r in live if r.scheme == EmploymentScheme.PAY_SUBSIDY and r.variant == "50"]
            assert [(r.effective_from, r.max_months, r.same_employer_gap_years) for r in pay_50] == [
                (date(2023, 7, 1), 5, 3)
            ]
            # 0019: the 55+ subsidy asks 24 months of unemployment (0006 shipped 12); rehabilitative
            # work is checked from 1.7.2015 (law 142/2015).
            subsidy_55 = [r for r in live if r.scheme == EmploymentScheme.EMPLOYMENT_SUBSIDY_55]
            assert [(r.effective_from, r.long_term_unemployed_months) for r in subsidy_55] == [
                (date(2023, 7, 1), 24)
            ]
            rehabilitative = {
                r.effective_from for r in live if r.scheme == EmploymentScheme.REHABILITATIVE_WORK
            }
            assert date(2015, 7, 1) in rehabilitative
    finally:
        db.close()
