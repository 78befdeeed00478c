"""The member organisations' list for the `export members` file, read from the database in chunks.

One plain SELECT of the columns the file has, in name order by the stored sort keys; rows go to
the file as they are read, so 100,000 members need no more memory than a few thousand.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.services.organisations.report_data import member_contacts, members_on

CHUNK = 5000

COLUMNS = (
    Organisation.name_fi,
    Organisation.name_sv,
    Organisation.abbreviation,
    Organisation.business_id,
    Organisation.municipality,
    Organisation.email,
    Organisation.street_address,
    Organisation.postal_code,
    Organisation.post_office,
    Organisation.phone,
    Organisation.member_count,
)


def count_member_rows(db: Database) -> int:
    """How many rows `member_rows` gives."""
    with db.reading() as session:
        return int(
            session.scalar(select(func.count()).select_from(Organisation).where(members_on(None))) or 0
        )


def member_rows(db: Database, language: str, today: date | None = None) -> Iterator[list[object]]:
    """Today's member organisations in collation order of their names in `language` (id breaking
    ties): both names, abbreviation, business ID, municipality, contact, email, address, phone,
    number of members. One read transaction, rows fetched `CHUNK` at a time."""
    today = today or date.today()
    key = Organisation.name_sv_key if language == "sv" else Organisation.name_fi_key
    with db.reading() as session:
        contacts = member_contacts(session, today)
        # Each row's id (a UUID made in Python) only when some organisation has a contact.
        columns = (Organisation.id, *COLUMNS) if contacts else COLUMNS
        statement = select(*columns).where(members_on(None)).order_by(key, Organisation.id)
        for row in session.execute(statement.execution_options(yield_per=CHUNK)):
            contact = ""
            if contacts:
                found = contacts.get(row[0])
                contact = found[1] if found else ""
                row = row[1:]
            name_fi, name_sv, abbreviation, business_id, municipality, *rest = row
            yield [name_fi, name_sv, abbreviation, business_id or "", municipality, contact, *rest]
