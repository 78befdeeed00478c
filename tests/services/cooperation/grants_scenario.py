"""Members' grants and premises of the small region (tests/services/cooperation/scenario.py), 2026–2027."""

from __future__ import annotations

import uuid

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument, PremisesOwner
from jarjestokeskus.services.cooperation.grants import GrantForm, PremisesForm, save_grant, save_premises
from tests.services.cooperation.scenario import region

M, WC = AreaKind.MUNICIPALITY, AreaKind.WELLBEING_COUNTY
OPERATING, PROJECT = GrantInstrument.OPERATING, GrantInstrument.PROJECT


def receiving(db: Database) -> dict[str, uuid.UUID]:
    """A: Vaasa grants both years, municipal premises until 6/2026; B: a project grant refused,
    municipal premises; C: nothing; D: Korsholm's grant in 2027; E: the county's grant and other
    premises; X (not a member): a Vaasa grant."""
    ids = region(db)
    save_grant(db, ids["A"], GrantForm("2027", M, "Vaasa", OPERATING, "5000", "4000"))
    save_grant(db, ids["A"], GrantForm("2026", M, "Vaasa", OPERATING, "4000", "3500"))
    save_grant(db, ids["B"], GrantForm("2027", M, "Vaasa", PROJECT, "2000", "0"))
    save_grant(db, ids["D"], GrantForm("2027", M, "Korsholm", OPERATING, "", "1000"))
    save_grant(db, ids["E"], GrantForm("2027", WC, "Pohjanmaan hyvinvointialue", PROJECT, "9000", "8000"))
    save_grant(db, ids["X"], GrantForm("2027", M, "Vaasa", OPERATING, "600", "500"))
    save_premises(
        db,
        ids["A"],
        PremisesForm(
            PremisesOwner.MUNICIPALITY,
            "Vaasa",
            "Kirkkopuistikko 1",
            free_of_charge=True,
            start_date="1.1.2024",
            end_date="30.6.2026",
        ),
    )
    save_premises(
        db,
        ids["B"],
        PremisesForm(
            PremisesOwner.MUNICIPALITY,
            "Vaasa",
            "Hovioikeudenpuistikko 2",
            rent="150",
            accessible=True,
            start_date="1.1.2025",
        ),
    )
    save_premises(db, ids["E"], PremisesForm(PremisesOwner.OTHER, "Laihian seurakunta", "Kirkkotie 3"))
    return ids
