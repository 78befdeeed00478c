"""The home organisation: the umbrella itself, one organisation of the register at a time."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Organisation


def set_home_organisation(db: Database, organisation_id: uuid.UUID) -> None:
    """Make the organisation the home one (staff are employed by it); the one before stops being it."""
    with db.transaction() as session:
        chosen = session.get(Organisation, organisation_id)
        if chosen is None or chosen.archived_at is not None:
            raise RecordNotFound()
        for other in session.scalars(
            select(Organisation).where(Organisation.is_home, Organisation.id != organisation_id)
        ):
            other.is_home = False
        # The database keeps one home organisation (a unique index): the old one goes first, as the
        # flush would otherwise write the rows in the order of their ids.
        session.flush()
        chosen.is_home = True


def has_organisations(db: Database) -> bool:
    """Any organisation at all, archived ones too (one row read, not counted): an empty register
    offers the first start, the home organisation or the demo."""
    with db.reading() as session:
        return session.scalar(select(Organisation.id).limit(1)) is not None
