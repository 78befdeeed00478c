"""`jarjestokeskus person export|erase` run in-process: files written, confirmation, exit codes."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.staff.employment import get_person, save_person
from jarjestokeskus.services.staff.statistics import staff_statistics


@pytest.fixture
def database(tmp_path: Path) -> tuple[Path, uuid.UUID]:
    path = tmp_path / "staff.sqlite"
    db = open_database(path)
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    period = EmploymentForm(
        EmploymentScheme.PAY_SUBSIDY, "Avustaja", "1.3.2025", "31.12.2025", "30", subsidy_percent="50"
    )
    person = save_person(db, PersonForm("Jörn", "Åberg", "jorn@example.fi", employments=[period])).id
    save_person(db, PersonForm("Anna", "Åberg", employments=[EmploymentForm(start_date="1.1.2025")]))
    db.close()
    return path, person


def test_export_json_by_name_and_id(database: tuple[Path, uuid.UUID], tmp_path: Path) -> None:
    path, person = database
    out = tmp_path / "out.json"
    assert (
        main(["person", "export", "Jörn Åberg", "--format", "json", "-o", str(out), "--db", str(path)]) == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["person"]["id"] == str(person) and data["employments"][0]["scheme"] == "pay_subsidy"
    assert main(["--db", str(path), "person", "export", str(person), "-o", str(out)]) == 0


def test_export_pdf_in_swedish(database: tuple[Path, uuid.UUID], tmp_path: Path) -> None:
    path, person = database
    out = tmp_path / "out.pdf"
    assert (
        main(
            [
                "person",
                "export",
                str(person),
                "--format",
                "pdf",
                "-o",
                str(out),
                "--db",
                str(path),
                "--lang",
                "sv",
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_export_unknown_or_ambiguous_name(
    database: tuple[Path, uuid.UUID], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _person = database
    out = tmp_path / "out.json"
    assert main(["person", "export", "Nobody", "-o", str(out), "--db", str(path)]) == 1
    assert _("No person is called {name}.").format(name="Nobody") in capsys.readouterr().err
    assert main(["person", "export", "Åberg", "-o", str(out), "--db", str(path)]) == 1
    assert "Jörn Åberg" in capsys.readouterr().err
    assert not out.exists()


def test_erase_needs_yes_without_a_terminal(
    database: tuple[Path, uuid.UUID], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, person = database
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["person", "erase", str(person), "--db", str(path)]) == 1
    assert _("Erasing cannot be undone: confirm it with --yes.") in capsys.readouterr().err
    db = open_database(path)
    assert not get_person(db, person).anonymised
    before = staff_statistics(db, 2025)
    db.close()
    assert main(["person", "erase", str(person), "--yes", "--db", str(path)]) == 0
    db = open_database(path)
    try:
        assert get_person(db, person).anonymised and get_person(db, person).email == ""
        assert staff_statistics(db, 2025) == before
    finally:
        db.close()


def test_erase_asks_on_a_terminal(database: tuple[Path, uuid.UUID], monkeypatch: pytest.MonkeyPatch) -> None:
    path, person = database
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert main(["person", "erase", str(person), "--db", str(path)]) == 1
    monkeypatch.setattr("builtins.input", lambda _prompt: _("yes"))
    assert main(["person", "erase", str(person), "--db", str(path)]) == 0


def test_erase_by_name_is_refused_and_missing_database(
    tmp_path: Path, database: tuple[Path, uuid.UUID]
) -> None:
    path, _person = database
    assert main(["person", "erase", "Jörn", "--yes", "--db", str(path)]) == 1
    assert main(["person", "erase", str(uuid.uuid4()), "--yes", "--db", str(path)]) == 1
    assert main(["person", "erase", str(uuid.uuid4()), "--yes", "--db", str(tmp_path / "none.sqlite")]) == 1
    assert not (tmp_path / "none.sqlite").exists()


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["person"]) == 2
    assert main(["person", "export"]) == 2
    assert main(["--help"]) == 0
    assert "    person " in capsys.readouterr().out


def test_a_contact_person_removed_from_an_organisation_is_listed_and_can_be_erased(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from jarjestokeskus.db.models import Person, Role
    from jarjestokeskus.domain.enums import RoleKind

    path = tmp_path / "register.sqlite"
    db = open_database(path)
    organisation = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry")).id
    with db.transaction() as session:
        kept, removed = Person(first_name="Aino", last_name="Ala"), Person(first_name="Eero", last_name="Ek")
        session.add_all([kept, removed])
        session.flush()
        session.add(Role(person_id=kept.id, organisation_id=organisation, kind=RoleKind.CONTACT_PERSON))
        role = Role(person_id=removed.id, organisation_id=organisation, kind=RoleKind.CONTACT_PERSON)
        session.add(role)
        session.flush()
        role.archived_at = datetime.now(UTC)  # removed from the organisation
        removed_id = removed.id
    db.close()
    assert main(["--db", str(path), "person", "unattached"]) == 0
    out = capsys.readouterr().out
    assert f"{removed_id}  Eero Ek" in out and "Aino" not in out
    assert main(["--db", str(path), "person", "erase", str(removed_id), "--yes"]) == 0
    assert "Eero Ek" in capsys.readouterr().out
    assert main(["--db", str(path), "person", "unattached"]) == 0
    assert str(removed_id) not in capsys.readouterr().out
    assert b"Eero" not in path.read_bytes()
