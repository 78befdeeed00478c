"""Erasing a person everywhere in one database, and the ledger that erases them again in old copies.

The person's own row keeps only its id; every text field that names them (an agreement's
signatory and "agreed by", a follow-up's "written by" and note) loses the name, the email and the
phone; and so do the old values of the change history. The ledger (ids only) is kept in the
database and, per register identity, in a small file in the user's data folder: whenever an older
copy is opened or restored, its persons in the ledger are erased again before anything is shown.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.models import (
    Agreement,
    AgreementParty,
    AuditEntry,
    BankPayment,
    Body,
    BodyMeeting,
    ChecklistEntry,
    ClosedYear,
    ContactEntry,
    Employment,
    Erasure,
    Event,
    EventFeedback,
    EventRegistration,
    MemberActivity,
    MemberGrant,
    MonitoringEntry,
    Organisation,
    Person,
    Project,
    RegisterIdentity,
    SurveyAnswer,
    YearClockTask,
)

ERASED = "[erased]"  # what stands where a personal value was
ANONYMISED_NAME = "Anonymised"
PERSON_FIELDS = ("first_name", "last_name", "email", "phone")
# Employment fields that may tell who the person is; the rest is what the statistics need.
PERSONAL_EMPLOYMENT_FIELDS = ("outcome_note", "decision_number")
# Free text where people may be named by hand: who signed, who agreed orally, who wrote a
# follow-up or made a contact, who paid, meetings' agendas and decisions, notes. An erasure scrubs
# the person's name, email and phone from each; the export lists where they stand.
NAMING_FIELDS: tuple[tuple[type, tuple[str, ...]], ...] = (
    (AgreementParty, ("signatory",)),
    (Agreement, ("oral_agreed_by", "description")),
    (MonitoringEntry, ("written_by", "note")),
    (ContactEntry, ("done_by", "subject", "note")),
    (Organisation, ("notes",)),
    (Body, ("note",)),
    (BodyMeeting, ("agenda", "decisions")),
    (Event, ("partners", "notes")),
    (EventFeedback, ("comments",)),
    (ChecklistEntry, ("owner", "note")),
    (MemberGrant, ("note",)),
    (MemberActivity, ("contact", "description")),
    (BankPayment, ("payer",)),
    (ClosedYear, ("reopen_reason",)),
    (Project, ("description",)),
    (SurveyAnswer, ("text_value",)),
    (YearClockTask, ("notes",)),
)
LEDGER_FILE = "erasures.json"


def terms_of(person: Person) -> list[str]:
    """The texts that identify the person: full name both ways round, email and phone."""
    first, last = person.first_name.strip(), person.last_name.strip()
    names = [f"{first} {last}", f"{last} {first}", f"{last}, {first}"] if first and last else []
    found = [*names, person.email.strip(), person.phone.strip()]
    return [t for t in dict.fromkeys(found) if len(t) >= 3 and t != ANONYMISED_NAME]


def scrub_text(text: str, terms: list[str]) -> str:
    for term in terms:
        text = re.sub(re.escape(term), ERASED, text, flags=re.IGNORECASE)
    return text


def naming(session: Session, terms: list[str]) -> list[tuple[Any, str, str]]:
    """(record, field, text) of every free-text field that names the person by one of `terms`."""
    found: list[tuple[Any, str, str]] = []
    if not terms:
        return found
    for model, fields in NAMING_FIELDS:
        columns = [getattr(model, field) for field in fields]
        for row in session.execute(select(model.id, *columns)):
            named = [f for f, v in zip(fields, row[1:], strict=True) if v and scrub_text(v, terms) != v]
            if named:
                record = session.get(model, row[0])
                found += [(record, field, getattr(record, field)) for field in named]
    return found


def erase_in_session(session: Session, person_id: uuid.UUID) -> bool:
    """Erase the person in this session's database; False when there is no such person."""
    person = session.get(Person, person_id)
    if person is None:
        return False
    terms = terms_of(person)
    person.first_name = ANONYMISED_NAME
    person.last_name = person.email = person.phone = ""
    person.anonymised = True
    employments = session.scalars(select(Employment).where(Employment.person_id == person_id)).all()
    for employment in employments:
        employment.outcome_note = ""
        employment.decision_number = ""
    registrations = _erase_registrations(session, terms)
    for record, field, value in naming(session, terms):
        setattr(record, field, scrub_text(value, terms))
    session.flush()  # the change history of this erase is written here, and scrubbed next
    # The change history of the person's own records: every personal value, whatever it says.
    own = {
        "Person": ({person_id}, PERSON_FIELDS),
        "Employment": ({e.id for e in employments}, PERSONAL_EMPLOYMENT_FIELDS),
        "EventRegistration": (registrations, REGISTRATION_FIELDS),
    }
    for entry in session.scalars(select(AuditEntry)).yield_per(500):
        changes = entry.changes or {}
        ids, fields = own.get(entry.entity, (set(), ()))
        scrubbed = _scrubbed(changes, fields if entry.entity_id in ids else (), terms)
        if scrubbed != changes:
            entry.changes = scrubbed
    session.add(
        AuditEntry(
            user=session.info.get("user") or os_user(),
            action="erase",
            entity="Person",
            entity_id=person_id,
            owner_id=person_id,
            changes={key: [ERASED, None] for key in PERSON_FIELDS},
        )
    )
    if session.get(Erasure, person_id) is None:
        session.add(Erasure(person_id=person_id))
    return True


REGISTRATION_FIELDS = ("first_name", "last_name", "email", "dietary", "accessibility")


def registrations_of(session: Session, terms: list[str]) -> list[EventRegistration]:
    """The person's own event registrations: the same name or the same email."""
    lowered = {t.casefold() for t in terms}
    found = []
    for registration in session.scalars(
        select(EventRegistration).where(EventRegistration.anonymised.is_(False))
    ):
        name = f"{registration.first_name.strip()} {registration.last_name.strip()}".casefold()
        email = registration.email.strip().casefold()
        if name in lowered or (email and email in lowered):
            found.append(registration)
    return found


def _erase_registrations(session: Session, terms: list[str]) -> set[uuid.UUID]:
    erased = set()
    for registration in registrations_of(session, terms):
        registration.first_name = registration.last_name = registration.email = ""
        registration.dietary = registration.accessibility = ""
        registration.anonymised = True
        erased.add(registration.id)
    return erased


def _scrubbed(changes: dict[str, Any], fields: tuple[str, ...], terms: list[str]) -> dict[str, Any]:
    """The same changes with the person's values replaced by the marker."""
    result = {}
    for key, values in changes.items():
        if not isinstance(values, list):
            result[key] = values
            continue
        result[key] = [
            ERASED
            if (key in fields and value not in (None, "", ANONYMISED_NAME))
            else (scrub_text(value, terms) if isinstance(value, str) else value)
            for value in values
        ]
    return result


def ledger(session: Session) -> set[uuid.UUID]:
    return set(session.scalars(select(Erasure.person_id)))


def identity(session: Session) -> uuid.UUID | None:
    return session.scalars(select(RegisterIdentity.id)).first()


def apply_ledger(session: Session, person_ids: set[uuid.UUID]) -> list[uuid.UUID]:
    """Erase again whoever of `person_ids` is still named here; returns whom it erased."""
    if not person_ids:
        return []
    named = session.scalars(
        select(Person.id).where(Person.id.in_(person_ids), Person.anonymised.is_(False))
    ).all()
    for person_id in named:
        erase_in_session(session, person_id)
    for person_id in person_ids - ledger(session):
        session.add(Erasure(person_id=person_id))
    return list(named)


def reapply_on_open(session: Session, data_folder: Path) -> bool:
    """On opening a database for writing: erase again whoever its ledgers name; True if any."""
    register = identity(session)
    known = ledger(session) | remembered(data_folder, register)
    erased = apply_ledger(session, known)
    remember(data_folder, register, known)
    return bool(erased)


def remembered(data_folder: Path, register: uuid.UUID | None) -> set[uuid.UUID]:
    """The ledger kept beside the program for `register` (empty when unreadable)."""
    if register is None:
        return set()
    try:
        data = json.loads((data_folder / LEDGER_FILE).read_text(encoding="utf-8"))
        return {uuid.UUID(text) for text in data.get(str(register), [])}
    except (OSError, ValueError, TypeError, AttributeError):
        return set()


def remember(data_folder: Path, register: uuid.UUID | None, person_ids: set[uuid.UUID]) -> None:
    """Keep the ledger beside the program too (best effort: the database holds it as well)."""
    if register is None or not person_ids or person_ids <= remembered(data_folder, register):
        return
    path = data_folder / LEDGER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[str(register)] = sorted({*data.get(str(register), []), *(str(p) for p in person_ids)})
    with contextlib.suppress(OSError):
        data_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)


def compact(engine: Engine) -> None:
    """SQLite: write the WAL into the file, rebuild the file without free pages, empty the WAL."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.exec_driver_sql("VACUUM")
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
