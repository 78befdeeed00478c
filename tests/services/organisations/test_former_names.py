"""The earlier names' window as a service: stored all at once, checked, found by search, in the
organisation's change history (issue 16)."""

from __future__ import annotations

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.organisation import FormerNameForm, OrganisationForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.history.record import record_history
from jarjestokeskus.services.organisations.names import former_names, save_former_names
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    count_organisations,
    save_organisation,
)

VSY = FormerNameForm("Vaasan Seudun Yhdistykset ry", "Vasanejdens Föreningar rf", "1.1.2010", "31.12.2019")


def umbrella(db: Database) -> object:
    form = OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry", name_sv="Österbottens Föreningar rf")
    return save_organisation(db, form).id


def found(db: Database, text: str) -> int:
    return count_organisations(db, OrganisationQuery(text=text))


def test_an_organisation_is_found_by_its_earlier_name(db: Database) -> None:
    org = umbrella(db)
    assert found(db, "vasanejdens") == 0
    rows = save_former_names(db, org, [VSY])
    assert [(r.name_sv, str(r.valid_from), str(r.valid_until)) for r in rows] == [
        ("Vasanejdens Föreningar rf", "2010-01-01", "2019-12-31")
    ]
    assert found(db, "vasanejdens") == 1 and found(db, "Seudun Yhdistykset") == 1
    # Saving the organisation's own form keeps the earlier names searchable.
    save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry", phone="06 1"), org)
    assert found(db, "vasanejdens") == 1
    save_former_names(db, org, [])  # removed: archived, no longer searched
    assert found(db, "vasanejdens") == 0 and former_names(db, org) == []


def test_each_wrong_cell_is_named_and_nothing_is_stored(db: Database) -> None:
    org = umbrella(db)
    rows = [
        FormerNameForm("", "", valid_until="31.12.2019"),
        FormerNameForm("Toinen", valid_from="1.1.2021", valid_until="1.1.2020"),
        FormerNameForm("Kolmas", valid_until=""),
        FormerNameForm("Neljäs", valid_from="1.6.2019", valid_until="31.12.2020"),
    ]
    with pytest.raises(ValidationFailed) as refused:
        save_former_names(db, org, rows)
    assert sorted(e.field for e in refused.value.errors) == [
        "former_names[0].name_fi",
        "former_names[1].valid_until",
        "former_names[2].valid_until",
        "former_names[3].valid_until",  # used already on 31.12.2019 by the first row's name
    ]
    assert former_names(db, org) == []


def test_a_name_changed_meanwhile_is_not_overwritten(db: Database) -> None:
    org = umbrella(db)
    (stored,) = save_former_names(db, org, [VSY])
    mine = FormerNameForm("Minun", "", "", "31.12.2019", stored.id, stored.version)
    save_former_names(db, org, [FormerNameForm("Toisen", "", "", "31.12.2019", stored.id, stored.version)])
    with pytest.raises(StaleRecord):
        save_former_names(db, org, [mine])
    assert [r.name_fi for r in former_names(db, org)] == ["Toisen"]


def test_earlier_names_are_in_the_organisations_history(db: Database) -> None:
    org = umbrella(db)
    save_former_names(db, org, [VSY])
    entities = [(row.entity, row.action) for row in record_history(db, org)]
    assert ("OrganisationName", "create") in entities
