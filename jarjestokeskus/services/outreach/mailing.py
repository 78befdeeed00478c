"""Mailing lists: the recipients of a filter read from the register as it is now, and saved lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import MailingList, Organisation, Person, Role
from jarjestokeskus.domain.enums import RoleKind
from jarjestokeskus.domain.outreach import MailingResult, Recipient, RecipientFilter
from jarjestokeskus.domain.validation import Errors, clean
from jarjestokeskus.i18n import _, localized, sort_key


@dataclass(frozen=True)
class SavedList:
    id: uuid.UUID
    version: int
    name: str
    filters: RecipientFilter


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _current(role: Role, today: date) -> bool:
    return (role.start_date is None or role.start_date <= today) and (
        role.end_date is None or role.end_date >= today
    )


def chosen_organisations(session: Session, chosen: RecipientFilter) -> list[Organisation]:
    """The organisations (not the home one) the filter's organisation criteria choose."""
    stmt = select(Organisation).where(_live(Organisation), Organisation.is_home.is_(False))
    if chosen.statuses:
        stmt = stmt.where(Organisation.membership_status.in_(chosen.statuses))
    if chosen.fields:
        stmt = stmt.where(Organisation.field.in_(chosen.fields))
    if chosen.languages:
        stmt = stmt.where(Organisation.working_language.in_(chosen.languages))
    if chosen.staff_profiles:
        stmt = stmt.where(Organisation.staff_profile.in_(chosen.staff_profiles))
    wanted_places = {m.strip().casefold() for m in chosen.municipalities if m.strip()}
    return [
        o
        for o in session.scalars(stmt)
        if not wanted_places or o.municipality.strip().casefold() in wanted_places
    ]


def current_roles(
    session: Session, organisation_ids: list[uuid.UUID], today: date
) -> dict[uuid.UUID, list[tuple[Role, Person]]]:
    """Each organisation's people in a role today (erased persons left out)."""
    roles: dict[uuid.UUID, list[tuple[Role, Person]]] = {}
    for role, person in session.execute(
        select(Role, Person)
        .join(Person, Person.id == Role.person_id)
        .where(
            Role.organisation_id.in_(organisation_ids),
            _live(Role),
            _live(Person),
            Person.anonymised.is_(False),
        )
    ):
        if _current(role, today):
            roles.setdefault(role.organisation_id, []).append((role, person))
    return roles


def recipients(
    db: Database, chosen: RecipientFilter, language: str = "fi", today: date | None = None
) -> MailingResult:
    """Who the filter reaches today, and which organisations it leaves without an address (and why)."""
    today = today or date.today()
    found: list[Recipient] = []
    missing: list[tuple[object, str, str]] = []
    with db.reading() as session:
        organisations = chosen_organisations(session, chosen)
        roles = current_roles(session, [o.id for o in organisations], today)
        organisations.sort(key=lambda o: sort_key(localized(o.name_fi, o.name_sv, language)))
        for org in organisations:
            name = localized(org.name_fi, org.name_sv, language)
            people = roles.get(org.id, [])
            if chosen.roles:
                holders = [(r, p) for r, p in people if r.kind in chosen.roles]
                with_email = [(r, p) for r, p in holders if p.email.strip()]
                if not holders:
                    missing.append((org.id, name, _("nobody in the chosen roles")))
                elif not with_email:
                    missing.append((org.id, name, _("no email for the person in the role")))
                for role, person in with_email:
                    full = f"{person.first_name} {person.last_name}".strip()
                    found.append(Recipient(org.id, name, full, role.kind, person.email.strip()))
                continue
            if org.email.strip():
                found.append(Recipient(org.id, name, "", None, org.email.strip()))
                continue
            contact = next(
                ((r, p) for r, p in people if r.kind == RoleKind.CONTACT_PERSON and p.email.strip()), None
            )
            if contact is None:
                missing.append((org.id, name, _("no email for the organisation or its contact person")))
            else:
                role, person = contact
                full = f"{person.first_name} {person.last_name}".strip()
                found.append(Recipient(org.id, name, full, role.kind, person.email.strip()))
    return MailingResult(found, missing)


def saved_lists(db: Database) -> list[SavedList]:
    with db.reading() as session:
        rows = session.scalars(select(MailingList).where(_live(MailingList))).all()
        lists = [SavedList(r.id, r.version, r.name, RecipientFilter.from_json(r.filters)) for r in rows]
    return sorted(lists, key=lambda s: sort_key(s.name))


def find_saved_list(db: Database, name: str) -> SavedList | None:
    wanted = name.strip().casefold()
    return next((s for s in saved_lists(db) if s.name.casefold() == wanted), None)


def save_list(
    db: Database,
    name: str,
    chosen: RecipientFilter,
    list_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> SavedList:
    """Add or change a saved list; its name must be given and not be another list's."""
    errors = Errors()
    name = clean(name)
    if not name:
        errors.add("name", _("{field}: required").format(field=_("Name of the list")))
    other = find_saved_list(db, name) if name else None
    if other is not None and other.id != list_id:
        errors.add("name", _("{field}: another list has this name").format(field=_("Name of the list")))
    errors.raise_if_any()
    with db.transaction() as session:
        if list_id is None:
            row = MailingList(id=uuid.uuid4())
            session.add(row)
        else:
            row = session.get(MailingList, list_id)
            if row is None or row.archived_at is not None:
                raise RecordNotFound()
            if expected_version is not None and row.version != expected_version:
                raise StaleRecord()
        row.name, row.filters = name, chosen.to_json()
        session.flush()
        saved = SavedList(row.id, row.version, row.name, chosen)
    return saved


def archive_list(db: Database, list_id: uuid.UUID) -> None:
    with db.transaction() as session:
        row = session.get(MailingList, list_id)
        if row is None or row.archived_at is not None:
            raise RecordNotFound()
        row.archived_at = utcnow()
