"""The demo's membership-fee terms: the fee classes and due dates of 2026 and 2027 (the demo is
written for late 2026, when next year's fees are invoiced)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from jarjestokeskus.db.models import FeeClass, FeeYear
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.fees import ReferenceKind

ACCOUNT, BIC = "FI7944052020036082", "HELSFIHH"
CLASSES = (
    ("Pieni yhdistys (alle 100 jäsentä)", "Liten förening (under 100 medlemmar)", "40.00", None, None, 99),
    (
        "Keskisuuri yhdistys (100–499 jäsentä)",
        "Medelstor förening (100–499 medlemmar)",
        "80.00",
        None,
        100,
        499,
    ),
    (
        "Suuri yhdistys (vähintään 500 jäsentä)",
        "Stor förening (minst 500 medlemmar)",
        "150.00",
        None,
        500,
        None,
    ),
    ("Säätiö", "Stiftelse", "150.00", OrganisationKind.FOUNDATION, None, None),
)
MESSAGE_FI = "Jäsenmaksu vuodelle {year} syyskokouksen päätöksen mukaan. Kiitos, että olet mukana!"
MESSAGE_SV = "Medlemsavgift för {year} enligt höstmötets beslut. Tack för att ni är med!"


def add_fee_terms(session: Session) -> None:
    for year in (2026, 2027):
        session.add(
            FeeYear(
                id=uuid.uuid4(),
                year=year,
                due_date=date(year, 3, 31),
                reminder_days=14,
                account_iban=ACCOUNT,
                account_bic=BIC,
                reference_kind=ReferenceKind.NATIONAL,
                message_fi=MESSAGE_FI.format(year=year),
                message_sv=MESSAGE_SV.format(year=year),
            )
        )
        for name_fi, name_sv, amount, kind, low, high in CLASSES:
            session.add(
                FeeClass(
                    id=uuid.uuid4(),
                    year=year,
                    name_fi=name_fi,
                    name_sv=name_sv,
                    amount=Decimal(amount),
                    kind=kind,
                    min_members=low,
                    max_members=high,
                )
            )
