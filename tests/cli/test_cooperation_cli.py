"""`import grants` and the cooperation reports on a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.cooperation.grants import member_grants
from tests.reports.pdf_text import pdf_text
from tests.services.cooperation.scenario import region


@pytest.fixture
def target(db: Database) -> str:
    region(db)
    return str(db.path or db.url)


def _decisions(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "paatokset.csv"
    path.write_text("Hakija;Myönnetty\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return str(path)


def test_grants_are_imported_for_the_grantor_and_year(
    db: Database, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _decisions(tmp_path, "Aalto ry;1500", "Ek ry;300")
    assert (
        main(["import", "grants", file, "--year", "2027", "--grantor", "Vaasa", "--dry-run", "--db", target])
        == 0
    )
    assert member_grants(db) == []
    assert main(["import", "grants", file, "--year", "2027", "--grantor", "Vaasa", "--db", target]) == 0
    assert "Avustuksia tuotu: 2" in capsys.readouterr().out
    assert [(g.organisation, g.grantor, str(g.amount_granted)) for g in member_grants(db)] == [
        ("Aalto ry", "Vaasa", "1500.00"),
        ("Ek ry", "Vaasa", "300.00"),
    ]


def test_a_wrong_row_saves_nothing(
    db: Database, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _decisions(tmp_path, "Aalto ry;1500", "Outo ry;300")
    assert main(["import", "grants", file, "--year", "2027", "--grantor", "Vaasa", "--db", target]) == 1
    assert "Rivi 3, sarake Hakija: Rekisterissä ei ole järjestöä Outo ry" in capsys.readouterr().err
    assert member_grants(db) == []


def test_the_dependence_report_is_a_report_kind(target: str, tmp_path: Path) -> None:
    out = tmp_path / "riippuvuus.pdf"
    assert (
        main(["report", "dependence", "--lang", "sv", "--year", "2027", "-o", str(out), "--db", target]) == 0
    )
    assert "Vad medlemmarna får 2027" in pdf_text(out.read_bytes())


def test_a_column_named_by_the_user_where_the_heading_does_not_tell(
    db: Database, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "beslut.csv"
    path.write_text("Sökande;Summa\nAalto ry;1500\n", encoding="utf-8")
    base = ["import", "grants", str(path), "--year", "2027", "--grantor", "Vasa", "--db", target]
    assert main([*base, "--column", "Summa=granted"]) == 1
    assert (
        "--column Summa=granted: KENTTÄ on jokin näistä: organisation, business_id,"
        in capsys.readouterr().err
    )
    assert main([*base, "--column", "Belopp=amount_granted"]) == 1
    assert "--column Belopp=amount_granted: tiedostossa ei ole saraketta Belopp" in capsys.readouterr().err
    assert main([*base, "--column", "summa=amount_granted"]) == 0
    assert [(g.organisation, g.grantor, str(g.amount_granted)) for g in member_grants(db)] == [
        ("Aalto ry", "Vaasa", "1500.00")
    ]
