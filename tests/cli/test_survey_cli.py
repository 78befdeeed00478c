"""`survey forms | import | status` on a terminal, and the welfare contribution as a PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports.welfare import build_welfare
from tests.reports.pdf_text import pdf_text
from tests.services.survey.filling import fill
from tests.services.survey.test_survey import AALTO, BJORK, make_members


def test_forms_import_status_and_the_contribution(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_members(db)
    target = str(db.path or db.url)
    folder = tmp_path / "lomakkeet"
    assert main(["survey", "forms", "--year", "2026", "-o", str(folder), "--db", target]) == 0
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [
        "2026-Aalto-ry.xlsx",
        "2026-Björkby-förening-rf.xlsx",
        "2026-Cello-ry.xlsx",
    ]
    fill(files[0], AALTO)
    fill(files[1], BJORK)
    fill(files[2], {"groups": "kolme"})
    assert main(["survey", "import", str(files[0]), str(files[1]), str(files[2]), "--db", target]) == 1
    out = capsys.readouterr()
    assert "Aalto ry" in out.out and "kolme" not in out.err and "ei ole luku" in out.err
    assert main(["survey", "status", "--year", "2026", "--db", target]) == 0
    out = capsys.readouterr().out
    assert "Vastannut\tAalto ry" in out and "Ei vielä\tCello ry" in out and "c@example.fi" in out
    for language, heading, quote in (
        ("fi", "Jäsenjärjestöjen osuus hyvinvointikertomukseen 2026", "Yksinäisyys on lisääntynyt."),
        (
            "sv",
            "Medlemsorganisationernas bidrag till välfärdsberättelsen 2026",
            "Äldre på landsbygden saknar skjuts.",
        ),
    ):
        pdf = BytesIO()
        build_welfare(db, language, pdf, year=2026)
        text = pdf_text(pdf.getvalue())
        assert heading in text and quote in text and "1 100,5" in text


def test_report_welfare_for_a_municipality_and_a_county(db: Database, tmp_path: Path) -> None:
    make_members(db)
    target = str(db.path or db.url)
    folder = tmp_path / "forms"
    assert main(["survey", "forms", "--year", "2026", "-o", str(folder), "--db", target]) == 0
    files = sorted(folder.iterdir())
    fill(files[0], AALTO)  # Aalto ry, Vaasa
    fill(files[1], BJORK)  # Björkby, Korsholm
    assert main(["survey", "import", str(files[0]), str(files[1]), "--db", target]) == 0
    vaasa = tmp_path / "vaasa.pdf"
    args = ["report", "welfare", "--year", "2026", "--municipality", "Vasa", "-o", str(vaasa), "--db", target]
    assert main(args) == 0
    text = pdf_text(vaasa.read_bytes())
    # By hand: only Aalto answered in Vaasa (Vasa is its Swedish name): 120 participants, 1 organisation.
    assert "Alue: Vasa" in text and "Yksinäisyys on lisääntynyt." in text and "saknar skjuts" not in text
    county = tmp_path / "county.pdf"
    args = [
        "report",
        "welfare",
        "--year",
        "2026",
        "--county",
        "Pohjanmaan hyvinvointialue",
        "-o",
        str(county),
    ]
    assert main([*args, "--db", target, "--lang", "sv"]) == 0
    text = pdf_text(county.read_bytes())
    assert "Område: Pohjanmaan hyvinvointialue" in text and "160" in text and "saknar skjuts" in text


def test_export_survey_appendix(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    make_members(db)
    target = str(db.path or db.url)
    folder = tmp_path / "forms"
    assert main(["survey", "forms", "--year", "2026", "-o", str(folder), "--db", target]) == 0
    fill(sorted(folder.iterdir())[0], AALTO)
    assert main(["survey", "import", str(sorted(folder.iterdir())[0]), "--db", target]) == 0
    out = tmp_path / "liite.xlsx"
    assert (
        main(["export", "survey", "--year", "2026", "--format", "xlsx", "-o", str(out), "--db", target]) == 0
    )
    sheet = load_workbook(out).active
    assert sheet.max_row == 2 and sheet["A2"].value == "Aalto ry"
