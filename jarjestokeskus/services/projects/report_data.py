"""Plain rows for the projects report: a year's fundings, instalments and reporting deadlines.

What belongs to year Y:
- *Fundings*: live fundings of live projects whose funding year is Y (as in `year_overview`).
  Applied and granted are their sums; a funding without a sum counts as 0.
- *Running grants*: multi-year grants granted for an earlier year that still run in Y
  (`domain.grant_years`), with their share of Y by days of use.
- *Instalments*: instalments of any live funding that fall due in Y or were paid in Y. One that
  is paid counts as *paid* (its paid amount, else its planned amount); one not paid is *expected*,
  and *overdue* when its due date is before today.
- *Reporting deadlines*: reporting obligations of live fundings due in Y, submitted or not; one
  submitted after its due date is *late*, one not submitted by a past due date is *overdue*.
Archived projects, fundings, instalments and obligations are left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Funding, Instalment, Organisation, Project, ReportingObligation
from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.domain.grant_years import is_multi_year, runs_in, year_share
from jarjestokeskus.i18n import localized
from jarjestokeskus.services.organisations.names import names_on

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class FundingLine:
    """One funding of the year with what has been paid of it so far (in any year)."""

    funding_id: uuid.UUID
    project_code: str
    project_fi: str
    project_sv: str
    funder_id: uuid.UUID | None
    funder_fi: str
    funder_sv: str
    instrument: FundingInstrument
    year: int
    decision_number: str
    amount_applied: Decimal
    amount_granted: Decimal
    own_contribution: Decimal
    decided: bool  # a decision date or a granted sum is recorded
    paid: Decimal
    use_from: date | None = None
    use_until: date | None = None
    share: Decimal = ZERO  # of the report's year: the granted sum, or a multi-year grant's share

    def project_name(self, language: str) -> str:
        return localized(self.project_fi, self.project_sv, language)

    def funder_name(self, language: str) -> str:
        return localized(self.funder_fi, self.funder_sv, language)


@dataclass(frozen=True)
class InstalmentLine:
    due_date: date
    amount: Decimal
    paid_on: date | None
    paid_amount: Decimal | None
    project_fi: str
    project_sv: str
    funder_fi: str
    funder_sv: str
    instrument: FundingInstrument
    funding_year: int
    today: date | None = None
    funder_id: uuid.UUID | None = None

    @property
    def paid(self) -> bool:
        return self.paid_on is not None

    @property
    def overdue(self) -> bool:
        """Not paid and its due date is past."""
        return self.paid_on is None and self.today is not None and self.due_date < self.today

    @property
    def settled(self) -> Decimal:
        """What was paid: the paid amount, else the planned one."""
        return self.paid_amount if self.paid_amount is not None else self.amount

    def project_name(self, language: str) -> str:
        return localized(self.project_fi, self.project_sv, language)

    def funder_name(self, language: str) -> str:
        return localized(self.funder_fi, self.funder_sv, language)


@dataclass(frozen=True)
class DeadlineLine:
    due_date: date
    kind: ReportKind
    submitted_on: date | None
    project_fi: str
    project_sv: str
    funder_fi: str
    funder_sv: str
    instrument: FundingInstrument
    funding_year: int
    today: date | None = None

    @property
    def days_late(self) -> int:
        """Days the report was submitted after its due date (0: on time or not submitted)."""
        return max(0, (self.submitted_on - self.due_date).days) if self.submitted_on else 0

    @property
    def overdue(self) -> bool:
        """Not submitted and its due date is past."""
        return self.submitted_on is None and self.today is not None and self.due_date < self.today

    def project_name(self, language: str) -> str:
        return localized(self.project_fi, self.project_sv, language)

    def funder_name(self, language: str) -> str:
        return localized(self.funder_fi, self.funder_sv, language)


@dataclass(frozen=True)
class ProjectsYear:
    year: int
    fundings: tuple[FundingLine, ...]
    instalments: tuple[InstalmentLine, ...]  # by due date
    deadlines: tuple[DeadlineLine, ...]  # by due date
    running: tuple[FundingLine, ...] = ()  # multi-year grants of earlier years running in the year

    @property
    def running_share(self) -> Decimal:
        return sum((f.share for f in self.running), ZERO)

    @property
    def in_use(self) -> Decimal:
        """Granted for the year and the running grants' shares of it."""
        return self.amount_granted + self.running_share

    @property
    def amount_applied(self) -> Decimal:
        return sum((f.amount_applied for f in self.fundings), ZERO)

    @property
    def amount_granted(self) -> Decimal:
        return sum((f.amount_granted for f in self.fundings), ZERO)

    @property
    def own_contribution(self) -> Decimal:
        return sum((f.own_contribution for f in self.fundings), ZERO)

    @property
    def paid_in_year(self) -> Decimal:
        paid = (i for i in self.instalments if i.paid_on is not None and i.paid_on.year == self.year)
        return sum((i.settled for i in paid), ZERO)

    @property
    def expected_in_year(self) -> Decimal:
        return sum((i.amount for i in self.instalments if not i.paid), ZERO)


def _decision_day(funding: Funding) -> date:
    """The day the funding's papers speak of: its decision, else its application, else its year."""
    return funding.decision_date or funding.applied_on or date(funding.year, 1, 1)


def projects_year(db: Database, year: int, today: date | None = None) -> ProjectsYear:
    """The fundings, instalments and reporting deadlines of `year` (see the module's rules)."""
    today = today or date.today()
    first, last = date(year, 1, 1), date(year, 12, 31)
    funder = aliased(Organisation)
    live = and_(Funding.archived_at.is_(None), Project.archived_at.is_(None))
    with db.reading() as session:
        fundings = session.execute(
            select(Funding, Project, funder.name_fi, funder.name_sv)
            .join(Project, Funding.project_id == Project.id)
            .outerjoin(funder, Funding.funder_id == funder.id)
            .where(live, Funding.year <= year)
        ).all()
        fundings = [
            row
            for row in fundings
            if row[0].year == year
            or (
                row[0].amount_granted is not None  # an application not decided is not running
                and runs_in(row[0].instrument, row[0].year, row[0].use_from, row[0].use_until, year)
            )
        ]
        paid = _paid_so_far(session, [f.id for f, *_ in fundings])
        # A funder renamed since is shown by the name on its decision (issue 16).
        then = names_on(session, {(f.funder_id, _decision_day(f)) for f, *_ in fundings if f.funder_id})
        lines = tuple(
            FundingLine(
                f.id,
                p.code,
                p.name_fi,
                p.name_sv,
                f.funder_id,
                *then.get((f.funder_id, _decision_day(f)), (funder_fi or "", funder_sv or "")),  # type: ignore[arg-type]
                f.instrument,
                f.year,
                f.decision_number,
                f.amount_applied or ZERO,
                f.amount_granted or ZERO,
                f.own_contribution or ZERO,
                f.decision_date is not None or f.amount_granted is not None,
                paid.get(f.id, ZERO),
                f.use_from,
                f.use_until,
                _share(f, year),
            )
            for f, p, funder_fi, funder_sv in fundings
        )
        funding_lines = tuple(f for f in lines if f.year == year)
        running = tuple(f for f in lines if f.year != year)
        instalments = session.execute(
            select(Instalment, Funding, Project, funder.name_fi, funder.name_sv)
            .join(Funding, Instalment.funding_id == Funding.id)
            .join(Project, Funding.project_id == Project.id)
            .outerjoin(funder, Funding.funder_id == funder.id)
            .where(
                live,
                Instalment.archived_at.is_(None),
                or_(
                    Instalment.due_date.between(first, last),
                    Instalment.paid_on.between(first, last),
                ),
            )
            .order_by(Instalment.due_date)
        ).all()
        instalment_lines = tuple(
            InstalmentLine(
                i.due_date,
                i.amount,
                i.paid_on,
                i.paid_amount,
                p.name_fi,
                p.name_sv,
                funder_fi or "",
                funder_sv or "",
                f.instrument,
                f.year,
                today,
                f.funder_id,
            )
            for i, f, p, funder_fi, funder_sv in instalments
        )
        obligations = session.execute(
            select(ReportingObligation, Funding, Project, funder.name_fi, funder.name_sv)
            .join(Funding, ReportingObligation.funding_id == Funding.id)
            .join(Project, Funding.project_id == Project.id)
            .outerjoin(funder, Funding.funder_id == funder.id)
            .where(
                live,
                ReportingObligation.archived_at.is_(None),
                ReportingObligation.due_date.between(first, last),
            )
            .order_by(ReportingObligation.due_date)
        ).all()
        deadline_lines = tuple(
            DeadlineLine(
                o.due_date,
                o.kind,
                o.submitted_on,
                p.name_fi,
                p.name_sv,
                funder_fi or "",
                funder_sv or "",
                f.instrument,
                f.year,
                today,
            )
            for o, f, p, funder_fi, funder_sv in obligations
        )
    return ProjectsYear(year, funding_lines, instalment_lines, deadline_lines, running)


def _share(funding: Funding, year: int) -> Decimal:
    """The funding's part of `year`: a multi-year grant's share by days of use, else all of it."""
    granted = funding.amount_granted or ZERO
    if not is_multi_year(funding.instrument, funding.use_from, funding.use_until):
        return granted
    assert funding.use_from is not None and funding.use_until is not None
    return year_share(granted, funding.use_from, funding.use_until, year)


def _paid_so_far(session, funding_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Decimal]:  # type: ignore[no-untyped-def]
    """What has been paid of each funding, in any year."""
    paid: dict[uuid.UUID, Decimal] = {}
    ids = list(funding_ids)
    if not ids:
        return paid
    for instalment in session.scalars(
        select(Instalment).where(
            Instalment.funding_id.in_(ids),
            Instalment.archived_at.is_(None),
            Instalment.paid_on.is_not(None),
        )
    ):
        amount = instalment.paid_amount if instalment.paid_amount is not None else instalment.amount
        paid[instalment.funding_id] = paid.get(instalment.funding_id, ZERO) + amount
    return paid


@dataclass(frozen=True)
class FunderTotal:
    """Applied, granted and paid sums of one funder's fundings in the year."""

    funder_id: uuid.UUID | None
    funder_fi: str
    funder_sv: str
    fundings: tuple[FundingLine, ...]

    def name(self, language: str) -> str:
        return localized(self.funder_fi, self.funder_sv, language)

    @property
    def amount_applied(self) -> Decimal:
        return sum((f.amount_applied for f in self.fundings), ZERO)

    @property
    def amount_granted(self) -> Decimal:
        return sum((f.amount_granted for f in self.fundings), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((f.paid for f in self.fundings), ZERO)


def by_funder(fundings: Iterable[FundingLine]) -> list[FunderTotal]:
    """The fundings grouped by funder, the largest granted sum first (then by applied)."""
    groups: dict[uuid.UUID | None, list[FundingLine]] = {}
    for line in fundings:
        groups.setdefault(line.funder_id, []).append(line)
    totals = [
        FunderTotal(key, lines[0].funder_fi, lines[0].funder_sv, tuple(lines))
        for key, lines in groups.items()
    ]
    return sorted(totals, key=lambda t: (-t.amount_granted, -t.amount_applied))


@dataclass(frozen=True)
class InstrumentTotal:
    instrument: FundingInstrument
    fundings: int
    amount_applied: Decimal
    amount_granted: Decimal


def by_instrument(fundings: Iterable[FundingLine]) -> list[InstrumentTotal]:
    """Sums by instrument, in the instruments' own order."""
    lines = list(fundings)
    return [
        InstrumentTotal(
            instrument,
            sum(1 for f in lines if f.instrument == instrument),
            sum((f.amount_applied for f in lines if f.instrument == instrument), ZERO),
            sum((f.amount_granted for f in lines if f.instrument == instrument), ZERO),
        )
        for instrument in FundingInstrument
        if any(f.instrument == instrument for f in lines)
    ]
