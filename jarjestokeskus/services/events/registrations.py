"""Registrations of an event: a place or the waiting list, cancelling (the first waiting moves up),
attendance, and registrations imported from a web form's CSV/XLSX export."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Event, EventRegistration, Organisation
from jarjestokeskus.domain.events import (
    RegistrationForm,
    RegistrationStatus,
    check_registration,
    status_for_new,
)
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces


@dataclass(frozen=True)
class RegistrationRow:
    id: uuid.UUID
    event_id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    organisation_id: uuid.UUID | None
    organisation: str
    language: str
    dietary: str
    accessibility: str
    consent_to_list: bool
    status: RegistrationStatus
    registered_on: date
    attended: bool | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _row(r: EventRegistration) -> RegistrationRow:
    return RegistrationRow(
        r.id,
        r.event_id,
        r.first_name,
        r.last_name,
        r.email,
        r.organisation_id,
        r.organisation_name,
        r.language,
        r.dietary,
        r.accessibility,
        r.consent_to_list,
        r.status,
        r.registered_on,
        r.attended,
    )


def registrations(db: Database, event_id: uuid.UUID) -> list[RegistrationRow]:
    """Registered first, then the waiting list in the order of registering, then the cancelled."""
    order = {RegistrationStatus.REGISTERED: 0, RegistrationStatus.WAITING: 1, RegistrationStatus.CANCELLED: 2}
    with db.reading() as session:
        rows = [
            _row(r)
            for r in session.scalars(
                select(EventRegistration).where(
                    EventRegistration.event_id == event_id, EventRegistration.archived_at.is_(None)
                )
            )
        ]
    return sorted(
        rows,
        key=lambda r: (
            order[r.status],
            r.registered_on if r.status == RegistrationStatus.WAITING else date.min,
            sort_key(f"{r.last_name} {r.first_name}"),
        ),
    )


def _organisation_id(session: Session, name: str) -> uuid.UUID | None:
    """The register's organisation of this name (Finnish or Swedish, any case), when exactly one."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    found = [
        o.id
        for o in session.scalars(select(Organisation).where(Organisation.archived_at.is_(None)))
        if wanted in (o.name_fi.casefold(), o.name_sv.casefold(), o.abbreviation.casefold())
    ]
    return found[0] if len(found) == 1 else None


def _event(session: Session, event_id: uuid.UUID) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.archived_at is not None:
        raise RecordNotFound()
    return event


def _registered(session: Session, event_id: uuid.UUID) -> int:
    return sum(
        1
        for status in session.scalars(
            select(EventRegistration.status).where(
                EventRegistration.event_id == event_id, EventRegistration.archived_at.is_(None)
            )
        )
        if status == RegistrationStatus.REGISTERED
    )


@announces(changes.EVENTS)
def register(
    db: Database, event_id: uuid.UUID, forms: list[RegistrationForm], today: date | None = None
) -> list[RegistrationRow]:
    """Register people in order: each gets a place while the capacity lasts, then the waiting list.

    All or nothing: a wrong form names its row (rows[i].field) and nothing is saved.
    """
    today = today or date.today()
    errors: list[FieldError] = []
    values = []
    for index, form in enumerate(forms):
        try:
            values.append(check_registration(form, row=f"rows[{index}]." if len(forms) > 1 else ""))
        except ValidationFailed as failed:
            errors.extend(failed.errors)
    if errors:
        raise ValidationFailed(errors)
    new_ids = []
    with db.transaction() as session:
        event = _event(session, event_id)
        taken = _registered(session, event_id)
        for item in values:
            status = status_for_new(event.capacity, taken)
            taken += status == RegistrationStatus.REGISTERED
            registration = EventRegistration(
                id=uuid.uuid4(),
                event_id=event_id,
                organisation_id=_organisation_id(session, str(item["organisation_name"])),
                status=status,
                registered_on=today,
                anonymised=False,
                **item,
            )
            session.add(registration)
            new_ids.append(registration.id)
    return [r for r in registrations(db, event_id) if r.id in set(new_ids)]


@announces(changes.EVENTS)
def cancel(db: Database, registration_id: uuid.UUID) -> RegistrationRow | None:
    """Cancel a registration (kept, marked cancelled); returns whoever moved up from the waiting list."""
    with db.transaction() as session:
        registration = session.get(EventRegistration, registration_id)
        if registration is None or registration.archived_at is not None:
            raise RecordNotFound()
        had_place = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        if not had_place:
            return None
        session.flush()
        waiting = session.scalars(
            select(EventRegistration)
            .where(
                EventRegistration.event_id == registration.event_id,
                EventRegistration.status == RegistrationStatus.WAITING,
                EventRegistration.archived_at.is_(None),
            )
            .order_by(EventRegistration.registered_on, EventRegistration.created_at)
        ).first()
        if waiting is None:
            return None
        waiting.status = RegistrationStatus.REGISTERED
        session.flush()
        return _row(waiting)


@announces(changes.EVENTS)
def mark_attendance(db: Database, attended: dict[uuid.UUID, bool | None]) -> None:
    """Who came and who did not (None: not marked), in one go."""
    with db.transaction() as session:
        for registration_id, came in attended.items():
            registration = session.get(EventRegistration, registration_id)
            if registration is None or registration.archived_at is not None:
                raise RecordNotFound()
            registration.attended = came


def import_registrations(
    db: Database, event_id: uuid.UUID, path: Path, today: date | None = None
) -> list[RegistrationRow]:
    """A web form's export (CSV or XLSX) read with the member import's reader; columns by their headings."""
    from jarjestokeskus.services.events.form_import import forms_from_table
    from jarjestokeskus.services.organisations.import_files import read_table

    return register(db, event_id, forms_from_table(read_table(path)), today)
