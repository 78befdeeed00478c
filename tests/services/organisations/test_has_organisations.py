"""Whether the register holds any organisation: what decides the first-start offer."""

from __future__ import annotations

from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations import register
from jarjestokeskus.services.organisations.home import has_organisations


def test_an_archived_organisation_is_enough_for_no_first_start_offer(db) -> None:  # type: ignore[no-untyped-def]
    assert not has_organisations(db)
    saved = register.save_organisation(db, OrganisationForm(name_fi="Vanha Seura ry"))
    register.archive_organisation(db, saved.id, saved.version)
    assert has_organisations(db)
