"""Closing a reported year: the reports as sent, with the figures behind them, kept in the database.

`close_year` builds the year's reports in Finnish and Swedish — the annual overview, projects and
funding, staff and schemes (statistics only: no person's name is kept), and the agreement
follow-up for each city and wellbeing services county with agreements in force — and stores each
PDF with its figures (JSON) in one transaction. `reprint` gives a stored PDF back exactly as it
was sent. `changes_since_closing` builds the figures again, as of the same day, and names the
reports whose figures have changed since (a later edit that touches the closed year).
`reopen_year` ends a closing with a reason; the change history keeps who, when and why.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from io import BytesIO
from typing import Any

from sqlalchemy import select

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.models import ClosedReport, ClosedYear, Organisation
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.validation import Errors
from jarjestokeskus.i18n import N_, _, catalog

LANGUAGES = ("fi", "sv")
REPORT_KINDS = ("annual", "projects", "employment", "agreements")
REASON = N_("Reason for reopening")
Progress = Callable[[int, int], None]


class YearAlreadyClosed(DatabaseProblem):
    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    def user_message(self) -> str:
        return _("The year {year} is already closed. Reopen it first (with a reason).").format(year=self.year)


class YearNotClosed(DatabaseProblem):
    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    def user_message(self) -> str:
        return _("The year {year} is not closed.").format(year=self.year)


@dataclass(frozen=True)
class ClosedReportRow:
    id: uuid.UUID
    kind: str
    language: str
    counterparty_id: uuid.UUID | None
    title: str
    sha256: str


@dataclass(frozen=True)
class ClosedYearRow:
    id: uuid.UUID
    year: int
    closed_on: date
    closed_by: str
    created_at: datetime
    reports: tuple[ClosedReportRow, ...]


def _plain(value: Any) -> Any:
    """Figures as JSON: dataclasses field by field, sums and dates as text, in a stable order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime | Decimal | uuid.UUID):
        return str(value)
    return value


def _figures(db: Database, kind: str, year: int, today: date, counterparty_id: uuid.UUID | None) -> str:
    if kind == "annual":
        from jarjestokeskus.services.annual_report_data import annual_figures

        data: Any = annual_figures(db, year, today)
    elif kind == "projects":
        from jarjestokeskus.services.projects.report_data import projects_year

        data = projects_year(db, year, today)
    elif kind == "employment":
        from jarjestokeskus.services.staff.report_data import employment_year

        data = employment_year(db, year, with_names=False, today=today)
    else:
        from jarjestokeskus.services.agreements.report_data import agreement_report

        assert counterparty_id is not None
        data = agreement_report(db, counterparty_id, year, today)
    return json.dumps(_canonical(_plain(data)), ensure_ascii=False, sort_keys=True)


def _canonical(value: Any) -> Any:
    """Lists in one order whatever order the database gave the rows in (a row's place in a list
    is not a figure): a PostgreSQL server returns rows of equal sort keys in any order."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def _pdf(
    db: Database, kind: str, language: str, year: int, today: date, counterparty_id: uuid.UUID | None
) -> bytes:
    out = BytesIO()
    if kind == "annual":
        from jarjestokeskus.reports.annual import build_annual

        build_annual(db, language, out, year=year, today=today)
    elif kind == "projects":
        from jarjestokeskus.reports.projects import build_projects

        build_projects(db, language, out, year=year, today=today)
    elif kind == "employment":
        from jarjestokeskus.reports.employment import build_employment

        build_employment(db, language, out, year=year, without_names=True, today=today)
    else:
        from jarjestokeskus.reports.agreements import build_agreements

        assert counterparty_id is not None
        build_agreements(db, language, out, counterparty_id=counterparty_id, year=year, today=today)
    return out.getvalue()


def _public_counterparties(db: Database, year: int) -> list[uuid.UUID]:
    """Cities and wellbeing services counties party to an agreement in force in `year`."""
    from jarjestokeskus.services.agreements.report_data import agreements_in_force

    parties = {p for a in agreements_in_force(db, year) for p in a.party_ids}
    public = (OrganisationKind.MUNICIPALITY, OrganisationKind.WELLBEING_COUNTY)
    with db.reading() as session:
        rows = session.execute(
            select(Organisation.id, Organisation.name_fi).where(
                Organisation.id.in_(parties),
                Organisation.kind.in_(public),
                Organisation.archived_at.is_(None),
            )
        ).all()
    return [r.id for r in sorted(rows, key=lambda r: (r.name_fi, str(r.id)))]


def _plan(db: Database, year: int) -> list[tuple[str, uuid.UUID | None]]:
    plan: list[tuple[str, uuid.UUID | None]] = [(k, None) for k in REPORT_KINDS if k != "agreements"]
    plan += [("agreements", c) for c in _public_counterparties(db, year)]
    return plan


def _current(session, year: int) -> ClosedYear | None:  # type: ignore[no-untyped-def]
    return session.scalars(
        select(ClosedYear)
        .where(ClosedYear.year == year, ClosedYear.reopened_at.is_(None), ClosedYear.archived_at.is_(None))
        .order_by(ClosedYear.created_at.desc())
    ).first()


def close_year(
    db: Database, year: int, today: date | None = None, progress: Progress | None = None
) -> ClosedYearRow:
    """Build and store the year's reports as sent; refused when the year is closed already."""
    today = today or date.today()
    with db.reading() as session:
        if _current(session, year) is not None:
            raise YearAlreadyClosed(year)
    plan = _plan(db, year)
    built: list[tuple[str, str, uuid.UUID | None, str, bytes, str]] = []
    total = len(plan) * len(LANGUAGES)
    for kind, counterparty in plan:
        figures = _figures(db, kind, year, today, counterparty)
        for language in LANGUAGES:
            pdf = _pdf(db, kind, language, year, today, counterparty)
            from jarjestokeskus.reports.catalogue import KINDS

            title = catalog(language).gettext(KINDS[kind].title)
            built.append((kind, language, counterparty, title, pdf, figures))
            if progress:
                progress(len(built), total)
    with db.transaction() as session:
        if _current(session, year) is not None:
            raise YearAlreadyClosed(year)
        closing = ClosedYear(id=uuid.uuid4(), year=year, closed_on=today, closed_by=os_user())
        session.add(closing)
        session.flush()
        for kind, language, counterparty, title, pdf, figures in built:
            session.add(
                ClosedReport(
                    id=uuid.uuid4(),
                    closed_year_id=closing.id,
                    kind=kind,
                    language=language,
                    counterparty_id=counterparty,
                    title=title,
                    sha256=hashlib.sha256(pdf).hexdigest(),
                    content=pdf,
                    figures=figures,
                )
            )
    found = closed_year(db, year)
    assert found is not None
    return found


def closed_year(db: Database, year: int) -> ClosedYearRow | None:
    """The year's closing in force (None: the year is open)."""
    with db.reading() as session:
        closing = _current(session, year)
        if closing is None:
            return None
        reports = session.execute(
            select(
                ClosedReport.id,
                ClosedReport.kind,
                ClosedReport.language,
                ClosedReport.counterparty_id,
                ClosedReport.title,
                ClosedReport.sha256,
            ).where(ClosedReport.closed_year_id == closing.id, ClosedReport.archived_at.is_(None))
        ).all()
        order = {k: i for i, k in enumerate(REPORT_KINDS)}
        rows = sorted(
            (ClosedReportRow(*r) for r in reports),
            key=lambda r: (order[r.kind], str(r.counterparty_id), r.language),
        )
        return ClosedYearRow(
            closing.id, closing.year, closing.closed_on, closing.closed_by, closing.created_at, tuple(rows)
        )


def reprint(
    db: Database, year: int, kind: str, language: str, counterparty_id: uuid.UUID | None = None
) -> bytes:
    """The stored PDF of a closed year's report, exactly as it was sent."""
    with db.reading() as session:
        closing = _current(session, year)
        if closing is None:
            raise YearNotClosed(year)
        stmt = select(ClosedReport.content).where(
            ClosedReport.closed_year_id == closing.id,
            ClosedReport.kind == kind,
            ClosedReport.language == language,
            ClosedReport.archived_at.is_(None),
        )
        if counterparty_id is not None:
            stmt = stmt.where(ClosedReport.counterparty_id == counterparty_id)
        content = session.scalars(stmt).first()
    if content is None:
        from jarjestokeskus.db.errors import RecordNotFound

        raise RecordNotFound()
    return bytes(content)


def changes_since_closing(db: Database, year: int) -> list[ClosedReportRow]:
    """The closed year's reports (Finnish ones, one per report) whose figures are no longer
    what was sent: built again as of the closing day, they differ from the stored figures."""
    with db.reading() as session:
        closing = _current(session, year)
        if closing is None:
            raise YearNotClosed(year)
        stored = session.execute(
            select(ClosedReport, ClosedReport.figures).where(
                ClosedReport.closed_year_id == closing.id, ClosedReport.language == LANGUAGES[0]
            )
        ).all()
        closed_on = closing.closed_on
        rows = [
            (ClosedReportRow(r.id, r.kind, r.language, r.counterparty_id, r.title, r.sha256), figures)
            for r, figures in stored
        ]
    order = {k: i for i, k in enumerate(REPORT_KINDS)}
    rows.sort(key=lambda pair: (order[pair[0].kind], str(pair[0].counterparty_id)))
    return [
        row
        for row, figures in rows
        if _differ(figures, _figures(db, row.kind, year, closed_on, row.counterparty_id))
    ]


def _differ(stored: str, now: str) -> bool:
    """Whether the figures kept differ from those built now, on the figures that were kept: a
    figure a later version of the program added to a report was not sent, so it is no change."""
    if stored == now:
        return False
    kept = json.loads(stored)
    return _canonical(_as_kept(json.loads(now), _shape(kept))) != kept


def _shape(value: Any) -> Any:
    """The keys of the kept figures, nested (a list's items merged into one shape)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        merged: Any = None
        for item in value:
            merged = _merge(merged, _shape(item))
        return [merged]
    return None


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: _merge(a.get(k), b.get(k)) for k in a.keys() | b.keys()}
    return a if a is not None else b


def _as_kept(value: Any, shape: Any) -> Any:
    """`value` cut to `shape`: the keys that were kept, at every level."""
    if isinstance(shape, dict) and isinstance(value, dict):
        return {k: _as_kept(value[k], shape[k]) for k in shape if k in value}
    if isinstance(shape, list) and isinstance(value, list) and shape[0] is not None:
        return [_as_kept(v, shape[0]) for v in value]
    return value


def reopen_year(db: Database, year: int, reason: str) -> None:
    """End the year's closing; the reason goes into the change history with who and when."""
    reason = " ".join(reason.split())
    errors = Errors()
    if not reason:
        errors.add("reason", _("{field}: required").format(field=_(REASON)))
    errors.raise_if_any()
    with db.transaction() as session:
        closing = _current(session, year)
        if closing is None:
            raise YearNotClosed(year)
        closing.reopened_at = utcnow()
        closing.reopened_by = os_user()
        closing.reopen_reason = reason
