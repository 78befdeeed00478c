"""Plain, frozen rows of the staff and their employment periods for the window, reports and CLI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from jarjestokeskus.domain.enums import DecidingAuthority, EmploymentOutcome, EmploymentScheme
from jarjestokeskus.i18n import _
from jarjestokeskus.services.staff.ending import full_name

if TYPE_CHECKING:
    from jarjestokeskus.db.models import Employment, EmploymentFunding, Person


def shown_first_name(first: str, anonymised: bool) -> str:
    """An erased person is named in the user's language (the record keeps only a placeholder)."""
    return _("Anonymised person") if anonymised else first


@dataclass(frozen=True)
class StaffRow:
    """A person in the staff list with their current period (or the last one)."""

    person_id: uuid.UUID
    first_name: str
    last_name: str
    anonymised: bool
    archived_at: datetime | None
    scheme: EmploymentScheme | None
    title: str
    start_date: date | None
    end_date: date | None

    @property
    def name(self) -> str:
        return full_name(shown_first_name(self.first_name, self.anonymised), self.last_name)


@dataclass(frozen=True)
class FundingShareRow:
    id: uuid.UUID
    project_id: uuid.UUID
    share_percent: Decimal


@dataclass(frozen=True)
class EmploymentRow:
    id: uuid.UUID
    scheme: EmploymentScheme
    title: str
    start_date: date
    end_date: date | None
    hours_per_week: Decimal | None
    days_per_week: Decimal | None
    hours_per_day: Decimal | None
    supervisor_id: uuid.UUID | None
    deciding_authority_kind: DecidingAuthority | None
    deciding_authority: str
    decision_number: str
    decision_date: date | None
    subsidy_percent: Decimal | None
    subsidy_monthly_cap: Decimal | None
    allowance_per_day: Decimal | None
    long_term_unemployed: bool
    unemployed_months: int | None
    decided_max_months: int | None
    outcome: EmploymentOutcome | None
    outcome_note: str
    fundings: tuple[FundingShareRow, ...]


@dataclass(frozen=True)
class PersonDetail:
    id: uuid.UUID
    version: int
    first_name: str
    last_name: str
    email: str
    phone: str
    anonymised: bool
    archived_at: datetime | None
    employments: tuple[EmploymentRow, ...]

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)


EMPLOYMENT_FIELDS = (
    "scheme",
    "title",
    "start_date",
    "end_date",
    "hours_per_week",
    "days_per_week",
    "hours_per_day",
    "supervisor_id",
    "deciding_authority_kind",
    "deciding_authority",
    "decision_number",
    "decision_date",
    "subsidy_percent",
    "subsidy_monthly_cap",
    "allowance_per_day",
    "long_term_unemployed",
    "unemployed_months",
    "decided_max_months",
    "outcome",
    "outcome_note",
)


def employment_row(record: Employment, fundings: list[EmploymentFunding]) -> EmploymentRow:
    return EmploymentRow(
        record.id,
        *(getattr(record, name) for name in EMPLOYMENT_FIELDS),
        fundings=tuple(FundingShareRow(f.id, f.project_id, f.share_percent) for f in fundings),
    )


def person_detail(person: Person, employments: list[EmploymentRow]) -> PersonDetail:
    return PersonDetail(
        person.id,
        person.version,
        shown_first_name(person.first_name, person.anonymised),
        person.last_name,
        person.email,
        person.phone,
        person.anonymised,
        person.archived_at,
        tuple(employments),
    )
