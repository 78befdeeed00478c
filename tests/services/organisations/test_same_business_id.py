"""One business ID, one organisation: a second is refused unless the user confirms it shares it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.business_id import SameBusinessId
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    get_organisation,
    restore_organisation,
    save_organisation,
)

TODAY = date(2025, 6, 1)


def save(db: Database, name: str, business_id: str = "0242746-2", **options: object):  # type: ignore[no-untyped-def]
    form = OrganisationForm(name_fi=name, business_id=business_id)
    return save_organisation(db, form, today=TODAY, **options)  # type: ignore[arg-type]


def test_a_second_organisation_with_the_business_id_is_refused_naming_the_field(db: Database) -> None:
    save(db, "Vaasan Martat ry")
    with pytest.raises(SameBusinessId) as caught:
        save(db, "Vaasan Martat ry:n kyläosasto", "02427462")  # the same ID, written otherwise
    assert [e.field for e in caught.value.errors] == ["business_id"]
    assert caught.value.errors[0].message == (
        "Y-tunnus: sama Y-tunnus 0242746-2 on jo organisaatiolla Vaasan Martat ry."
    )
    i18n.set_language("sv")
    with pytest.raises(SameBusinessId) as caught:
        save(db, "Vaasan Martat ry:n kyläosasto")
    assert caught.value.errors[0].message.startswith("FO-nummer: ")


def test_changing_to_a_business_id_another_has_is_refused(db: Database) -> None:
    save(db, "Vaasan Martat ry")
    other = save(db, "Kokkolan Martat ry", "1572860-0")
    form = OrganisationForm(name_fi="Kokkolan Martat ry", business_id="0242746-2")
    with pytest.raises(SameBusinessId):
        save_organisation(db, form, other.id, other.version, today=TODAY)
    assert get_organisation(db, other.id).business_id == "1572860-0"


def test_confirmed_a_separate_registration_it_is_saved_and_both_can_be_edited(db: Database) -> None:
    first = save(db, "Vaasan Martat ry")
    second = save(db, "Vaasan Martat ry:n kyläosasto", shares_business_id=True)
    assert second.business_id == "0242746-2"
    for stored in (first, second):  # saved again as they are: no question
        form = OrganisationForm(name_fi=stored.name_fi + " (muutettu)", business_id="0242746-2")
        save_organisation(db, form, stored.id, stored.version, today=TODAY)


def test_an_archived_organisation_does_not_hold_its_business_id_and_comes_back_beside_the_new(
    db: Database,
) -> None:
    old = save(db, "Vanha Marttayhdistys ry")
    archive_organisation(db, old.id)
    new = save(db, "Vaasan Martat ry")
    restore_organisation(db, old.id)
    assert get_organisation(db, old.id).archived_at is None
    assert get_organisation(db, new.id).business_id == get_organisation(db, old.id).business_id


def test_the_database_refuses_a_second_sole_holder(db: Database) -> None:
    save(db, "Vaasan Martat ry")
    second = save(db, "Toinen ry", "1572860-0")
    with pytest.raises(IntegrityError), db.transaction() as session:
        record = session.scalars(select(Organisation).where(Organisation.id == second.id)).one()
        record.business_id = "0242746-2"
