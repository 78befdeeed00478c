"""`jarjestokeskus close-year YEAR`: close, status, reprint as sent, reopen with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from tests.reports.pdf_text import demo_database


@pytest.fixture
def demo(tmp_path: Path, migrated_template: Path) -> str:
    db = demo_database(tmp_path, migrated_template)
    target = str(db.path or db.url)
    db.close()
    return target


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_close_year_from_the_command_line(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    t = i18n.catalog(language).gettext
    options = ["--db", demo, "--lang", language]
    assert main(["close-year", "2025", *options]) == 0
    assert (
        t("The year {year} was closed; reports kept: {count}").format(year=2025, count=10)
        in capsys.readouterr().out
    )
    assert main(["close-year", "2025", *options]) == 1
    assert (
        t("The year {year} is already closed. Reopen it first (with a reason).").format(year=2025)
        in capsys.readouterr().err
    )
    assert main(["close-year", "2025", "--status", *options]) == 0
    assert t("The figures are as they were sent.") in capsys.readouterr().out
    out = tmp_path / "vuosikatsaus.pdf"
    assert main(["close-year", "2025", "--reprint", "annual", "-o", str(out), *options]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["close-year", "2025", "--reopen", *options]) == 1  # no reason
    assert t("Reason for reopening") in capsys.readouterr().err
    assert main(["close-year", "2025", "--reopen", "--reason", "Korjaus", *options]) == 0
    assert main(["close-year", "2025", "--status", *options]) == 1
    assert t("The year {year} is not closed.").format(year=2025) in capsys.readouterr().err
    assert main(["close-year", "0", *options]) == 2
