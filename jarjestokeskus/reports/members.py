"""The member register as a PDF: member organisations grouped by municipality or by field.

Each group lists the organisations with their contacts and ends with a total; the report ends
with the overall totals. The language is the report's own, independent of the window's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.domain.enums import Field
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.reports.flow import Cells, LongTable, Rows, header_row, heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.municipalities import municipality_name
from jarjestokeskus.services.organisations.member_register import MemberRow, home_names, member_register

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

GroupBy = Literal["municipality", "field"]
GROUPINGS: tuple[GroupBy, ...] = ("municipality", "field")

TITLE = N_("Member register")
BY_MUNICIPALITY = N_("Member organisations by municipality")
BY_FIELD = N_("Member organisations by field")
NAME = N_("Organisation")
CONTACT = N_("Contact person")
EMAIL = N_("Email")
PHONE = N_("Phone")
MEMBERS = N_("Members")
NO_MUNICIPALITY = N_("Municipality not given")
GROUP_TOTAL = N_("Total, {group}")
ORGANISATIONS = N_("Organisations: {count}")
OVERALL = N_("Total")
OVERALL_ORGANISATIONS = N_("Member organisations in total: {count}")
OVERALL_MEMBERS = N_("Their members in total: {count}")
NONE = N_("There are no member organisations.")
MEMBERS_ON = N_("The member organisations on {date}, by their membership dates.")

WIDTHS = [44 * mm, 33 * mm, 56 * mm, 22 * mm]  # the email address is never broken
WIDTHS.append(CONTENT_WIDTH - sum(WIDTHS))


def build_members(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    group_by: GroupBy = "municipality",
    year: int | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> None:
    """Write the member register in `language` ("fi" or "sv") to `out`: today's members, or with
    a `year` those at the end of it (by the membership dates)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}")
    today = today or date.today()
    w = ReportWriter(language)
    on = min(date(year, 12, 31), today) if year is not None else None
    rows = member_register(db, today, on, sorted_for=language)  # in name order already
    if progress:
        progress(1, 3)
    groups: dict[tuple[object, ...], list[MemberRow]] = defaultdict(list)
    group_keys: dict[tuple[object, ...], tuple[object, ...]] = {}  # a few places, many rows
    for row in rows:
        place = (row.field,) if group_by == "field" else (row.municipality_code, row.municipality)
        if place not in group_keys:
            group_keys[place] = _group_key(w, row, group_by)
        groups[group_keys[place]].append(row)
    title = w.text(TITLE)
    story: list[Flowable] = [
        w.title(title),
        w.p(w.text(BY_MUNICIPALITY if group_by == "municipality" else BY_FIELD)),
    ]
    if on is not None:
        story.append(w.p(w.text(MEMBERS_ON, date=w.date(on))))
    if not rows:
        story.append(w.p(w.text(NONE)))
    numbers = _Numbers(w)
    for key in sorted(groups):
        story += _group(w, str(key[-1]), groups[key], numbers)
    if rows:
        total_members = sum(r.member_count or 0 for r in rows)
        story += [
            Spacer(1, 4 * mm),
            w.heading(w.text(OVERALL)),
            w.p(w.text(OVERALL_ORGANISATIONS, count=w.number(len(rows)))),
            w.p(w.text(OVERALL_MEMBERS, count=w.number(total_members))),
        ]
    del rows, groups
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out, printed=today)
    if progress:
        progress(3, 3)


def _group_key(w: ReportWriter, row: MemberRow, group_by: GroupBy) -> tuple[object, ...]:
    """The group's place and name: fields in their own order, municipalities by collation,
    organisations without a municipality last."""
    if group_by == "field":
        return (list(Field).index(row.field), w.label(row.field))
    municipality = municipality_name(row.municipality_code, row.municipality, w.language)
    if not municipality:
        return (1, "", w.text(NO_MUNICIPALITY))
    return (0, sort_key(municipality), municipality)


class _Numbers(dict[int, str]):
    """Member counts as the report's language writes them, each count formatted once: a whole
    number of at least 0 in groups of three by the language's own separator (what babel writes
    for 1000 tells it), so that a thousand counts do not each go through babel."""

    def __init__(self, w: ReportWriter) -> None:
        super().__init__()
        self.w = w
        self.separator = w.number(1000)[1:-3]

    def __missing__(self, value: int) -> str:
        if isinstance(value, int) and value >= 0:
            text = f"{value:,}".replace(",", self.separator)
        else:
            text = self.w.number(value)
        self[value] = text
        return text


def _group(w: ReportWriter, group: str, members: list[MemberRow], numbers: _Numbers) -> list[Flowable]:
    cells = Cells(w, WIDTHS)
    header = [w.text(NAME), w.text(CONTACT), w.text(EMAIL), w.text(PHONE), w.text(MEMBERS)]
    table = Rows(*header_row(cells, header, numeric=(4,)), widths=WIDTHS, numeric=(4,))
    plain, number = w.cell_style, w.number_style
    roles: dict[object, str] = {}
    for row in members:
        if row.contact_role not in roles:
            roles[row.contact_role] = w.label(row.contact_role).lower()
        contact = f"{row.contact_name} ({roles[row.contact_role]})" if row.contact_name else ""
        table.add(
            (
                cells.text(row.name(w.language), 0, plain),
                cells.text(contact, 1, plain),
                cells.whole(row.email, 2),
                cells.whole(row.phone, 3),
                cells.text(numbers[row.member_count] if row.member_count is not None else "", 4, number),
            )
        )
    total = sum(r.member_count or 0 for r in members)
    bold, bold_number = w.head_cell_style, w.head_number_style
    table.add(
        (
            cells.text(w.text(GROUP_TOTAL, group=group), 0, bold),
            cells.text(w.text(ORGANISATIONS, count=w.number(len(members))), 1, bold),
            ("", 0),
            ("", 0),
            cells.text(w.number(total), 4, bold_number),
        ),
        total=True,
    )
    # The heading starts a page only when its first rows would not fit; the table splits after it.
    return [*heading_over_table(w, group), LongTable(table)]
