"""The participants export: the organiser's own list and the list to pass on (consent only, no
email or needs); needs only when asked; the event found by its title or id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.events.participants import ParticipantsChoice, find_event, participants_table
from jarjestokeskus.services.events.register import save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register
from jarjestokeskus.services.exports.files import write_table


def scenario(db: Database):  # type: ignore[no-untyped-def]
    event = save_event(db, EventForm("Foorumi", "Forum", EventKind.FORUM, "8.10.2026", capacity="2"))
    forms = [
        RegistrationForm("Anna", "Aalto", "anna@example.fi", "Aalto ry", "fi", "vegaani", "", True),
        RegistrationForm("Bertil", "Björk", "b@example.fi", "Björkby rf", "sv", "", "pyörätuoli", False),
        RegistrationForm("Cilla", "Ek", "c@example.fi", "Aalto ry", "sv", "", "", True),  # waiting
    ]
    a, b, _c = register(db, event.id, forms, date(2026, 9, 1))
    mark_attendance(db, {a.id: True, b.id: False})
    return event


def test_own_use_with_and_without_needs(db: Database) -> None:
    event = scenario(db)
    title, header, rows = participants_table(db, event.id, ParticipantsChoice(), "fi")
    assert title == "Foorumi"
    assert header == ["Etunimi", "Sukunimi", "Sähköposti", "Organisaatio", "Kieli", "Tila", "Osallistui"]
    assert rows == [
        ["Anna", "Aalto", "anna@example.fi", "Aalto ry", "Suomi", "Ilmoittautunut", "kyllä"],
        ["Bertil", "Björk", "b@example.fi", "Björkby rf", "Ruotsi", "Ilmoittautunut", "ei"],
        ["Cilla", "Ek", "c@example.fi", "Aalto ry", "Ruotsi", "Varasijalla", ""],
    ]
    _t, header, rows = participants_table(db, event.id, ParticipantsChoice(needs=True), "sv")
    assert header[-2:] == ["Specialkost", "Tillgänglighetsbehov"]
    assert [r[-2:] for r in rows] == [["vegaani", ""], ["", "pyörätuoli"], ["", ""]]


def test_a_list_to_pass_on_has_only_those_who_consented(db: Database, tmp_path: Path) -> None:
    event = scenario(db)
    # Needs are never passed on, even when asked; Bertil did not consent, Cilla has no place.
    title, header, rows = participants_table(db, event.id, ParticipantsChoice(False, True), "fi")
    assert header == ["Etunimi", "Sukunimi", "Organisaatio", "Kieli", "Osallistui"]
    assert rows == [["Anna", "Aalto", "Aalto ry", "Suomi", "kyllä"]]
    write_table(tmp_path / "lista.xlsx", header, rows, "xlsx", title)
    sheet = openpyxl.load_workbook(tmp_path / "lista.xlsx").active
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [header, rows[0]]


def test_the_event_by_title_or_id(db: Database) -> None:
    event = scenario(db)
    assert find_event(db, "forum") == event.id
    assert find_event(db, str(event.id)) == event.id
    save_event(db, EventForm("Foorumi", "", EventKind.FORUM, "9.10.2027"))
    with pytest.raises(ValidationFailed) as failed:
        find_event(db, "Foorumi")
    assert str(event.id) in failed.value.errors[0].message
    with pytest.raises(ValidationFailed):
        find_event(db, "Ei ole")
