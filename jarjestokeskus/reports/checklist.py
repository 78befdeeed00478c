"""The cooperation checklist compared across the region: a mark per element and area, and last year's change.

One table per template (Järjestö 2.0 for the municipalities, the county's cooperation document):
a row per area with an entry this year or last, a column per element (numbered, named in the
legend below), how many elements are in place, and the change in that count since last year.
The elements whose state changed are listed after the table, last year's state → this year's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, ChecklistStatus, ChecklistTemplate
from jarjestokeskus.i18n import N_
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.cooperation.areas import area_name
from jarjestokeskus.services.cooperation.checklist import Comparison, ComparisonRow, comparison
from jarjestokeskus.services.organisations.report_data import home_names

TITLE = N_("Cooperation checklist {year}")
SCOPE = N_("The state of each element per municipality and the county in {year}, compared with {previous}")
LEGEND = N_("● in place · ◐ in preparation · ○ none · – not assessed")
AREA = N_("Municipality or county")
IN_PLACE = N_("In place")
CHANGE = N_("Change since {previous}")
ELEMENTS = N_("Elements")
CHANGES = N_("Changes since {previous}")
CHANGE_LINE = N_("{area}: {element} {before} → {now}")
NO_CHANGES = N_("No changes since last year.")
NOT_ASSESSED = N_("not assessed")
NONE = N_("No area has been assessed in {year} or {previous}.")

MARKS = {
    ChecklistStatus.IN_PLACE: "●",
    ChecklistStatus.IN_PREPARATION: "◐",
    ChecklistStatus.NONE: "○",
    None: "–",
}
AREA_WIDTH, COUNT_WIDTH, CHANGE_WIDTH = 40 * mm, 20 * mm, 24 * mm


def build_checklist(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    progress: Progress | None = None,
) -> None:
    year = year or date.today().year
    w = ReportWriter(language)
    title = w.text(TITLE, year=year)
    story: list[Flowable] = [
        w.title(title),
        w.p(w.text(SCOPE, year=year, previous=year - 1)),
        w.p(w.text(LEGEND)),
    ]
    compared = [comparison(db, template, year) for template in ChecklistTemplate]
    if progress:
        progress(1, 2)
    if not any(c.rows for c in compared):
        story.append(w.p(w.text(NONE, year=year, previous=year - 1)))
    for result in compared:
        if result.rows:
            story += _template(w, result)
    build_pdf(w, title, home_names(db), story, out)
    if progress:
        progress(2, 2)


def _signed(w: ReportWriter, value: int) -> str:
    return f"+{w.number(value)}" if value > 0 else ("±0" if value == 0 else f"−{w.number(-value)}")


def _template(w: ReportWriter, result: Comparison) -> list[Flowable]:
    count = len(result.elements)
    mark_width = (CONTENT_WIDTH - AREA_WIDTH - COUNT_WIDTH - CHANGE_WIDTH) / max(count, 1)
    previous = result.year - 1
    header = [
        w.text(AREA),
        *(str(i) for i in range(1, count + 1)),
        w.text(IN_PLACE),
        w.text(CHANGE, previous=previous),
    ]
    ordered = sorted(result.rows, key=lambda r: (r.area_kind != AreaKind.MUNICIPALITY, sort_key(_area(w, r))))
    rows = [
        [
            _area(w, row),
            *(MARKS[s] for s in row.statuses),
            f"{w.number(row.in_place)} / {w.number(count)}",
            _signed(w, row.in_place - row.in_place_before),
        ]
        for row in ordered
    ]
    story: list[Flowable] = heading_over_table(w, w.label(result.template))
    story.append(
        w.table(
            header,
            rows,
            [AREA_WIDTH, *([mark_width] * count), COUNT_WIDTH, CHANGE_WIDTH],
            numeric=(count + 1, count + 2),
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(w.p(w.text(ELEMENTS), w.head_cell_style))
    for index, element in enumerate(result.elements, start=1):
        story.append(w.p(f"{index}. {element.name(w.language)}", w.cell_style))
    story.append(Spacer(1, 2 * mm))
    story.append(w.p(w.text(CHANGES, previous=previous), w.head_cell_style))
    lines = [
        w.text(
            CHANGE_LINE,
            area=_area(w, row),
            element=result.elements[i].name(w.language),
            before=_state(w, row.previous[i]),
            now=_state(w, row.statuses[i]),
        )
        for row in ordered
        for i in row.changed()
    ]
    story += [w.p(line, w.cell_style) for line in lines] or [w.p(w.text(NO_CHANGES), w.cell_style)]
    return story


def _area(w: ReportWriter, row: ComparisonRow) -> str:
    return area_name(row.area_kind, row.area, w.language)


def _state(w: ReportWriter, status: ChecklistStatus | None) -> str:
    return w.label(status) if status is not None else w.text(NOT_ASSESSED)
