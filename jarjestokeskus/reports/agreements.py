"""The agreements with one counterparty as a PDF, made to be handed to the city or the wellbeing
services county for its welfare report: each agreement's parties, period and status, its goals with
what each party commits to and the latest follow-up entry, and the in-kind value of premises free
of charge (per agreement and in total).
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.enums import AgreementStatus
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.agreements.report_data import (
    AgreementReport,
    ReportAgreement,
    ReportGoal,
    agreement_report,
)
from jarjestokeskus.services.municipalities import municipality
from jarjestokeskus.services.organisations.report_data import home_names

TITLE = N_("Agreement report")
HEADING = N_("Agreements with {counterparty}")
IN_YEAR = N_("Agreements in force in {year}")
ALL = N_("All agreements that are not archived")
PURPOSE = N_(
    "For the welfare report: the parties, period and status of each agreement, its goals, what each "
    "party commits to, and the latest follow-up of each goal."
)
NONE = N_("There are no agreements with this counterparty.")
SUMMARY = N_("Summary")
AGREEMENT = N_("Agreement")
KIND = N_("Kind")
STATUS = N_("Status")
PERIOD = N_("Valid")
GOALS = N_("Goals")
IN_KIND = N_("In-kind value {year}")
GOAL_STATUSES = N_("Goals by latest follow-up")
GOAL_STATUSES_ON = N_("Goals by status on {date}")
NOT_FOLLOWED = N_("no follow-up entry yet")
COUNT = N_("Goals")
TOTAL = N_("Total")
# Fields of one agreement
FRAMEWORK = N_("Framework agreement")
PARTIES = N_("Parties")
SIGNED = N_("Signed on")
NOTICE = N_("Renewal notice by")
NOTICE_OVERDUE = N_("{date} – passed, not renewed")
YEARLY_VALUE = N_("Yearly value")
DESCRIPTION = N_("Description")
ORAL = N_("Agreed orally by")
PREMISES = N_("Premises")
PREMISES_MUNICIPALITY = N_("Municipality of the premises")
AREA = N_("Area (m²)")
FREE = N_("Free of charge")
ESTIMATED = N_("Estimated yearly value")
# Goals
GOALS_HEADING = N_("Goals and follow-up")
NO_GOALS = N_("No goals recorded.")
GOAL_TITLE = N_("Goal {number}: {title}")
OUR_COMMITMENT = N_("Our commitment")
THEIR_COMMITMENT = N_("Counterparty's commitment")
INDICATOR = N_("Indicator")
FOLLOW_UP_METHOD = N_("How it is followed")
LATEST = N_("Latest follow-up")
STATUS_ON = N_("Status on {date}")
YEAR_ENTRIES = N_("Follow-up in {year}")
NO_YEAR_ENTRIES = N_("no entries in {year}")
LATEST_VALUE = N_("{date}: {status}")
NOTE = N_("Note")
# In-kind value
IN_KIND_HEADING = N_("Premises free of charge in {year}")
IN_KIND_NOTE = N_("The estimated yearly value prorated by the days of {year} the agreement is valid.")
NO_IN_KIND = N_("No premises free of charge.")
ADDRESS = N_("Address")
IN_KIND_TOTAL = N_("In-kind value of premises free of charge in {year} in total: {amount}")
IN_KIND_GIVEN_TOTAL = N_("In-kind value of premises we gave free of charge in {year} in total: {amount}")
DIRECTION = N_("In-kind support")
GIVEN_MARK = N_("{amount} (given)")
TOTAL_VALUE = N_("Yearly value of the agreements in total: {amount}")

LABEL_WIDTH = 45 * mm


def build_agreements(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    counterparty_id: uuid.UUID,
    year: int | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the agreements with `counterparty_id` (in force in `year`, if given) to `out`."""
    today = today or date.today()
    w = ReportWriter(language)
    report = agreement_report(db, counterparty_id, year)
    if progress:
        progress(1, 3)
    title = w.text(TITLE)
    story: list[Flowable] = [
        w.title(w.text(HEADING, counterparty=report.counterparty(language))),
        w.p(w.text(IN_YEAR, year=year) if year is not None else w.text(ALL)),
        w.p(w.text(PURPOSE)),
    ]
    if not report.agreements:
        story.append(w.p(w.text(NONE)))
    else:
        story += _summary(w, report)
        for agreement in report.agreements:
            story += _agreement(w, report, agreement, today)
        story += _in_kind(w, report)
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def _in_kind_text(w: ReportWriter, agreement: ReportAgreement) -> str:
    if agreement.in_kind is None:
        return ""
    if agreement.direction == InKindDirection.GIVEN:
        return w.text(GIVEN_MARK, amount=w.money(agreement.in_kind))
    return w.money(agreement.in_kind)


def _summary(w: ReportWriter, report: AgreementReport) -> list[Flowable]:
    header = [
        w.text(AGREEMENT),
        w.text(KIND),
        w.text(STATUS),
        w.text(PERIOD),
        w.text(GOALS),
        w.text(IN_KIND, year=report.in_kind_year),
    ]
    rows = [
        [
            ("– " if a.level else "") + a.title(w.language),
            w.label(a.detail.kind),
            w.label(a.detail.status),
            w.period(a.detail.valid_from, a.detail.valid_to),
            w.number(len(a.goals)),
            _in_kind_text(w, a),
        ]
        for a in report.agreements
    ]
    goals = sum(len(a.goals) for a in report.agreements)
    rows.append([w.text(TOTAL), "", "", "", w.number(goals), w.money(report.in_kind_total)])
    widths = [55 * mm, 33 * mm, 20 * mm, 27 * mm, 12 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    story: list[Flowable] = [
        w.heading(w.text(SUMMARY)),
        w.table(header, rows, widths, numeric=(4, 5), bold_rows=(len(rows) - 1,)),
        Spacer(1, 1.5 * mm),
        w.p(w.text(TOTAL_VALUE, amount=w.money(report.total_value))),
    ]
    statuses = report.goal_statuses()
    if statuses:
        status_rows = [
            [w.label(status) if status is not None else w.text(NOT_FOLLOWED), w.number(count)]
            for status, count in statuses.items()
        ]
        status_rows.append([w.text(TOTAL), w.number(goals)])
        heading = (
            w.text(GOAL_STATUSES_ON, date=w.date(date(report.year, 12, 31)))
            if report.year is not None
            else w.text(GOAL_STATUSES)
        )
        story += [
            w.heading(heading),
            w.table(
                [w.text(STATUS), w.text(COUNT)],
                status_rows,
                [60 * mm, 25 * mm],
                numeric=(1,),
                bold_rows=(len(status_rows) - 1,),
            ),
        ]
    return story


def _notice(w: ReportWriter, agreement: ReportAgreement, today: date) -> str:
    """The renewal notice date, flagged when it has passed while the agreement still runs."""
    d = agreement.detail
    if d.renewal_notice_date is None:
        return ""
    running = d.status == AgreementStatus.IN_FORCE and (d.valid_to is None or d.valid_to >= today)
    if running and d.renewal_notice_date < today:
        return w.text(NOTICE_OVERDUE, date=w.date(d.renewal_notice_date))
    return w.date(d.renewal_notice_date)


def _agreement(
    w: ReportWriter, report: AgreementReport, agreement: ReportAgreement, today: date
) -> list[Flowable]:
    d = agreement.detail
    parties = "; ".join(
        w.name(p.name_fi, p.name_sv) + (f" ({role})" if (role := p.role_text(w.label)) else "")
        for p in d.parties
    )
    area = w.number(d.premises_area_m2) if d.premises_area_m2 is not None else ""
    place = municipality(d.premises_municipality_code)
    premises_given = bool(d.premises_address or place or area or d.premises_free_of_charge)
    pairs = [
        (w.text(FRAMEWORK), w.name(*d.parent_title) if d.parent_id else ""),
        (w.text(KIND), w.label(d.kind)),
        (w.text(STATUS), w.label(d.status)),
        (w.text(PARTIES), parties),
        (w.text(SIGNED), w.date(d.signed_on) if d.signed_on else ""),
        (w.text(PERIOD), w.period(d.valid_from, d.valid_to)),
        (w.text(NOTICE), _notice(w, agreement, today)),
        (w.text(YEARLY_VALUE), w.money(d.yearly_value) if d.yearly_value is not None else ""),
        (w.text(ORAL), d.oral_agreed_by),
        (w.text(DESCRIPTION), d.description),
        (w.text(PREMISES), d.premises_address),
        (w.text(PREMISES_MUNICIPALITY), place.name(w.language) if place else ""),
        (w.text(AREA), area),
        (w.text(FREE), w.yes_no(d.premises_free_of_charge) if premises_given else ""),
        (w.text(DIRECTION), w.label(d.premises_direction) if d.premises_free_of_charge else ""),
        (
            w.text(ESTIMATED),
            w.money(d.premises_estimated_value) if d.premises_estimated_value is not None else "",
        ),
        (w.text(IN_KIND, year=report.in_kind_year), _in_kind_text(w, agreement)),
    ]
    story: list[Flowable] = [
        Spacer(1, 3 * mm),
        KeepTogether([w.heading(agreement.title(w.language)), w.fields(pairs, LABEL_WIDTH)]),
    ]
    goals_heading = w.p(w.text(GOALS_HEADING), w.head_cell_style)
    if not agreement.goals:
        return [*story, KeepTogether([Spacer(1, 2 * mm), goals_heading, w.p(w.text(NO_GOALS))])]
    story.append(Spacer(1, 2 * mm))
    for number, goal in enumerate(agreement.goals, start=1):
        block = _goal(w, report.year, number, goal)
        story.append(KeepTogether([goals_heading, *block] if number == 1 else block))
    return story


def _goal(w: ReportWriter, year: int | None, number: int, goal: ReportGoal) -> list[Flowable]:
    g, latest = goal.goal, goal.latest
    latest_text = (
        w.text(LATEST_VALUE, date=w.date(latest.entry_date), status=w.label(latest.status))
        if latest
        else w.text(NOT_FOLLOWED)
    )
    pairs = [
        (w.text(OUR_COMMITMENT), g.our_commitment),
        (w.text(THEIR_COMMITMENT), g.counterparty_commitment),
        (w.text(INDICATOR), g.indicator),
        (w.text(FOLLOW_UP_METHOD), g.follow_up_method),
    ]
    if year is None:
        pairs += [(w.text(LATEST), latest_text), (w.text(NOTE), latest.note if latest else "")]
    else:
        entries = "\n".join(
            w.text(LATEST_VALUE, date=w.date(e.entry_date), status=w.label(e.status))
            + (f" – {e.note}" if e.note else "")
            for e in goal.year_entries
        )
        pairs += [
            (w.text(STATUS_ON, date=w.date(date(year, 12, 31))), latest_text),
            (w.text(YEAR_ENTRIES, year=year), entries or w.text(NO_YEAR_ENTRIES, year=year)),
        ]
    title = w.p(w.text(GOAL_TITLE, number=number, title=goal.title(w.language)), w.head_cell_style)
    return [Spacer(1, 1.5 * mm), title, w.fields(pairs, LABEL_WIDTH)]


def _in_kind(w: ReportWriter, report: AgreementReport) -> list[Flowable]:
    year = report.in_kind_year
    story: list[Flowable] = [Spacer(1, 3 * mm), w.heading(w.text(IN_KIND_HEADING, year=year))]
    given = [a for a in report.agreements if a.in_kind is not None]
    if not given:
        return [*story, w.p(w.text(NO_IN_KIND))]
    header = [
        w.text(AGREEMENT),
        w.text(ADDRESS),
        w.text(AREA),
        w.text(ESTIMATED),
        w.text(IN_KIND, year=year),
    ]
    rows = [
        [
            a.title(w.language),
            a.detail.premises_address,
            w.number(a.detail.premises_area_m2) if a.detail.premises_area_m2 is not None else "",
            w.money(a.detail.premises_estimated_value),
            _in_kind_text(w, a),
        ]
        for a in given
    ]
    total = w.label(InKindDirection.RECEIVED) if report.in_kind_given else w.text(TOTAL)
    rows.append([total, "", "", "", w.money(report.in_kind_total)])
    widths = [55 * mm, 45 * mm, 18 * mm, 28 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    story += [
        w.p(w.text(IN_KIND_NOTE, year=year)),
        w.table(header, rows, widths, numeric=(2, 3, 4), bold_rows=(len(rows) - 1,)),
        Spacer(1, 2 * mm),
        w.p(w.text(IN_KIND_TOTAL, year=year, amount=w.money(report.in_kind_total))),
    ]
    if report.in_kind_given:
        story.append(w.p(w.text(IN_KIND_GIVEN_TOTAL, year=year, amount=w.money(report.in_kind_given))))
    return story
