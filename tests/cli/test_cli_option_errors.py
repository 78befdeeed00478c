"""Every option error on the command line is a message in the chosen language with exit status 2:
no traceback, and argparse's own texts translated too."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.cli.parser_texts import FIRST_YEAR, LAST_YEAR, MOST_DAYS
from tests.databases import new_database


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> str:
    db = new_database(tmp_path, migrated_template)
    target = str(db.path or db.url)
    db.close()
    return target


BAD = [
    (
        ["report", "deadlines", "--days", "-5"],
        "“{value}” is not a number of days: give a whole number from 0 to {most}",
        {"value": "-5", "most": MOST_DAYS},
    ),
    (
        ["report", "employment", "--year", "99999"],
        "“{value}” is not a year: give a year from {first} to {last}",
        {"value": "99999", "first": FIRST_YEAR, "last": LAST_YEAR},
    ),
    (
        ["report", "annual", "--year", "0"],
        "“{value}” is not a year: give a year from {first} to {last}",
        {"value": "0", "first": FIRST_YEAR, "last": LAST_YEAR},
    ),
    (
        ["report", "annual", "--year", "kaksi"],
        "“{value}” is not a year: give a year from {first} to {last}",
        {"value": "kaksi", "first": FIRST_YEAR, "last": LAST_YEAR},
    ),
    (
        ["calendar", "--days", "-1"],
        "“{value}” is not a number of days: give a whole number from 0 to {most}",
        {"value": "-1", "most": MOST_DAYS},
    ),
]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize(("arguments", "message", "values"), BAD)
def test_bad_values_are_usage_errors_in_the_language(
    database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    arguments: list[str],
    message: str,
    values: dict[str, object],
) -> None:
    out = tmp_path / "out.pdf"
    code = main([*arguments, "--lang", language, "--db", database, "-o", str(out)])
    err = capsys.readouterr().err
    t = i18n.catalog(language).gettext
    assert code == 2
    assert "Traceback" not in err
    assert t(message).format(**values) in err
    assert t("usage: ") in err and t("%(prog)s: error: %(message)s\n").split(":")[1] in err
    assert not out.exists()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_argparse_texts_are_translated(capsys: pytest.CaptureFixture[str], language: str) -> None:
    t = i18n.catalog(language).gettext
    assert main(["report", "nonsense", "--lang", language, "-o", "x.pdf"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" not in err
    assert t("invalid choice: %(value)r (choose from %(choices)s)").split(":")[0] in err
    assert main(["report", "--help", "--lang", language]) == 0
    help_text = capsys.readouterr().out
    assert "positional arguments" not in help_text and "usage:" not in help_text
    assert t("positional arguments") + ":" in help_text and t("options") + ":" in help_text
    assert main(["report", "annual", "--lang", language]) == 2  # -o missing
    err = capsys.readouterr().err
    assert t("the following arguments are required: %s").split(":")[0] in err
