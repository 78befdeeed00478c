"""How much the members depend on municipal support: per municipality, and per grantor and instrument.

A member organisation (membership status member, not the home organisation) *depends on municipal
support* in a year when a municipality granted it more than nothing that year, and *uses municipal
premises* when it has premises owned by a municipality for some part of the year. The share is of
the members in the organisation's own municipality, named by the register's Finnish name (organisations
with none: "" last). Membership
is today's: the register keeps no earlier membership states, so last year's share is of today's members.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MemberGrant, MemberPremises, Organisation
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument, PremisesOwner, overlaps_year, share
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.municipalities import municipality_name

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MunicipalityShare:
    municipality: str
    members: int
    with_grant: int
    with_premises: int
    depending: int  # a grant, municipal premises or both
    depending_before: int

    @property
    def share(self) -> Decimal | None:
        return share(self.depending, self.members)

    @property
    def share_before(self) -> Decimal | None:
        return share(self.depending_before, self.members)


@dataclass(frozen=True)
class GrantTotal:
    grantor_kind: AreaKind
    grantor: str
    instrument: GrantInstrument
    applied: Decimal
    granted: Decimal
    granted_before: Decimal
    count: int

    @property
    def change(self) -> Decimal:
        return self.granted - self.granted_before


@dataclass(frozen=True)
class Dependence:
    year: int
    municipalities: tuple[MunicipalityShare, ...]
    total: MunicipalityShare
    grants: tuple[GrantTotal, ...]


def dependence(db: Database, year: int) -> Dependence:
    with db.reading() as session:
        members = session.execute(
            select(Organisation.id, Organisation.municipality_code, Organisation.municipality).where(
                Organisation.archived_at.is_(None),
                Organisation.membership_status == MembershipStatus.MEMBER,
                Organisation.is_home.is_(False),
            )
        ).all()
        grants = session.scalars(
            select(MemberGrant).where(
                MemberGrant.archived_at.is_(None), MemberGrant.year.in_([year, year - 1])
            )
        ).all()
        premises = session.execute(
            select(MemberPremises.organisation_id, MemberPremises.start_date, MemberPremises.end_date).where(
                MemberPremises.archived_at.is_(None), MemberPremises.owner_kind == PremisesOwner.MUNICIPALITY
            )
        ).all()
        session.expunge_all()

    def granted_by_municipality(in_year: int) -> set[uuid.UUID]:
        return {
            g.organisation_id
            for g in grants
            if g.year == in_year
            and g.grantor_kind == AreaKind.MUNICIPALITY
            and (g.amount_granted or ZERO) > 0
        }

    def in_premises(in_year: int) -> set[uuid.UUID]:
        return {oid for oid, start, end in premises if overlaps_year(start, end, in_year)}

    granted, granted_before = granted_by_municipality(year), granted_by_municipality(year - 1)
    housed, housed_before = in_premises(year), in_premises(year - 1)
    by_municipality: dict[str, list[uuid.UUID]] = {}
    for oid, code, municipality in members:  # "Korsholm" and "Mustasaari" are one, by its Finnish name
        by_municipality.setdefault(municipality_name(code, municipality, "fi"), []).append(oid)

    def counted(name: str, ids: list[uuid.UUID]) -> MunicipalityShare:
        group = set(ids)
        return MunicipalityShare(
            name,
            len(group),
            len(group & granted),
            len(group & housed),
            len(group & (granted | housed)),
            len(group & (granted_before | housed_before)),
        )

    rows = tuple(
        counted(name, ids)
        for name, ids in sorted(by_municipality.items(), key=lambda item: (item[0] == "", sort_key(item[0])))
    )
    total = counted("", [oid for oid, _code, _m in members])
    return Dependence(year, rows, total, _grant_totals(grants, year))


def _grant_totals(grants, year: int) -> tuple[GrantTotal, ...]:  # type: ignore[no-untyped-def]
    sums: dict[tuple[AreaKind, str, GrantInstrument], list[Decimal | int]] = {}
    for g in grants:
        key = (g.grantor_kind, g.grantor, g.instrument)
        applied, granted, before, count = sums.setdefault(key, [ZERO, ZERO, ZERO, 0])
        if g.year == year:
            sums[key] = [
                applied + (g.amount_applied or ZERO),
                granted + (g.amount_granted or ZERO),
                before,
                count + 1,
            ]
        else:
            sums[key] = [applied, granted, before + (g.amount_granted or ZERO), count]
    order = list(GrantInstrument)
    return tuple(
        GrantTotal(kind, grantor, instrument, *values)  # type: ignore[arg-type]
        for (kind, grantor, instrument), values in sorted(
            sums.items(),
            key=lambda item: (
                item[0][0] != AreaKind.MUNICIPALITY,
                sort_key(item[0][1]),
                order.index(item[0][2]),
            ),
        )
    )
