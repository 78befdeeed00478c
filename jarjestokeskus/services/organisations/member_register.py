"""The member register's rows: who is a member organisation, with its contact person.

SQLAlchemy Core on light table descriptions (`table()`/`column()`, the columns this module reads)
rather than the ORM models: printing the member register from the command line then loads neither
the ORM's mappers nor the models of every area, which cost more than the register itself at a
thousand members. The members and their contacts come in one query (an outer join), as plain rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ColumnElement, Date, Uuid, and_, column, or_, select, table

from jarjestokeskus.domain.enums import CONTACT_ROLES, Field, MembershipStatus, RoleKind

if TYPE_CHECKING:
    from sqlalchemy import Connection, TableClause
    from sqlalchemy.orm import Session

    from jarjestokeskus.db.engine import Database

ORGANISATION = table(
    "organisation",
    column("id", Uuid()),
    column("name_fi"),
    column("name_sv"),
    column("name_fi_key"),
    column("name_sv_key"),
    column("municipality"),
    column("municipality_code"),
    column("field"),
    column("email"),
    column("phone"),
    column("member_count"),
    column("abbreviation"),
    column("business_id"),
    column("street_address"),
    column("postal_code"),
    column("post_office"),
    column("membership_status"),
    column("member_since", Date()),
    column("member_until", Date()),
    column("is_home", Boolean()),
    column("archived_at"),
)
ROLE = table(
    "role",
    column("organisation_id", Uuid()),
    column("person_id", Uuid()),
    column("kind"),
    column("start_date", Date()),
    column("end_date", Date()),
    column("archived_at"),
)
PERSON = table("person", column("id", Uuid()), column("first_name"), column("last_name"))

_RANKS = {kind.value: rank for rank, kind in enumerate(CONTACT_ROLES)}
# Statuses of organisations that have been members (their dates tell when).
WERE_MEMBERS = (MembershipStatus.MEMBER, MembershipStatus.RESIGNED, MembershipStatus.EXPELLED)
_FIELDS = {field.value: field for field in Field}


@dataclass(frozen=True)
class MemberRow:
    """One member organisation in the register, with its contacts."""

    id: uuid.UUID
    name_fi: str
    name_sv: str
    municipality: str
    field: Field
    email: str
    phone: str
    member_count: int | None
    contact_name: str
    contact_role: RoleKind | None
    municipality_code: str | None = None  # the register's municipality the text names
    abbreviation: str = ""
    business_id: str = ""
    street_address: str = ""
    postal_code: str = ""
    post_office: str = ""

    def name(self, language: str) -> str:
        """The name in `language`, else the other one (as `services.rows.localized`)."""
        return (self.name_sv or self.name_fi) if language == "sv" else (self.name_fi or self.name_sv)


def members_on(day: date | None, organisation: TableClause | Any = ORGANISATION) -> ColumnElement[bool]:
    """Who is a member organisation: today, status member; at the end of a `day`, by the
    membership dates (joined by then, `member_until` not before the day after; a member without a
    joining date counts as joined). So the members at the end of a year are those at the end of
    the year before, plus those that joined in the year, less those that left in it.

    `organisation` is the table the condition is on: this module's, or the ORM model's table."""
    o = organisation.c
    live = and_(o.archived_at.is_(None), o.is_home.is_(False))
    member = MembershipStatus.MEMBER.value
    if day is None:
        return and_(live, o.membership_status == member)
    return and_(
        live,
        o.membership_status.in_([status.value for status in WERE_MEMBERS]),
        or_(o.member_since <= day, and_(o.member_since.is_(None), o.membership_status == member)),
        or_(o.member_until.is_(None), o.member_until > day),
    )


def _contact_in_force(today: date) -> ColumnElement[bool]:
    """A role that makes its person an organisation's contact `today`."""
    r = ROLE.c
    return and_(
        r.archived_at.is_(None),
        r.kind.in_([kind.value for kind in CONTACT_ROLES]),
        or_(r.start_date.is_(None), r.start_date <= today),
        or_(r.end_date.is_(None), r.end_date >= today),
    )


def _better(
    contacts: dict[Any, tuple[int, str, RoleKind]], key: Any, kind: str, first: str, last: str
) -> None:
    """Keep the contact of the higher-ranking role of `key`'s organisation."""
    rank = _RANKS[kind]
    if key not in contacts or rank < contacts[key][0]:
        contacts[key] = (rank, f"{first} {last}".strip(), RoleKind(kind))


def member_contacts(
    reader: Session | Connection, today: date, on: date | None = None
) -> dict[uuid.UUID, tuple[int, str, RoleKind]]:
    """The contact person of each member organisation (see `members_on`) that has one in force
    `today`: (rank in CONTACT_ROLES, name, role) by the organisation's id."""
    o, r, p = ORGANISATION.c, ROLE.c, PERSON.c
    found = reader.execute(
        select(r.organisation_id, r.kind, p.first_name, p.last_name)
        .select_from(ROLE.join(PERSON, r.person_id == p.id).join(ORGANISATION, r.organisation_id == o.id))
        .where(_contact_in_force(today), members_on(on))
    )
    contacts: dict[uuid.UUID, tuple[int, str, RoleKind]] = {}
    for organisation_id, kind, first, last in found:
        _better(contacts, organisation_id, kind, first, last)
    return contacts


def member_register(
    db: Database, today: date | None = None, on: date | None = None, sorted_for: str | None = None
) -> list[MemberRow]:
    """The member organisations (status member, not archived, not the home organisation; with
    `on`, those that were members on that day, see `members_on`); with `sorted_for` ("fi" or
    "sv"), by their names in that language in collation order (by the stored sort keys)."""
    today = today or date.today()
    o, r, p = ORGANISATION.c, ROLE.c, PERSON.c
    order = [o.name_sv_key if sorted_for == "sv" else o.name_fi_key] if sorted_for else []
    contacts = ROLE.join(PERSON, r.person_id == p.id)
    statement = (
        select(
            o.id,
            o.name_fi,
            o.name_sv,
            o.municipality,
            o.municipality_code,
            o.field,
            o.email,
            o.phone,
            o.member_count,
            o.abbreviation,
            o.business_id,
            o.street_address,
            o.postal_code,
            o.post_office,
            r.kind,
            p.first_name,
            p.last_name,
        )
        .select_from(
            ORGANISATION.outerjoin(contacts, and_(r.organisation_id == o.id, _contact_in_force(today)))
        )
        .where(members_on(on))
        .order_by(*order, o.id)
    )
    organisations: dict[uuid.UUID, tuple[Any, ...]] = {}  # in the query's order
    best: dict[uuid.UUID, tuple[int, str, RoleKind]] = {}
    with db.engine.connect() as connection:
        for found in connection.execute(statement):
            organisations.setdefault(found[0], found)
            if found.kind is not None:
                _better(best, found[0], found.kind, found.first_name, found.last_name)
    rows = []
    for o_id, found in organisations.items():
        _rank, contact, kind = best.get(o_id, (0, "", None))
        rows.append(
            MemberRow(
                o_id,
                found.name_fi,
                found.name_sv,
                found.municipality,
                _FIELDS[found.field],
                found.email,
                found.phone,
                found.member_count,
                contact,
                kind,
                found.municipality_code,
                found.abbreviation,
                found.business_id or "",
                found.street_address,
                found.postal_code,
                found.post_office,
            )
        )
    return rows


def home_names(db: Database) -> tuple[str, str]:
    """The home organisation's (fi, sv) names, or two empty strings."""
    o = ORGANISATION.c
    statement = select(o.name_fi, o.name_sv).where(o.is_home.is_(True), o.archived_at.is_(None)).limit(1)
    with db.engine.connect() as connection:
        row = connection.execute(statement).first()
    return (row.name_fi, row.name_sv) if row else ("", "")
