"""Mailing lists by filter, worked out by hand from a small register; saved lists; the contact log."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import Field, MembershipStatus, RoleKind, StaffProfile, WorkingLanguage
from jarjestokeskus.domain.organisation import OrganisationForm, RoleForm
from jarjestokeskus.domain.outreach import ContactKind, RecipientFilter, batches, vcard
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.outreach.contact_log import (
    ContactForm,
    add_contact,
    contact_log,
    last_contact,
    log_mailing,
)
from jarjestokeskus.services.outreach.mailing import find_saved_list, recipients, save_list, saved_lists

TODAY = date(2027, 2, 1)
MEMBER = MembershipStatus.MEMBER


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def build_register(db: Database) -> dict[str, uuid.UUID]:
    """Five organisations whose addresses the tests work out by hand."""
    chair = RoleKind.CHAIR
    return {
        # Finnish, own email, a chair with email
        "aalto": add(
            db,
            name_fi="Aalto ry",
            email="toimisto@aalto.example",
            municipality="Vaasa",
            membership_status=MEMBER,
            roles=[RoleForm("Anna", "Aalto", "anna@aalto.example", kind=chair)],
        ),
        # Swedish, no own email, contact person with email, a chair without email
        "bjork": add(
            db,
            name_fi="Björkbyn yhdistys ry",
            name_sv="Björkby förening rf",
            working_language=WorkingLanguage.SWEDISH,
            municipality="Korsholm",
            membership_status=MEMBER,
            staff_profile=StaffProfile.VOLUNTEER_ONLY,
            roles=[
                RoleForm("Bo", "Berg", "bo@bjorkby.example"),
                RoleForm("Britt", "Berg", "", kind=chair),
            ],
        ),
        # bilingual, culture, nobody and no email
        "cello": add(
            db,
            name_fi="Cello ry",
            working_language=WorkingLanguage.BILINGUAL,
            field=Field.CULTURE,
            municipality="vaasa",
            membership_status=MEMBER,
        ),
        # not a member: never on a members' list
        "delta": add(
            db, name_fi="Delta ry", email="delta@example.fi", membership_status=MembershipStatus.RESIGNED
        ),
        # a chair whose term has ended
        "eka": add(
            db,
            name_fi="Eka ry",
            email="eka@example.fi",
            membership_status=MEMBER,
            roles=[RoleForm("Eero", "Eka", "eero@example.fi", kind=chair, end_date="31.12.2025")],
        ),
    }


@pytest.fixture
def register(db: Database) -> dict[str, uuid.UUID]:
    return build_register(db)


def test_all_members_own_or_contact_address(db: Database, register: dict[str, uuid.UUID]) -> None:
    result = recipients(db, RecipientFilter(), today=TODAY)
    assert [(r.organisation, r.email) for r in result.recipients] == [
        ("Aalto ry", "toimisto@aalto.example"),
        ("Björkbyn yhdistys ry", "bo@bjorkby.example"),
        ("Eka ry", "eka@example.fi"),
    ]
    assert [name for _id, name, _why in result.without_address] == ["Cello ry"]


def test_chairs_of_the_swedish_speaking(db: Database, register: dict[str, uuid.UUID]) -> None:
    chosen = RecipientFilter(
        languages=(WorkingLanguage.SWEDISH, WorkingLanguage.BILINGUAL), roles=(RoleKind.CHAIR,)
    )
    result = recipients(db, chosen, language="sv", today=TODAY)
    assert result.recipients == []
    assert [(name, why) for _id, name, why in result.without_address] == [
        ("Björkby förening rf", "ei sähköpostia roolissa olevalle henkilölle"),
        ("Cello ry", "ei ketään valituissa rooleissa"),
    ]


def test_chairs_today_only(db: Database, register: dict[str, uuid.UUID]) -> None:
    result = recipients(db, RecipientFilter(roles=(RoleKind.CHAIR,)), today=TODAY)
    assert [(r.person, r.email) for r in result.recipients] == [("Anna Aalto", "anna@aalto.example")]
    assert "Eka ry" in [name for _id, name, _why in result.without_address]  # the term ended 31.12.2025


def test_municipality_any_case_and_field(db: Database, register: dict[str, uuid.UUID]) -> None:
    result = recipients(db, RecipientFilter(municipalities=("VAASA",)), today=TODAY)
    assert [r.organisation for r in result.recipients] == ["Aalto ry"]
    assert [name for _id, name, _why in result.without_address] == ["Cello ry"]
    culture = recipients(db, RecipientFilter(fields=(Field.CULTURE,)), today=TODAY)
    assert culture.recipients == [] and len(culture.without_address) == 1


def test_batches_of_fifty_and_vcards() -> None:
    addresses = [f"a{i}@example.fi" for i in range(120)]
    assert [len(b) for b in batches(addresses)] == [50, 50, 20]
    from jarjestokeskus.domain.outreach import Recipient

    card = vcard(Recipient(None, "Aalto, ry; Vaasa", "Anna Aalto", RoleKind.CHAIR, "anna@aalto.example"))
    assert "ORG:Aalto\\, ry\\; Vaasa" in card and card.startswith("BEGIN:VCARD\r\nVERSION:3.0")


def test_saved_lists_stay_current(db: Database, register: dict[str, uuid.UUID]) -> None:
    saved = save_list(db, "Puheenjohtajat", RecipientFilter(roles=(RoleKind.CHAIR,)))
    assert [s.name for s in saved_lists(db)] == ["Puheenjohtajat"]
    add(
        db,
        name_fi="Fiina ry",
        membership_status=MEMBER,
        roles=[RoleForm("Fia", "Fiina", "fia@example.fi", kind=RoleKind.CHAIR)],
    )
    found = find_saved_list(db, "puheenjohtajat")
    assert found is not None and found.id == saved.id
    assert [r.email for r in recipients(db, found.filters, today=TODAY).recipients] == [
        "anna@aalto.example",
        "fia@example.fi",
    ]
    with pytest.raises(ValidationFailed):
        save_list(db, "PUHEENJOHTAJAT", RecipientFilter())


def test_contact_log_newest_first_and_mailings_logged(db: Database, register: dict[str, uuid.UUID]) -> None:
    add_contact(db, register["aalto"], ContactForm("3.1.2027", ContactKind.CALL, "Avustushaku", "", "Maija"))
    saved = save_list(db, "Kaikki jäsenet", RecipientFilter())
    result = recipients(db, saved.filters, today=TODAY)
    assert log_mailing(db, result.organisation_ids, "Kevätkokouskutsu", TODAY, saved.id) == 3
    log = contact_log(db, register["aalto"])
    assert [(e.happened_on, e.kind, e.subject, e.mailing_list) for e in log] == [
        (TODAY, ContactKind.EMAIL, "Kevätkokouskutsu", "Kaikki jäsenet"),
        (date(2027, 1, 3), ContactKind.CALL, "Avustushaku", ""),
    ]
    last = last_contact(db, register["aalto"])
    assert last is not None and last.subject == "Kevätkokouskutsu"
    assert contact_log(db, register["cello"]) == []
    with pytest.raises(ValidationFailed) as raised:
        add_contact(db, register["aalto"], ContactForm("31.2.2027", ContactKind.CALL))
    assert [e.field for e in raised.value.errors] == ["happened_on"]
