"""The staff figures of a year by scheme (what is ending: services/staff/ending.py).

Definitions (the figures the umbrella reports to funders and the city):
- *Persons* of a scheme in a year: distinct persons with a period of that scheme overlapping the year.
  Work trial and rehabilitative work activity are not employment: their persons are *participants*,
  counted apart, and their periods add nothing to the person-years or the employed persons.
- *Planned* person-years: the part of the person-years after `today` (the rest of a year in progress).
- *Person-years* of a period in a year: days of the year within the period × working-time factor
  ÷ days in the year. The factor is hours a week ÷ 37.5; without hours a week it is days a week ×
  hours a day ÷ 37.5 when both are given, otherwise 1 (full time). An open period runs to year end.
- *Long-term unemployed placed*: distinct long-term unemployed persons whose employment period (not
  a participant's) started in the year.
- *Outcomes*: periods ending in the year, counted by outcome (None = not yet recorded).
Archived periods are left out; archived and erased persons' periods count.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from jarjestokeskus.domain.employment import PARTICIPANT_SCHEMES
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

FULL_TIME_HOURS = Decimal("37.5")


def working_time_factor(
    hours_per_week: Decimal | None, days_per_week: Decimal | None = None, hours_per_day: Decimal | None = None
) -> Decimal:
    if hours_per_week is not None:
        return hours_per_week / FULL_TIME_HOURS
    if days_per_week is not None and hours_per_day is not None:
        return days_per_week * hours_per_day / FULL_TIME_HOURS
    return Decimal(1)


def days_in_year(start: date, end: date | None, year: int) -> int:
    """Days of `year` within start..end (both included; an open end runs to the year's end)."""
    first, last = max(start, date(year, 1, 1)), min(end or date(year, 12, 31), date(year, 12, 31))
    return max(0, (last - first).days + 1)


def person_years(
    start: date,
    end: date | None,
    year: int,
    hours_per_week: Decimal | None,
    days_per_week: Decimal | None = None,
    hours_per_day: Decimal | None = None,
) -> Decimal:
    """Unrounded person-years of one period in `year` (see the module's definition)."""
    length = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    factor = working_time_factor(hours_per_week, days_per_week, hours_per_day)
    return Decimal(days_in_year(start, end, year)) * factor / Decimal(length)


def _periods(session):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from jarjestokeskus.db.models import Employment, Person

    return session.execute(
        select(Employment, Person)
        .join(Person, Employment.person_id == Person.id)
        .where(Employment.archived_at.is_(None))
    ).all()


# The periods of the ending view: live periods with an end date, of persons neither archived nor
# erased (their periods stay in the statistics).
@dataclass(frozen=True)
class SchemeFigures:
    scheme: EmploymentScheme
    persons: int
    person_years: Decimal  # rounded to 0.01


@dataclass(frozen=True)
class YearStatistics:
    year: int
    schemes: tuple[SchemeFigures, ...]  # only employment schemes with someone in the year
    persons: int  # employed persons (participants left out)
    person_years: Decimal  # of employment only
    long_term_unemployed_placed: int
    outcomes: dict[EmploymentOutcome | None, int]
    participant_schemes: tuple[SchemeFigures, ...] = ()  # work trial, rehabilitative work
    participants: int = 0
    planned_person_years: Decimal = Decimal("0.00")  # of `person_years`, after `today`


def staff_statistics(db: Database, year: int, today: date | None = None) -> YearStatistics:
    """The figures of one calendar year (see the module's definitions)."""
    persons: dict[EmploymentScheme, set[uuid.UUID]] = {}
    years: dict[EmploymentScheme, Decimal] = {}
    everyone: set[uuid.UUID] = set()
    participants: set[uuid.UUID] = set()
    planned = Decimal(0)
    placed: set[uuid.UUID] = set()
    outcomes: dict[EmploymentOutcome | None, int] = {}
    with db.reading() as session:
        for e, _person in _periods(session):
            participant = e.scheme in PARTICIPANT_SCHEMES
            if e.end_date is not None and e.end_date.year == year:
                outcomes[e.outcome] = outcomes.get(e.outcome, 0) + 1
            if e.long_term_unemployed and e.start_date.year == year and not participant:
                placed.add(e.person_id)
            if days_in_year(e.start_date, e.end_date, year) == 0:
                continue
            persons.setdefault(e.scheme, set()).add(e.person_id)
            work = e.hours_per_week, e.days_per_week, e.hours_per_day
            share = person_years(e.start_date, e.end_date, year, *work)
            years[e.scheme] = years.get(e.scheme, Decimal(0)) + share
            if participant:
                participants.add(e.person_id)
                continue
            everyone.add(e.person_id)
            if today is not None:
                done_until = min(e.end_date or today, today)
                done = (
                    person_years(e.start_date, done_until, year, *work) if done_until >= e.start_date else 0
                )
                planned += share - done
    cent = Decimal("0.01")
    figures = [
        SchemeFigures(s, len(persons[s]), years[s].quantize(cent)) for s in EmploymentScheme if s in persons
    ]
    return YearStatistics(
        year,
        tuple(f for f in figures if f.scheme not in PARTICIPANT_SCHEMES),
        len(everyone),
        sum((v for s, v in years.items() if s not in PARTICIPANT_SCHEMES), Decimal(0)).quantize(cent),
        len(placed),
        outcomes,
        tuple(f for f in figures if f.scheme in PARTICIPANT_SCHEMES),
        len(participants),
        planned.quantize(cent),
    )


def statistics_years(db: Database, today: date | None = None) -> list[int]:
    """Years with any period, newest first (this year at least)."""
    today = today or date.today()
    found = {today.year}
    from sqlalchemy import select

    from jarjestokeskus.db.models import Employment

    with db.reading() as session:
        for start, end in session.execute(
            select(Employment.start_date, Employment.end_date).where(Employment.archived_at.is_(None))
        ):
            found.update(range(start.year, min((end or today).year, today.year + 5) + 1))
    return sorted(found, reverse=True)


def outcomes_by_scheme(
    db: Database, year: int
) -> tuple[tuple[EmploymentScheme, EmploymentOutcome | None, int], ...]:
    """Periods ending in `year` by scheme and outcome (None: not recorded), in the enums' order."""
    counts: dict[tuple[EmploymentScheme, EmploymentOutcome | None], int] = {}
    with db.reading() as session:
        for e, _person in _periods(session):
            if e.end_date is not None and e.end_date.year == year:
                counts[e.scheme, e.outcome] = counts.get((e.scheme, e.outcome), 0) + 1
    return tuple(
        (scheme, outcome, counts[scheme, outcome])
        for scheme in EmploymentScheme
        for outcome in (*EmploymentOutcome, None)
        if (scheme, outcome) in counts
    )
