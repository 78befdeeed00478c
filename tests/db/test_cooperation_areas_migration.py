"""Migration 0021 on a register whose cooperation areas were typed as free text before."""

from __future__ import annotations

import uuid

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import (
    Body,
    ChecklistElement,
    ChecklistEntry,
    MemberActivity,
    MemberGrant,
    MemberPremises,
)
from jarjestokeskus.domain.cooperation import (
    AreaKind,
    BodyKind,
    ChecklistStatus,
    GrantInstrument,
    PremisesOwner,
)
from tests.db.migrating import before, migrate
from tests.services.cooperation.scenario import region


def test_names_typed_in_either_language_become_the_registers_finnish_ones(db: Database) -> None:
    ids = region(db)
    M, WC = AreaKind.MUNICIPALITY, AreaKind.WELLBEING_COUNTY
    with db.transaction() as session:  # as the free-text register stored them
        element = session.query(ChecklistElement).first()
        session.add_all(
            [
                Body(id=uuid.uuid4(), kind=BodyKind.FORUM, name_fi="F", area_kind=M, area="Korsholm"),
                Body(
                    id=uuid.uuid4(),
                    kind=BodyKind.FORUM,
                    name_fi="G",
                    area_kind=WC,
                    area="Österbottens välfärdsområde",
                ),
                Body(id=uuid.uuid4(), kind=BodyKind.FORUM, name_fi="H", area_kind=M, area="Kylä X"),
                ChecklistEntry(
                    id=uuid.uuid4(),
                    element_id=element.id,
                    area_kind=M,
                    area="VASA",
                    year=2026,
                    status=ChecklistStatus.NONE,
                ),
                MemberGrant(
                    id=uuid.uuid4(),
                    organisation_id=ids["A"],
                    year=2026,
                    grantor_kind=M,
                    grantor="Jakobstad",
                    instrument=GrantInstrument.OPERATING,
                ),
                MemberPremises(
                    id=uuid.uuid4(),
                    organisation_id=ids["A"],
                    owner_kind=PremisesOwner.OTHER,
                    owner="Vasa",
                    address="Torget 1",
                ),
                MemberActivity(
                    id=uuid.uuid4(), organisation_id=ids["A"], title_fi="K", municipality="Närpes"
                ),
            ]
        )
    migrate(db, before("0021"), down=True)
    migrate(db, "head", down=False)
    with db.reading() as session:
        assert sorted(b.area for b in session.query(Body)) == [
            "Kylä X",
            "Mustasaari",
            "Pohjanmaan hyvinvointialue",
        ]
        assert [e.area for e in session.query(ChecklistEntry)] == ["Vaasa"]
        assert [g.grantor for g in session.query(MemberGrant)] == ["Pietarsaari"]
        assert [p.owner for p in session.query(MemberPremises)] == ["Vasa"]  # another owner: as typed
        assert [a.municipality for a in session.query(MemberActivity)] == ["Närpiö"]
