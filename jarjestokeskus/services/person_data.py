"""A person's data on request: export everything stored about them, or erase (anonymise) them.

Erasing (db/erasure.py) keeps the employment periods (scheme, dates, working time, outcome) so the
statistics stay the same, but removes the name, contact data, free-text notes and decision numbers
wherever they stand, also in the change history and the register's own backups.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from jarjestokeskus.db import erasure
from jarjestokeskus.db.engine import Database, data_dir
from jarjestokeskus.db.erasure import ANONYMISED_NAME, ERASED, PERSON_FIELDS  # noqa: F401  (the markers: for callers)
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import (
    AuditEntry,
    BodySeat,
    Employment,
    EmploymentFunding,
    Event,
    EventRegistration,
    Organisation,
    Person,
    Project,
    Role,
)
from jarjestokeskus.i18n import localized
from jarjestokeskus.services.cooperation.bodies import seats_for_export
from jarjestokeskus.services.database.erased_copies import Progress, erase_in_copies, own_copies
from jarjestokeskus.services.database.written_files import written_files
from jarjestokeskus.services.staff.ending import full_name
from jarjestokeskus.services.staff.rows import EMPLOYMENT_FIELDS

EXPORT_FORMAT = "jarjestokeskus-person-data/1"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    return value


def export_person(db: Database, person_id: uuid.UUID) -> dict[str, Any]:
    """Everything stored about the person, as JSON-serialisable data (values as stored)."""
    with db.reading() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise RecordNotFound()
        roles = session.execute(
            select(Role, Organisation)
            .join(Organisation, Role.organisation_id == Organisation.id)
            .where(Role.person_id == person_id)
            .order_by(Role.start_date)
        ).all()
        employments = session.scalars(
            select(Employment).where(Employment.person_id == person_id).order_by(Employment.start_date)
        ).all()
        names = {
            o.id: (o.name_fi, o.name_sv)
            for o in session.scalars(select(Organisation).where(Organisation.is_home))
        }
        seats = session.scalars(select(BodySeat.id).where(BodySeat.person_id == person_id)).all()
        terms = erasure.terms_of(person)
        registrations = erasure.registrations_of(session, terms)
        own_records = {
            "Person": [person_id],
            "Employment": [e.id for e in employments],
            "Role": [role.id for role, _org in roles],
            "BodySeat": list(seats),
            "EventRegistration": [r.id for r in registrations],
        }
        history = session.scalars(select(AuditEntry).where(_about(own_records)).order_by(AuditEntry.at)).all()
        return {
            "format": EXPORT_FORMAT,
            "exported_at": _plain(datetime.now().astimezone()),
            "person": {
                "id": str(person.id),
                **{key: getattr(person, key) for key in PERSON_FIELDS},
                "anonymised": person.anonymised,
                "created_at": _plain(person.created_at),
                "updated_at": _plain(person.updated_at),
                "archived_at": _plain(person.archived_at),
            },
            "roles": [
                {
                    "organisation_fi": org.name_fi,
                    "organisation_sv": org.name_sv,
                    "kind": role.kind.value,
                    "start_date": _plain(role.start_date),
                    "end_date": _plain(role.end_date),
                    "archived": role.archived_at is not None,
                }
                for role, org in roles
            ],
            "employments": [_employment(session, e, names) for e in employments],
            "representation": seats_for_export(session, person_id),  # issue 21: seats in bodies
            "supervises": _supervised(session, person_id, names),
            "event_registrations": [_registration(session, r) for r in registrations],
            "named_in": [
                {"entity": type(record).__name__, "id": str(record.id), "field": field, "value": value}
                for record, field, value in erasure.naming(session, terms)
            ],
            "history": [
                {
                    "at": _plain(h.at),
                    "user": h.user,
                    "entity": h.entity,
                    "action": h.action,
                    "changes": h.changes,
                }
                for h in history
            ],
        }


def _supervised(session, person_id: uuid.UUID, names: dict) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def,type-arg]
    """The periods the person supervises: where and when (not whose: that is the other's data)."""
    periods = session.scalars(
        select(Employment).where(Employment.supervisor_id == person_id).order_by(Employment.start_date)
    ).all()
    result = []
    for e in periods:
        employer = names.get(e.employer_id) or _organisation_names(session, e.employer_id)
        result.append(
            {
                "employer_fi": employer[0],
                "employer_sv": employer[1],
                "title": e.title,
                "start_date": _plain(e.start_date),
                "end_date": _plain(e.end_date),
            }
        )
    return result


def _registration(session, r: EventRegistration) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    event = session.get(Event, r.event_id)
    return {
        "event_id": str(r.event_id),
        "event_fi": event.title_fi if event else "",
        "event_sv": event.title_sv if event else "",
        "starts_on": _plain(event.starts_on) if event else None,
        **{key: _plain(getattr(r, key)) for key in erasure.REGISTRATION_FIELDS},
        "organisation_name": r.organisation_name,
        "status": _plain(r.status),
        "registered_on": _plain(r.registered_on),
        "attended": r.attended,
    }


@dataclass(frozen=True)
class UnattachedPerson:
    """A person in no current role and no employment, with their last role to judge by."""

    id: uuid.UUID
    name: str
    last_organisation_fi: str = ""
    last_organisation_sv: str = ""
    role_ended: date | None = None


def persons_without_role(db: Database, today: date | None = None) -> list[UnattachedPerson]:
    """Persons kept for no purpose: no current role in any organisation and no employment
    period (a contact person removed from an organisation, say); not yet erased."""
    today = today or date.today()
    current_role = (
        select(Role.id)
        .where(Role.person_id == Person.id, Role.archived_at.is_(None))
        .where(or_(Role.end_date.is_(None), Role.end_date >= today))
        .exists()
    )
    employed = (
        select(Employment.id)
        .where(Employment.person_id == Person.id, Employment.archived_at.is_(None))
        .exists()
    )
    with db.reading() as session:
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .where(Person.anonymised.is_(False), ~current_role, ~employed)
            .order_by(Person.last_name, Person.first_name)
        ).all()
        last: dict[uuid.UUID, tuple[str, str, date | None]] = {}
        roles = session.execute(
            select(
                Role.person_id, Role.end_date, Role.archived_at, Organisation.name_fi, Organisation.name_sv
            )
            .join(Organisation, Organisation.id == Role.organisation_id)
            .where(Role.person_id.in_([row.id for row in rows]))
            .order_by(Role.start_date.nulls_first(), Role.created_at)
        ).all()
        for role in roles:  # the latest wins
            ended = role.end_date or (role.archived_at.date() if role.archived_at else None)
            last[role.person_id] = (role.name_fi, role.name_sv, ended)
    return [
        UnattachedPerson(row.id, full_name(row.first_name, row.last_name), *last.get(row.id, ("", "", None)))
        for row in rows
    ]


def _employment(session, e: Employment, names: dict) -> dict[str, Any]:  # type: ignore[no-untyped-def,type-arg]
    employer = names.get(e.employer_id) or _organisation_names(session, e.employer_id)
    supervisor = session.get(Person, e.supervisor_id) if e.supervisor_id else None
    fundings = session.execute(
        select(EmploymentFunding, Project)
        .join(Project, EmploymentFunding.project_id == Project.id)
        .where(EmploymentFunding.employment_id == e.id, EmploymentFunding.archived_at.is_(None))
    ).all()
    data = {key: _plain(getattr(e, key)) for key in EMPLOYMENT_FIELDS if key != "supervisor_id"}
    data.update(
        employer_fi=employer[0],
        employer_sv=employer[1],
        supervisor=full_name(supervisor.first_name, supervisor.last_name) if supervisor else None,
        paying_projects=[
            {
                "project_fi": project.name_fi,
                "project_sv": project.name_sv,
                "code": project.code,
                "share_percent": _plain(funding.share_percent),
            }
            for funding, project in fundings
        ],
        archived=e.archived_at is not None,
    )
    return data


def _organisation_names(session, organisation_id: uuid.UUID) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    org = session.get(Organisation, organisation_id)
    return (org.name_fi, org.name_sv) if org else ("", "")


def organisation_name(data: dict[str, Any], prefix: str, language: str) -> str:
    """A name from the export in `language`, falling back to the other language."""
    return localized(data.get(f"{prefix}_fi") or "", data.get(f"{prefix}_sv") or "", language)


@dataclass(frozen=True)
class ErasureResult:
    """Where the erasure reached: the program's own copies it rewrote, those it could not, and the
    files it wrote elsewhere (backups with -o, meeting copies, exports) that the user must delete."""

    rewritten: tuple[Path, ...]
    failed: tuple[Path, ...]
    unreachable: tuple[Path, ...]


def erase_person(db: Database, person_id: uuid.UUID, progress: Progress | None = None) -> ErasureResult:
    """Erase the person everywhere the program can reach; their periods stay for the statistics.

    In the database: every field that names them and their old values in the change history;
    the file is then compacted so no old page keeps them. Then the same in every backup in the
    register's backup folder, each copy gone through told to `progress`. Cannot be undone.
    """
    with db.transaction() as session:
        if not erasure.erase_in_session(session, person_id):
            raise RecordNotFound()
        erased = erasure.ledger(session)
        register = erasure.identity(session)
    erasure.remember(data_dir(), register, erased)
    erasure.compact(db.engine)
    rewritten: list[Path] = []
    failed: list[Path] = []
    if db.path is not None:
        rewritten, failed = erase_in_copies(own_copies(db.path), erased, progress)
    reached = {p.resolve() for p in (*own_copies(db.path), *failed)} if db.path else set()
    unreachable = [w.path for w in written_files(db.path or db.url) if w.path.resolve() not in reached]
    return ErasureResult(tuple(rewritten), tuple(failed), tuple(unreachable))


def _about(records: dict[str, list[uuid.UUID]]):  # type: ignore[no-untyped-def]
    """The audit entries of the person's own records (their row, periods, roles, seats, registrations)."""
    return or_(
        *((AuditEntry.entity == entity) & AuditEntry.entity_id.in_(ids) for entity, ids in records.items())
    )
