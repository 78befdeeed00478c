"""Plain rows for the PDF reports: the member register and one organisation's card.

Reports never query the database themselves; they call these functions and get frozen rows.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, or_, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MembershipFee, Organisation, Person, Project, ProjectPartner, Role
from jarjestokeskus.domain.enums import (
    CONTACT_ROLES,
    Field,
    MembershipStatus,
    PartnerRole,
    ProjectStatus,
    RoleKind,
)
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services.agreements.register import AgreementQuery, list_agreements
from jarjestokeskus.services.agreements.rows import AgreementRow
from jarjestokeskus.services.organisations.register import get_organisation
from jarjestokeskus.services.rows import OrganisationDetail, localized

# Statuses of organisations that have been members (their dates tell when).
WERE_MEMBERS = (MembershipStatus.MEMBER, MembershipStatus.RESIGNED, MembershipStatus.EXPELLED)


@dataclass(frozen=True)
class MemberRow:
    """One member organisation in the register, with its contacts."""

    id: uuid.UUID
    name_fi: str
    name_sv: str
    municipality: str
    field: Field
    email: str
    phone: str
    member_count: int | None
    contact_name: str
    contact_role: RoleKind | None
    municipality_code: str | None = None  # the register's municipality the text names
    abbreviation: str = ""
    business_id: str = ""
    street_address: str = ""
    postal_code: str = ""
    post_office: str = ""

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


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


def home_names(db: Database) -> tuple[str, str]:
    """The home organisation's (fi, sv) names, or two empty strings."""
    with db.reading() as session:
        row = session.execute(
            select(Organisation.name_fi, Organisation.name_sv)
            .where(Organisation.is_home, Organisation.archived_at.is_(None))
            .limit(1)
        ).first()
    return (row.name_fi, row.name_sv) if row else ("", "")


def members_on(day: date | None) -> ColumnElement[bool]:
    """Who is a member organisation: today, status member; at the end of a `day`, by the
    membership dates (joined by then, `member_until` not before the day after; a member without a
    joining date counts as joined). So the members at the end of a year are those at the end of
    the year before, plus those that joined in the year, less those that left in it."""
    live = and_(Organisation.archived_at.is_(None), Organisation.is_home.is_(False))
    if day is None:
        return and_(live, Organisation.membership_status == MembershipStatus.MEMBER)
    return and_(
        live,
        Organisation.membership_status.in_(WERE_MEMBERS),
        or_(
            Organisation.member_since <= day,
            and_(
                Organisation.member_since.is_(None), Organisation.membership_status == MembershipStatus.MEMBER
            ),
        ),
        or_(Organisation.member_until.is_(None), Organisation.member_until > day),
    )


def count_members(db: Database, on: date | None = None) -> tuple[int, int]:
    """How many member organisations there are (on the day `on`, see `members_on`), and the sum of
    their own member counts (as recorded now: the register keeps no history of them)."""
    with db.reading() as session:
        row = session.execute(
            select(func.count(), func.coalesce(func.sum(Organisation.member_count), 0)).where(members_on(on))
        ).one()
    return int(row[0]), int(row[1])


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


def member_register(
    db: Database, today: date | None = None, on: date | None = None, sorted_for: str | None = None
) -> list[MemberRow]:
    """The member organisations (status member, not archived, not the home organisation; with
    `on`, those that were members on that day, see `members_on`); with `sorted_for` ("fi" or
    "sv"), by their names in that language in collation order (by the stored sort keys)."""
    today = today or date.today()
    order = []
    if sorted_for is not None:
        order = [
            Organisation.name_sv_key if sorted_for == "sv" else Organisation.name_fi_key,
            Organisation.id,
        ]
    with db.reading() as session:
        orgs = session.execute(
            select(
                Organisation.id,
                Organisation.name_fi,
                Organisation.name_sv,
                Organisation.municipality,
                Organisation.municipality_code,
                Organisation.field,
                Organisation.email,
                Organisation.phone,
                Organisation.member_count,
                Organisation.abbreviation,
                Organisation.business_id,
                Organisation.street_address,
                Organisation.postal_code,
                Organisation.post_office,
            )
            .where(members_on(on))
            .order_by(*order)
        ).all()
        contacts = member_contacts(session, today, on)
    rows = []
    for o in orgs:
        _rank, contact, kind = contacts.get(o.id, (0, "", None))
        rows.append(
            MemberRow(
                o.id,
                o.name_fi,
                o.name_sv,
                o.municipality,
                o.field,
                o.email,
                o.phone,
                o.member_count,
                contact,
                kind,
                o.municipality_code,
                o.abbreviation,
                o.business_id or "",
                o.street_address,
                o.postal_code,
                o.post_office,
            )
        )
    return rows


def member_contacts(
    session, today: date, on: date | None = None
) -> dict[uuid.UUID, tuple[int, str, RoleKind]]:  # type: ignore[no-untyped-def]
    """The contact person of each member organisation (see `members_on`) that has one in force
    `today`: (rank in CONTACT_ROLES, name, role) by the organisation's id."""
    contacts: dict[uuid.UUID, tuple[int, str, RoleKind]] = {}
    roles = session.execute(
        select(Role.organisation_id, Role.kind, Person.first_name, Person.last_name)
        .join(Person, Role.person_id == Person.id)
        .join(Organisation, Role.organisation_id == Organisation.id)
        .where(
            Role.archived_at.is_(None),
            Role.kind.in_(CONTACT_ROLES),
            members_on(on),
            or_(Role.start_date.is_(None), Role.start_date <= today),
            or_(Role.end_date.is_(None), Role.end_date >= today),
        )
    )
    for r in roles:
        rank = CONTACT_ROLES.index(r.kind)
        if r.organisation_id not in contacts or rank < contacts[r.organisation_id][0]:
            name = f"{r.first_name} {r.last_name}".strip()
            contacts[r.organisation_id] = (rank, name, r.kind)
    return contacts


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
