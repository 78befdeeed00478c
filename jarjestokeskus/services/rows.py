"""Plain, frozen rows that services hand to the window, reports and the command line."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jarjestokeskus.domain.enums import (
    Field,
    FundingInstrument,
    MembershipStatus,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    ReportKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.i18n import localized


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


# --- projects and their funding (issue 3) -----------------------------------------------------


@dataclass(frozen=True)
class ProjectRow:
    """A line of the projects list; sums over the project's fundings of all years."""

    id: uuid.UUID
    code: str
    name_fi: str
    name_sv: str
    owner_name_fi: str
    owner_name_sv: str
    status: ProjectStatus
    start_date: date | None
    end_date: date | None
    amount_applied: Decimal
    amount_granted: Decimal
    funder_ids: frozenset[uuid.UUID]
    instruments: frozenset[FundingInstrument]
    years: frozenset[int]
    archived_at: datetime | None

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)

    def owner_name(self, language: str) -> str:
        return localized(self.owner_name_fi, self.owner_name_sv, language)


@dataclass(frozen=True)
class StatusChangeRow:
    id: uuid.UUID
    status: ProjectStatus
    changed_on: date


@dataclass(frozen=True)
class PartnerRow:
    id: uuid.UUID
    organisation_id: uuid.UUID
    name_fi: str
    name_sv: str
    role: PartnerRole

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class InstalmentRow:
    id: uuid.UUID
    due_date: date
    amount: Decimal
    paid_on: date | None
    paid_amount: Decimal | None


@dataclass(frozen=True)
class ObligationRow:
    id: uuid.UUID
    kind: ReportKind
    due_date: date
    submitted_on: date | None


@dataclass(frozen=True)
class FundingRow:
    id: uuid.UUID
    instrument: FundingInstrument
    funder_id: uuid.UUID | None
    funder_name_fi: str
    funder_name_sv: str
    year: int
    amount_applied: Decimal | None
    applied_on: date | None
    decision_number: str
    decision_date: date | None
    amount_granted: Decimal | None
    own_contribution: Decimal | None
    use_from: date | None
    use_until: date | None
    first_grant: bool
    instalments: tuple[InstalmentRow, ...]
    obligations: tuple[ObligationRow, ...]

    def funder_name(self, language: str) -> str:
        return localized(self.funder_name_fi, self.funder_name_sv, language)


@dataclass(frozen=True)
class StaffShareRow:
    """An employment paid (partly) by the project, from EmploymentFunding."""

    employment_id: uuid.UUID
    person_name: str
    title: str
    share_percent: Decimal
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class ProjectDetail:
    id: uuid.UUID
    version: int
    code: str
    name_fi: str
    name_sv: str
    description: str
    owner_id: uuid.UUID | None
    owner_name_fi: str
    owner_name_sv: str
    status: ProjectStatus
    start_date: date | None
    end_date: date | None
    archived_at: datetime | None
    status_changes: tuple[StatusChangeRow, ...]
    partners: tuple[PartnerRow, ...]
    fundings: tuple[FundingRow, ...]
    staff: tuple[StaffShareRow, ...]

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)

    def owner_name(self, language: str) -> str:
        return localized(self.owner_name_fi, self.owner_name_sv, language)


@dataclass(frozen=True)
class AmountTotal:
    """Applied and granted sums of one funder (key: its id) or one instrument (key: its value)."""

    key: str
    name_fi: str
    name_sv: str
    amount_applied: Decimal
    amount_granted: Decimal
    fundings: int

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class DueReportRow:
    """A reporting obligation not yet submitted, due soon or overdue."""

    obligation_id: uuid.UUID
    project_id: uuid.UUID
    project_name_fi: str
    project_name_sv: str
    funder_name_fi: str
    funder_name_sv: str
    instrument: FundingInstrument
    year: int
    kind: ReportKind
    due_date: date
    overdue: bool
    days_left: int  # negative when overdue

    def project_name(self, language: str) -> str:
        return localized(self.project_name_fi, self.project_name_sv, language)

    def funder_name(self, language: str) -> str:
        return localized(self.funder_name_fi, self.funder_name_sv, language)


@dataclass(frozen=True)
class YearOverview:
    year: int
    by_funder: tuple[AmountTotal, ...]
    by_instrument: tuple[AmountTotal, ...]
    amount_applied: Decimal
    amount_granted: Decimal
    reports: tuple[DueReportRow, ...]
    running_fundings: int = 0  # multi-year grants of earlier years that run in the year
    running_share: Decimal = Decimal("0.00")  # their shares of the year by days of use


@dataclass(frozen=True)
class InstalmentRuleRow:
    id: uuid.UUID
    version: int
    instrument: FundingInstrument
    months: str
    day: int
    effective_from: date
    note: str
    source: str = ""


@dataclass(frozen=True)
class ReportingRuleRow:
    id: uuid.UUID
    version: int
    instrument: FundingInstrument
    funder_id: uuid.UUID | None
    funder_name_fi: str
    funder_name_sv: str
    kind: ReportKind
    due_month: int
    due_day: int
    years_after: int
    effective_from: date
    note: str
    every_grant_year: bool = False
    source: str = ""

    def funder_name(self, language: str) -> str:
        return localized(self.funder_name_fi, self.funder_name_sv, language)
