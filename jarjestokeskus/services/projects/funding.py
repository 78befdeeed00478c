"""Funding across projects: defaults from the rules, the year overview, reports due and overdue."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import aliased

from jarjestokeskus.db.base import binary_order
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Funding, Organisation, Project, ReportingObligation
from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.domain.funding import default_instalments, default_obligations
from jarjestokeskus.domain.grant_years import runs_in, year_share
from jarjestokeskus.services.projects.funding_rules import instalment_rules, reporting_rules
from jarjestokeskus.services.rows import AmountTotal, DueReportRow, YearOverview

DUE_SOON_DAYS = 30
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class FundingDefaults:
    """What the rules of the funding's year say: planned instalments and reports due."""

    instalments: tuple[tuple[date, Decimal], ...]
    obligations: tuple[tuple[ReportKind, date], ...]


def funding_defaults(
    db: Database,
    instrument: FundingInstrument,
    funder_id: uuid.UUID | None,
    year: int,
    granted: Decimal | None,
    first_grant: bool = False,
    last_year: int | None = None,
) -> FundingDefaults:
    """The default instalments and reporting obligations of a funding, by the rules in force;
    `last_year` is the year its use ends (a multi-year grant reports for each year)."""
    return FundingDefaults(
        tuple(default_instalments(instalment_rules(db), instrument, year, granted, first_grant)),
        tuple(default_obligations(reporting_rules(db), instrument, funder_id, year, last_year)),
    )


@dataclass(frozen=True)
class _Sums:
    funder_id: uuid.UUID | None
    instrument: FundingInstrument
    amount_applied: Decimal
    amount_granted: Decimal


def _live_fundings():  # type: ignore[no-untyped-def]
    return (
        select(Funding)
        .join(Project, Funding.project_id == Project.id)
        .where(Funding.archived_at.is_(None), Project.archived_at.is_(None))
    )


def year_overview(db: Database, year: int, today: date, within_days: int = DUE_SOON_DAYS) -> YearOverview:
    """Applied against granted in `year`, by funder and by instrument; and the reports to watch.

    The sums are of the fundings whose year is `year`; the multi-year grants of earlier years
    that run in it are counted apart (`running_fundings`, `running_share`: their shares of it).
    """
    running_share, running = ZERO, 0
    with db.reading() as session:
        fundings = [
            _Sums(f.funder_id, f.instrument, f.amount_applied or ZERO, f.amount_granted or ZERO)
            for f in session.scalars(_live_fundings().where(Funding.year == year))
        ]
        # Multi-year grants decided for an earlier year count in this one as running, by their share.
        for f in session.scalars(
            _live_fundings().where(Funding.year < year, Funding.amount_granted.is_not(None))
        ):
            if runs_in(f.instrument, f.year, f.use_from, f.use_until, year):
                assert f.use_from is not None and f.use_until is not None
                running_share += year_share(f.amount_granted or ZERO, f.use_from, f.use_until, year)
                running += 1
        funder_ids = {f.funder_id for f in fundings if f.funder_id is not None}
        names = {
            r.id: (r.name_fi, r.name_sv)
            for r in session.execute(
                select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(
                    Organisation.id.in_(funder_ids)
                )
            )
        }
    by_funder: dict[str, list[_Sums]] = defaultdict(list)
    by_instrument: dict[str, list[_Sums]] = defaultdict(list)
    for funding in fundings:
        by_funder[str(funding.funder_id or "")].append(funding)
        by_instrument[funding.instrument.value].append(funding)

    def total(key: str, name: tuple[str, str], items: list[_Sums]) -> AmountTotal:
        return AmountTotal(
            key,
            name[0],
            name[1],
            sum((f.amount_applied for f in items), ZERO),
            sum((f.amount_granted for f in items), ZERO),
            len(items),
        )

    funder_totals = [
        total(key, names.get(uuid.UUID(key), ("", "")) if key else ("", ""), items)
        for key, items in by_funder.items()
    ]
    instrument_totals = [
        total(key, (FundingInstrument(key).value, FundingInstrument(key).value), items)
        for key, items in by_instrument.items()
    ]
    return YearOverview(
        year,
        tuple(sorted(funder_totals, key=lambda t: -t.amount_granted)),
        tuple(sorted(instrument_totals, key=lambda t: -t.amount_granted)),
        sum((t.amount_applied for t in funder_totals), ZERO),
        sum((t.amount_granted for t in funder_totals), ZERO),
        tuple(reports_due(db, today, within_days)),
        running,
        running_share,
    )


def reports_due(db: Database, today: date, within_days: int = DUE_SOON_DAYS) -> list[DueReportRow]:
    """Reports not submitted that are overdue (due before today) or due within `within_days`.

    A report due today is due soon, not overdue; overdue ones come first, then by due date.
    """
    funder = aliased(Organisation)
    until = today + timedelta(days=within_days)
    with db.reading() as session:
        stmt = (
            select(ReportingObligation, Funding, Project, funder.name_fi, funder.name_sv)
            .join(Funding, ReportingObligation.funding_id == Funding.id)
            .join(Project, Funding.project_id == Project.id)
            .outerjoin(funder, Funding.funder_id == funder.id)
            .where(
                ReportingObligation.archived_at.is_(None),
                ReportingObligation.submitted_on.is_(None),
                ReportingObligation.due_date <= until,
                Funding.archived_at.is_(None),
                Project.archived_at.is_(None),
            )
            .order_by(ReportingObligation.due_date)
        )
        return [
            DueReportRow(
                obligation.id,
                project.id,
                project.name_fi,
                project.name_sv,
                funder_fi or "",
                funder_sv or "",
                funding.instrument,
                funding.year,
                obligation.kind,
                obligation.due_date,
                obligation.due_date < today,
                (obligation.due_date - today).days,
            )
            for obligation, funding, project, funder_fi, funder_sv in session.execute(stmt)
        ]


@dataclass(frozen=True)
class FundingChoice:
    """A funding to choose, e.g. the decision a project agreement is conditional on."""

    id: uuid.UUID
    project_fi: str
    project_sv: str
    instrument: FundingInstrument
    year: int


def funding_choices(db: Database) -> list[FundingChoice]:
    """Every live funding, newest year first."""
    with db.reading() as session:
        stmt = (
            select(Funding.id, Project.name_fi, Project.name_sv, Funding.instrument, Funding.year)
            .join(Project, Funding.project_id == Project.id)
            .where(Funding.archived_at.is_(None), Project.archived_at.is_(None))
            .order_by(Funding.year.desc(), binary_order(Project.name_fi))
        )
        return [FundingChoice(*row) for row in session.execute(stmt)]
