"""`invoice fees` and `import payments` on a terminal: files, their text and barcodes, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.fees.invoicing import list_invoices
from tests.reports.pdf_text import pdf_text
from tests.services.fees.home import add_home
from tests.services.fees.scenario import register
from tests.services.fees.test_payments import camt054, transaction


@pytest.fixture
def target(db: Database) -> str:
    register(db)
    add_home(db)
    return str(db.path or db.url)


def test_invoices_written_one_pdf_each_in_the_members_language(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "invoices"
    assert main(["invoice", "fees", "--year", "2027", "-o", str(folder), "--db", target]) == 0
    files = sorted(p.name for p in folder.iterdir())
    assert files == [
        "20270001-Aalto-ry.pdf",
        "20270002-Björkby-förening-rf.pdf",
        "20270003-Celsius-säätiö-sr.pdf",
        "20270004-Fura-ry.pdf",
    ]
    finnish = pdf_text((folder / files[0]).read_bytes())
    assert "LASKU" in finnish and "Jäsenmaksu 2027" in finnish and "2027 00014" in finnish
    # The bank barcode's digits, worked out by hand: version 4, the IBAN's digits, 50 € 00 c, 000,
    # the reference in 20 digits, due date 31.3.2027.
    assert "479440520200360820000500000000000000000202700014270331" in finnish
    swedish = pdf_text((folder / files[1]).read_bytes())
    assert "FAKTURA" in swedish and "Medlemsavgift 2027" in swedish and "Björkby förening rf" in swedish
    assert "Laskuja kirjoitettu: 4" in capsys.readouterr().out


def test_invoicing_again_adds_nobody(target: str, tmp_path: Path) -> None:
    assert main(["invoice", "fees", "--year", "2027", "-o", str(tmp_path / "a"), "--db", target]) == 0
    assert main(["invoice", "fees", "--year", "2027", "-o", str(tmp_path / "b"), "--db", target]) == 0
    assert list((tmp_path / "b").iterdir()) == []
    assert (
        main(["invoice", "fees", "--year", "2027", "--again", "-o", str(tmp_path / "c"), "--db", target]) == 0
    )
    assert len(list((tmp_path / "c").iterdir())) == 4


def test_a_year_without_terms_is_a_message(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invoice", "fees", "--year", "2031", "-o", str(tmp_path), "--db", target]) == 1
    assert "2031" in capsys.readouterr().err


def test_payments_imported_and_listed(
    db: Database, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invoice", "fees", "--year", "2027", "-o", str(tmp_path / "inv"), "--db", target]) == 0
    capsys.readouterr()
    path = camt054(tmp_path / "pay.xml", [transaction("A1", "202700014", "50.00", "AALTO RY")])
    assert main(["import", "payments", str(path), "--dry-run", "--db", target]) == 0
    assert "Koeajo" in capsys.readouterr().out
    assert not list_invoices(db, 2027)[0].is_paid
    assert main(["import", "payments", str(path), "--db", target]) == 0
    out = capsys.readouterr().out
    assert "Aalto ry" in out and "maksettu: 1" in out
    assert list_invoices(db, 2027)[0].is_paid
    bad = tmp_path / "bad.xml"
    bad.write_text("<nope/>", encoding="utf-8")
    assert main(["import", "payments", str(bad), "--db", target]) == 1
