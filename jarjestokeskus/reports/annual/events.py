"""The annual overview's events: by kind the events held, their participants, the organisations
they reached and the average of their feedback scores (figures from services.events.year_review)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import CONTENT_WIDTH, ReportWriter
from jarjestokeskus.services.events.year_review import events_of_year

EVENTS = N_("Events in {year} by kind")
KIND = N_("Kind")
HELD = N_("Events")
PARTICIPANTS = N_("Participants")
ORGANISATIONS = N_("Organisations reached")
ANSWERS = N_("Feedback answers")
AVERAGE = N_("Average score")
ALL_KINDS = N_("All events")
NOTE = N_(
    "Participants are those marked as attended. An organisation counts once in a row, even when it "
    "came to several events. The average is of the scored feedback questions, each weighted by its answers."
)
NO_EVENTS = N_("No events were held in {year}.")


def events_section(w: ReportWriter, db: Database, year: int) -> list[Flowable]:
    heading = w.heading(w.text(EVENTS, year=year))
    figures = events_of_year(db, year)
    if len(figures) == 1:
        return [Spacer(1, 3 * mm), KeepTogether([heading, w.p(w.text(NO_EVENTS, year=year))])]
    rows = [
        [
            w.label(f.kind) if f.kind is not None else w.text(ALL_KINDS),
            w.number(f.events),
            w.number(f.participants),
            w.number(f.organisations),
            w.number(f.feedback_answers),
            w.number(f.feedback_average) if f.feedback_average is not None else "–",
        ]
        for f in figures
    ]
    widths = [26 * mm] * 5
    widths.insert(0, CONTENT_WIDTH - sum(widths))
    header = [w.text(t) for t in (KIND, HELD, PARTICIPANTS, ORGANISATIONS, ANSWERS, AVERAGE)]
    table = w.table(header, rows, widths, numeric=(1, 2, 3, 4, 5), bold_rows=(len(rows) - 1,))
    note = w.p(w.text(NOTE), w.cell_style)
    return [Spacer(1, 3 * mm), KeepTogether([heading, table, Spacer(1, 1.5 * mm), note])]
