"""The directory of member activities: searched, narrowed, exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.cooperation.activities import (
    ActivityForm,
    activities,
    export_activities,
    save_activity,
)
from tests.services.cooperation.scenario import region


def _directory(db: Database) -> dict:  # type: ignore[type-arg]
    ids = region(db)
    save_activity(
        db,
        ids["A"],
        ActivityForm(
            "Vertaisryhmä omaishoitajille",
            "Kamratgrupp för närståendevårdare",
            audience="Omaishoitajat",
            place="Kirkkopuistikko 1",
            municipality="Vaasa",
            schedule="Ti 17–19",
            languages="fi, sv",
            contact="ryhma@aalto.example",
        ),
    )
    save_activity(
        db,
        ids["D"],
        ActivityForm(
            "Kamratgrupp för närståendevårdare",
            "",
            municipality="Korsholm",
            schedule="Ons 13",
            languages="sv",
        ),
    )
    save_activity(
        db,
        ids["B"],
        ActivityForm(
            "Muistikahvila",
            "Minneskafé",
            audience="Muistisairaat ja läheiset",
            municipality="Vaasa",
            languages="fi",
        ),
    )
    return ids


def test_search_by_every_word_and_narrow_by_municipality_and_language(db: Database) -> None:
    _directory(db)
    assert [r.title("fi") for r in activities(db)] == [
        "Kamratgrupp för närståendevårdare",
        "Muistikahvila",
        "Vertaisryhmä omaishoitajille",
    ]
    # The same thing twice: the Swedish name finds both peer groups.
    assert [r.organisation for r in activities(db, "kamratgrupp närstående")] == ["Dahl ry", "Aalto ry"]
    assert [r.title("sv") for r in activities(db, "aalto")] == ["Kamratgrupp för närståendevårdare"]
    assert [r.title("fi") for r in activities(db, municipality="Vaasa", language_code="sv")] == [
        "Vertaisryhmä omaishoitajille"
    ]
    assert activities(db, "100%_") == []


def test_wrong_fields_are_named(db: Database) -> None:
    ids = region(db)
    with pytest.raises(ValidationFailed) as failed:
        save_activity(db, ids["A"], ActivityForm("", "", languages="fi, ru"))
    assert {e.field for e in failed.value.errors} == {"title_fi", "languages"}


def test_the_directory_is_exported_as_listed(db: Database, tmp_path: Path) -> None:
    _directory(db)
    target = tmp_path / "palvelut.xlsx"
    export_activities(activities(db, municipality="Vaasa"), target, "xlsx", "fi")
    sheet = load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Toiminta", "Organisaatio", "Kuvaus"]
    assert [r[0] for r in rows[1:]] == ["Muistikahvila", "Vertaisryhmä omaishoitajille"]
    assert rows[2][7] == "fi, sv"
