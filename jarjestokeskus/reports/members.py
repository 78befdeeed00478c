"""The member register as a PDF: member organisations grouped by municipality or by field.

Each group lists the organisations with their contacts and ends with a total; the report ends
with the overall totals. The language is the report's own, independent of the window's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import Field
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.municipalities import municipality_name
from jarjestokeskus.services.organisations.report_data import MemberRow, home_names, member_register

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
    rows = member_register(db, today, on)
    if progress:
        progress(1, 3)
    groups: dict[tuple[object, ...], list[MemberRow]] = defaultdict(list)
    for row in rows:
        groups[_group_key(w, row, group_by)].append(row)
    title = w.text(TITLE)
    story: list[Flowable] = [
        w.title(title),
        w.p(w.text(BY_MUNICIPALITY if group_by == "municipality" else BY_FIELD)),
    ]
    if on is not None:
        story.append(w.p(w.text(MEMBERS_ON, date=w.date(on))))
    if not rows:
        story.append(w.p(w.text(NONE)))
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: sort_key(r.name(language)))
        story += _group(w, str(key[-1]), members)
    if rows:
        total_members = sum(r.member_count or 0 for r in rows)
        story += [
            Spacer(1, 4 * mm),
            w.heading(w.text(OVERALL)),
            w.p(w.text(OVERALL_ORGANISATIONS, count=w.number(len(rows)))),
            w.p(w.text(OVERALL_MEMBERS, count=w.number(total_members))),
        ]
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


def _group(w: ReportWriter, group: str, members: list[MemberRow]) -> list[Flowable]:
    header = [w.text(NAME), w.text(CONTACT), w.text(EMAIL), w.text(PHONE), w.text(MEMBERS)]
    body = [
        [
            row.name(w.language),
            _contact(w, row),
            w.whole(row.email, WIDTHS[2]) if row.email else "",
            w.whole(row.phone, WIDTHS[3]) if row.phone else "",
            w.number(row.member_count) if row.member_count is not None else "",
        ]
        for row in members
    ]
    total = sum(r.member_count or 0 for r in members)
    count = w.text(ORGANISATIONS, count=w.number(len(members)))
    body.append([w.text(GROUP_TOTAL, group=group), count, "", "", w.number(total)])
    table = w.table(header, body, WIDTHS, numeric=(4,), bold_rows=(len(body) - 1,))
    # The heading starts a page only when its first rows would not fit; the table splits after it.
    return [*heading_over_table(w, group), table]


def _contact(w: ReportWriter, row: MemberRow) -> str:
    if not row.contact_name:
        return ""
    return f"{row.contact_name} ({w.label(row.contact_role).lower()})"
