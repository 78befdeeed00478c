"""Migration 0008 on a register that already has two organisations with one business ID."""

from __future__ import annotations

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from tests.db.migrating import migrate


def test_existing_duplicates_are_kept_and_all_but_the_oldest_marked_as_sharing(db: Database) -> None:
    older = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"))
    newer = save_organisation(
        db, OrganisationForm(name_fi="Martat kyläosasto", business_id="0242746-2"), shares_business_id=True
    )
    migrate(db, "0004", down=True)  # the mark goes; the migration must find the two again
    migrate(db, "head", down=False)
    with db.reading() as session:
        marks = dict(session.execute(select(Organisation.id, Organisation.shares_business_id)).all())
    assert marks == {older.id: False, newer.id: True}
