"""Erased means erased: not in the database file, its WAL, the backups, nor a register restored
from an older backup written elsewhere; and the ledger erases again whatever old copy is opened."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import (
    Agreement,
    AgreementGoal,
    AgreementParty,
    AuditEntry,
    ContactEntry,
    Employment,
    Event,
    EventRegistration,
    MonitoringEntry,
    Organisation,
    Person,
)
from jarjestokeskus.domain.enums import AgreementKind, EmploymentScheme, MonitoringStatus
from jarjestokeskus.domain.events import EventKind, RegistrationStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.services.database.backups import automatic_backup, backup_folder
from jarjestokeskus.services.database.maintenance import backup_database, restore_database
from jarjestokeskus.services.database.written_files import remember_written
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import erase_person, export_person

pytestmark = pytest.mark.sqlite_only

NAME = ("Ulrika", "Kvarnström")
EMAIL = "ulrika.kvarnstrom@example.fi"
PHONE = "040 765 4321"
# Bytes that would give the person away: the name (also as JSON writes it, "Kvarnstr\u00f6m"),
# the email and the phone.
TRACES = (b"Kvarnstr", b"Ulrika", EMAIL.encode(), PHONE.encode())


def add_person_everywhere(db: Database) -> uuid.UUID:
    """A worker who signed an agreement, agreed orally and wrote a follow-up; a later phone change."""
    home_id = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry"), is_home=True).id
    city_id = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki")).id
    with db.transaction() as session:
        home, city = session.get(Organisation, home_id), session.get(Organisation, city_id)
        person = Person(first_name=NAME[0], last_name=NAME[1], email=EMAIL, phone="040 000 0000")
        session.add(person)
        session.flush()
        session.add(
            Employment(
                person_id=person.id,
                employer_id=home.id,
                scheme=EmploymentScheme.PAY_SUBSIDY,
                start_date=date(2025, 1, 1),
                decision_number="TE-123",
                outcome_note=f"{NAME[0]} {NAME[1]} continues in studies",
            )
        )
        agreement = Agreement(
            kind=AgreementKind.ORAL,
            title_fi="Tilat",
            oral_agreed_by=f"{NAME[0]} {NAME[1]} (toiminnanjohtaja)",
        )
        session.add(agreement)
        session.flush()
        session.add(
            AgreementParty(
                agreement_id=agreement.id, organisation_id=city.id, signatory=f"{NAME[1]} {NAME[0]}"
            )
        )
        goal = AgreementGoal(agreement_id=agreement.id, title_fi="Tavoite")
        session.add(goal)
        session.flush()
        session.add(
            MonitoringEntry(
                goal_id=goal.id,
                entry_date=date(2025, 3, 1),
                status=MonitoringStatus.ON_TRACK,
                written_by=f"{NAME[0]} {NAME[1]}",
                note=f"Soita {PHONE} tai {EMAIL}",
            )
        )
        person_id = person.id
        session.add(
            ContactEntry(
                organisation_id=city.id,
                happened_on=date(2025, 4, 1),
                kind=ContactKind.MEETING,
                done_by=f"{NAME[0]} {NAME[1]}",
                note=f"Sovittu, {NAME[0]} {NAME[1]} soittaa",
            )
        )
        event = Event(title_fi="Syysfoorumi", kind=EventKind.FORUM, starts_on=date(2025, 10, 1))
        session.add(event)
        session.flush()
        session.add(
            EventRegistration(
                event_id=event.id,
                first_name=NAME[0],
                last_name=NAME[1],
                email=EMAIL,
                dietary="gluteeniton",
                status=RegistrationStatus.REGISTERED,
                registered_on=date(2025, 9, 1),
            )
        )
    with db.transaction() as session:
        session.get(Person, person_id).phone = PHONE  # the old phone goes into the change history
    return person_id


def traces_in(*files: Path) -> list[str]:
    found = []
    for file in files:
        if file.is_file():
            data = file.read_bytes()
            found += [f"{file.name}: {trace!r}" for trace in TRACES if trace in data]
    return found


def register_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), *sorted(backup_folder(path).glob("*"))]


def test_erased_person_is_nowhere_not_even_after_restoring_an_old_backup(
    db: Database, tmp_path: Path
) -> None:
    person_id = add_person_everywhere(db)
    path = db.path
    assert path is not None
    automatic_backup(db, datetime(2025, 6, 1, 12))
    backup_database(db)  # a manual one, into the backup folder
    elsewhere = tmp_path / "usb" / "vanha.sqlite"
    elsewhere.parent.mkdir()
    backup_database(db, elsewhere)
    remember_written(path, elsewhere, "backup")  # as `backup -o` does
    assert traces_in(*register_files(path), elsewhere)  # the test can see what it looks for

    exported = export_person(db, person_id)  # the right of access: every place she is named
    assert {(n["entity"], n["field"]) for n in exported["named_in"]} == {
        ("AgreementParty", "signatory"),
        ("Agreement", "oral_agreed_by"),
        ("MonitoringEntry", "written_by"),
        ("MonitoringEntry", "note"),
        ("ContactEntry", "done_by"),
        ("ContactEntry", "note"),
    }
    assert [r["dietary"] for r in exported["event_registrations"]] == ["gluteeniton"]

    result = erase_person(db, person_id)

    assert len(result.rewritten) == 2 and not result.failed, result
    # Named to the user: the backup written elsewhere (and exports other tests wrote, which the
    # record cannot tell from this database's), never a file the erasure did reach.
    assert elsewhere.resolve() in result.unreachable
    assert not {p.resolve() for p in register_files(path)} & set(result.unreachable)
    assert traces_in(*register_files(path)) == []
    with db.reading() as session:
        assert session.get(Person, person_id).anonymised
        assert "[erased]" in session.scalars(select(AgreementParty.signatory)).one()
        assert session.scalars(select(MonitoringEntry.written_by)).one() == "[erased]"
        assert "(toiminnanjohtaja)" in session.scalars(select(Agreement.oral_agreed_by)).one()
        assert session.scalars(select(Employment.decision_number)).one() == ""
        assert session.scalars(select(ContactEntry.done_by)).one() == "[erased]"
        assert session.scalars(select(EventRegistration.anonymised)).one()

    db.close()
    restore_database(path, elsewhere)  # the old backup names her: she is erased again

    assert traces_in(*register_files(path)) == []
    reopened = open_database(path)
    try:
        with reopened.reading() as session:
            assert session.get(Person, person_id).anonymised
            assert any(e.action == "erase" for e in session.scalars(select(AuditEntry)))
    finally:
        reopened.close()


def test_an_old_copy_opened_directly_is_erased_on_opening(db: Database, tmp_path: Path) -> None:
    person_id = add_person_everywhere(db)
    old = tmp_path / "copy" / "old.sqlite"
    old.parent.mkdir()
    backup_database(db, old)
    erase_person(db, person_id)
    opened = open_database(old)  # the ledger beside the program knows this register's erasures
    try:
        with opened.reading() as session:
            assert session.get(Person, person_id).anonymised
    finally:
        opened.close()
    assert traces_in(old, old.with_name(old.name + "-wal")) == []


def test_secure_delete_is_on(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
