"""The member register's rows: who is a member organisation, with its contact person.

Plain SQL on the tables (db.plain.reader), the same text on a file read with sqlite3 alone and on
a server through SQLAlchemy: printing or exporting the member register from the command line
loads neither SQLAlchemy nor the ORM's models, which cost more than the register itself at a
thousand members. The rules of who is a member (`members_on`) and whose person is its contact
(`CONTACT_IN_FORCE`, CONTACT_ROLES' order) are written here once; the export and the annual
overview's figures use them too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from jarjestokeskus.db.plain import Execute, reader, sql_list
from jarjestokeskus.domain.enums import CONTACT_ROLES, Field, MembershipStatus, RoleKind

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

_RANKS = {kind.value: rank for rank, kind in enumerate(CONTACT_ROLES)}
# Statuses of organisations that have been members (their dates tell when).
WERE_MEMBERS = (MembershipStatus.MEMBER, MembershipStatus.RESIGNED, MembershipStatus.EXPELLED)
_FIELDS = {field.value: field for field in Field}
_KINDS = {kind.value: kind for kind in RoleKind}

# A role that makes its person an organisation's contact on the day `:today`.
CONTACT_IN_FORCE = (
    f"role.archived_at IS NULL AND role.kind IN {sql_list(_RANKS)}"
    " AND (role.start_date IS NULL OR role.start_date <= :today)"
    " AND (role.end_date IS NULL OR role.end_date >= :today)"
)
# The member register's columns of an organisation, in MemberRow's order after its id.
_COLUMNS = (
    "organisation.id, name_fi, name_sv, municipality, field, email, phone, member_count,"
    " municipality_code, abbreviation, coalesce(business_id, ''), street_address, postal_code,"
    " post_office"
)


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
        """The name in `language`, else the other one (as `i18n.localized`)."""
        return (self.name_sv or self.name_fi) if language == "sv" else (self.name_fi or self.name_sv)


def members_on(day: date | None) -> tuple[str, dict[str, object]]:
    """Who is a member organisation, as an SQL condition on the table `organisation` and its
    parameters: today, status member; at the end of a `day`, by the membership dates (joined by
    then, `member_until` not before the day after; a member without a joining date counts as
    joined). So the members at the end of a year are those at the end of the year before, plus
    those that joined in the year, less those that left in it. The home organisation never counts."""
    parameters: dict[str, object] = {"home": False, "member": MembershipStatus.MEMBER.value}
    live = "organisation.archived_at IS NULL AND organisation.is_home = :home"
    if day is None:
        return f"{live} AND organisation.membership_status = :member", parameters
    were = sql_list(status.value for status in WERE_MEMBERS)
    return (
        f"{live} AND organisation.membership_status IN {were}"
        " AND (organisation.member_since <= :on"
        " OR (organisation.member_since IS NULL AND organisation.membership_status = :member))"
        " AND (organisation.member_until IS NULL OR organisation.member_until > :on)",
        {**parameters, "on": day},
    )


def contacts_in_force(
    execute: Execute, today: date, on: date | None = None
) -> dict[object, tuple[int, str, RoleKind]]:
    """The contact person of each member organisation (see `members_on`) that has one in force
    `today`: (rank in CONTACT_ROLES, name, role) by the organisation's id as the database gives it
    (SQLite: text); the role first in CONTACT_ROLES wins."""
    members, parameters = members_on(on)
    # From the roles (far fewer than the organisations of a large register): SQLite joins the
    # tables of a CROSS JOIN in the order written, and without statistics it would go through
    # every member organisation looking for roles. Other databases choose the order themselves.
    found = execute(
        "SELECT role.organisation_id, role.kind, person.first_name, person.last_name"
        " FROM role CROSS JOIN person CROSS JOIN organisation"
        " WHERE role.person_id = person.id AND role.organisation_id = organisation.id"
        f" AND {CONTACT_IN_FORCE} AND {members}",
        {**parameters, "today": today},
    )
    contacts: dict[object, tuple[int, str, RoleKind]] = {}
    for organisation, kind, first, last in found:
        rank = _RANKS[kind]
        if organisation not in contacts or rank < contacts[organisation][0]:
            contacts[organisation] = (rank, f"{first} {last}".strip(), _KINDS[kind])
    return contacts


def member_register(
    db: PlainDatabase | Database,
    today: date | None = None,
    on: date | None = None,
    sorted_for: str | None = None,
) -> list[MemberRow]:
    """The member organisations (status member, not archived, not the home organisation; with
    `on`, those that were members on that day, see `members_on`); with `sorted_for` ("fi" or
    "sv"), by their names in that language in collation order (by the stored sort keys)."""
    members, parameters = members_on(on)
    order = ("name_sv_key, " if sorted_for == "sv" else "name_fi_key, ") if sorted_for else ""
    with reader(db) as execute:
        contacts = contacts_in_force(execute, today or date.today(), on)
        found = execute(
            f"SELECT {_COLUMNS} FROM organisation WHERE {members} ORDER BY {order}organisation.id",
            parameters,
        ).fetchall()
    no_contact = (0, "", None)
    rows = []
    for o_id, name_fi, name_sv, municipality, field, email, phone, member_count, *rest in found:
        _rank, contact, kind = contacts.get(o_id, no_contact)
        rows.append(
            MemberRow(
                o_id if isinstance(o_id, uuid.UUID) else uuid.UUID(o_id),
                name_fi,
                name_sv,
                municipality,
                _FIELDS[field],
                email,
                phone,
                member_count,
                contact,
                kind,
                *rest,
            )
        )
    return rows


def count_members(db: PlainDatabase | Database, on: date | None = None) -> tuple[int, int]:
    """How many member organisations there are (on the day `on`, see `members_on`), and the sum of
    their own member counts (as recorded now: the register keeps no history of them)."""
    members, parameters = members_on(on)
    with reader(db) as execute:
        row = execute(
            f"SELECT count(*), coalesce(sum(member_count), 0) FROM organisation WHERE {members}", parameters
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def home_names(db: PlainDatabase | Database) -> tuple[str, str]:
    """The home organisation's (fi, sv) names, or two empty strings."""
    with reader(db) as execute:
        row = execute(
            "SELECT name_fi, name_sv FROM organisation WHERE is_home = :home AND archived_at IS NULL LIMIT 1",
            {"home": True},
        ).fetchone()
    return (row[0], row[1]) if row else ("", "")
