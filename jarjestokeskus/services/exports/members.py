"""The member organisations' list for the `export members` file, read from the database in chunks.

One plain SELECT of the columns the file has, in name order by the stored sort keys; rows go to
the file as they are read, so 100,000 members need no more memory than a few thousand. The
statements are plain SQL (db.plain.reader): on a database file the command loads neither
SQLAlchemy nor the models. Who counts and who is the contact are the member register's rules
(`member_register.members_on`, `contacts_in_force`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from jarjestokeskus.db.plain import reader
from jarjestokeskus.services.organisations.member_register import contacts_in_force, members_on

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

CHUNK = 5000

# The file's columns in its order; the contact's place is filled in when someone has one.
COLUMNS = (
    "name_fi, name_sv, abbreviation, coalesce(business_id, ''), municipality, '', email,"
    " street_address, postal_code, post_office, phone, {member_count}"
)
CONTACT = 5


def member_rows(
    db: PlainDatabase | Database, language: str, today: date | None = None, text_only: bool = False
) -> Iterator[Sequence[object]]:
    """Today's member organisations in collation order of their names in `language` (id breaking
    ties): both names, abbreviation, business ID, municipality, contact, email, address, phone,
    number of members (`text_only`: as text, "" when not known, as a CSV file has it). Rows
    fetched `CHUNK` at a time (a server's with a server-side cursor)."""
    key = "name_sv_key" if language == "sv" else "name_fi_key"
    members, parameters = members_on(None)
    with reader(db, stream=True) as execute:
        contacts = {
            organisation: name
            for organisation, (_rank, name, _kind) in contacts_in_force(
                execute, today or date.today()
            ).items()
        }
        # Each row's id only when some organisation has a contact.
        member_count = "coalesce(cast(member_count AS TEXT), '')" if text_only else "member_count"
        columns = COLUMNS.format(member_count=member_count)
        if contacts:
            columns = f"organisation.id, {columns}"
        found = execute(
            f"SELECT {columns} FROM organisation WHERE {members} ORDER BY {key}, organisation.id", parameters
        )
        for part in iter(partial(found.fetchmany, CHUNK), []):
            if not contacts:
                yield from part  # as the driver gives them: nothing to copy
                continue
            for organisation, *row in part:
                row[CONTACT] = contacts.get(organisation, "")
                yield row
