"""A small region for the cooperation tests: the home organisation and five members in three municipalities."""

from __future__ import annotations

import uuid
from datetime import date

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation

TODAY = date(2027, 3, 1)
MEMBER = MembershipStatus.MEMBER


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def region(db: Database) -> dict[str, uuid.UUID]:
    """home; A, B, C in Vaasa; D in Korsholm; E in Laihia; X (not a member) in Vaasa."""
    ids = {
        "home": add(db, name_fi="Pohjanmaan Yhdistykset ry", name_sv="Österbottens Föreningar rf"),
        "A": add(db, name_fi="Aalto ry", name_sv="Aalto rf", municipality="Vaasa", membership_status=MEMBER),
        "B": add(db, name_fi="Björkby ry", municipality="Vaasa", membership_status=MEMBER),
        "C": add(db, name_fi="Celsius ry", municipality="Vaasa", membership_status=MEMBER),
        "D": add(db, name_fi="Dahl ry", municipality="Korsholm", membership_status=MEMBER),
        "E": add(db, name_fi="Ek ry", municipality="Laihia", membership_status=MEMBER),
        "X": add(db, name_fi="Xylo ry", municipality="Vaasa", membership_status=MembershipStatus.NOT_MEMBER),
    }
    with db.transaction() as session:
        home = session.get(Organisation, ids["home"])
        assert home is not None
        home.is_home = True
    return ids
