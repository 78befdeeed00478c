"""`jarjestokeskus events participants|feedback|reduce` run in-process: files, refusals, exit codes."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services import settings
from jarjestokeskus.services.events.feedback import feedback
from jarjestokeskus.services.events.register import get_event, list_events, save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register, registrations


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "settings_path", lambda: tmp_path / "settings.json")
    path = tmp_path / "events.sqlite"
    db = open_database(path)
    old = save_event(db, EventForm("Vanha foorumi", "", EventKind.FORUM, "8.10.2019"))
    rows = register(
        db, old.id, [RegistrationForm("Anna", "X", organisation="Aalto ry"), RegistrationForm("Bo", "Y")]
    )
    mark_attendance(db, {rows[0].id: True, rows[1].id: True})
    event = save_event(db, EventForm("Kevätfoorumi", "Vårforum", EventKind.FORUM, "10.3.2026"))
    forms = [
        RegistrationForm("Cai", "Aalto", "cai@example.fi", "Aalto ry", "fi", "gluteeniton", "", True),
        RegistrationForm("Dan", "Berg", "dan@example.fi", "Berg rf", "sv", "", "", False),
    ]
    register(db, event.id, forms)
    db.close()
    return path


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))


def test_participants_for_own_use_and_to_pass_on(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "lista.csv"
    assert main(["events", "participants", "vårforum", "--needs", "-o", str(out), "--db", str(database)]) == 0
    rows = read_csv(out)
    assert rows[0][-2:] == ["Ruokavalio", "Esteettömyystarpeet"]
    assert [r[0] for r in rows[1:]] == ["Cai", "Dan"] and rows[1][-2] == "gluteeniton"
    assert (
        main(
            [
                "events",
                "participants",
                "Kevätfoorumi",
                "--to-share",
                "--needs",
                "-o",
                str(out),
                "--db",
                str(database),
            ]
        )
        == 0
    )
    assert read_csv(out) == [
        ["Etunimi", "Sukunimi", "Organisaatio", "Kieli", "Osallistui"],
        ["Cai", "Aalto", "Aalto ry", "Suomi", ""],
    ]
    assert main(["events", "participants", "Ei ole", "-o", str(out), "--db", str(database)]) == 1


def test_feedback_imported_once(database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "palaute.csv"
    export.write_text("Nimi;Sisältö;Terveiset\nCai;5;Kiitos\nDan;4;\n", encoding="utf-8")
    assert main(["events", "feedback", "Kevätfoorumi", str(export), "--db", str(database)]) == 0
    assert "Sisältö: vastauksia 2, keskiarvo 4,5" in capsys.readouterr().out
    assert main(["events", "feedback", "Kevätfoorumi", str(export), "--db", str(database)]) == 1
    assert "tuotiin jo" in capsys.readouterr().err
    # Sisältö left out by its heading, the comments are still taken already; an unknown heading
    # or kind is named.
    command = ["events", "feedback", "Kevätfoorumi", str(export), "--db", str(database)]
    assert main([*command, "--column", "Sisältö=none"]) == 1
    assert "(palaute.csv): Terveiset." in capsys.readouterr().err
    for wrong in ("Tilat=score", "Terveiset=arvosana"):
        assert (
            main(
                ["events", "feedback", "Kevätfoorumi", str(export), "--column", wrong, "--db", str(database)]
            )
            == 1
        )
        assert wrong in capsys.readouterr().err
    db = open_database(database)
    event_id = next(e.id for e in list_events(db) if e.title_fi == "Kevätfoorumi")
    assert [(f.question, f.answers) for f in feedback(db, event_id)] == [("Sisältö", 2), ("Terveiset", 1)]
    db.close()


def old_forum(database: Path) -> tuple[list[object], int, int, int]:
    """The 2019 forum's registrations and its figures: registered, attended, organisations reached."""
    db = open_database(database)
    try:
        old = next(e for e in list_events(db) if e.starts_on == date(2019, 10, 8))
        event = get_event(db, old.id)
        return registrations(db, old.id), event.registered, event.attended, old.organisations_reached
    finally:
        db.close()


def test_reduce_asks_for_yes_and_keeps_the_figures(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "reduce", "--db", str(database)]) == 1  # no terminal to ask on
    assert "Tapahtumia: 1; pysyvästi poistuvia henkilöiden ilmoittautumisia: 2." in capsys.readouterr().err
    assert main(["events", "reduce", "--years", "0", "--yes", "--db", str(database)]) == 1
    assert main(["events", "reduce", "--yes", "--db", str(database)]) == 0
    assert "poistettuja ilmoittautumisia: 2" in capsys.readouterr().out
    # By hand: Anna (Aalto ry) and Bo (no organisation) registered and came: 2, 2, one organisation.
    assert old_forum(database) == ([], 2, 2, 1)


def test_restore_of_an_older_backup_reduces_again_and_says_so(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "usb" / "before.sqlite"
    backup.parent.mkdir()
    assert main(["--db", str(database), "backup", "-o", str(backup)]) == 0
    assert main(["events", "reduce", "--yes", "--db", str(database)]) == 0
    capsys.readouterr()

    assert main(["--lang", "sv", "restore", str(backup), "--db", str(database)]) == 0

    assert (
        "Säkerhetskopian var äldre än en ersättning av deltagarlistor med antal: listan för 1 evenemang "
        "ersattes på nytt med antal." in capsys.readouterr().out
    )
    # By hand: Anna (Aalto ry) and Bo (no organisation) registered and came: 2, 2, one organisation.
    assert old_forum(database) == ([], 2, 2, 1)


def test_reduce_names_an_own_backup_it_could_not_rewrite(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(database), "backup"]) == 0  # into the register's own backup folder
    (own,) = [p for p in capsys.readouterr().out.split() if p.endswith(".sqlite")]
    Path(own).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged: cannot be rewritten

    assert main(["events", "reduce", "--yes", "--db", str(database)]) == 0

    told = capsys.readouterr()
    assert "poistettuja ilmoittautumisia: 2" in told.out
    assert told.err.splitlines() == [
        "Näitä varmuuskopioita ei voitu kirjoittaa uudelleen; poista ne itse:",
        own,
    ]
