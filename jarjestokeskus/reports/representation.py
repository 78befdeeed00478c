"""Who represents us where: the bodies of each municipality and the county, and the seats in force.

The seats come from `services.cooperation.bodies.representation` on the day of printing; a body
with no seat in force is listed with a line saying so, so a missing representative shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.cooperation.bodies import bodies, representation
from jarjestokeskus.services.organisations.report_data import home_names

TITLE = N_("Who represents us where")
SCOPE = N_("Representatives and deputies in bodies of municipalities and the county on {date}")
BODY = N_("{name} ({kind}, {area})")
TERM = N_("Term {period}")
ROLE = N_("Role")
PERSON = N_("Representative")
ORGANISATION = N_("Organisation")
PERIOD = N_("From–to")
NO_SEATS = N_("No representative in force.")
NO_BODIES = N_("No bodies have been entered.")
COUNT = N_("{bodies} bodies, {seats} seats in force")

WIDTHS = [28 * mm, 45 * mm, 62 * mm]
WIDTHS.append(CONTENT_WIDTH - sum(WIDTHS))


def build_representation(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    today = today or date.today()
    w = ReportWriter(language)
    body_rows = bodies(db, language)
    seats = representation(db, today, language)
    if progress:
        progress(1, 2)
    title = w.text(TITLE)
    story: list[Flowable] = [
        w.title(title),
        w.p(w.text(SCOPE, date=w.date(today))),
        w.p(w.text(COUNT, bodies=w.number(len(body_rows)), seats=w.number(len(seats)))),
    ]
    if not body_rows:
        story.append(w.p(w.text(NO_BODIES)))
    header = [w.text(ROLE), w.text(PERSON), w.text(ORGANISATION), w.text(PERIOD)]
    for body in body_rows:
        name = w.text(BODY, name=body.name(language), kind=w.label(body.kind), area=body.area_name(language))
        story += heading_over_table(w, name)
        if body.term_start or body.term_end:
            story.append(w.p(w.text(TERM, period=w.period(body.term_start, body.term_end))))
        rows = [
            [w.label(s.role), s.person, s.organisation, w.period(s.start_date, s.end_date)]
            for s in seats
            if s.body_id == body.id
        ]
        story.append(w.table(header, rows, WIDTHS) if rows else w.p(w.text(NO_SEATS)))
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(2, 2)
