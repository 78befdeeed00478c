"""Follow-up of agreements: recording a goal's status, funding conditions, in-kind value. The goals'
latest status and what needs attention are read in goal_follow_up.py."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import (
    Agreement,
    AgreementGoal,
    AgreementParty,
    Funding,
    MonitoringEntry,
    Organisation,
)
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.agreements import MonitoringForm, validate_entry
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.services import changes
from jarjestokeskus.services.agreements.goal_follow_up import NOTICE_DAYS, STALE_DAYS, follow_up
from jarjestokeskus.services.agreements.rows import (
    FundingState,
    InKindRow,
    MonitoringRow,
)
from jarjestokeskus.services.changes import announces

# The goals' follow-up is read in plain SQL in goal_follow_up.py; named here too for the
# follow-up view, which also records entries.
__all__ = [
    "NOTICE_DAYS",
    "STALE_DAYS",
    "add_monitoring_entry",
    "follow_up",
    "funding_state",
    "in_kind_totals",
    "in_kind_value",
]


def funding_state(session, funding_id: uuid.UUID | None) -> FundingState | None:  # type: ignore[no-untyped-def]
    """Born when the funding was granted (> 0), not born when a decision gave nothing, else waiting."""
    if funding_id is None:
        return None
    funding = session.get(Funding, funding_id)
    if funding is None or funding.archived_at is not None:
        return FundingState.WAITING
    if funding.amount_granted is not None and funding.amount_granted > 0:
        return FundingState.BORN
    if funding.decision_date is not None or funding.amount_granted is not None:
        return FundingState.NOT_BORN
    return FundingState.WAITING


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _overlap_days(start: date | None, end: date | None, year: int) -> int:
    first, last = date(year, 1, 1), date(year, 12, 31)
    begin = max(start or first, first)
    finish = min(end or last, last)
    return max(0, (finish - begin).days + 1)


def in_kind_value(estimated_yearly: Decimal, start: date | None, end: date | None, year: int) -> Decimal:
    """The yearly value prorated by the days of `year` the agreement is valid."""
    days_in_year = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    share = Decimal(_overlap_days(start, end, year)) / Decimal(days_in_year)
    return (estimated_yearly * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def in_kind_totals(db: Database, year: int) -> list[InKindRow]:
    """Premises free of charge per counterparty and direction in `year`, prorated by days.

    Received: the giver is the party that is a municipality or a wellbeing services county; when
    there is none, the first party that is not the home organisation. Given (the home
    organisation lends premises to another): the first party that is not the home organisation.
    """
    totals: dict[tuple[uuid.UUID, InKindDirection], Decimal] = defaultdict(lambda: Decimal("0.00"))
    with db.reading() as session:
        agreements = session.scalars(
            select(Agreement).where(
                _live(Agreement),
                Agreement.premises_free_of_charge.is_(True),
                Agreement.premises_estimated_value.is_not(None),
            )
        ).all()
        for agreement in agreements:
            amount = in_kind_value(
                agreement.premises_estimated_value or Decimal(0),
                agreement.valid_from,
                agreement.valid_to,
                year,
            )
            if not amount:
                continue
            parties = session.execute(
                select(Organisation.id, Organisation.kind, Organisation.is_home)
                .join(AgreementParty, AgreementParty.organisation_id == Organisation.id)
                .where(AgreementParty.agreement_id == agreement.id, _live(AgreementParty))
            ).all()
            public = [
                p.id
                for p in parties
                if p.kind in (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY)
            ]
            others = [p.id for p in parties if not p.is_home]
            direction = agreement.premises_direction
            if direction == InKindDirection.GIVEN:
                public = []
            counterparty = (public or others or [None])[0]
            if counterparty is not None:
                totals[counterparty, direction] += amount
        names = {
            r.id: (r.name_fi, r.name_sv)
            for r in session.execute(
                select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(
                    Organisation.id.in_([oid for oid, _direction in totals])
                )
            )
        }
    return [
        InKindRow(oid, *names.get(oid, ("", "")), year, amount, direction)
        for (oid, direction), amount in totals.items()
    ]


@announces(changes.AGREEMENTS)
def add_monitoring_entry(db: Database, form: MonitoringForm, today: date | None = None) -> MonitoringRow:
    """Record a dated status of a goal; the writer is the user logged in to the computer."""
    values = validate_entry(form, today)
    with db.transaction() as session:
        goal = session.get(AgreementGoal, values.goal_id)
        if goal is None or goal.archived_at is not None:
            raise RecordNotFound()
        entry = MonitoringEntry(
            id=uuid.uuid4(),
            goal_id=goal.id,
            entry_date=values.entry_date,
            status=values.status,
            note=values.note,
            written_by=os_user(),
        )
        session.add(entry)
        session.flush()
        return MonitoringRow(entry.id, goal.id, entry.entry_date, entry.status, entry.note, entry.written_by)
