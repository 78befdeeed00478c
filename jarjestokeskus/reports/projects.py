"""Projects and their funding in one year as a PDF.

The fundings of the year grouped by funder (instrument, decision, applied, granted, paid so far),
the sums by instrument, the instalments paid and expected in the year and the reporting
deadlines of the year, with a chart of applied against granted by funder. What belongs to a year
is defined in `services.project_report_data`. Names are in the report's language, the other
language as fallback.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.reports.charts import bar_chart
from jarjestokeskus.reports.flow import caption_over_table, heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.organisations.report_data import home_names
from jarjestokeskus.services.projects.report_data import (
    DeadlineLine,
    FunderTotal,
    ProjectsYear,
    by_funder,
    by_instrument,
    projects_year,
)

TITLE = N_("Projects and funding {year}")
INTRO = N_("Fundings whose funding year is {year}, with the instalments and reporting deadlines of the year.")
SUMMARY = N_("Summary")
CHART = N_("Applied and granted by funder")
BY_FUNDER = N_("Fundings by funder")
BY_INSTRUMENT = N_("Fundings by instrument")
INSTALMENTS = N_("Instalments in {year}")
DEADLINES = N_("Reporting deadlines in {year}")
NO_FUNDINGS = N_("There are no fundings for {year}.")
NO_INSTALMENTS = N_("No instalments fall due or were paid in {year}.")
NO_DEADLINES = N_("No reports are due in {year}.")
NO_FUNDER = N_("Funder not given")
# Summary lines
FUNDINGS = N_("Fundings")
APPLIED = N_("Applied")
GRANTED = N_("Granted")
OWN_CONTRIBUTION = N_("Own contribution")
PAID_IN_YEAR = N_("Paid in {year}")
EXPECTED = N_("Expected, not yet paid")
RUNNING_SHARE = N_("Multi-year grants of earlier years: share of {year}")
IN_USE = N_("Granted for {year} and shares of running grants")
RUNNING = N_("Multi-year grants running in {year}")
RUNNING_NOTE = N_(
    "Decided for an earlier year and running in {year}: the share of {year} is the granted sum "
    "prorated by the days of {year} within the period of use."
)
USE_PERIOD = N_("Period of use")
SHARE = N_("Share of {year}")
DECISION_YEAR = N_("{decision} ({year})")
OVERDUE = N_("overdue")
LATE = N_("{date}, {days} days late")
# Column headers
PROJECT = N_("Project")
INSTRUMENT = N_("Instrument")
DECISION = N_("Decision")
PAID = N_("Paid")
PAID_SO_FAR = N_("Paid so far")
FUNDER = N_("Funder")
DUE = N_("Due")
AMOUNT = N_("Amount")
PAID_ON = N_("Paid on")
REPORT = N_("Report")
SUBMITTED = N_("Submitted")
NOT_SUBMITTED = N_("not submitted")
NOT_DECIDED = N_("no decision yet")
TOTAL = N_("Total")

MONEY = 25 * mm  # "999 999,00 €" in bold
DAY = 22 * mm  # "Förfallodag" in bold
FUNDING_WIDTHS = [40 * mm, 34 * mm, CONTENT_WIDTH - 74 * mm - 3 * MONEY, MONEY, MONEY, MONEY]
INSTRUMENT_WIDTHS = [CONTENT_WIDTH - 27 * mm - 2 * MONEY, 27 * mm, MONEY, MONEY]
INSTALMENT_WIDTHS = [DAY, 44 * mm, CONTENT_WIDTH - 44 * mm - 2 * DAY - 2 * MONEY, MONEY, DAY, MONEY]
RUNNING_WIDTHS = [36 * mm, 26 * mm, CONTENT_WIDTH - 84 * mm - 2 * MONEY, 22 * mm, MONEY, MONEY]
DEADLINE_WIDTHS = [DAY, 32 * mm, 48 * mm, CONTENT_WIDTH - 80 * mm - 2 * DAY, DAY]


def build_projects(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the projects and funding of `year` (None: this year) in `language` to `out`."""
    today = today or date.today()
    year = year or today.year
    w = ReportWriter(language)
    data = projects_year(db, year, today)
    if progress:
        progress(1, 3)
    title = w.text(TITLE, year=year)
    story: list[Flowable] = [w.title(title), w.p(w.text(INTRO, year=year))]
    if not data.fundings:
        story.append(w.p(w.text(NO_FUNDINGS, year=year)))
        if data.running:
            story += _summary(w, data)
    else:
        funders = by_funder(data.fundings)
        story += _summary(w, data)
        story += [w.heading(w.text(CHART)), _chart(w, funders), Spacer(1, 3 * mm)]
        story += heading_over_table(w, w.text(BY_FUNDER))
        for group in funders:
            story += _funder_group(w, group)
        story.append(_instrument_table(w, data))
    story += _running(w, data)
    story += _instalments(w, data)
    story += _deadlines(w, data)
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def _funder_name(w: ReportWriter, group: FunderTotal) -> str:
    return group.name(w.language) or w.text(NO_FUNDER)


def _summary(w: ReportWriter, data: ProjectsYear) -> list[Flowable]:
    pairs = [
        (w.text(FUNDINGS), w.number(len(data.fundings))),
        (w.text(APPLIED), w.money(data.amount_applied)),
        (w.text(GRANTED), w.money(data.amount_granted)),
    ]
    if data.running:
        pairs += [
            (w.text(RUNNING_SHARE, year=data.year), w.money(data.running_share)),
            (w.text(IN_USE, year=data.year), w.money(data.in_use)),
        ]
    pairs += [
        (w.text(OWN_CONTRIBUTION), w.money(data.own_contribution)),
        (w.text(PAID_IN_YEAR, year=data.year), w.money(data.paid_in_year)),
        (w.text(EXPECTED), w.money(data.expected_in_year)),
    ]
    return [w.heading(w.text(SUMMARY)), w.fields(pairs, label_width=95 * mm)]


def _chart(w: ReportWriter, funders: list[FunderTotal]) -> Flowable:
    return bar_chart(
        w,
        [_funder_name(w, group) for group in funders],
        [
            (w.text(APPLIED), [float(group.amount_applied) for group in funders]),
            (w.text(GRANTED), [float(group.amount_granted) for group in funders]),
        ],
        money=True,
    )


def _funder_group(w: ReportWriter, group: FunderTotal) -> list[Flowable]:
    header = [w.text(PROJECT), w.text(INSTRUMENT), w.text(DECISION), w.text(APPLIED), w.text(GRANTED)]
    header.append(w.text(PAID_SO_FAR))
    lines = sorted(group.fundings, key=lambda f: (sort_key(f.project_name(w.language)), f.instrument.value))
    body = [
        [
            f.project_name(w.language),
            w.label(f.instrument),
            f.decision_number if f.decided else w.text(NOT_DECIDED),
            w.money(f.amount_applied),
            w.money(f.amount_granted),
            w.money(f.paid),
        ]
        for f in lines
    ]
    name = _funder_name(w, group)
    body.append(
        [
            w.text(TOTAL),
            "",
            "",
            w.money(group.amount_applied),
            w.money(group.amount_granted),
            w.money(group.paid),
        ]
    )
    table = w.table(header, body, FUNDING_WIDTHS, numeric=(3, 4, 5), bold_rows=(len(body) - 1,))
    return [*caption_over_table(w, name), Spacer(1, 1 * mm), table, Spacer(1, 3 * mm)]


def _instrument_table(w: ReportWriter, data: ProjectsYear) -> Flowable:
    totals = by_instrument(data.fundings)
    header = [w.text(INSTRUMENT), w.text(FUNDINGS), w.text(APPLIED), w.text(GRANTED)]
    body = [
        [w.label(t.instrument), w.number(t.fundings), w.money(t.amount_applied), w.money(t.amount_granted)]
        for t in totals
    ]
    body.append(
        [
            w.text(TOTAL),
            w.number(len(data.fundings)),
            w.money(data.amount_applied),
            w.money(data.amount_granted),
        ]
    )
    table = w.table(header, body, INSTRUMENT_WIDTHS, numeric=(1, 2, 3), bold_rows=(len(body) - 1,))
    return KeepTogether([w.heading(w.text(BY_INSTRUMENT)), table])


def _instalments(w: ReportWriter, data: ProjectsYear) -> list[Flowable]:
    heading = heading_over_table(w, w.text(INSTALMENTS, year=data.year))
    if not data.instalments:
        return [*heading, w.p(w.text(NO_INSTALMENTS, year=data.year))]
    header = [w.text(DUE), w.text(PROJECT), w.text(INSTRUMENT), w.text(AMOUNT), w.text(PAID_ON), w.text(PAID)]
    body = [
        [
            w.date(i.due_date),
            i.project_name(w.language),
            w.label(i.instrument),
            w.money(i.amount),
            w.text(OVERDUE) if i.overdue else w.date(i.paid_on),
            w.money(i.settled) if i.paid else "",
        ]
        for i in data.instalments
    ]
    body.append([w.text(PAID_IN_YEAR, year=data.year), "", "", "", "", w.money(data.paid_in_year)])
    body.append([w.text(EXPECTED), "", "", w.money(data.expected_in_year), "", ""])
    totals = (len(body) - 2, len(body) - 1)
    table = w.table(header, body, INSTALMENT_WIDTHS, numeric=(3, 5), bold_rows=totals)
    # A total's words run over the first three columns (row indexes count the header).
    table.setStyle(TableStyle([("SPAN", (0, row + 1), (2, row + 1)) for row in totals]))
    return [*heading, table]


def _deadlines(w: ReportWriter, data: ProjectsYear) -> list[Flowable]:
    heading = heading_over_table(w, w.text(DEADLINES, year=data.year))
    if not data.deadlines:
        return [*heading, w.p(w.text(NO_DEADLINES, year=data.year))]
    header = [w.text(DUE), w.text(REPORT), w.text(PROJECT), w.text(FUNDER), w.text(SUBMITTED)]
    body = [
        [
            w.date(d.due_date),
            w.label(d.kind),
            d.project_name(w.language),
            d.funder_name(w.language) or w.text(NO_FUNDER),
            _submitted(w, d),
        ]
        for d in data.deadlines
    ]
    return [*heading, w.table(header, body, DEADLINE_WIDTHS)]


def _submitted(w: ReportWriter, d: DeadlineLine) -> str:
    """The day submitted, flagged when late; an overdue report flagged as overdue."""
    if d.submitted_on is None:
        return w.text(OVERDUE) if d.overdue else w.text(NOT_SUBMITTED)
    if d.days_late:
        return w.text(LATE, date=w.date(d.submitted_on), days=d.days_late)
    return w.date(d.submitted_on)


def _running(w: ReportWriter, data: ProjectsYear) -> list[Flowable]:
    if not data.running:
        return []
    header = [
        w.text(PROJECT),
        w.text(INSTRUMENT),
        w.text(DECISION),
        w.text(USE_PERIOD),
        w.text(GRANTED),
        w.text(SHARE, year=data.year),
    ]
    lines = sorted(data.running, key=lambda f: sort_key(f.project_name(w.language)))
    body = [
        [
            f.project_name(w.language),
            w.label(f.instrument),
            w.text(DECISION_YEAR, decision=f.decision_number, year=f.year),
            w.period(f.use_from, f.use_until),
            w.money(f.amount_granted),
            w.money(f.share),
        ]
        for f in lines
    ]
    body.append(
        [
            w.text(TOTAL),
            "",
            "",
            "",
            w.money(sum(f.amount_granted for f in lines)),
            w.money(data.running_share),
        ]
    )
    table = w.table(header, body, RUNNING_WIDTHS, numeric=(4, 5), bold_rows=(len(body) - 1,))
    return [
        *heading_over_table(w, w.text(RUNNING, year=data.year)),
        w.p(w.text(RUNNING_NOTE, year=data.year)),
        Spacer(1, 1 * mm),
        table,
    ]
