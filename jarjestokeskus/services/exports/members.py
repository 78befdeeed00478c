"""The member organisations' list for the `export members` file, read from the database in chunks.

One plain SELECT of the columns the file has, in name order by the stored sort keys; rows go to
the file as they are read, so 100,000 members need no more memory than a few thousand. The
statements are plain SQL on the tables, not the ORM: the command loads none of the models (they
would be a third of its time). Who counts is the register's rule (`report_data.members_on` for
today, `member_contacts`); the tests compare both with the register's own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial

from sqlalchemy import Date, bindparam, text

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import CONTACT_ROLES, MembershipStatus

CHUNK = 5000

# Today's member organisations, the home organisation left out (in the order of their index).
MEMBERS = (
    "organisation.membership_status = :member AND organisation.is_home = :home"
    " AND organisation.archived_at IS NULL"
)
# The file's columns in its order; the contact's place is filled in when someone has one.
COLUMNS = (
    "name_fi, name_sv, abbreviation, coalesce(business_id, ''), municipality, '', email,"
    " street_address, postal_code, post_office, phone, member_count"
)
CONTACT = 5
COUNT = text(f"SELECT count(*) FROM organisation WHERE {MEMBERS}")
# The contacts in force `today`: each role's organisation, kind and person (ranked in Python).
CONTACTS = text(
    "SELECT role.organisation_id, role.kind, person.first_name, person.last_name FROM role"
    " JOIN person ON role.person_id = person.id JOIN organisation ON role.organisation_id = organisation.id"
    f" WHERE role.archived_at IS NULL AND role.kind IN :kinds AND {MEMBERS}"
    " AND (role.start_date IS NULL OR role.start_date <= :today)"
    " AND (role.end_date IS NULL OR role.end_date >= :today)"
).bindparams(bindparam("kinds", expanding=True), bindparam("today", type_=Date))
RANK = {kind.value: rank for rank, kind in enumerate(CONTACT_ROLES)}


def _members() -> dict[str, object]:
    return {"member": MembershipStatus.MEMBER.value, "home": False}


def count_member_rows(db: Database) -> int:
    """How many rows `member_rows` gives."""
    with db.reading() as session:
        return int(session.execute(COUNT, _members()).scalar() or 0)


def member_rows(db: Database, language: str, today: date | None = None) -> Iterator[Sequence[object]]:
    """Today's member organisations in collation order of their names in `language` (id breaking
    ties): both names, abbreviation, business ID, municipality, contact, email, address, phone,
    number of members. One read transaction, rows fetched `CHUNK` at a time."""
    key = "name_sv_key" if language == "sv" else "name_fi_key"
    with db.reading() as session:
        contacts = _contacts(session, today or date.today())
        # Each row's id only when some organisation has a contact.
        columns = f"id, {COLUMNS}" if contacts else COLUMNS
        statement = text(f"SELECT {columns} FROM organisation WHERE {MEMBERS} ORDER BY {key}, id")
        server = db.path is None
        result = session.execute(statement, _members(), execution_options={"stream_results": server})
        # SQLite: the driver's own rows (text and numbers, nothing to convert), not copied into
        # SQLAlchemy's; a server's through SQLAlchemy, which reads them with a server-side cursor.
        parts = result.partitions(CHUNK) if server else iter(partial(result.cursor.fetchmany, CHUNK), [])
        for part in parts:
            if not contacts:
                yield from part  # as the driver gives them: nothing to copy
                continue
            for organisation, *row in part:
                row[CONTACT] = contacts.get(organisation, "")
                yield row


def _contacts(session, today: date) -> dict[object, str]:  # type: ignore[no-untyped-def]
    """The contact person's name by organisation id (as the database gives the id): the role
    first in CONTACT_ROLES wins, as in `report_data.member_contacts`."""
    found: dict[object, tuple[int, str]] = {}
    kinds = list(RANK)
    for organisation, kind, first_name, last_name in session.execute(
        CONTACTS, {**_members(), "kinds": kinds, "today": today}
    ):
        rank = RANK[kind]
        if organisation not in found or rank < found[organisation][0]:
            found[organisation] = (rank, f"{first_name} {last_name}".strip())
    return {organisation: name for organisation, (_rank, name) in found.items()}
