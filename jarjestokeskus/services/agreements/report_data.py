"""Rows for the agreements report: the agreements with one counterparty, their goals' latest
follow-up (in a report for a year: the status on 31.12. of that year and the year's entries) and the in-kind value of premises free of charge; and the counterparties to choose from.

Without a year every agreement with the counterparty that is not archived is listed; with a year,
those in force during it: the validity overlaps the year (open ends count as open) and the status
is in force, expired or terminated (a draft or an agreement under negotiation was never in force).
The in-kind value is the premises' estimated yearly value prorated by the days of the year the
agreement is valid (`agreement_followup.in_kind_value`), for the report's year or, without one,
for this year.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Agreement, AgreementParty, Organisation
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.enums import AgreementStatus, MonitoringStatus
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services.agreements.followup import in_kind_value
from jarjestokeskus.services.agreements.register import (
    AgreementQuery,
    agreement_tree,
    get_agreement,
    list_agreements,
)
from jarjestokeskus.services.agreements.rows import (
    AgreementDetail,
    AgreementNode,
    AgreementRow,
    GoalRow,
    MonitoringRow,
)

NEVER_IN_FORCE = (AgreementStatus.DRAFT, AgreementStatus.NEGOTIATING)
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ReportGoal:
    """A goal with its latest follow-up entry up to the report's date (None: not followed by
    then) and, in a report for a year, that year's entries oldest first."""

    goal: GoalRow
    latest: MonitoringRow | None
    year_entries: tuple[MonitoringRow, ...] = ()

    def title(self, language: str) -> str:
        return localized(self.goal.title_fi, self.goal.title_sv, language)


@dataclass(frozen=True)
class ReportAgreement:
    """One agreement of the report; `level` 1 is an implementation agreement under a listed framework."""

    detail: AgreementDetail
    level: int
    goals: tuple[ReportGoal, ...]
    in_kind: Decimal | None  # None: no premises free of charge with an estimated value

    def title(self, language: str) -> str:
        return localized(self.detail.title_fi, self.detail.title_sv, language)

    @property
    def direction(self) -> InKindDirection:
        return self.detail.premises_direction


@dataclass(frozen=True)
class AgreementReport:
    counterparty_id: uuid.UUID
    counterparty_fi: str
    counterparty_sv: str
    year: int | None
    in_kind_year: int
    agreements: tuple[ReportAgreement, ...]

    def counterparty(self, language: str) -> str:
        return localized(self.counterparty_fi, self.counterparty_sv, language)

    @property
    def in_kind_total(self) -> Decimal:
        """The in-kind value we received from the counterparty."""
        return self._in_kind(InKindDirection.RECEIVED)

    @property
    def in_kind_given(self) -> Decimal:
        """The in-kind value we gave to the counterparty."""
        return self._in_kind(InKindDirection.GIVEN)

    def _in_kind(self, direction: InKindDirection) -> Decimal:
        return sum(
            (a.in_kind for a in self.agreements if a.in_kind is not None and a.direction == direction), ZERO
        )

    @property
    def total_value(self) -> Decimal:
        """The agreements' yearly values in total (those without a value count as nothing)."""
        return sum(
            (a.detail.yearly_value for a in self.agreements if a.detail.yearly_value is not None), ZERO
        )

    def goal_statuses(self) -> dict[MonitoringStatus | None, int]:
        """How many goals have each latest status (None: no entry yet), in the statuses' order."""
        counts: dict[MonitoringStatus | None, int] = {}
        for status in [*MonitoringStatus, None]:
            found = sum(1 for a in self.agreements for g in a.goals if _status(g) == status)
            if found:
                counts[status] = found
        return counts


def _status(goal: ReportGoal) -> MonitoringStatus | None:
    return goal.latest.status if goal.latest else None


def agreement_counterparties(db: Database) -> list[tuple[uuid.UUID, str, str]]:
    """(id, name_fi, name_sv) of organisations party to a non-archived agreement, home left out,
    sorted by collation of the Finnish name (the Swedish one when there is none)."""
    with db.reading() as session:
        live_agreements = select(Agreement.id).where(Agreement.archived_at.is_(None))
        stmt = select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(
            Organisation.id.in_(
                select(AgreementParty.organisation_id).where(
                    AgreementParty.archived_at.is_(None), AgreementParty.agreement_id.in_(live_agreements)
                )
            ),
            Organisation.is_home.is_(False),
        )
        rows = [(r.id, r.name_fi, r.name_sv) for r in session.execute(stmt)]
    return sorted(rows, key=lambda r: (sort_key(r[1] or r[2]), sort_key(r[2]), str(r[0])))


def find_counterparty(db: Database, name: str) -> uuid.UUID | None:
    """The counterparty whose Finnish or Swedish name is `name` (case and accents of the collation
    ignored), else the only one whose name contains it; None when none or several match."""
    wanted = sort_key(name.strip())
    if not wanted:
        return None
    choices = agreement_counterparties(db)
    exact = [c for c in choices if wanted in (sort_key(c[1]), sort_key(c[2]))]
    if len(exact) == 1:
        return exact[0][0]
    partial = [c for c in choices if wanted in sort_key(c[1]) or wanted in sort_key(c[2])]
    return partial[0][0] if len(partial) == 1 and not exact else None


def _counterparty(db: Database, counterparty_id: uuid.UUID) -> tuple[str, str]:
    with db.reading() as session:
        row = session.execute(
            select(Organisation.name_fi, Organisation.name_sv).where(Organisation.id == counterparty_id)
        ).first()
    if row is None:
        raise RecordNotFound()
    return row.name_fi, row.name_sv


def agreement_report(
    db: Database, counterparty_id: uuid.UUID, year: int | None = None, today: date | None = None
) -> AgreementReport:
    """The agreements with `counterparty_id` (see the module for which), frameworks before the
    implementation agreements that refine them, oldest first."""
    names = _counterparty(db, counterparty_id)
    in_kind_year = year if year is not None else (today or date.today()).year
    rows = list_agreements(db, AgreementQuery(counterparty_id=counterparty_id, year=year))
    if year is not None:
        rows = [r for r in rows if r.status not in NEVER_IN_FORCE]  # as agreements_in_force
    agreements: list[ReportAgreement] = []

    def walk(node: AgreementNode, level: int) -> None:
        agreements.append(report_agreement(db, node.row.id, year, in_kind_year, min(level, 1)))
        for child in node.children:
            walk(child, level + 1)

    for node in agreement_tree(rows):
        walk(node, 0)
    return AgreementReport(counterparty_id, *names, year, in_kind_year, tuple(agreements))


def report_agreement(
    db: Database, agreement_id: uuid.UUID, year: int | None, in_kind_year: int, level: int = 0
) -> ReportAgreement:
    """One agreement as a report for `year` shows it: its goals' status on 31.12. and the year's
    entries (without a year the newest), and the in-kind value of `in_kind_year`."""
    detail = get_agreement(db, agreement_id)
    goals = tuple(_report_goal(g, year) for g in detail.goals)
    return ReportAgreement(detail, level, goals, _in_kind(detail, in_kind_year))


def _report_goal(goal: GoalRow, year: int | None) -> ReportGoal:
    """The goal's status on 31.12. of `year` (entries after it left out) and the year's entries;
    without a year its newest entry."""
    if year is None:
        return ReportGoal(goal, goal.entries[-1] if goal.entries else None)
    until = [e for e in goal.entries if e.entry_date <= date(year, 12, 31)]
    in_year = tuple(e for e in until if e.entry_date.year == year)
    return ReportGoal(goal, until[-1] if until else None, in_year)


def _in_kind(detail: AgreementDetail, year: int) -> Decimal | None:
    if not detail.premises_free_of_charge or detail.premises_estimated_value is None:
        return None
    return in_kind_value(detail.premises_estimated_value, detail.valid_from, detail.valid_to, year)


def agreements_in_force(db: Database, year: int) -> list[AgreementRow]:
    """Agreements not archived whose validity overlaps `year` and that were in force (not a draft
    nor under negotiation): the same rule as the agreements report with a year."""
    rows = list_agreements(db, AgreementQuery(year=year))
    return [r for r in rows if r.status not in NEVER_IN_FORCE]
