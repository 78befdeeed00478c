"""A person's data on request: export everything stored about them, or erase (anonymise) them.

Erasing keeps the employment periods (scheme, dates, working time, outcome) so the statistics
stay the same, but removes the name, contact data, free-text notes and decision numbers, and
replaces those old values in the audit trail with a marker.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import or_, select

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import (
    AuditEntry,
    Employment,
    EmploymentFunding,
    Organisation,
    Person,
    Project,
    Role,
)
from jarjestokeskus.services.cooperation.bodies import seats_for_export
from jarjestokeskus.services.rows import localized
from jarjestokeskus.services.staff.rows import EMPLOYMENT_FIELDS, full_name

ERASED = "[erased]"  # what the audit trail shows where a personal value was
ANONYMISED_NAME = "Anonymised"
PERSON_FIELDS = ("first_name", "last_name", "email", "phone")
# Employment fields that may tell who the person is; the rest is what the statistics need.
PERSONAL_EMPLOYMENT_FIELDS = ("outcome_note", "decision_number")

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
        history = session.scalars(
            select(AuditEntry).where(_about(person_id, [e.id for e in employments])).order_by(AuditEntry.at)
        ).all()
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
            "history": [
                {"at": _plain(h.at), "user": h.user, "action": h.action, "changes": h.changes}
                for h in history
            ],
        }


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


def erase_person(db: Database, person_id: uuid.UUID) -> None:
    """Anonymise the person; their periods stay for the statistics. Cannot be undone."""
    with db.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise RecordNotFound()
        person.first_name = ANONYMISED_NAME
        person.last_name = ""
        person.email = ""
        person.phone = ""
        person.anonymised = True
        employments = session.scalars(select(Employment).where(Employment.person_id == person_id)).all()
        for employment in employments:
            employment.outcome_note = ""
            employment.decision_number = ""
        session.flush()  # the audit entries of this erase are written here
        entries = session.scalars(
            select(AuditEntry).where(_about(person_id, [e.id for e in employments]))
        ).all()
        for entry in entries:
            fields = PERSON_FIELDS if entry.entity == "Person" else PERSONAL_EMPLOYMENT_FIELDS
            entry.changes = _scrubbed(entry.changes or {}, fields)
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


def _about(person_id: uuid.UUID, employment_ids: list[uuid.UUID]):  # type: ignore[no-untyped-def]
    """The audit entries of the person's own record and of their periods."""
    return or_(
        (AuditEntry.entity == "Person") & (AuditEntry.entity_id == person_id),
        (AuditEntry.entity == "Employment") & AuditEntry.entity_id.in_(employment_ids),
    )


def _scrubbed(changes: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The same changes, with each personal value that was not empty replaced by the marker."""
    result = dict(changes)
    for key in fields:
        if key in result and isinstance(result[key], list):
            result[key] = [
                ERASED if value not in (None, "", ANONYMISED_NAME) else value for value in result[key]
            ]
    return result
