"""A small register for the fee tests: six organisations, the terms and classes of 2027."""

from __future__ import annotations

import uuid
from datetime import date

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus, OrganisationKind, WorkingLanguage
from jarjestokeskus.domain.fees import FeeYearForm, ReferenceKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.services.fees.terms import FeeClassForm, save_fee_terms
from jarjestokeskus.services.organisations.register import save_organisation

TODAY = date(2027, 1, 15)
ACCOUNT = "FI79 4405 2020 0360 82"
MEMBER = MembershipStatus.MEMBER


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def register(db: Database, reference: ReferenceKind = ReferenceKind.NATIONAL) -> dict[str, uuid.UUID]:
    ids = {
        "A": add(
            db,
            name_fi="Aalto ry",
            member_count="30",
            membership_status=MEMBER,
            street_address="Kauppapuistikko 1",
            postal_code="65100",
            post_office="Vaasa",
        ),
        "B": add(
            db,
            name_fi="Björkbyn yhdistys ry",
            name_sv="Björkby förening rf",
            working_language=WorkingLanguage.SWEDISH,
            member_count="250",
            membership_status=MEMBER,
        ),
        "C": add(db, name_fi="Celsius-säätiö sr", kind=OrganisationKind.FOUNDATION, membership_status=MEMBER),
        "D": add(
            db,
            name_fi="Dahl ry",
            member_count="10",
            membership_status=MEMBER,
            fees=[FeeForm(year="2027", amount="50", paid_on="10.1.2027")],
        ),
        "E": add(db, name_fi="Ek ry", member_count="10", membership_status=MembershipStatus.RESIGNED),
        "F": add(
            db,
            name_fi="Fura ry",
            member_count="20",
            membership_status=MEMBER,
            fees=[FeeForm(year="2027", amount="55", paid_on="")],
        ),
    }
    save_fee_terms(
        db,
        FeeYearForm(
            "2027", "31.3.2027", "14", ACCOUNT, "OKOYFIHH", reference, "Jäsenmaksu 2027", "Medlemsavgift 2027"
        ),
        [
            FeeClassForm("Pieni yhdistys", "Liten förening", "50", None, "", "100"),
            FeeClassForm("Suuri yhdistys", "Stor förening", "120", None, "101", ""),
            FeeClassForm("Säätiö", "Stiftelse", "200", OrganisationKind.FOUNDATION),
        ],
    )
    return ids
