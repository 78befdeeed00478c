"""The right of access covers every place the schema keeps a person: each table that refers to a
person, each table with persons' own names, and each free text where someone may be named. A new
table or text column fails here until the export (and the erasure) reach it or it is judged here."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import Text

from jarjestokeskus import i18n
from jarjestokeskus.db import models  # noqa: F401  (every table in the metadata)
from jarjestokeskus.db.base import Base
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.erasure import NAMING_FIELDS
from jarjestokeskus.db.models import (
    Body,
    BodyMeeting,
    BodySeat,
    ContactEntry,
    Event,
    EventRegistration,
    Person,
    Role,
)
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind, SeatRole
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme, RoleKind
from jarjestokeskus.domain.events import EventKind, RegistrationStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.reports.person_data import person_data_pdf
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import export_person
from jarjestokeskus.services.staff.employment import save_person
from tests.reports.test_person_data import text_of

# Where the export lists each reference to a person, and each table of persons' own names.
REFERENCES = {
    ("role", "person_id"): "roles",
    ("employment", "person_id"): "employments",
    ("employment", "supervisor_id"): "supervises",
    ("body_seat", "person_id"): "representation",
}
OWN_NAMES = {"person": "person", "event_registration": "event_registrations"}
# Text columns judged not to name people: templates and rules the office writes for everyone,
# derived columns, an agreement goal's commitments (of organisations), a decision's own note.
NOT_NAMING = {
    ("fee_year", "message_fi"), ("fee_year", "message_sv"),
    ("letter_template", "body_fi"), ("letter_template", "body_sv"),
    ("mailing_list", "filters"), ("closed_report", "figures"),
    ("organisation", "search_text"), ("member_activity", "search_text"),
    ("survey_question", "text_fi"), ("survey_question", "text_sv"), ("survey_question", "options"),
    ("scheme_limit", "note"), ("instalment_rule", "note"), ("reporting_rule", "note"),
    ("member_premises", "terms"),
    ("welfare_objective", "themes"),  # survey theme keys
    ("agreement_goal", "our_commitment"), ("agreement_goal", "counterparty_commitment"),
    ("agreement_goal", "indicator"), ("agreement_goal", "follow_up_method"),
    ("employment", "outcome_note"),  # the person's own period: in "employments", erased with it
    ("event_feedback_import", "questions"),  # a feedback form's column headings (the questions)
}  # fmt: skip


def test_every_reference_to_a_person_has_its_place_in_the_export() -> None:
    person = Base.metadata.tables["person"]
    found = {
        (table.name, key.parent.name)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table is person
    }
    assert found == set(REFERENCES)
    named = {
        table.name
        for table in Base.metadata.sorted_tables
        if {"first_name", "last_name"} <= set(table.columns.keys())
    }
    assert named == set(OWN_NAMES)


def test_every_free_text_is_searched_for_the_person_or_judged_not_to_name_people() -> None:
    searched = {(model.__tablename__, field) for model, fields in NAMING_FIELDS for field in fields}
    texts = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Text)
    }
    assert texts - searched - NOT_NAMING == set()


@pytest.fixture
def everywhere(db: Database) -> uuid.UUID:
    """Saara in every place: a role, a period, supervising another's, a seat, a registration,
    named in a meeting's decisions and in the contact log."""
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    member = save_organisation(db, OrganisationForm(name_fi="Jasenyhdistys ry")).id
    own = EmploymentForm(EmploymentScheme.PERMANENT, "Koordinaattori", "1.1.2026", "30.6.2026", "30")
    saara = save_person(db, PersonForm("Saara", "Seppala", "saara@example.fi", employments=[own])).id
    supervised = EmploymentForm(
        EmploymentScheme.WORK_TRIAL, "Kokeilija", "1.2.2026", "30.4.2026", "20", supervisor_id=saara
    )
    save_person(db, PersonForm("Olli", "Ohjattava", employments=[supervised]))
    with db.transaction() as session:
        session.add(Role(person_id=saara, organisation_id=member, kind=RoleKind.CONTACT_PERSON))
        body = Body(kind=BodyKind.ADVISORY_BOARD, name_fi="Jarjestoneuvottelukunta", area_kind=AreaKind.MUNICIPALITY, area="Vaasa")  # fmt: skip
        session.add(body)
        session.flush()
        session.add(BodySeat(body_id=body.id, person_id=saara, organisation_id=member, role=SeatRole.CHAIR))
        session.add(
            BodyMeeting(
                body_id=body.id, held_on=date(2026, 3, 1), decisions="Puheenjohtajaksi Saara Seppala."
            )
        )
        event = Event(title_fi="Kevatseminaari", kind=EventKind.TRAINING, starts_on=date(2026, 4, 2))
        session.add(event)
        session.flush()
        session.add(
            EventRegistration(
                event_id=event.id, first_name="Saara", last_name="Seppala", email="saara@example.fi",
                dietary="gluteeniton", status=RegistrationStatus.REGISTERED, registered_on=date(2026, 3, 20),
            )
        )  # fmt: skip
        session.add(
            ContactEntry(
                organisation_id=member,
                happened_on=date(2026, 3, 5),
                kind=ContactKind.CALL,
                note="Soitti saara@example.fi",
            )  # fmt: skip
        )
    with db.reading() as session:
        assert session.get(Person, saara) is not None
    return saara


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_export_and_its_pdf_show_every_place(db: Database, everywhere: uuid.UUID, language: str) -> None:
    data = export_person(db, everywhere)
    for key in (*REFERENCES.values(), *OWN_NAMES.values()):
        assert data[key], key
    assert {(n["entity"], n["field"]) for n in data["named_in"]} == {
        ("BodyMeeting", "decisions"),
        ("ContactEntry", "note"),
    }
    entities = {h["entity"] for h in data["history"]}
    assert {"Person", "Employment", "Role", "BodySeat", "EventRegistration"} <= entities
    pdf = person_data_pdf(data, language)
    text = " ".join(text_of(pdf).split())
    t = i18n.catalog(language).gettext
    for heading in (
        "Seats in bodies",
        "Supervisor of these periods",
        "Event registrations",
        "Named in other records",
    ):
        assert t(heading) in text, heading
    for shown in (
        "Jarjestoneuvottelukunta",
        "Kokeilija",
        "Kevatseminaari",
        "gluteeniton",
        "Puheenjohtajaksi Saara Seppala.",
    ):
        assert shown in text, shown
    assert t("Chair") in text
    assert "Olli" not in text  # the supervised person's own data is theirs
    assert "person_id" not in text and "body_id" not in text  # links are no changes to show


def test_erasure_scrubs_the_same_free_texts(db: Database, everywhere: uuid.UUID) -> None:
    from sqlalchemy import select

    from jarjestokeskus.services.person_data import erase_person

    erase_person(db, everywhere)
    with db.reading() as session:
        decisions = session.scalars(select(BodyMeeting.decisions)).one()
        note = session.scalars(select(ContactEntry.note)).one()
    assert "Saara" not in decisions and "saara@example.fi" not in note
    assert decisions == "Puheenjohtajaksi [erased]."
