"""Plain rows for the PDF reports: the member register and one organisation's card.

Reports never query the database themselves; they call these functions and get frozen rows.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, or_, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MembershipFee, Organisation, Project, ProjectPartner
from jarjestokeskus.domain.enums import PartnerRole, ProjectStatus
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services.agreements.register import AgreementQuery, list_agreements
from jarjestokeskus.services.agreements.rows import AgreementRow
from jarjestokeskus.services.organisations.member_register import (
    WERE_MEMBERS,
    MemberRow,
    count_members,
    home_names,
    member_register,
)
from jarjestokeskus.services.organisations.register import get_organisation
from jarjestokeskus.services.rows import OrganisationDetail

__all__ = ["MemberRow", "count_members", "home_names", "member_register"]


@dataclass(frozen=True)
class CardProjectRow:
    """A project the organisation owns or takes part in; `role` None means it is the owner."""

    id: uuid.UUID
    code: str
    name_fi: str
    name_sv: str
    status: ProjectStatus
    start_date: date | None
    end_date: date | None
    role: PartnerRole | None

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class OrganisationCard:
    """Everything on one organisation's card."""

    detail: OrganisationDetail
    agreements: tuple[AgreementRow, ...]
    projects: tuple[CardProjectRow, ...]


def membership_changes(db: Database, year: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(fi, sv) names of the organisations that joined in `year` and of those that left in it."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    live = and_(Organisation.archived_at.is_(None), Organisation.is_home.is_(False))
    with db.reading() as session:
        joined, left = (
            session.execute(
                select(Organisation.name_fi, Organisation.name_sv).where(
                    live, Organisation.membership_status.in_(WERE_MEMBERS), column.between(start, end)
                )
            ).all()
            for column in (Organisation.member_since, Organisation.member_until)
        )
    key = lambda r: sort_key(r[0] or r[1])  # noqa: E731
    return sorted(((r[0], r[1]) for r in joined), key=key), sorted(((r[0], r[1]) for r in left), key=key)


def fee_income(db: Database, year: int) -> tuple[Decimal, Decimal]:
    """Membership fees of `year` (of organisations not archived): (due, paid)."""
    with db.reading() as session:
        rows = session.execute(
            select(MembershipFee.amount, MembershipFee.paid_on)
            .join(Organisation, MembershipFee.organisation_id == Organisation.id)
            .where(
                MembershipFee.year == year,
                MembershipFee.archived_at.is_(None),
                Organisation.archived_at.is_(None),
            )
        ).all()
    due = sum((r.amount for r in rows), Decimal("0.00"))
    return due, sum((r.amount for r in rows if r.paid_on is not None), Decimal("0.00"))


def find_organisations_by_name(db: Database, name: str) -> list[tuple[uuid.UUID, str, str]]:
    """Live organisations whose Finnish or Swedish name or abbreviation is `name` (case-insensitive)."""
    wanted = sort_key(name.strip())
    with db.reading() as session:
        rows = session.execute(
            select(
                Organisation.id, Organisation.name_fi, Organisation.name_sv, Organisation.abbreviation
            ).where(Organisation.archived_at.is_(None))
        ).all()
    return [
        (r.id, r.name_fi, r.name_sv)
        for r in rows
        if wanted and wanted in {sort_key(r.name_fi), sort_key(r.name_sv), sort_key(r.abbreviation)}
    ]


def organisation_card(db: Database, organisation_id: uuid.UUID) -> OrganisationCard:
    """The organisation's data, persons and roles, fees, agreements and projects."""
    detail = get_organisation(db, organisation_id)
    agreements = list_agreements(db, AgreementQuery(counterparty_id=organisation_id))
    agreements.sort(key=lambda a: (a.valid_from or date.min, a.title_fi))
    roles: dict[uuid.UUID, PartnerRole | None] = defaultdict(lambda: None)
    with db.reading() as session:
        for project_id, role in session.execute(
            select(ProjectPartner.project_id, ProjectPartner.role).where(
                ProjectPartner.organisation_id == organisation_id, ProjectPartner.archived_at.is_(None)
            )
        ):
            roles[project_id] = role
        projects = session.scalars(
            select(Project).where(
                Project.archived_at.is_(None),
                or_(Project.owner_id == organisation_id, Project.id.in_(list(roles))),
            )
        ).all()
        rows = [
            CardProjectRow(
                p.id,
                p.code,
                p.name_fi,
                p.name_sv,
                p.status,
                p.start_date,
                p.end_date,
                None if p.owner_id == organisation_id else roles[p.id],
            )
            for p in projects
        ]
    rows.sort(key=lambda p: (p.start_date or date.min, p.code))
    return OrganisationCard(detail, tuple(agreements), tuple(rows))
