"""The home organisation of the fee tests: the invoices' sender."""

from __future__ import annotations

import uuid

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from tests.services.fees.scenario import TODAY


def add_home(db: Database) -> uuid.UUID:
    form = OrganisationForm(
        name_fi="Pohjanmaan Yhdistykset ry",
        name_sv="Österbottens Föreningar rf",
        business_id="0207669-0",
        street_address="Kirkkopuistikko 26",
        postal_code="65100",
        post_office="Vaasa",
    )
    home_id = save_organisation(db, form, today=TODAY).id
    with db.transaction() as session:
        organisation = session.get(Organisation, home_id)
        assert organisation is not None
        organisation.is_home = True
    return home_id
