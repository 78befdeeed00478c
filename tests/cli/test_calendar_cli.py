"""`jarjestokeskus calendar` run in-process: the .ics written, messages and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.cli import report as cli_report
from jarjestokeskus.cli.calendar import add_calendar_command
from jarjestokeskus.cli.main import build_parser, main
from tests.reports.pdf_text import demo_database
from tests.services.calendar.test_ical import events_of, unescape

SAMPLE_0002 = Path(__file__).resolve().parent.parent / "db" / "samples" / "schema_0002.sqlite"


def _wired() -> bool:
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    return "calendar" in commands.choices  # type: ignore[operator]


@pytest.fixture(autouse=True)
def calendar_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until cli.py registers the command itself, register it beside `report`."""
    if _wired():
        return
    real = cli_report.add_report_command

    def both(commands: Any, shared: Any) -> None:
        real(commands, shared)
        add_calendar_command(commands, shared)

    monkeypatch.setattr(cli_report, "add_report_command", both)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path | str:
    db = demo_database(tmp_path_factory.mktemp("cli-calendar"), migrated_template)
    target = db.path or db.url  # a file, or a database on the PostgreSQL test server
    db.close()
    return target


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_calendar_written(
    demo: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kalenteri.ics"
    assert main(["calendar", "--lang", language, "--db", str(demo), "-o", str(out)]) == 0
    events = events_of(out.read_bytes())
    assert events
    year_clock = i18n.catalog(language).gettext("Year clock")
    assert any(e["CATEGORIES"][1].startswith(year_clock) for e in events)
    assert any(not e["CATEGORIES"][1].startswith(year_clock) for e in events)  # the demo's deadlines
    seeded = "Årsredovisning" if language == "sv" else "vuosiselvitys"
    assert any(seeded.lower() in unescape(e["SUMMARY"][1]).lower() for e in events)
    message = i18n.catalog(language).gettext("Calendar entries written to {path}: {count}")
    assert message.format(path=out, count=len(events)) in capsys.readouterr().out


def test_days_and_parts(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    base = ["--db", str(demo), "calendar", "-o", str(out)]
    assert main([*base, "--days", "0", "--only-year-clock"]) == 0
    short = events_of(out.read_bytes())
    assert main([*base, "--days", "400", "--only-year-clock"]) == 0
    assert len(events_of(out.read_bytes())) > len(short)
    assert main([*base, "--only-deadlines"]) == 0
    year_clock = i18n.catalog("fi").gettext("Year clock")
    assert all(not e["CATEGORIES"][1].startswith(year_clock) for e in events_of(out.read_bytes()))


def test_usage_and_user_errors(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    assert main(["calendar", "--db", str(demo)]) == 2  # no -o
    assert main(["calendar", "--db", str(demo), "-o", str(out), "--lang", "en"]) == 2
    assert main(["calendar", "--db", str(demo), "-o", str(out), "--days", "x"]) == 2
    assert main(["calendar", "--db", str(demo), "-o", str(out), "--only-deadlines", "--only-year-clock"]) == 2
    assert main(["calendar", "--db", str(demo), "-o", str(out), "--days", "-1"]) == 2  # an option error
    assert main(["calendar", "--db", str(tmp_path / "none.sqlite"), "-o", str(out)]) == 1
    assert main(["calendar", "--db", str(demo), "-o", str(tmp_path / "no" / "dir" / "x.ics")]) == 1
    assert not out.exists()


def test_an_older_schema_is_not_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(SAMPLE_0002, old)
    before = old.read_bytes()
    assert main(["calendar", "--lang", "sv", "--db", str(old), "-o", str(tmp_path / "x.ics")]) == 1
    message = i18n.catalog("sv").gettext(
        "The database has an older schema. Open it once in the program to upgrade it."
    )
    assert message in capsys.readouterr().err
    assert old.read_bytes() == before
