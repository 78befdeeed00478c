"""The figures behind the start page's charts: grants by year and funder, staff by scheme, agreements.

Definitions:
- *Grants by year and funder*: the granted amounts of live fundings of live projects, for the
  `YEARS` calendar years up to and including today's (a funding counts in its own `year`). The
  `TOP_FUNDERS` funders with the most granted over those years get a series of their own; the
  rest, and fundings without a funder, are summed as "other".
- *Staff by scheme*: distinct persons of the home organisation with a period running today
  (start ≤ today ≤ end, or no end), by scheme, as in the key figures; archived periods, archived
  and erased persons are left out.
- *Agreements on the timeline*: live agreements in force, and those drafted, negotiated or in
  force that start after today but within `AHEAD_DAYS` days. Counterparties are the live parties
  other than the home organisation.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import (
    Agreement,
    AgreementParty,
    Employment,
    Funding,
    Organisation,
    Person,
    Project,
)
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, EmploymentScheme
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services.rows import localized

YEARS = 5
TOP_FUNDERS = 4
AHEAD_DAYS = 365
ZERO = Decimal("0.00")
_UPCOMING = (AgreementStatus.DRAFT, AgreementStatus.NEGOTIATING, AgreementStatus.IN_FORCE)


@dataclass(frozen=True)
class FunderSeries:
    """One funder's granted euros per year (in the order of `FundingByYear.years`).

    `funder_id` is None for the series that sums the other funders and fundings without one.
    """

    funder_id: uuid.UUID | None
    name_fi: str
    name_sv: str
    abbreviation: str
    amounts: tuple[Decimal, ...]

    @property
    def is_other(self) -> bool:
        return self.funder_id is None

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)

    def short_name(self, language: str) -> str:
        """The abbreviation where there is one (legends are narrow), else the name."""
        return self.abbreviation or self.name(language)


@dataclass(frozen=True)
class FundingByYear:
    years: tuple[int, ...]
    series: tuple[FunderSeries, ...]  # the biggest funder first, "other" last

    def total(self, index: int) -> Decimal:
        return sum((s.amounts[index] for s in self.series), ZERO)

    @property
    def empty(self) -> bool:
        return not any(amount for s in self.series for amount in s.amounts)


@dataclass(frozen=True)
class TimelineAgreement:
    id: uuid.UUID
    kind: AgreementKind
    title_fi: str
    title_sv: str
    counterparties: tuple[tuple[str, str], ...]  # (fi, sv) names
    valid_from: date | None
    valid_to: date | None
    status: AgreementStatus

    def title(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)

    def counterparty(self, language: str) -> str:
        return ", ".join(localized(fi, sv, language) for fi, sv in self.counterparties)


@dataclass(frozen=True)
class StartCharts:
    today: date
    funding: FundingByYear
    staff_by_scheme: tuple[tuple[EmploymentScheme, int], ...]  # only schemes with someone, enum order
    agreements: tuple[TimelineAgreement, ...]  # earliest start first


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def start_charts(db: Database, today: date) -> StartCharts:
    """All three charts' figures, read in one session (see the module for what counts)."""
    with db.reading() as session:
        years = tuple(range(today.year - YEARS + 1, today.year + 1))
        grants = session.execute(
            select(Funding.funder_id, Funding.year, Funding.amount_granted)
            .join(Project, Project.id == Funding.project_id)
            .where(_live(Funding), _live(Project), Funding.year.between(years[0], years[-1]))
            .where(Funding.amount_granted.is_not(None))
        ).all()
        home = select(Organisation.id).where(Organisation.is_home, _live(Organisation))
        periods = session.execute(
            select(Employment.scheme, Employment.person_id)
            .join(Person, Person.id == Employment.person_id)
            .where(_live(Employment), _live(Person), Person.anonymised.is_(False))
            .where(Employment.employer_id.in_(home), Employment.start_date <= today)
            .where(Employment.end_date.is_(None) | (Employment.end_date >= today))
        ).all()
        ahead = today + timedelta(days=AHEAD_DAYS)
        agreements = session.execute(
            select(
                Agreement.id,
                Agreement.kind,
                Agreement.title_fi,
                Agreement.title_sv,
                Agreement.valid_from,
                Agreement.valid_to,
                Agreement.status,
            ).where(
                _live(Agreement),
                (Agreement.status == AgreementStatus.IN_FORCE)
                | (
                    Agreement.status.in_(_UPCOMING)
                    & (Agreement.valid_from > today)
                    & (Agreement.valid_from <= ahead)
                ),
            )
        ).all()
        parties = session.execute(
            select(AgreementParty.agreement_id, AgreementParty.organisation_id)
            .join(Organisation, Organisation.id == AgreementParty.organisation_id)
            .where(_live(AgreementParty), Organisation.is_home.is_(False))
            .where(AgreementParty.agreement_id.in_([a.id for a in agreements]))
        ).all()
        funder_ids = {f for f, _year, _amount in grants if f is not None}
        organisations = {
            r.id: (r.name_fi, r.name_sv, r.abbreviation)
            for r in session.execute(
                select(
                    Organisation.id, Organisation.name_fi, Organisation.name_sv, Organisation.abbreviation
                ).where(Organisation.id.in_(funder_ids | {o for _a, o in parties}))
            )
        }
    return StartCharts(
        today,
        _funding(years, grants, organisations),
        _staff(periods),
        _timeline(agreements, parties, organisations),
    )


def _funding(years, grants, organisations) -> FundingByYear:  # type: ignore[no-untyped-def]
    column = {year: index for index, year in enumerate(years)}
    sums: dict[uuid.UUID | None, list[Decimal]] = defaultdict(lambda: [ZERO] * len(years))
    for funder_id, year, amount in grants:
        sums[funder_id][column[year]] += Decimal(amount)

    def name(funder_id: uuid.UUID) -> tuple[str, str, str]:
        return organisations.get(funder_id, ("", "", ""))

    ranked = sorted(
        (f for f in sums if f is not None and any(sums[f])),
        key=lambda f: (-sum(sums[f]), sort_key(name(f)[0])),
    )
    top, rest = ranked[:TOP_FUNDERS], ranked[TOP_FUNDERS:]
    series = [FunderSeries(f, *name(f), tuple(sums[f])) for f in top]
    other = [sum(amounts, ZERO) for amounts in zip(*(sums[f] for f in [*rest, None]), strict=True)]
    if any(other):
        series.append(FunderSeries(None, "", "", "", tuple(other)))
    return FundingByYear(years, tuple(series))


def _staff(periods) -> tuple[tuple[EmploymentScheme, int], ...]:  # type: ignore[no-untyped-def]
    persons: dict[EmploymentScheme, set[uuid.UUID]] = defaultdict(set)
    for scheme, person_id in periods:
        persons[scheme].add(person_id)
    return tuple((s, len(persons[s])) for s in EmploymentScheme if persons[s])


def _timeline(agreements, parties, organisations) -> tuple[TimelineAgreement, ...]:  # type: ignore[no-untyped-def]
    names: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for agreement_id, organisation_id in parties:
        fi, sv, _abbreviation = organisations.get(organisation_id, ("", "", ""))
        names[agreement_id].append((fi, sv))
    rows = [
        TimelineAgreement(
            a.id,
            a.kind,
            a.title_fi,
            a.title_sv,
            tuple(sorted(set(names[a.id]), key=lambda n: sort_key(n[0]))),
            a.valid_from,
            a.valid_to,
            a.status,
        )
        for a in agreements
    ]
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                r.valid_from or date.min,
                r.valid_to or date.max,
                sort_key(r.title_fi or r.title_sv),
            ),
        )
    )
