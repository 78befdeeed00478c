"""`mailing-list`: the file in each format, a saved list, a logged mailing, wrong input."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.outreach.contact_log import contact_log
from tests.services.outreach.test_mailing import build_register


@pytest.fixture
def register(db: Database) -> dict[str, uuid.UUID]:
    return build_register(db)


@pytest.fixture
def target(db: Database, register: dict[str, uuid.UUID]) -> str:
    return str(db.path or db.url)


def test_text_batches_and_the_unreachable(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "list.txt"
    assert main(["mailing-list", "-o", str(out), "--db", target]) == 0
    assert out.read_text(encoding="utf-8") == "toimisto@aalto.example; bo@bjorkby.example; eka@example.fi\n"
    streams = capsys.readouterr()
    assert "3" in streams.out and "Cello ry" in streams.err


def test_csv_and_vcards_of_chairs(target: str, tmp_path: Path) -> None:
    csv = tmp_path / "chairs.csv"
    assert main(["mailing-list", "--role", "chair", "--format", "csv", "-o", str(csv), "--db", target]) == 0
    text = csv.read_text(encoding="utf-8-sig")
    assert "Anna Aalto" in text and "anna@aalto.example" in text and "Eero" not in text
    vcf = tmp_path / "chairs.vcf"
    assert main(["mailing-list", "--role", "chair", "--format", "vcf", "-o", str(vcf), "--db", target]) == 0
    assert vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1


def test_saved_list_and_logged_mailing(
    db: Database,
    register: dict[str, uuid.UUID],
    target: str,
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.txt"
    args = ["mailing-list", "--language", "sv", "--save", "Ruotsinkieliset", "-o", str(out), "--db", target]
    assert main(args) == 0
    args = ["mailing-list", "--list", "ruotsinkieliset", "--log", "Kutsu", "-o", str(out), "--db", target]
    assert main(args) == 0
    assert out.read_text(encoding="utf-8") == "bo@bjorkby.example\n"
    assert [e.subject for e in contact_log(db, register["bjork"])] == ["Kutsu"]
    assert main(["mailing-list", "--list", "nobody", "-o", str(out), "--db", target]) == 1
    assert main(["mailing-list", "--role", "king", "-o", str(out), "--db", target]) == 2
