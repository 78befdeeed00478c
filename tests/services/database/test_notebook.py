"""Meeting notebooks: only the meeting's parts can be written; bringing one back merges, asks and keeps both sides."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from jarjestokeskus.db import closed_year_guard
from jarjestokeskus.db.closed_year_guard import ClosedYearChange
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import AuditEntry, ClosedYear, EventRegistration, NotebookMerge
from jarjestokeskus.db.notebook_guard import NotebookRefusal
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.services.database.meeting_copy import open_for_window, take_meeting_copy
from jarjestokeskus.services.database.merge_back import Decision, merge_back, plan_merge
from jarjestokeskus.services.database.notebook import NotANotebook
from jarjestokeskus.services.events.register import get_event, save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register, registrations
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.outreach.contact_log import ContactForm, add_contact, contact_log

TAKEN = datetime(2027, 3, 19, 8, 0, tzinfo=UTC)
FORUM = EventForm(
    "Järjestöfoorumi", "Föreningsforum", EventKind.FORUM, "20.3.2027", "", "13–16", "Vaasa", "fi_sv", "10"
)


def forum_with_three(db: Database) -> uuid.UUID:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Kylät ry"))
    event = save_event(db, FORUM).id
    people = [RegistrationForm(first, "Testinen", "", "") for first in ("Aino", "Bo", "Cecilia")]
    register(db, event, people, date(2027, 3, 1))
    return event


def by_name(db: Database, event: uuid.UUID) -> dict[str, object]:
    return {r.first_name: r for r in registrations(db, event)}


@pytest.fixture
def notebook(db: Database, tmp_path: Path) -> Path:
    forum_with_three(db)
    return take_meeting_copy(
        db, tmp_path / "notebook.sqlite", now=TAKEN, notebook=True, recorder="Kaisa Kirjuri"
    )


def open_notebook(path: Path) -> Database:
    notebook = open_database(path, migrate=False)
    assert notebook.notebook is not None and not notebook.read_only
    return notebook


def test_a_notebook_writes_the_meeting_parts_and_refuses_the_rest(db: Database, notebook: Path) -> None:
    copy = open_notebook(notebook)
    try:
        event = get_event(copy, next(iter(_events(copy))))
        people = by_name(copy, event.id)
        mark_attendance(copy, {people["Aino"].id: True, people["Bo"].id: False})  # attendance
        register(copy, event.id, [RegistrationForm("Daniel", "Paikalla", "", "")], date(2027, 3, 20))
        notes = FORUM.__class__(**{**FORUM.__dict__, "notes": "Kahvit loppuivat kesken."})
        save_event(copy, notes, event.id)  # an event's notes
        organisation = _organisation_id(copy)
        add_contact(copy, organisation, ContactForm("20.3.2027", ContactKind.MEETING, "Foorumissa"))
        with pytest.raises(NotebookRefusal) as refused:
            save_organisation(copy, OrganisationForm(name_fi="Uusi ry"))
        message = refused.value.user_message()
        assert "muistikirja" in message.lower() and "Organisaatio" in message
        renamed = FORUM.__class__(
            **{**FORUM.__dict__, "title_fi": "Toinen nimi", "notes": "Kahvit loppuivat kesken."}
        )
        with pytest.raises(NotebookRefusal):
            save_event(copy, renamed, event.id)  # the event's title is not the meeting's part
        assert get_event(copy, event.id).title_fi == "Järjestöfoorumi"
        assert {r.first_name: r.attended for r in registrations(copy, event.id)} == {
            "Aino": True,
            "Bo": False,
            "Cecilia": None,
            "Daniel": None,
        }
    finally:
        copy.close()


def _events(db: Database) -> list[uuid.UUID]:
    from jarjestokeskus.db.models import Event

    with db.reading() as session:
        return list(session.scalars(select(Event.id)))


def _organisation_id(db: Database) -> uuid.UUID:
    from jarjestokeskus.db.models import Organisation

    with db.reading() as session:
        found = session.scalars(select(Organisation.id)).first()
    assert found is not None
    return found


def test_a_plain_meeting_copy_is_not_a_notebook(db: Database, tmp_path: Path) -> None:
    forum_with_three(db)
    plain = take_meeting_copy(db, tmp_path / "plain.sqlite")
    with pytest.raises(NotANotebook):
        plan_merge(db, plain)
    window_db, _info = open_for_window(plain)
    try:
        assert window_db.read_only and window_db.notebook is None
    finally:
        window_db.close()


def test_the_window_opens_a_notebook_read_only_but_for_the_meeting_parts(notebook: Path) -> None:
    from jarjestokeskus.services.database.notebook import writes_meeting_parts

    window_db, info = open_for_window(notebook)
    try:
        assert info is not None and window_db.read_only and window_db.notebook is not None
        assert writes_meeting_parts(window_db)
        event = _events(window_db)[0]
        aino = by_name(window_db, event)["Aino"]
        mark_attendance(window_db, {aino.id: True})
        assert by_name(window_db, event)["Aino"].attended is True
    finally:
        window_db.close()


def _mark_in_notebook(path: Path, attended: dict[str, bool]) -> None:
    copy = open_notebook(path)
    try:
        event = _events(copy)[0]
        people = by_name(copy, event)
        mark_attendance(copy, {people[name].id: came for name, came in attended.items()})
    finally:
        copy.close()


def _history(db: Database, record_id: uuid.UUID) -> list[tuple[str, str, dict]]:
    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == record_id).order_by(AuditEntry.at)
        )
        return [(e.action, e.user, e.changes) for e in entries]


def test_merge_brings_attendance_back_under_the_recorder_once(db: Database, notebook: Path) -> None:
    _mark_in_notebook(notebook, {"Aino": True, "Bo": True, "Cecilia": False})
    event = _events(db)[0]
    plan = plan_merge(db, notebook)
    assert len(plan.items) == 3 and not plan.conflicts
    result = merge_back(db, notebook)
    assert (result.created, result.updated, result.not_taken, result.undecided) == (0, 3, 0, 0)
    people = by_name(db, event)
    assert {n: r.attended for n, r in people.items()} == {"Aino": True, "Bo": True, "Cecilia": False}
    assert get_event(db, event).attended == 2
    assert _history(db, people["Aino"].id)[-1] == ("update", "Kaisa Kirjuri", {"attended": [None, True]})
    with db.reading() as session:
        before = session.scalars(select(AuditEntry.id)).all()
        versions = dict(session.execute(select(EventRegistration.id, EventRegistration.version)).all())
    again = merge_back(db, notebook)
    assert (again.created, again.updated, again.not_taken, again.already_merged) == (0, 0, 0, 3)
    with db.reading() as session:
        assert session.scalars(select(AuditEntry.id)).all() == before
        assert (
            dict(session.execute(select(EventRegistration.id, EventRegistration.version)).all()) == versions
        )
        assert session.scalar(select(NotebookMerge.recorder)) == "Kaisa Kirjuri"
    assert plan_merge(db, notebook).items == ()


def test_a_conflict_is_asked_and_neither_side_is_lost(db: Database, notebook: Path) -> None:
    _mark_in_notebook(notebook, {"Aino": True, "Bo": True})
    event = _events(db)[0]
    people = by_name(db, event)
    mark_attendance(db, {people["Aino"].id: False, people["Bo"].id: False})  # the register meanwhile
    plan = plan_merge(db, notebook)
    conflicts = {c.name: c for c in plan.conflicts}
    assert set(conflicts) == {"Aino Testinen", "Bo Testinen"}
    (difference,) = conflicts["Aino Testinen"].differences
    assert (difference.key, difference.register, difference.notebook) == ("attended", False, True)
    undecided = merge_back(db, notebook)  # nothing decided: nothing conflicting merged
    assert undecided.undecided == 2 and undecided.updated == 0
    assert {n: r.attended for n, r in by_name(db, event).items() if n != "Cecilia"} == {
        "Aino": False,
        "Bo": False,
    }
    decided = merge_back(
        db,
        notebook,
        {
            conflicts["Aino Testinen"].record_id: Decision.NOTEBOOK,
            conflicts["Bo Testinen"].record_id: Decision.REGISTER,
        },
    )
    assert (decided.updated, decided.not_taken, decided.undecided) == (1, 1, 0)
    now = by_name(db, event)
    assert (now["Aino"].attended, now["Bo"].attended) == (True, False)
    # Aino: the register's value stays in the history as the old one; Bo: the notebook's, as not taken.
    assert _history(db, now["Aino"].id)[-1] == ("update", "Kaisa Kirjuri", {"attended": [False, True]})
    assert _history(db, now["Bo"].id)[-1] == ("not-taken", "Kaisa Kirjuri", {"attended": [False, True]})
    assert merge_back(db, notebook).already_merged == 2  # decided once: not asked again


def test_a_closed_year_refuses_the_merge_unless_confirmed(db: Database, notebook: Path) -> None:
    _mark_in_notebook(notebook, {"Aino": True})
    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=2027, closed_on=date(2028, 1, 20), closed_by="test"))
    with pytest.raises(ClosedYearChange) as refused:
        merge_back(db, notebook)
    assert "2027" in refused.value.user_message()
    assert by_name(db, _events(db)[0])["Aino"].attended is None
    with closed_year_guard.confirmed([2027]):
        assert merge_back(db, notebook).updated == 1


def test_new_registrations_and_contacts_come_back_with_their_ids(db: Database, notebook: Path) -> None:
    organisation = _organisation_id(db)
    copy_path = take_meeting_copy(db, notebook.with_name("second.sqlite"), notebook=True, recorder="Kaisa")
    copy = open_notebook(copy_path)
    try:
        event = _events(copy)[0]
        (daniel,) = register(copy, event, [RegistrationForm("Daniel", "Paikalla", "", "")], date(2027, 3, 20))
        contact = add_contact(copy, organisation, ContactForm("20.3.2027", ContactKind.MEETING, "Foorumissa"))
    finally:
        copy.close()
    result = merge_back(db, copy_path)
    assert (result.created, result.updated) == (2, 0)
    assert by_name(db, event)["Daniel"].id == daniel.id
    assert [c.id for c in contact_log(db, organisation)] == [contact]
    assert merge_back(db, copy_path).already_merged == 2
