"""`jarjestokeskus report KIND` run in-process: PDFs written, messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.reports import members
from tests.reports.pdf_text import demo_database, flat, pdf_text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> str:
    """The demo database's file, or its URL on PostgreSQL."""
    db = demo_database(tmp_path_factory.mktemp("cli-report"), migrated_template)
    db.close()
    return str(db.path or db.url)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_members_report(demo: str, tmp_path: Path, language: str) -> None:
    out = tmp_path / "members.pdf"
    assert main(["report", "members", "--lang", language, "--db", str(demo), "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert flat(i18n.catalog(language).gettext(members.TITLE)) in text


def test_members_by_field(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "members.pdf"
    args = ["--db", str(demo), "report", "members", "--group-by", "field", "-o", str(out), "--lang", "sv"]
    assert main(args) == 0
    assert flat(i18n.catalog("sv").gettext(members.BY_FIELD)) in pdf_text(out.read_bytes())


def test_organisation_report(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    args = ["report", "organisation", "--organisation", "Vasa stad", "--db", str(demo), "-o", str(out)]
    assert main([*args, "--lang", "sv"]) == 0
    assert "Vasa stad" in pdf_text(out.read_bytes())


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_unknown_organisation_is_a_user_error(
    demo: str, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.pdf"
    args = ["report", "organisation", "--organisation", "Ei ole ry", "--db", str(demo), "-o", str(out)]
    assert main([*args, "--lang", language]) == 1
    message = i18n.catalog(language).gettext("No organisation is called {name}.").format(name="Ei ole ry")
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_organisation_is_required(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    assert main(["report", "organisation", "--db", str(demo), "-o", str(out)]) == 1
    assert not out.exists()


def test_usage_errors(demo: str, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["report", "nonsense", "--db", str(demo), "-o", out]) == 2
    assert main(["report", "members", "--db", str(demo)]) == 2
    assert main(["report", "members", "--lang", "en", "--db", str(demo), "-o", out]) == 2


def test_missing_database(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert main(["report", "members", "--db", str(tmp_path / "none.sqlite"), "-o", str(out)]) == 1


def test_unwritable_output(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "folder" / "x.pdf"
    assert main(["report", "members", "--db", str(demo), "-o", str(out)]) == 1


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_agreements_for_a_counterparty(demo: str, tmp_path: Path, language: str) -> None:
    out = tmp_path / "agreements.pdf"
    args = ["report", "agreements", "--counterparty", "Vasa stad", "--lang", language, "--db", demo]
    assert main([*args, "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert ("Vaasan kaupunki" if language == "fi" else "Vasa stad") in text


def test_counterparty_named_or_listed(demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "agreements.pdf"
    assert main(["report", "agreements", "--db", demo, "-o", str(out)]) == 1
    assert "Vaasan kaupunki" in capsys.readouterr().err  # the counterparties are listed
    assert main(["report", "agreements", "--counterparty", "Ei ole", "--db", demo, "-o", str(out)]) == 1
    assert not out.exists()


@pytest.mark.parametrize("kind", ["deadlines", "annual", "projects", "employment"])
def test_deadlines_and_annual(demo: str, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main(["report", kind, "--lang", "sv", "--year", "2026", "--db", demo, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
