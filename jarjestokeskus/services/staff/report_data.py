"""Plain rows for the employment report: the staff and the scheme periods of one year.

The rules are those of `services.staff_statistics`, so the report and the staff view agree:
- A period *belongs to* year Y when it overlaps Y (an open period runs to the year's end).
- *Person-years* of a period in Y = days of Y within the period × working-time share ÷ days in Y.
  The working-time share is hours a week ÷ 37.5; without hours a week it is days a week × hours
  a day ÷ 37.5 when both are given, otherwise 1 (full time). Example: 1.7.–31.12. at 30 h a week
  is 184/365 × 0.8 ≈ 0.40 person-years.
- *Persons* are counted once however many periods they have; *employed at the year's end* are
  the persons with a period running on 31 December of Y.
- *Ended periods* are the periods whose end date is in Y and before today, with their outcome (or
  none yet); the periods ending later in Y are *ending*, not ended.
- *Participants*: work trial and rehabilitative work activity are not employment; their periods
  are listed apart and add nothing to person-years, employed persons or projects' person-years.
- *Person-years by project*: each period's person-years × the share a project pays of it.
Archived periods are left out; archived and erased persons' periods count (erased ones nameless).
With `with_names=False` no person's name leaves this module: every name is an empty string.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Employment, EmploymentFunding, Person, Project
from jarjestokeskus.domain.employment import PARTICIPANT_SCHEMES
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services.staff.ending import full_name
from jarjestokeskus.services.staff.statistics import (
    YearStatistics,
    days_in_year,
    person_years,
    staff_statistics,
    working_time_factor,
)

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PeriodLine:
    """One scheme period that overlaps the year."""

    employment_id: uuid.UUID
    person_id: uuid.UUID
    name: str  # "" without names and for an erased person
    scheme: EmploymentScheme
    title: str
    start_date: date
    end_date: date | None
    working_time: Decimal  # share of full time, 1 = 37.5 h a week
    person_years: Decimal  # in the year, rounded to 0.01
    outcome: EmploymentOutcome | None
    long_term_unemployed: bool
    participant: bool = False  # work trial or rehabilitative work: not employment


@dataclass(frozen=True)
class ProjectShare:
    project_id: uuid.UUID
    name_fi: str
    name_sv: str
    person_years: Decimal  # rounded to 0.01

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class EmploymentYear:
    year: int
    statistics: YearStatistics
    periods: tuple[PeriodLine, ...]  # by name, then start date
    ended: tuple[PeriodLine, ...]  # periods of the year that ended before today, by end date
    employed_at_year_end: int
    projects: tuple[ProjectShare, ...]  # most person-years first
    ending: tuple[PeriodLine, ...] = ()  # periods ending later in the year, by end date
    today: date | None = None

    @property
    def employment(self) -> tuple[PeriodLine, ...]:
        return tuple(p for p in self.periods if not p.participant)

    @property
    def participation(self) -> tuple[PeriodLine, ...]:
        return tuple(p for p in self.periods if p.participant)


def employment_year(
    db: Database, year: int, *, with_names: bool = True, today: date | None = None
) -> EmploymentYear:
    """The staff figures and periods of `year` (see the module's rules)."""
    today = today or date.today()
    year_end = date(year, 12, 31)
    ending: list[PeriodLine] = []
    shares: dict[uuid.UUID, Decimal] = {}
    lines: list[PeriodLine] = []
    ended: list[PeriodLine] = []
    at_end: set[uuid.UUID] = set()
    with db.reading() as session:
        periods = session.execute(
            select(Employment, Person)
            .join(Person, Employment.person_id == Person.id)
            .where(Employment.archived_at.is_(None))
        ).all()
        paid_by = _paying_projects(session)
        projects = {
            p.id: (p.name_fi, p.name_sv)
            for p in session.execute(select(Project.id, Project.name_fi, Project.name_sv))
        }
        for employment, person in periods:
            if days_in_year(employment.start_date, employment.end_date, year) == 0:
                continue  # a period ending in the year overlaps it, so `ended` loses nothing here
            exact = person_years(
                employment.start_date,
                employment.end_date,
                year,
                employment.hours_per_week,
                employment.days_per_week,
                employment.hours_per_day,
            )
            name = (
                full_name(person.first_name, person.last_name) if with_names and not person.anonymised else ""
            )
            line = PeriodLine(
                employment.id,
                person.id,
                name,
                employment.scheme,
                employment.title,
                employment.start_date,
                employment.end_date,
                working_time_factor(
                    employment.hours_per_week, employment.days_per_week, employment.hours_per_day
                ).quantize(CENT),
                exact.quantize(CENT),
                employment.outcome,
                employment.long_term_unemployed,
                employment.scheme in PARTICIPANT_SCHEMES,
            )
            lines.append(line)
            if employment.end_date is not None and employment.end_date.year == year:
                (ended if employment.end_date < today else ending).append(line)
            if line.participant:
                continue
            for project_id, percent in paid_by.get(employment.id, ()):
                shares[project_id] = shares.get(project_id, Decimal(0)) + exact * percent / 100
            if employment.end_date is None or employment.end_date >= year_end:
                at_end.add(person.id)
    project_rows = sorted(
        (
            ProjectShare(project_id, *projects.get(project_id, ("", "")), value.quantize(CENT))
            for project_id, value in shares.items()
        ),
        key=lambda r: (-r.person_years, sort_key(r.name_fi)),
    )
    by_end = lambda r: (r.end_date or year_end, sort_key(r.name))  # noqa: E731
    return EmploymentYear(
        year,
        staff_statistics(db, year, today),
        tuple(sorted(lines, key=lambda r: (sort_key(r.name), r.start_date))),
        tuple(sorted(ended, key=by_end)),
        len(at_end),
        tuple(project_rows),
        tuple(sorted(ending, key=by_end)),
        today,
    )


def _paying_projects(session) -> dict[uuid.UUID, list[tuple[uuid.UUID, Decimal]]]:  # type: ignore[no-untyped-def]
    """For each employment: the live projects paying it and their shares in percent."""
    paid_by: dict[uuid.UUID, list[tuple[uuid.UUID, Decimal]]] = {}
    for share in session.scalars(
        select(EmploymentFunding)
        .join(Project, EmploymentFunding.project_id == Project.id)
        .where(EmploymentFunding.archived_at.is_(None), Project.archived_at.is_(None))
    ):
        paid_by.setdefault(share.employment_id, []).append((share.project_id, share.share_percent))
    return paid_by
