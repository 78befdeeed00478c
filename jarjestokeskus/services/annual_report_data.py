"""The figures of one calendar year for the annual meeting, gathered from the other services.

Definitions:
- Member organisations: those that were members on the last day of the year (today for the year
  in progress) by their membership dates (`report_data.members_on`), and on the last day of the
  year before; joined and left in the year by name; by field and municipality. Their own members:
  the member counts as recorded now (the register keeps no history of them).
- Projects of the year: projects not archived whose period overlaps the year (open ends count as
  open) and whose status on 31.12. of the year (its latest status change by then; without any, its
  status now) is granted, running or ended; a project without dates counts when it has a funding
  for the year.
- Grants: fundings of the year, applied and granted, by instrument and by funder
  (`funding.year_overview`); the same totals for the four years before, for the trend.
- Membership fees: the fees of the year, due and paid (`report_data.fee_income`).
- Grants paid in the year: instalments paid in it; running multi-year grants: their shares.
- By funder: granted for the year, in use in the year (the grants for the year and the multi-year
  grants' share of it by their period of use, `projects_year`'s shares), paid in the year
  (instalments paid in it), and granted for the year before.
- Staff: `staff_statistics.staff_statistics` of the year (persons and person-years by scheme);
  the outcomes of the periods that ended in the year by scheme.
- Agreements in force in the year: `agreement_report_data.agreements_in_force`, each with its
  goals' status on 31.12. of the year and its in-kind value of the year (`report_agreement`).
- In-kind value of premises free of charge: `agreement_followup.in_kind_totals` of the year,
  received and given apart.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation, ProjectStatusChange
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.agreements import overlaps_year
from jarjestokeskus.domain.enums import (
    AgreementKind,
    EmploymentOutcome,
    EmploymentScheme,
    Field,
    MonitoringStatus,
    ProjectStatus,
)
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services.agreements.followup import in_kind_totals
from jarjestokeskus.services.agreements.report_data import agreements_in_force, report_agreement
from jarjestokeskus.services.agreements.rows import InKindRow
from jarjestokeskus.services.events.register import year_figures
from jarjestokeskus.services.organisations.report_data import (
    count_members,
    fee_income,
    member_register,
    membership_changes,
)
from jarjestokeskus.services.projects.funding import year_overview
from jarjestokeskus.services.projects.register import list_projects
from jarjestokeskus.services.projects.report_data import ProjectsYear, projects_year
from jarjestokeskus.services.rows import AmountTotal, ProjectRow
from jarjestokeskus.services.staff.statistics import YearStatistics, outcomes_by_scheme, staff_statistics

TREND_YEARS = 5
ZERO = Decimal("0.00")
ACTIVE = (ProjectStatus.GRANTED, ProjectStatus.RUNNING, ProjectStatus.ENDED)


@dataclass(frozen=True)
class FunderYear:
    """One funder's grants of the year (key: its id, "" when not given); names as on its decisions."""

    key: str
    name_fi: str
    name_sv: str
    granted: Decimal  # for the year
    in_use: Decimal  # the grants for the year and the multi-year grants' share of it
    paid: Decimal  # instalments paid in the year
    granted_before: Decimal = ZERO  # for the year before

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class AgreementYear:
    """An agreement in force in the year: its goals' status on 31.12. and its in-kind value."""

    title_fi: str
    title_sv: str
    counterparties: tuple[tuple[str, str], ...]  # (fi, sv), the home organisation left out
    goal_statuses: tuple[tuple[MonitoringStatus | None, int], ...]  # None: no entry by 31.12.
    in_kind: Decimal | None
    direction: InKindDirection

    def title(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    members_on: date  # the day the member figures are of
    member_organisations: int
    members_at_start: int  # on 31.12. of the year before
    joined: tuple[tuple[str, str], ...]  # (fi, sv) names
    left: tuple[tuple[str, str], ...]
    members_of_members: int
    members_by_field: tuple[tuple[Field, int], ...]
    members_by_municipality: tuple[tuple[str, int], ...]
    projects: tuple[ProjectRow, ...]
    amount_applied: Decimal
    amount_granted: Decimal
    by_instrument: tuple[AmountTotal, ...]
    by_funder: tuple[AmountTotal, ...]
    trend: tuple[tuple[int, Decimal, Decimal], ...]  # (year, applied, granted), oldest first
    staff: YearStatistics
    agreements_in_force: int
    agreements_by_kind: tuple[tuple[AgreementKind, int], ...]
    in_kind_received: Decimal
    in_kind_given: Decimal
    fees_due: Decimal = Decimal("0.00")  # membership fees of the year
    fees_paid: Decimal = Decimal("0.00")
    running_share: Decimal = Decimal("0.00")  # multi-year grants of earlier years: the year's share
    paid_in_year: Decimal = Decimal("0.00")  # grant instalments paid in the year
    events_held: int = 0  # events of the year, those who attended them, their organisations
    event_participants: int = 0
    organisations_reached: int = 0
    funders: tuple[FunderYear, ...] = ()  # the most granted first
    agreements: tuple[AgreementYear, ...] = ()
    outcomes: tuple[tuple[EmploymentScheme, EmploymentOutcome | None, int], ...] = ()  # periods ended
    statuses: tuple[tuple[uuid.UUID, ProjectStatus], ...] = ()  # the projects' status on 31.12.

    def status_of(self, project: ProjectRow) -> ProjectStatus:
        return dict(self.statuses).get(project.id, project.status)


def project_in_year(row: ProjectRow, year: int, status: ProjectStatus | None = None) -> bool:
    if (status or row.status) not in ACTIVE:
        return False
    if row.start_date is None and row.end_date is None:
        return year in row.years
    return overlaps_year(row.start_date, row.end_date, year)


def annual_figures(db: Database, year: int, today: date | None = None) -> AnnualFigures:
    """Everything the annual overview prints about `year` (see the module for the definitions)."""
    today = today or date.today()
    on = min(date(year, 12, 31), today)
    organisations, persons = count_members(db, on)
    members = member_register(db, today, on)
    fields = Counter(row.field for row in members)
    municipalities = Counter(row.municipality for row in members)
    joined, left = membership_changes(db, year)
    everything = list_projects(db)
    statuses = _statuses_on(db, date(year, 12, 31))
    projects = [p for p in everything if project_in_year(p, year, statuses.get(p.id))]
    overview = year_overview(db, year, today)
    money = projects_year(db, year, today)
    trend = [(y, *_sums(db, y, today)) for y in range(year - TREND_YEARS + 1, year)]
    trend.append((year, overview.amount_applied, overview.amount_granted))
    agreements = agreements_in_force(db, year)
    in_kind = in_kind_totals(db, year)
    fees = fee_income(db, year)
    kinds = Counter(a.kind for a in agreements)
    return AnnualFigures(
        year=year,
        members_on=on,
        member_organisations=organisations,
        members_at_start=count_members(db, date(year - 1, 12, 31))[0],
        joined=tuple(joined),
        left=tuple(left),
        members_of_members=persons,
        members_by_field=tuple((f, fields[f]) for f in Field if fields[f]),
        members_by_municipality=tuple(sorted(municipalities.items(), key=lambda m: (-m[1], sort_key(m[0])))),
        projects=tuple(projects),
        amount_applied=overview.amount_applied,
        amount_granted=overview.amount_granted,
        by_instrument=overview.by_instrument,
        by_funder=overview.by_funder,
        trend=tuple(trend),
        staff=staff_statistics(db, year),
        agreements_in_force=len(agreements),
        agreements_by_kind=tuple((k, kinds[k]) for k in AgreementKind if kinds[k]),
        in_kind_received=_in_kind(in_kind, InKindDirection.RECEIVED),
        in_kind_given=_in_kind(in_kind, InKindDirection.GIVEN),
        fees_due=fees[0],
        fees_paid=fees[1],
        running_share=overview.running_share,
        paid_in_year=money.paid_in_year,
        funders=_funders(money, projects_year(db, year - 1, today)),
        agreements=tuple(_agreement_year(db, a.id, year, _home(db)) for a in agreements),
        outcomes=outcomes_by_scheme(db, year),
        statuses=tuple((p.id, statuses.get(p.id, p.status)) for p in projects),
        **dict(
            zip(
                ("events_held", "event_participants", "organisations_reached"),
                year_figures(db, year),
                strict=True,
            )
        ),
    )


def _in_kind(rows: list[InKindRow], direction: InKindDirection) -> Decimal:
    return sum((r.amount for r in rows if r.direction == direction), Decimal("0.00"))


def _sums(db: Database, year: int, today: date) -> tuple[Decimal, Decimal]:
    overview = year_overview(db, year, today, within_days=0)
    return overview.amount_applied, overview.amount_granted


def _statuses_on(db: Database, day: date) -> dict[uuid.UUID, ProjectStatus]:
    """Each project's latest status change on or before `day` (projects without one left out)."""
    with db.reading() as session:
        rows = session.execute(
            select(ProjectStatusChange.project_id, ProjectStatusChange.status, ProjectStatusChange.changed_on)
            .where(ProjectStatusChange.archived_at.is_(None), ProjectStatusChange.changed_on <= day)
            .order_by(ProjectStatusChange.changed_on, ProjectStatusChange.created_at)
        ).all()
    return {r.project_id: r.status for r in rows}


def _funders(money: ProjectsYear, before: ProjectsYear) -> tuple[FunderYear, ...]:
    """Granted, in use and paid in the year by funder, with the year before's granted."""
    names: dict[str, tuple[str, str]] = {}
    granted: Counter[str] = Counter()
    in_use: Counter[str] = Counter()
    paid: Counter[str] = Counter()
    granted_before: Counter[str] = Counter()
    for line in (*money.fundings, *money.running):
        key = str(line.funder_id or "")
        names.setdefault(key, (line.funder_fi, line.funder_sv))
        in_use[key] += line.share
        if line.year == money.year:
            granted[key] += line.amount_granted
    for i in money.instalments:
        if i.paid_on is not None and i.paid_on.year == money.year:
            key = str(i.funder_id or "")
            names.setdefault(key, (i.funder_fi, i.funder_sv))
            paid[key] += i.settled
    for line in before.fundings:
        granted_before[str(line.funder_id or "")] += line.amount_granted
    rows = [
        FunderYear(
            k, *names[k], granted[k] + ZERO, in_use[k] + ZERO, paid[k] + ZERO, granted_before[k] + ZERO
        )
        for k in names
    ]
    rows = [r for r in rows if r.granted or r.in_use or r.paid or r.granted_before]
    return tuple(sorted(rows, key=lambda r: (-r.granted, -r.in_use, sort_key(r.name_fi or r.name_sv))))


def _home(db: Database) -> uuid.UUID | None:
    with db.reading() as session:
        return session.scalars(select(Organisation.id).where(Organisation.is_home.is_(True))).first()


def _agreement_year(
    db: Database, agreement_id: uuid.UUID, year: int, home: uuid.UUID | None
) -> AgreementYear:
    agreement = report_agreement(db, agreement_id, year, year)
    detail = agreement.detail
    statuses = Counter(g.latest.status if g.latest else None for g in agreement.goals)
    return AgreementYear(
        detail.title_fi,
        detail.title_sv,
        tuple((p.name_fi, p.name_sv) for p in detail.parties if p.organisation_id != home),
        tuple((s, statuses[s]) for s in (*MonitoringStatus, None) if statuses[s]),
        agreement.in_kind,
        agreement.direction,
    )
