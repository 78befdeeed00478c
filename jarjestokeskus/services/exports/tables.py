"""The window's lists as plain tables for the `export` command: the same columns, rows and order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from jarjestokeskus import i18n
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.services.exports.columns import (
    AGREEMENT_HEADERS,
    MEMBER_HEADERS,
    ORGANISATION_HEADERS,
    PROJECT_HEADERS,
    RENEWAL_MARK,
    STAFF_HEADERS,
)
from jarjestokeskus.services.exports.files import Euros, Format

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

KINDS = ("members", "organisations", "projects", "employment", "agreements")
# The sheet's name: the title of the view the list comes from.
TITLES = {
    "members": N_("Member organisations"),
    "organisations": N_("Organisations"),
    "projects": N_("Projects"),
    "employment": N_("Staff"),
    "agreements": N_("Agreements"),
}

# The same texts as the window's lists show.
PROJECT_PERIOD = N_("{start}–{end}")
AGREEMENT_PERIOD = N_("{start} – {end}")
ANONYMISED = N_("Anonymised person")
UNTITLED = N_("Untitled agreement")

Table = tuple[str, list[str], list[list[object]]]


def export_table(db: Database, kind: str, language: str, today: date | None = None) -> Table:
    """(sheet title, header, rows) of a list as the window shows it without search or filters."""
    if kind not in KINDS:
        raise ValueError(f"unknown list {kind!r}")
    text = i18n.catalog(language).gettext
    build: dict[str, Callable[[], tuple[tuple[str, ...], list[list[object]]]]] = {
        "members": lambda: (MEMBER_HEADERS, _members(db, language, today)),
        "organisations": lambda: (ORGANISATION_HEADERS, _organisations(db, language, text)),
        "projects": lambda: (PROJECT_HEADERS, _projects(db, language, text)),
        "employment": lambda: (STAFF_HEADERS, _staff(db, text, today or date.today())),
        "agreements": lambda: (AGREEMENT_HEADERS, _agreements(db, language, text)),
    }
    headers, rows = build[kind]()
    return text(TITLES[kind]), [text(h) for h in headers], rows


def export_rows(
    db: PlainDatabase | Database, kind: str, language: str, format: Format = "xlsx"
) -> tuple[str, list[str], Iterable[list[object]]]:
    """(sheet title, header, rows) of a list for a file of `format`: the members' list read from
    the database as it is written (the database must stay open until the rows are used up; how
    many is known once they are; for CSV its numbers as text), others at once (they need a
    db.engine.Database)."""
    if kind != "members":
        return export_table(db, kind, language)  # type: ignore[arg-type]
    from jarjestokeskus.services.exports.members import member_rows

    text = i18n.catalog(language).gettext
    header = [text(h) for h in MEMBER_HEADERS]
    return text(TITLES[kind]), header, member_rows(db, language, text_only=format == "csv")


def _label(text: Callable[[str], str], member: Any) -> str:
    """A LabelledEnum member's label in the export's language ("" for None)."""
    return text(member._labels()[member.value]) if member is not None else ""


def _members(db: Database, language: str, today: date | None) -> list[list[object]]:
    """The member organisations only, with both names and what one needs to reach them; the
    headings are the editor's labels, so the file can be imported back as it is."""
    from jarjestokeskus.services.exports.members import member_rows

    return [list(row) for row in member_rows(db, language, today)]


def _organisations(db: Database, language: str, text: Callable[[str], str]) -> list[list[object]]:
    from jarjestokeskus.services.organisations.register import OrganisationQuery, list_organisations

    rows = list_organisations(db, OrganisationQuery(language=language), 0, None)
    return [
        [
            r.name(language),
            r.abbreviation,
            r.business_id or "",
            r.municipality,
            _label(text, r.membership_status),
            _label(text, r.field),
            _label(text, r.kind),
            r.member_count,
        ]
        for r in rows
    ]


def _projects(db: Database, language: str, text: Callable[[str], str]) -> list[list[object]]:
    from jarjestokeskus.services.projects.register import list_projects

    # The view sorts by name in collation order; a stable sort keeps ties as the service gave them.
    rows = sorted(list_projects(db), key=lambda r: sort_key(r.name(language)))
    table: list[list[object]] = []
    for r in rows:
        period = ""
        if r.start_date is not None or r.end_date is not None:
            period = text(PROJECT_PERIOD).format(
                start=i18n.format_date(r.start_date, language), end=i18n.format_date(r.end_date, language)
            )
        table.append(
            [
                r.name(language),
                r.code,
                r.owner_name(language),
                _label(text, r.status),
                period,
                Euros(r.amount_applied) if r.amount_applied else None,
                Euros(r.amount_granted) if r.amount_granted else None,
            ]
        )
    return table


def _staff(db: Database, text: Callable[[str], str], today: date) -> list[list[object]]:
    from jarjestokeskus.services.staff.employment import list_staff

    rows = sorted(list_staff(db, today), key=lambda r: sort_key(f"{r.last_name} {r.first_name}"))
    return [
        [
            r.name if not r.anonymised else text(ANONYMISED),
            _label(text, r.scheme),
            r.title,
            r.start_date,
            r.end_date,
        ]
        for r in rows
    ]


def _agreements(db: Database, language: str, text: Callable[[str], str]) -> list[list[object]]:
    from jarjestokeskus.i18n import localized
    from jarjestokeskus.services.agreements.register import agreement_tree, list_agreements
    from jarjestokeskus.services.agreements.rows import AgreementNode

    table: list[list[object]] = []

    def add(node: AgreementNode) -> None:
        # Depth first, as the register's tree shows a framework and its implementation agreements.
        row = node.row
        title = localized(row.title_fi, row.title_sv, language) or text(UNTITLED)
        if row.predecessor_id is not None:
            title = f"{RENEWAL_MARK} {title}"
        period = ""
        if row.valid_from is not None or row.valid_to is not None:
            period = text(AGREEMENT_PERIOD).format(
                start=i18n.format_date(row.valid_from, language),
                end=i18n.format_date(row.valid_to, language),
            )
        parties = ", ".join(n for n in (localized(fi, sv, language) for fi, sv in row.party_names) if n)
        table.append([title, _label(text, row.kind), _label(text, row.status), period, parties])
        for child in node.children:
            add(child)

    for node in agreement_tree(list_agreements(db)):
        add(node)
    return table
