"""What the members receive: the share depending on municipal support per municipality, grants by grantor.

The figures come from `services.cooperation.dependence` (its docstring has the rules). Shares over
60 % are named below the table, as the regions' own reports put it ("over 60 % of the associations").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind
from jarjestokeskus.i18n import N_
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.cooperation.areas import area_name
from jarjestokeskus.services.cooperation.dependence import GrantTotal, MunicipalityShare, dependence
from jarjestokeskus.services.organisations.report_data import home_names

THRESHOLD = Decimal(60)
TITLE = N_("What the members receive {year}")
RULE = N_(
    "A member depends on municipal support when a municipality granted it money in the year, "
    "or when it uses premises owned by a municipality."
)
BY_MUNICIPALITY = N_("Dependence on municipal support by municipality")
MUNICIPALITY = N_("Municipality")
NO_MUNICIPALITY = N_("Municipality not given")
MEMBERS = N_("Members")
WITH_GRANT = N_("Municipal grant")
WITH_PREMISES = N_("Municipal premises")
EITHER = N_("Either")
SHARE = N_("Share {year}")
CHANGE_POINTS = N_("Change, points")
TOTAL = N_("Total")
OVER = N_("Over {share} of the members depend on municipal support in: {names}.")
NOT_OVER = N_("In no municipality do over {share} of the members depend on municipal support.")
BY_GRANTOR = N_("Grants by grantor and instrument")
GRANTOR = N_("Grantor")
INSTRUMENT = N_("Instrument")
COUNT = N_("Grants")
APPLIED = N_("Applied")
GRANTED = N_("Granted {year}")
CHANGE = N_("Change")
NO_GRANTS = N_("No grants have been entered for {year} or {previous}.")
NO_MEMBERS = N_("There are no member organisations.")

SHARE_WIDTHS = [38 * mm, 20 * mm, 22 * mm, 22 * mm, 20 * mm, 17 * mm, 17 * mm]
SHARE_WIDTHS.append(CONTENT_WIDTH - sum(SHARE_WIDTHS))
GRANT_WIDTHS = [32 * mm, 32 * mm, 12 * mm, 24 * mm, 24 * mm, 24 * mm]
GRANT_WIDTHS.append(CONTENT_WIDTH - sum(GRANT_WIDTHS))


def build_dependence(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    progress: Progress | None = None,
) -> None:
    year = year or date.today().year
    w = ReportWriter(language)
    figures = dependence(db, year)
    if progress:
        progress(1, 2)
    title = w.text(TITLE, year=year)
    story: list[Flowable] = [w.title(title), w.p(w.text(RULE))]
    story += heading_over_table(w, w.text(BY_MUNICIPALITY))
    if figures.total.members == 0:
        story.append(w.p(w.text(NO_MEMBERS)))
    else:
        story.append(_shares(w, figures.municipalities, figures.total, year))
        over = sorted(
            (_place(w, m) for m in figures.municipalities if m.share is not None and m.share > THRESHOLD),
            key=sort_key,
        )
        story.append(Spacer(1, 2 * mm))
        if over:
            story.append(w.p(w.text(OVER, share=f"{w.number(THRESHOLD)}\u00a0%", names=", ".join(over))))
        else:
            story.append(w.p(w.text(NOT_OVER, share=f"{w.number(THRESHOLD)}\u00a0%")))
    story += heading_over_table(w, w.text(BY_GRANTOR))
    if figures.grants:
        story.append(_grants(w, figures.grants, year))
    else:
        story.append(w.p(w.text(NO_GRANTS, year=year, previous=year - 1)))
    build_pdf(w, title, home_names(db), story, out)
    if progress:
        progress(2, 2)


def _place(w: ReportWriter, row: MunicipalityShare) -> str:
    return area_name(AreaKind.MUNICIPALITY, row.municipality, w.language)


def _grantor(w: ReportWriter, row: GrantTotal) -> str:
    return area_name(row.grantor_kind, row.grantor, w.language)


def _percent(w: ReportWriter, value: Decimal | None) -> str:
    return "" if value is None else f"{w.number(value)} %"


def _points(w: ReportWriter, now: Decimal | None, before: Decimal | None) -> str:
    if now is None or before is None:
        return ""
    change = now - before
    return f"+{w.number(change)}" if change > 0 else ("±0" if change == 0 else f"−{w.number(-change)}")


def _shares(
    w: ReportWriter, rows: tuple[MunicipalityShare, ...], total: MunicipalityShare, year: int
) -> object:
    header = [
        w.text(MUNICIPALITY),
        w.text(MEMBERS),
        w.text(WITH_GRANT),
        w.text(WITH_PREMISES),
        w.text(EITHER),
        w.text(SHARE, year=year),
        w.text(SHARE, year=year - 1),
        w.text(CHANGE_POINTS),
    ]

    def line(row: MunicipalityShare, name: str) -> list[str]:
        return [
            name,
            w.number(row.members),
            w.number(row.with_grant),
            w.number(row.with_premises),
            w.number(row.depending),
            _percent(w, row.share),
            _percent(w, row.share_before),
            _points(w, row.share, row.share_before),
        ]

    ordered = sorted(rows, key=lambda r: (r.municipality == "", sort_key(_place(w, r))))
    body = [line(r, _place(w, r) or w.text(NO_MUNICIPALITY)) for r in ordered]
    body.append(line(total, w.text(TOTAL)))
    return w.table(header, body, SHARE_WIDTHS, numeric=range(1, 8), bold_rows=[len(body) - 1])


def _grants(w: ReportWriter, rows: tuple[GrantTotal, ...], year: int) -> object:
    header = [
        w.text(GRANTOR),
        w.text(INSTRUMENT),
        w.text(COUNT),
        w.text(APPLIED),
        w.text(GRANTED, year=year),
        w.text(GRANTED, year=year - 1),
        w.text(CHANGE),
    ]
    body = [
        [
            _grantor(w, r),
            w.label(r.instrument),
            w.number(r.count),
            w.money(r.applied),
            w.money(r.granted),
            w.money(r.granted_before),
            _signed_money(w, r.change),
        ]
        for r in sorted(  # by the grantor's name in the report's language; instruments in their order
            rows, key=lambda r: (r.grantor_kind != AreaKind.MUNICIPALITY, sort_key(_grantor(w, r)))
        )
    ]
    applied = sum((r.applied for r in rows), Decimal(0))
    granted = sum((r.granted for r in rows), Decimal(0))
    before = sum((r.granted_before for r in rows), Decimal(0))
    body.append(
        [
            w.text(TOTAL),
            "",
            w.number(sum(r.count for r in rows)),
            w.money(applied),
            w.money(granted),
            w.money(before),
            _signed_money(w, granted - before),
        ]
    )
    return w.table(header, body, GRANT_WIDTHS, numeric=range(2, 7), bold_rows=[len(body) - 1])


def _signed_money(w: ReportWriter, value: Decimal) -> str:
    return f"+{w.money(value)}" if value > 0 else (w.money(value) if value == 0 else f"−{w.money(-value)}")
