"""Plain rows for the projects report: a year's fundings, instalments and reporting deadlines.

What belongs to year Y:
- *Fundings*: live fundings of live projects whose funding year is Y (as in `year_overview`).
  Applied and granted are their sums; a funding without a sum counts as 0.
- *Instalments*: instalments of any live funding that fall due in Y or were paid in Y. One that
  is paid counts as *paid* (its paid amount, else its planned amount); one not paid is *expected*.
- *Reporting deadlines*: reporting obligations of live fundings due in Y, submitted or not.
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
from jarjestokeskus.services.organisations.names import names_on
from jarjestokeskus.services.rows import localized

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

    @property
    def paid(self) -> bool:
        return self.paid_on is not None

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


def projects_year(db: Database, year: int) -> ProjectsYear:
    """The fundings, instalments and reporting deadlines of `year` (see the module's rules)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    funder = aliased(Organisation)
    live = and_(Funding.archived_at.is_(None), Project.archived_at.is_(None))
    with db.reading() as session:
        fundings = session.execute(
            select(Funding, Project, funder.name_fi, funder.name_sv)
            .join(Project, Funding.project_id == Project.id)
            .outerjoin(funder, Funding.funder_id == funder.id)
            .where(live, Funding.year == year)
        ).all()
        paid = _paid_so_far(session, [f.id for f, *_ in fundings])
        # A funder renamed since is shown by the name on its decision (issue 16).
        then = names_on(session, {(f.funder_id, _decision_day(f)) for f, *_ in fundings if f.funder_id})
        funding_lines = tuple(
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
            )
            for f, p, funder_fi, funder_sv in fundings
        )
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
            )
            for o, f, p, funder_fi, funder_sv in obligations
        )
    return ProjectsYear(year, funding_lines, instalment_lines, deadline_lines)


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
