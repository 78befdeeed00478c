"""Plain, frozen rows that services hand to the window, reports and the command line."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jarjestokeskus.domain.enums import (
    Field,
    MembershipStatus,
    OrganisationKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)


def localized(fi: str, sv: str, language: str) -> str:
    """The name in `language`, falling back to the other one."""
    first, second = (sv, fi) if language == "sv" else (fi, sv)
    return first or second


@dataclass(frozen=True)
class OrganisationRow:
    id: uuid.UUID
    name_fi: str
    name_sv: str
    abbreviation: str
    business_id: str | None
    municipality: str
    kind: OrganisationKind
    field: Field
    membership_status: MembershipStatus
    member_count: int | None
    is_home: bool
    archived_at: datetime | None

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


def row_from(row: Any) -> OrganisationRow:
    return OrganisationRow(*row)


@dataclass(frozen=True)
class FeeRow:
    id: uuid.UUID
    year: int
    amount: Decimal
    paid_on: date | None


@dataclass(frozen=True)
class RoleRow:
    id: uuid.UUID
    person_id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    phone: str
    kind: RoleKind
    start_date: date | None
    end_date: date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class OrganisationDetail:
    id: uuid.UUID
    version: int
    name_fi: str
    name_sv: str
    abbreviation: str
    business_id: str | None
    register_number: str | None
    kind: OrganisationKind
    field: Field
    working_language: WorkingLanguage
    municipality: str
    street_address: str
    postal_code: str
    post_office: str
    email: str
    phone: str
    website: str
    staff_profile: StaffProfile | None
    member_count: int | None
    uses_municipal_premises: bool
    membership_status: MembershipStatus
    member_since: date | None
    member_until: date | None
    is_home: bool
    notes: str
    archived_at: datetime | None
    fees: tuple[FeeRow, ...]
    roles: tuple[RoleRow, ...]

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


_DETAIL_FIELDS = [f for f in OrganisationDetail.__dataclass_fields__ if f not in ("fees", "roles")]


def detail_from(org: Any, fees: list[FeeRow], roles: list[RoleRow]) -> OrganisationDetail:
    return OrganisationDetail(
        **{name: getattr(org, name) for name in _DETAIL_FIELDS}, fees=tuple(fees), roles=tuple(roles)
    )


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: uuid.UUID
    changes: dict[str, list[Any]]
