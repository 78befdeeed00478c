"""Staff and employment schemes in one year as a PDF.

Headcount, person-years by scheme (with a chart), the outcomes of the periods that ended in the
year and the person-years paid by projects; then, unless the report is made without names, the
periods of the year person by person. Person-years are counted by the rule in
`services.employment_report_data`: the days of the year within the period × the working-time
share (hours a week ÷ 37.5) ÷ the days in the year. Without names the report is statistics only:
no person's name is printed anywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import EmploymentOutcome
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.charts import bar_chart
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.organisations.report_data import home_names
from jarjestokeskus.services.staff.report_data import EmploymentYear, PeriodLine, employment_year

TITLE = N_("Staff and employment schemes {year}")
RULE = N_(
    "Person-years: the days of the year within each period × its working-time share "
    "(hours a week ÷ 37.5, full time if not given) ÷ the days in the year."
)
WITHOUT_NAMES = N_("Statistics only: the names of persons are left out of this report.")
NO_PERIODS = N_("No one was employed in {year}.")
SUMMARY = N_("Summary")
PERSONS_IN_YEAR = N_("Persons employed during the year")
PARTICIPANTS_IN_YEAR = N_("Participants in work trial and rehabilitative work activity")
PLANNED = N_("of which planned for the rest of the year (after {date})")
ENDING_COUNT = N_("Periods ending later in the year (planned)")
PARTICIPANTS_BY_SCHEME = N_("Participants by scheme (not employment)")
PARTICIPANTS = N_("Participants")
PARTICIPATION = N_("Participation in work trial and rehabilitative work activity in {year}")
ENDING = N_("Periods ending later in {year}")
ENDS_ON = N_("Ends")
NOT_EMPLOYMENT = N_(
    "Work trial and rehabilitative work activity are not employment: their participants are counted "
    "apart and add nothing to the person-years."
)
PERSONS_AT_END = N_("Persons employed on {date}")
PERSON_YEARS_TOTAL = N_("Person-years in total")
PLACED = N_("Long-term unemployed persons placed")
ENDED_COUNT = N_("Periods that ended in the year")
BY_SCHEME = N_("Persons and person-years by scheme")
OUTCOMES = N_("Outcomes of the periods that ended in {year}")
NO_ENDED = N_("No period ended in {year}.")
NOT_RECORDED = N_("Not recorded yet")
BY_PROJECT = N_("Person-years paid by projects")
PERIODS = N_("Periods in {year}")
ENDED = N_("Periods that ended in {year}")
ERASED = N_("(erased person)")
# Column headers
SCHEME = N_("Scheme")
PERSONS = N_("Persons")
PERSON_YEARS = N_("Person-years")
OUTCOME = N_("Outcome")
COUNT = N_("Periods")
PROJECT = N_("Project")
PERSON = N_("Person")
TITLE_COLUMN = N_("Title")
PERIOD = N_("Period")
WORKING_TIME = N_("Working time")
ENDED_ON = N_("Ended")
TOTAL = N_("Total")

FIGURE = 34 * mm  # "Henkilötyövuodet" in bold
SCHEME_WIDTHS = [CONTENT_WIDTH - 2 * FIGURE, FIGURE, FIGURE]
OUTCOME_WIDTHS = [CONTENT_WIDTH - FIGURE, FIGURE]
PERIOD_WIDTHS = [28 * mm, 33 * mm, 32 * mm, 30 * mm, 18 * mm]
PERIOD_WIDTHS.append(CONTENT_WIDTH - sum(PERIOD_WIDTHS))
ENDED_WIDTHS = [44 * mm, 44 * mm, 24 * mm, CONTENT_WIDTH - 112 * mm]


def build_employment(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    without_names: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the staff and schemes of `year` (None: this year) in `language` to `out`.

    With `without_names` the report holds statistics only and no person's name.
    """
    today = today or date.today()
    year = year or today.year
    w = ReportWriter(language)
    data = employment_year(db, year, with_names=not without_names, today=today)
    if progress:
        progress(1, 3)
    title = w.text(TITLE, year=year)
    story: list[Flowable] = [w.title(title), w.p(w.text(RULE))]
    if without_names:
        story.append(w.p(w.text(WITHOUT_NAMES)))
    if not data.periods:
        story.append(w.p(w.text(NO_PERIODS, year=year)))
    else:
        story += _summary(w, data)
        story += _schemes(w, data)
        story += _outcomes(w, data)
        story += _projects(w, data)
        if not without_names:
            story += _periods(w, data)
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def years_text(language: str, value: Decimal) -> str:
    """Person-years always with two decimals ("2,00"), as the language writes numbers."""
    return format_decimal(value, format="#,##0.00", locale=language)


def _years(w: ReportWriter, value: Decimal) -> str:
    return years_text(w.language, value)


def _summary(w: ReportWriter, data: EmploymentYear) -> list[Flowable]:
    statistics = data.statistics
    pairs = [
        (w.text(PERSONS_IN_YEAR), w.number(statistics.persons)),
        (w.text(PERSONS_AT_END, date=w.date(date(data.year, 12, 31))), w.number(data.employed_at_year_end)),
        (w.text(PERSON_YEARS_TOTAL), _years(w, statistics.person_years)),
    ]
    if statistics.planned_person_years and data.today:
        pairs.append((w.text(PLANNED, date=w.date(data.today)), _years(w, statistics.planned_person_years)))
    pairs += [
        (w.text(PARTICIPANTS_IN_YEAR), w.number(statistics.participants)),
        (w.text(PLACED), w.number(statistics.long_term_unemployed_placed)),
        (w.text(ENDED_COUNT), w.number(len(data.ended))),
    ]
    if data.ending:
        pairs.append((w.text(ENDING_COUNT), w.number(len(data.ending))))
    return [w.heading(w.text(SUMMARY)), w.fields(pairs, label_width=100 * mm)]


def _schemes(w: ReportWriter, data: EmploymentYear) -> list[Flowable]:
    statistics = data.statistics
    header = [w.text(SCHEME), w.text(PERSONS), w.text(PERSON_YEARS)]
    body = [[w.label(s.scheme), w.number(s.persons), _years(w, s.person_years)] for s in statistics.schemes]
    # A person in two schemes is one person in the total.
    body.append([w.text(TOTAL), w.number(statistics.persons), _years(w, statistics.person_years)])
    table = w.table(header, body, SCHEME_WIDTHS, numeric=(1, 2), bold_rows=(len(body) - 1,))
    chart = bar_chart(
        w,
        [w.label(s.scheme) for s in statistics.schemes],
        [
            (w.text(PERSONS), [float(s.persons) for s in statistics.schemes]),
            (w.text(PERSON_YEARS), [float(s.person_years) for s in statistics.schemes]),
        ],
        height=65 * mm,
    )
    story: list[Flowable] = [KeepTogether([w.heading(w.text(BY_SCHEME)), table, Spacer(1, 4 * mm), chart])]
    if statistics.participant_schemes:
        rows = [[w.label(s.scheme), w.number(s.persons)] for s in statistics.participant_schemes]
        rows.append([w.text(TOTAL), w.number(statistics.participants)])
        participants = w.table(
            [w.text(SCHEME), w.text(PARTICIPANTS)],
            rows,
            OUTCOME_WIDTHS,
            numeric=(1,),
            bold_rows=(len(rows) - 1,),
        )
        heading = w.heading(w.text(PARTICIPANTS_BY_SCHEME))
        story.append(KeepTogether([heading, w.p(w.text(NOT_EMPLOYMENT)), participants]))
    return story


def _outcomes(w: ReportWriter, data: EmploymentYear) -> list[Flowable]:
    heading = w.heading(w.text(OUTCOMES, year=data.year))
    if not data.ended:
        return [heading, w.p(w.text(NO_ENDED, year=data.year))]
    counts: dict[EmploymentOutcome | None, int] = {}
    for line in data.ended:
        counts[line.outcome] = counts.get(line.outcome, 0) + 1
    order: list[EmploymentOutcome | None] = [*EmploymentOutcome, None]
    body = [
        [w.label(outcome) if outcome else w.text(NOT_RECORDED), w.number(counts[outcome])]
        for outcome in order
        if counts.get(outcome)
    ]
    body.append([w.text(TOTAL), w.number(sum(counts.values()))])
    header = [w.text(OUTCOME), w.text(COUNT)]
    table = w.table(header, body, OUTCOME_WIDTHS, numeric=(1,), bold_rows=(len(body) - 1,))
    return [KeepTogether([heading, table])]


def _projects(w: ReportWriter, data: EmploymentYear) -> list[Flowable]:
    if not data.projects:
        return []
    header = [w.text(PROJECT), w.text(PERSON_YEARS)]
    body = [[p.name(w.language), _years(w, p.person_years)] for p in data.projects]
    table = w.table(header, body, OUTCOME_WIDTHS, numeric=(1,))
    return [KeepTogether([w.heading(w.text(BY_PROJECT)), table])]


def _name(w: ReportWriter, line: PeriodLine) -> str:
    return line.name or w.text(ERASED)


def _working_time(w: ReportWriter, line: PeriodLine) -> str:
    return f"{w.number((line.working_time * 100).quantize(Decimal(1)))}\u00a0%"


def _periods(w: ReportWriter, data: EmploymentYear) -> list[Flowable]:
    header = [
        w.text(PERSON),
        w.text(SCHEME),
        w.text(TITLE_COLUMN),
        w.text(PERIOD),
        w.text(WORKING_TIME),
        w.text(PERSON_YEARS),
    ]
    body = [
        [
            _name(w, line),
            w.label(line.scheme),
            line.title,
            w.period(line.start_date, line.end_date),
            _working_time(w, line),
            _years(w, line.person_years),
        ]
        for line in data.employment
    ]
    story: list[Flowable] = []
    if body:
        story += heading_over_table(w, w.text(PERIODS, year=data.year))
        story.append(w.table(header, body, PERIOD_WIDTHS, numeric=(4, 5)))
    if data.participation:
        body = [
            [_name(w, line), w.label(line.scheme), line.title, w.period(line.start_date, line.end_date)]
            for line in data.participation
        ]
        story += heading_over_table(w, w.text(PARTICIPATION, year=data.year))
        story.append(w.table(header[:4], body, [*PERIOD_WIDTHS[:3], CONTENT_WIDTH - sum(PERIOD_WIDTHS[:3])]))
    if data.ended:
        header = [w.text(PERSON), w.text(SCHEME), w.text(ENDED_ON), w.text(OUTCOME)]
        body = [
            [
                _name(w, line),
                w.label(line.scheme),
                w.date(line.end_date),
                w.label(line.outcome) if line.outcome else w.text(NOT_RECORDED),
            ]
            for line in data.ended
        ]
        story += heading_over_table(w, w.text(ENDED, year=data.year))
        story.append(w.table(header, body, ENDED_WIDTHS))
    if data.ending:
        header = [w.text(PERSON), w.text(SCHEME), w.text(ENDS_ON), w.text(TITLE_COLUMN)]
        body = [
            [_name(w, line), w.label(line.scheme), w.date(line.end_date), line.title] for line in data.ending
        ]
        story += heading_over_table(w, w.text(ENDING, year=data.year))
        story.append(w.table(header, body, ENDED_WIDTHS))
    return story
