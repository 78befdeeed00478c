"""The year in one document for the annual meeting: key figures and charts of members, projects,
grants, staff by employment scheme, events and agreements in force (figures from
`services.annual_report_data`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.reports.annual import tables
from jarjestokeskus.reports.annual.events import events_section
from jarjestokeskus.reports.annual.tables import person_years
from jarjestokeskus.reports.charts import bar_chart, horizontal_bars
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.annual_report_data import AnnualFigures, annual_figures
from jarjestokeskus.services.organisations.report_data import home_names

TITLE = N_("Annual overview")
HEADING = N_("Annual overview {year}")
PURPOSE = N_("The year {year} in figures for the annual meeting.")
KEY_FIGURES = N_("Key figures")
MEMBER_ORGANISATIONS = N_("Member organisations on {date}")
MEMBERS_AT_START = N_("Member organisations on {date}")
JOINED_COUNT = N_("Joined in {year}")
LEFT_COUNT = N_("Left in {year}")
MEMBERS_OF_MEMBERS = N_("Their members in total")
PROJECTS_COUNT = N_("Projects in {year}")
APPLIED_FOR = N_("Grants applied for {year}")
GRANTED_FOR = N_("Grants granted for {year}")
STAFF_PERSONS = N_("Persons employed in {year}")
PERSON_YEARS = N_("Person-years")
FEES_DUE = N_("Membership fees for {year}")
FEES_PAID = N_("of which paid")
RUNNING_SHARE = N_("Multi-year grants of earlier years: share of {year}")
PAID_IN_YEAR = N_("Grant instalments paid in {year}")
PARTICIPANTS = N_("Participants in work trial and rehabilitative work activity in {year}")
EVENTS_HELD = N_("Events held in {year}")
EVENT_PARTICIPANTS = N_("Their participants")
ORGANISATIONS_REACHED = N_("Organisations they reached")
PLACED = N_("Long-term unemployed placed")
AGREEMENTS_COUNT = N_("Agreements in force in {year}")
IN_KIND_RECEIVED = N_("In-kind support received: premises free of charge")
IN_KIND_GIVEN = N_("In-kind support given: premises free of charge")
MEMBERS_NOTE = N_(
    "Member organisations by their membership dates; their own members as the register has them on {date}."
)
JOINED_LEFT = N_("Member organisations that joined or left in {year}")
JOINED = N_("Joined")
LEFT = N_("Left")
NO_CHANGES = N_("No member organisation joined or left in {year}.")
MEMBERS_BY_MUNICIPALITY = N_("Member organisations by municipality on {date}")
MUNICIPALITY = N_("Municipality")
NOT_GIVEN = N_("not given")
# Grants
GRANTS = N_("Grants for {year} by instrument")
APPLIED = N_("Applied")
GRANTED = N_("Granted")
BY_FUNDER = N_("Grants for {year} by funder")
TOTAL = N_("Total")
TREND = N_("Grants {first}–{last}")
# Projects
PROJECTS = N_("Projects in {year}")
PROJECT = N_("Project")
OWNER = N_("Owner")
STATUS = N_("Status")
PERIOD = N_("Period")
NO_PROJECTS = N_("No projects in {year}.")
# Staff
STAFF = N_("Staff by employment scheme in {year}")
# Agreements and members
AGREEMENTS = N_("Agreements in force in {year} by kind")
MEMBERS_BY_FIELD = N_("Member organisations by field on {date}")

CHART_HEIGHT = 62 * mm
LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


def build_annual(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the overview of `year` (default: this year) in `language` to `out`."""
    today = today or date.today()
    year = year if year is not None else today.year
    w = ReportWriter(language)
    figures = annual_figures(db, year, today)
    if progress:
        progress(1, 3)
    story: list[Flowable] = [
        w.title(w.text(HEADING, year=year)),
        w.p(w.text(PURPOSE, year=year)),
    ]
    before = annual_figures(db, year - 1, today)
    story += _key_figures(w, figures, before, today)
    story += _grants(w, figures)
    story += _projects(w, figures)
    story += _staff(w, figures, before)
    story += events_section(w, db, year)
    story += _agreements_and_members(w, figures, before)
    if progress:
        progress(2, 3)
    build_pdf(w, w.text(TITLE), home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def _section(w: ReportWriter, heading: str, *flowables: Flowable) -> list[Flowable]:
    """A heading kept with what follows it, a little space before."""
    return [Spacer(1, 3 * mm), KeepTogether([w.heading(heading), *flowables])]


def _key_figures(w: ReportWriter, f: AnnualFigures, before: AnnualFigures, today: date) -> list[Flowable]:
    """The year's figures, each beside the year before's."""
    year = f.year

    def figures(g: AnnualFigures) -> list[str]:
        return [
            w.number(g.members_at_start),
            w.number(len(g.joined)),
            w.number(len(g.left)),
            w.number(g.member_organisations),
            w.number(g.members_of_members),
            w.money(g.fees_due),
            w.money(g.fees_paid),
            w.number(len(g.projects)),
            w.money(g.amount_applied),
            w.money(g.amount_granted),
            w.money(g.running_share),
            w.money(g.paid_in_year),
            w.number(g.staff.persons),
            person_years(w, g.staff.person_years),
            w.number(g.staff.participants),
            w.number(g.staff.long_term_unemployed_placed),
            w.number(g.agreements_in_force),
            w.money(g.in_kind_received),
            w.money(g.in_kind_given),
            w.number(g.events_held),
            w.number(g.event_participants),
            w.number(g.organisations_reached),
        ]

    labels = [
        w.text(MEMBERS_AT_START, date=w.date(date(year - 1, 12, 31))),
        w.text(JOINED_COUNT, year=year),
        w.text(LEFT_COUNT, year=year),
        w.text(MEMBER_ORGANISATIONS, date=w.date(f.members_on)),
        w.text(MEMBERS_OF_MEMBERS),
        w.text(FEES_DUE, year=year),
        w.text(FEES_PAID),
        w.text(PROJECTS_COUNT, year=year),
        w.text(APPLIED_FOR, year=year),
        w.text(GRANTED_FOR, year=year),
        w.text(RUNNING_SHARE, year=year),
        w.text(PAID_IN_YEAR, year=year),
        w.text(STAFF_PERSONS, year=year),
        w.text(PERSON_YEARS),
        w.text(PARTICIPANTS, year=year),
        w.text(PLACED),
        w.text(AGREEMENTS_COUNT, year=year),
        w.text(IN_KIND_RECEIVED),
        w.text(IN_KIND_GIVEN),
        w.text(EVENTS_HELD, year=year),
        w.text(EVENT_PARTICIPANTS),
        w.text(ORGANISATIONS_REACHED),
    ]
    rows = [[label, now, then] for label, now, then in zip(labels, figures(f), figures(before), strict=True)]
    header = ["", str(year), str(year - 1)]
    table = w.table(header, rows, [95 * mm, 38 * mm, 38 * mm], numeric=(1, 2))
    note = w.p(w.text(MEMBERS_NOTE, date=w.date(today)), w.cell_style)
    return [w.heading(w.text(KEY_FIGURES)), table, Spacer(1, 1.5 * mm), note]


def _instrument(w: ReportWriter, key: str) -> str:
    try:
        return w.label(FundingInstrument(key))
    except ValueError:
        return key


def _grants(w: ReportWriter, f: AnnualFigures) -> list[Flowable]:
    year = f.year
    applied, granted = w.text(APPLIED), w.text(GRANTED)
    instruments = f.by_instrument
    chart = bar_chart(
        w,
        [_instrument(w, t.key) for t in instruments],
        [
            (applied, [float(t.amount_applied) for t in instruments]),
            (granted, [float(t.amount_granted) for t in instruments]),
        ],
        width=CONTENT_WIDTH,
        height=CHART_HEIGHT,
        money=True,
    )
    story = _section(w, w.text(GRANTS, year=year), chart)
    story += _section(w, w.text(BY_FUNDER, year=year), *tables.funders(w, f))
    trend = bar_chart(
        w,
        [str(y) for y, _applied, _granted in f.trend],
        [
            (applied, [float(a) for _y, a, _g in f.trend]),
            (granted, [float(g) for _y, _a, g in f.trend]),
        ],
        width=CONTENT_WIDTH,
        height=CHART_HEIGHT,
        money=True,
    )
    story += _section(w, w.text(TREND, first=f.trend[0][0], last=f.trend[-1][0]), trend)
    return story


def _projects(w: ReportWriter, f: AnnualFigures) -> list[Flowable]:
    heading = w.text(PROJECTS, year=f.year)
    if not f.projects:
        return _section(w, heading, w.p(w.text(NO_PROJECTS, year=f.year)))
    projects = sorted(f.projects, key=lambda p: (sort_key(p.code), sort_key(p.name(w.language))))
    rows = [
        [
            " ".join(part for part in (p.code, p.name(w.language)) if part),
            p.owner_name(w.language),
            w.label(f.status_of(p)),
            w.period(p.start_date, p.end_date),
        ]
        for p in projects
    ]
    widths = [70 * mm, 45 * mm, 22 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [w.text(PROJECT), w.text(OWNER), w.text(STATUS), w.text(PERIOD)]
    table = w.table(header, rows, widths)
    return [Spacer(1, 3 * mm), w.heading(heading), table]


def _staff(w: ReportWriter, f: AnnualFigures, before: AnnualFigures) -> list[Flowable]:
    schemes = f.staff.schemes
    chart = horizontal_bars(
        w, [w.label(s.scheme) for s in schemes], [float(s.persons) for s in schemes], width=CONTENT_WIDTH
    )
    # A person in two schemes in the year counts once in the total.
    story = _section(w, w.text(STAFF, year=f.year), chart, Spacer(1, 2 * mm), tables.staff(w, f, before))
    return story + _section(w, w.text(tables.OUTCOMES, year=f.year), tables.outcomes(w, f, before))


def _agreements_and_members(w: ReportWriter, f: AnnualFigures, before: AnnualFigures) -> list[Flowable]:
    kinds = horizontal_bars(
        w,
        [w.label(k) for k, _count in f.agreements_by_kind],
        [float(count) for _k, count in f.agreements_by_kind],
        width=CONTENT_WIDTH,
    )
    fields = horizontal_bars(
        w,
        [w.label(field) for field, _count in f.members_by_field],
        [float(count) for _f, count in f.members_by_field],
        width=CONTENT_WIDTH,
    )
    on = w.date(f.members_on)
    counts_before = dict(before.members_by_municipality)
    names = [m for m, _count in f.members_by_municipality]
    names += sorted((m for m in counts_before if m not in names), key=sort_key)
    counts = dict(f.members_by_municipality)
    municipalities = [
        [m or w.text(NOT_GIVEN), w.number(counts.get(m, 0)), w.number(counts_before.get(m, 0))] for m in names
    ]
    municipalities.append(
        [w.text(TOTAL), w.number(f.member_organisations), w.number(before.member_organisations)]
    )
    by_municipality = w.table(
        [w.text(MUNICIPALITY), str(f.year), str(f.year - 1)],
        municipalities,
        [70 * mm, 30 * mm, 30 * mm],
        numeric=(1, 2),
        bold_rows=(len(municipalities) - 1,),
    )
    return [
        *_section(w, w.text(AGREEMENTS, year=f.year), kinds),
        *_section(
            w,
            w.text(tables.AGREEMENTS, year=f.year, date=w.date(date(f.year, 12, 31))),
            *tables.agreements(w, f),
        ),
        *_section(w, w.text(MEMBERS_BY_FIELD, date=on), fields),
        *_joined_and_left(w, f),
        Spacer(1, 3 * mm),
        w.heading(w.text(MEMBERS_BY_MUNICIPALITY, date=on)),
        by_municipality,
    ]


def _joined_and_left(w: ReportWriter, f: AnnualFigures) -> list[Flowable]:
    heading = w.text(JOINED_LEFT, year=f.year)
    if not f.joined and not f.left:
        return _section(w, heading, w.p(w.text(NO_CHANGES, year=f.year)))
    rows = [[w.text(JOINED), w.name(*n)] for n in f.joined] + [[w.text(LEFT), w.name(*n)] for n in f.left]
    return _section(w, heading, w.table(None, rows, [30 * mm, CONTENT_WIDTH - 30 * mm]))
