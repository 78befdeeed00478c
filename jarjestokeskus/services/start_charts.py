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

Read in plain SQL (db.plain.reader), the same text on a file read with sqlite3 alone and on a
server: the start page is filled before SQLAlchemy and the models are loaded.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from jarjestokeskus.db.driver_values import as_date, as_money, as_uuid
from jarjestokeskus.db.plain import reader, sql_list
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, EmploymentScheme
from jarjestokeskus.i18n import localized, sort_key

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

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


# Live fundings of live projects granted in the years `:first`..`:last`, with their funders' names.
_GRANTS = (
    "SELECT funding.funder_id, funding.year, funding.amount_granted,"
    " funder.name_fi, funder.name_sv, funder.abbreviation"
    " FROM funding JOIN project ON project.id = funding.project_id"
    " LEFT JOIN organisation funder ON funder.id = funding.funder_id"
    " WHERE funding.archived_at IS NULL AND project.archived_at IS NULL"
    " AND funding.year BETWEEN :first AND :last AND funding.amount_granted IS NOT NULL"
)
# The home organisation's staff's periods running `:today`, of live persons not erased.
_PERIODS = (
    "SELECT employment.scheme, employment.person_id"
    " FROM employment JOIN person ON person.id = employment.person_id"
    " WHERE employment.archived_at IS NULL AND person.archived_at IS NULL AND person.anonymised = :no"
    " AND employment.employer_id IN"
    " (SELECT organisation.id FROM organisation"
    " WHERE organisation.is_home = :yes AND organisation.archived_at IS NULL)"
    " AND employment.start_date <= :today"
    " AND (employment.end_date IS NULL OR employment.end_date >= :today)"
)
# Live agreements in force, or upcoming ones starting after `:today` up to `:ahead`.
_ON_TIMELINE = (
    "agreement.archived_at IS NULL"
    f" AND (agreement.status = '{AgreementStatus.IN_FORCE.value}'"
    f" OR (agreement.status IN {sql_list(s.value for s in _UPCOMING)}"
    " AND agreement.valid_from > :today AND agreement.valid_from <= :ahead))"
)
_AGREEMENTS = (
    "SELECT agreement.id, agreement.kind, agreement.title_fi, agreement.title_sv,"
    f" agreement.valid_from, agreement.valid_to, agreement.status FROM agreement WHERE {_ON_TIMELINE}"
)
# Their live parties other than the home organisation, by name. From the agreements (SQLite
# joins a CROSS JOIN's tables in the order written; left alone it goes through every party).
_COUNTERPARTIES = (
    "SELECT agreement_party.agreement_id, organisation.name_fi, organisation.name_sv"
    " FROM agreement CROSS JOIN agreement_party CROSS JOIN organisation"
    " WHERE agreement_party.agreement_id = agreement.id"
    " AND organisation.id = agreement_party.organisation_id"
    f" AND {_ON_TIMELINE} AND agreement_party.archived_at IS NULL AND organisation.is_home = :no"
)


def start_charts(db: PlainDatabase | Database, today: date) -> StartCharts:
    """All three charts' figures, read in one transaction (see the module for what counts)."""
    years = tuple(range(today.year - YEARS + 1, today.year + 1))
    timeline = {"today": today, "ahead": today + timedelta(days=AHEAD_DAYS)}
    with reader(db) as execute:
        grants = execute(_GRANTS, {"first": years[0], "last": years[-1]}).fetchall()
        periods = execute(_PERIODS, {"today": today, "yes": True, "no": False}).fetchall()
        agreements = execute(_AGREEMENTS, timeline).fetchall()
        parties = execute(_COUNTERPARTIES, {**timeline, "no": False}).fetchall()
    return StartCharts(today, _funding(years, grants), _staff(periods), _timeline(agreements, parties))


def _funding(years: tuple[int, ...], grants: Sequence[Sequence[Any]]) -> FundingByYear:
    column = {year: index for index, year in enumerate(years)}
    sums: dict[uuid.UUID | None, list[Decimal]] = defaultdict(lambda: [ZERO] * len(years))
    names: dict[uuid.UUID, tuple[str, str, str]] = {}
    for funder, year, amount, fi, sv, abbreviation in grants:
        funder_id = None if funder is None else as_uuid(funder)
        sums[funder_id][column[year]] += as_money(amount) or ZERO
        if funder_id is not None:
            names[funder_id] = (fi, sv, abbreviation)
    ranked = sorted(
        (f for f in sums if f is not None and any(sums[f])),
        key=lambda f: (-sum(sums[f]), sort_key(names[f][0])),
    )
    top, rest = ranked[:TOP_FUNDERS], ranked[TOP_FUNDERS:]
    series = [FunderSeries(f, *names[f], tuple(sums[f])) for f in top]
    other = [sum(amounts, ZERO) for amounts in zip(*(sums[f] for f in [*rest, None]), strict=True)]
    if any(other):
        series.append(FunderSeries(None, "", "", "", tuple(other)))
    return FundingByYear(years, tuple(series))


def _staff(periods: Sequence[Sequence[Any]]) -> tuple[tuple[EmploymentScheme, int], ...]:
    persons: dict[EmploymentScheme, set[object]] = defaultdict(set)
    for scheme, person_id in periods:
        persons[EmploymentScheme(scheme)].add(person_id)
    return tuple((s, len(persons[s])) for s in EmploymentScheme if persons[s])


def _timeline(
    agreements: Sequence[Sequence[Any]], parties: Sequence[Sequence[Any]]
) -> tuple[TimelineAgreement, ...]:
    names: dict[object, set[tuple[str, str]]] = defaultdict(set)
    for agreement_id, fi, sv in parties:
        names[agreement_id].add((fi, sv))
    rows = [
        TimelineAgreement(
            as_uuid(a_id),
            AgreementKind(kind),
            title_fi,
            title_sv,
            tuple(sorted(names[a_id], key=lambda n: (sort_key(n[0]), sort_key(n[1])))),
            as_date(valid_from),
            as_date(valid_to),
            AgreementStatus(status),
        )
        for a_id, kind, title_fi, title_sv, valid_from, valid_to, status in agreements
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
