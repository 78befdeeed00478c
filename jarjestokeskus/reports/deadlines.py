"""Deadlines as a PDF: what is overdue, then what falls due today and in the next N days.

The rows come from `services.deadlines.deadlines`; any kind of deadline prints through its own
label, so new kinds (such as the items of the year clock) need nothing here.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.calendar.deadlines import DeadlineRow, deadlines
from jarjestokeskus.services.organisations.report_data import home_names

TITLE = N_("Deadlines")
SCOPE = N_("Overdue, and falling due within {days} days of {date} (by {last})")
SUMMARY = N_("Summary")
KIND = N_("Kind")
OVERDUE_COUNT = N_("Overdue")
SOON_COUNT = N_("Due soon")
TOTAL = N_("Total")
OVERDUE = N_("Overdue ({count})")
SOON = N_("Due today and in the next {days} days ({count})")
NOTHING_OVERDUE = N_("Nothing is overdue.")
NOTHING_SOON = N_("Nothing falls due in the next {days} days.")
NOTHING = N_("Nothing is overdue or due within {days} days.")
DUE = N_("Due date")
DAYS_LATE = N_("Days overdue")
DAYS_LEFT = N_("Days left")
TODAY = N_("today")
NAME = N_("Name")
DETAIL = N_("Detail")

WIDTHS = [40 * mm, 22 * mm, 20 * mm, 54 * mm]
WIDTHS.append(CONTENT_WIDTH - sum(WIDTHS))


def build_deadlines(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    days: int = 30,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the deadlines overdue on `today` (default: today) and due within `days` days to `out`."""
    if days < 0:
        raise ValueError(f"days must not be negative: {days}")
    today = today or date.today()
    w = ReportWriter(language)
    rows = deadlines(db, today, days, year_clock=True)
    if progress:
        progress(1, 3)
    overdue = [r for r in rows if r.overdue]
    soon = [r for r in rows if not r.overdue]
    title = w.text(TITLE)
    last = date.fromordinal(today.toordinal() + days)
    story: list[Flowable] = [
        w.title(title),
        w.p(w.text(SCOPE, days=w.number(days), date=w.date(today), last=w.date(last))),
    ]
    if not rows:
        story.append(w.p(w.text(NOTHING, days=w.number(days))))
    else:
        story += _summary(w, overdue, soon)
        story += [Spacer(1, 2 * mm), w.heading(w.text(OVERDUE, count=w.number(len(overdue))))]
        story.append(_table(w, overdue, late=True) if overdue else w.p(w.text(NOTHING_OVERDUE)))
        story.append(Spacer(1, 2 * mm))
        story.append(w.heading(w.text(SOON, days=w.number(days), count=w.number(len(soon)))))
        story.append(_table(w, soon, late=False) if soon else w.p(w.text(NOTHING_SOON, days=w.number(days))))
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def kind_label(w: ReportWriter, kind: LabelledEnum) -> str:
    """The kind's label in the report's language; its value if the kind has no label."""
    try:
        return w.label(kind)
    except (AttributeError, KeyError):
        return str(getattr(kind, "value", kind))


def _kind_order(kind: LabelledEnum) -> tuple[str, int]:
    members = list(type(kind))
    return (type(kind).__name__, members.index(kind) if kind in members else 0)


def _summary(w: ReportWriter, overdue: list[DeadlineRow], soon: list[DeadlineRow]) -> list[Flowable]:
    late, coming = Counter(r.kind for r in overdue), Counter(r.kind for r in soon)
    kinds = sorted(set(late) | set(coming), key=_kind_order)
    rows = [
        [kind_label(w, k), w.number(late[k]), w.number(coming[k]), w.number(late[k] + coming[k])]
        for k in kinds
    ]
    rows.append(
        [
            w.text(TOTAL),
            w.number(len(overdue)),
            w.number(len(soon)),
            w.number(len(overdue) + len(soon)),
        ]
    )
    header = [w.text(KIND), w.text(OVERDUE_COUNT), w.text(SOON_COUNT), w.text(TOTAL)]
    widths = [70 * mm, 25 * mm, 25 * mm, 25 * mm]
    return [
        w.heading(w.text(SUMMARY)),
        w.table(header, rows, widths, numeric=(1, 2, 3), bold_rows=(len(rows) - 1,)),
    ]


def _table(w: ReportWriter, rows: list[DeadlineRow], *, late: bool) -> Flowable:
    header = [
        w.text(KIND),
        w.text(DUE),
        w.text(DAYS_LATE if late else DAYS_LEFT),
        w.text(NAME),
        w.text(DETAIL),
    ]
    body = [
        [
            kind_label(w, r.kind),
            w.date(r.due_date),
            w.text(TODAY) if r.days_left == 0 else w.number(abs(r.days_left)),
            r.name(w.language),
            kind_label(w, r.detail) if r.detail is not None else "",
        ]
        for r in rows
    ]
    return w.table(header, body, WIDTHS, numeric=(2,))
