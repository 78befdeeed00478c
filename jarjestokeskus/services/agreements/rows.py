"""Plain, frozen rows about agreements that services hand to the window and reports."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from jarjestokeskus.domain.agreement_roles import InKindDirection, PartyRole
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MonitoringStatus
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.agreements.goal_follow_up import (  # noqa: F401 - named from here too
    AgreementAlertRow,
    FollowUp,
    FollowUpGoalRow,
)


@dataclass(frozen=True)
class AgreementRow:
    """One agreement in the register; `party_names` are (fi, sv) pairs."""

    id: uuid.UUID
    kind: AgreementKind
    title_fi: str
    title_sv: str
    status: AgreementStatus
    parent_id: uuid.UUID | None
    predecessor_id: uuid.UUID | None
    valid_from: date | None
    valid_to: date | None
    renewal_notice_date: date | None
    party_ids: frozenset[uuid.UUID]
    party_names: tuple[tuple[str, str], ...]
    archived_at: datetime | None = None


@dataclass(frozen=True)
class AgreementNode:
    """A register row and the implementation agreements under it."""

    row: AgreementRow
    children: tuple[AgreementNode, ...] = ()


@dataclass(frozen=True)
class AgreementPartyRow:
    id: uuid.UUID
    organisation_id: uuid.UUID
    name_fi: str
    name_sv: str
    role: str  # a note beside the coded role
    signatory: str
    role_kind: PartyRole | None = None

    def role_text(self, label: Callable[[PartyRole], str]) -> str:
        """The coded role's label (by `label`) and the note, as "Counterparty; note"."""
        return "; ".join(
            part for part in (label(self.role_kind) if self.role_kind else "", self.role) if part
        )


@dataclass(frozen=True)
class MonitoringRow:
    id: uuid.UUID
    goal_id: uuid.UUID
    entry_date: date
    status: MonitoringStatus
    note: str
    written_by: str


@dataclass(frozen=True)
class GoalRow:
    id: uuid.UUID
    position: int
    title_fi: str
    title_sv: str
    our_commitment: str
    counterparty_commitment: str
    indicator: str
    follow_up_method: str
    entries: tuple[MonitoringRow, ...] = ()


@dataclass(frozen=True)
class DocumentRow:
    id: uuid.UUID
    agreement_id: uuid.UUID
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    created_at: datetime


class FundingState(enum.Enum):
    """Whether an agreement conditional on a funding decision was born."""

    BORN = "born"
    WAITING = "waiting"
    NOT_BORN = "not_born"

    @property
    def label(self) -> str:
        return _(_STATE_LABELS[self.value])


_STATE_LABELS = {
    "born": N_("Born: the funding was granted"),
    "waiting": N_("Waiting for the funding decision"),
    "not_born": N_("Not born: the funding was not granted"),
}


@dataclass(frozen=True)
class AgreementDetail:
    id: uuid.UUID
    version: int
    kind: AgreementKind
    title_fi: str
    title_sv: str
    description: str
    parent_id: uuid.UUID | None
    parent_title: tuple[str, str]
    predecessor_id: uuid.UUID | None
    predecessor_title: tuple[str, str]
    status: AgreementStatus
    signed_on: date | None
    valid_from: date | None
    valid_to: date | None
    renewal_notice_date: date | None
    yearly_value: Decimal | None
    oral_agreed_by: str
    conditional_on_funding_id: uuid.UUID | None
    funding_state: FundingState | None
    premises_address: str
    premises_area_m2: Decimal | None
    premises_rent: Decimal | None
    premises_free_of_charge: bool
    premises_estimated_value: Decimal | None
    archived_at: datetime | None
    parties: tuple[AgreementPartyRow, ...]
    goals: tuple[GoalRow, ...]
    documents: tuple[DocumentRow, ...]
    premises_direction: InKindDirection = InKindDirection.RECEIVED
    premises_municipality_code: str | None = None


@dataclass(frozen=True)
class InKindRow:
    """The value of premises free of charge that one counterparty gave us (received) or that we
    gave it (given) in one year."""

    organisation_id: uuid.UUID
    name_fi: str
    name_sv: str
    year: int
    amount: Decimal
    direction: InKindDirection = InKindDirection.RECEIVED
