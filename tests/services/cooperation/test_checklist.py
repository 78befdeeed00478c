"""The cooperation checklist: elements as data, entries per area and year, the comparison with last year."""

from __future__ import annotations

from datetime import date

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.cooperation import AreaKind, ChecklistStatus, ChecklistTemplate
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.calendar.deadlines import DeadlineKind, deadlines
from jarjestokeskus.services.cooperation.checklist import (
    EntryForm,
    checklist,
    checklist_areas,
    comparison,
    elements,
    retire_element,
    save_element,
    save_entry,
    start_year_from_last,
)

J20, COUNTY = ChecklistTemplate.JARJESTO20, ChecklistTemplate.COUNTY_DOCUMENT
M, WC = AreaKind.MUNICIPALITY, AreaKind.WELLBEING_COUNTY
PLACE, PREP, NONE = ChecklistStatus.IN_PLACE, ChecklistStatus.IN_PREPARATION, ChecklistStatus.NONE


def fill(db: Database) -> None:
    """Vaasa 2026 and 2027, Korsholm 2027, Laihia 2026, the county 2026 and 2027."""
    j = [e.id for e in elements(db, J20)]
    c = [e.id for e in elements(db, COUNTY)]
    for number, status in ((1, PLACE), (2, PLACE), (3, PREP), (8, NONE)):
        save_entry(db, j[number - 1], M, "Vaasa", 2026, EntryForm(status))
    for number, status in ((1, PLACE), (2, PLACE), (3, PLACE), (4, PREP), (8, PLACE)):
        save_entry(db, j[number - 1], M, "Vaasa", 2027, EntryForm(status, "Kaupunginkanslia", "30.4.2027"))
    save_entry(db, j[0], M, "Korsholm", 2027, EntryForm(PREP))
    save_entry(db, j[0], M, "Laihia", 2026, EntryForm(PLACE))
    save_entry(db, c[0], WC, "Pohjanmaan hyvinvointialue", 2026, EntryForm(PREP))
    save_entry(db, c[0], WC, "Pohjanmaan hyvinvointialue", 2027, EntryForm(PLACE))
    save_entry(db, c[2], WC, "Pohjanmaan hyvinvointialue", 2027, EntryForm(PREP))


def test_a_new_database_has_both_templates_elements(db: Database) -> None:
    assert [e.name_fi for e in elements(db, J20)] == [
        "Järjestöneuvottelukunta",
        "Nimetty järjestöyhdyshenkilö",
        "Yhteistyöopas",
        "Yhteinen vuosikello",
        "Tilojen käytön periaatteet",
        "Avustusperiaatteet",
        "Kokemustiedon kanava",
        "Voimassa oleva sopimus",
    ]
    assert len(elements(db, COUNTY)) == 7
    assert elements(db, COUNTY)[0].name_sv == "Partnerskapsdokument"


def test_elements_are_added_renamed_and_retired(db: Database) -> None:
    added = save_element(db, J20, "Järjestöjen tilakartoitus", "Lokalkartläggning")
    assert added.position == 9
    renamed = save_element(db, J20, "Tilakartoitus", "Lokalkartläggning", added.id, added.version)
    with pytest.raises(StaleRecord):
        save_element(db, J20, "Vanha nimi", "", added.id, added.version)
    assert elements(db, J20)[-1].name_fi == "Tilakartoitus"
    retire_element(db, renamed.id)
    assert len(elements(db, J20)) == 8
    with pytest.raises(ValidationFailed) as failed:
        save_element(db, J20, " ", "")
    assert failed.value.errors[0].field == "name_fi"


def test_one_entry_per_element_area_and_year(db: Database) -> None:
    fill(db)
    first = elements(db, J20)[0]
    save_entry(db, first.id, M, "Korsholm", 2027, EntryForm(PLACE, "Kunnanhallitus", "", "Perustettu"))
    lines = checklist(db, J20, M, "Korsholm", 2027)
    assert len(lines) == 8
    assert (
        lines[0].entry is not None and lines[0].entry.status == PLACE and lines[0].entry.note == "Perustettu"
    )
    assert all(line.entry is None for line in lines[1:])
    assert checklist_areas(db) == [
        (M, "Laihia"),
        (M, "Mustasaari"),  # typed as "Korsholm": the register's Finnish name
        (M, "Vaasa"),
        (WC, "Pohjanmaan hyvinvointialue"),
    ]
    with pytest.raises(ValidationFailed) as failed:
        save_entry(db, first.id, M, "Korsholm", 2027, EntryForm(PLACE, due_date="31.2.2027"))
    assert failed.value.errors[0].field == "due_date"


def test_the_comparison_marks_each_element_and_counts_the_change(db: Database) -> None:
    fill(db)
    result = comparison(db, J20, 2027)
    by_area = {row.area: row for row in result.rows}
    assert list(by_area) == ["Laihia", "Mustasaari", "Vaasa"]
    vaasa = by_area["Vaasa"]
    assert vaasa.statuses == (PLACE, PLACE, PLACE, PREP, None, None, None, PLACE)
    assert vaasa.previous == (PLACE, PLACE, PREP, None, None, None, None, NONE)
    # in place: 1, 2, 3, 8 this year; 1, 2 last year
    assert (vaasa.in_place, vaasa.in_place_before) == (4, 2)
    assert vaasa.changed() == [2, 3, 7]
    assert (by_area["Laihia"].in_place, by_area["Laihia"].in_place_before) == (0, 1)
    assert by_area["Mustasaari"].changed() == [0]
    county = comparison(db, COUNTY, 2027)
    assert [(r.area, r.in_place, r.in_place_before) for r in county.rows] == [
        ("Pohjanmaan hyvinvointialue", 1, 0)
    ]


def test_a_year_starts_from_last_years_state(db: Database) -> None:
    fill(db)
    assert start_year_from_last(db, J20, M, "Vaasa", 2028) == 5
    lines = checklist(db, J20, M, "Vaasa", 2028)
    assert lines[3].entry is not None and lines[3].entry.due_date == date(2028, 4, 30)
    assert start_year_from_last(db, J20, M, "Vaasa", 2028) == 0


def test_items_with_a_date_not_in_place_are_on_the_start_page(db: Database) -> None:
    fill(db)
    rows = [r for r in deadlines(db, date(2027, 4, 15), 30) if r.kind == DeadlineKind.CHECKLIST_ITEM]
    # Vaasa 2027: only element 4 (in preparation) has a date and is not in place.
    assert [(r.title_fi, r.due_date) for r in rows] == [("Vaasa – Yhteinen vuosikello", date(2027, 4, 30))]
