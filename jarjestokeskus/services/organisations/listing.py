"""The organisations list: search, filters, the count and pages by key in every sort order.

A page continues from the last row shown (keyset paging on the sort key and the id), in either
direction, so the last page of 100,000 costs what the first does. The search uses the text index
(db/search_index.py): FTS5 on SQLite, the same LIKE as before with pg_trgm on PostgreSQL.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, column, func, literal, literal_column, select, table, text, tuple_
from sqlalchemy.engine import Engine

from jarjestokeskus.db import search_index
from jarjestokeskus.db.base import binary_order
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.i18n import current_language, sort_key
from jarjestokeskus.services.municipalities import municipality_code
from jarjestokeskus.services.organisations.collated_order import label_order
from jarjestokeskus.services.rows import OrganisationRow, row_from

SORT_COLUMNS = (
    "name",
    "abbreviation",
    "business_id",
    "municipality",
    "membership_status",
    "field",
    "kind",
    "member_count",
)
# A search or filter counts its matches up to this many; the rest only when asked (`count_organisations`).
COUNT_LIMIT = 10000
# Fewer matches than this are sorted; more are found by walking the sort order's index.
SPARSE_MATCHES = COUNT_LIMIT

Position = tuple[Any, ...]  # a row's place in the sort: its sort key values, the id last


@dataclass(frozen=True)
class OrganisationQuery:
    """What the list shows: search text, filters and sort; `language` picks the name shown."""

    text: str = ""
    membership_status: MembershipStatus | None = None
    field: Field | None = None
    kind: OrganisationKind | None = None
    municipality: str | None = None
    archived: bool = False
    sort: str = "name"
    descending: bool = False
    language: str = "fi"

    def with_(self, **changes: object) -> OrganisationQuery:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def filtered(self) -> bool:
        """Narrowed by more than the archive: a search or a filter."""
        return bool(
            self.text.strip()
            or self.municipality
            or any(f is not None for f in (self.membership_status, self.field, self.kind))
        )


@dataclass(frozen=True)
class OrganisationPage:
    """Rows of the list with their places in the sort; `total` the matches counted, `more` when
    there are more than that (the count stopped at COUNT_LIMIT)."""

    total: int
    rows: list[OrganisationRow]
    positions: list[Position] = field(default_factory=list)
    more: bool = False


LIST_COLUMNS = (
    Organisation.id,
    Organisation.name_fi,
    Organisation.name_sv,
    Organisation.abbreviation,
    Organisation.business_id,
    Organisation.municipality,
    Organisation.kind,
    Organisation.field,
    Organisation.membership_status,
    Organisation.member_count,
    Organisation.is_home,
    Organisation.archived_at,
)
_ROWID = literal_column("organisation.rowid")
_SEARCH = table(search_index.TABLE, column("rowid"))
_indexed: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


# --- the search ------------------------------------------------------------------------------
def _has_text_index(session) -> bool:  # type: ignore[no-untyped-def]
    engine = session.get_bind()
    if engine not in _indexed:
        _indexed[engine] = search_index.present(session.connection())
    return _indexed[engine]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _match(session, words: list[str]) -> str | None:  # type: ignore[no-untyped-def]
    """The FTS5 query for `words`, each a substring; None when a short word is nowhere.

    A trigram index finds words of three letters or more; a shorter one is found through the
    trigrams that start with it (the indexed text is padded so every letter starts one).
    """
    parts = []
    for word in words:
        if len(word) >= 3:
            parts.append(_quoted(word))
            continue
        terms = session.execute(
            text(f"SELECT term FROM {search_index.TERMS} WHERE term >= :low AND term < :high"),
            {"low": word, "high": word + "\U0010ffff"},
        ).scalars()
        quoted = [_quoted(t) for t in terms if t.startswith(word)]
        if not quoted:
            return None
        parts.append("(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


def _matching_rowids(expression: str) -> Select:
    return select(_SEARCH.c.rowid).where(
        text(f"{search_index.TABLE} MATCH :search_match").bindparams(search_match=expression)
    )


def _filtered(session, query: OrganisationQuery, columns: Select, walk: bool = False) -> Select | None:  # type: ignore[no-untyped-def]
    """`columns` narrowed to the query's matches; None when nothing can match.

    With `walk` (many matches, found by walking the sort order) a one- or two-letter word is
    tested on each row walked: it matches most rows, and the index would list them all first.
    """
    stmt = columns.where(
        Organisation.archived_at.is_not(None) if query.archived else Organisation.archived_at.is_(None)
    )
    words = sort_key(query.text).split()
    tested = words
    if words and _has_text_index(session):
        tested = [w for w in words if len(w) < 3] if walk else []
        looked_up = [w for w in words if w not in tested]
        expression = _match(session, looked_up) if looked_up else ""
        if expression is None:
            return None
        if expression:
            stmt = stmt.where(_ROWID.in_(_matching_rowids(expression)))
    for word in tested:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Organisation.search_text.like(f"%{escaped}%", escape="\\"))
    if query.membership_status is not None:
        stmt = stmt.where(Organisation.membership_status == query.membership_status)
    if query.field is not None:
        stmt = stmt.where(Organisation.field == query.field)
    if query.kind is not None:
        stmt = stmt.where(Organisation.kind == query.kind)
    if query.municipality:  # a municipality of the register by either name; other text as typed
        code = municipality_code(query.municipality)
        stmt = stmt.where(
            Organisation.municipality_code == code
            if code
            else Organisation.municipality_key == sort_key(query.municipality)
        )
    return stmt


def _count(session, query: OrganisationQuery, limit: int | None) -> int:  # type: ignore[no-untyped-def]
    words = sort_key(query.text).split()
    only_text = words and not query.with_(text="").filtered and _has_text_index(session)
    if only_text:  # counted in the index alone: the archived organisations are few and indexed
        expression = _match(session, words)
        if expression is None:
            return 0
        archived = select(_ROWID).where(Organisation.archived_at.is_not(None))
        inner = _matching_rowids(expression).where(
            literal_column("rowid").in_(archived)
            if query.archived
            else literal_column("rowid").not_in(archived)
        )
    else:
        inner = _filtered(session, query, select(literal(1)).select_from(Organisation))
        if inner is None:
            return 0
    if limit is not None:
        inner = inner.limit(limit)
    return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)


# --- the order -------------------------------------------------------------------------------
def _sort_keys(query: OrganisationQuery, sparse: bool) -> list[Any]:
    """The expressions the list is sorted by, the id last: each row's place is unique."""
    shown = Organisation.name_sv_key if query.language == "sv" else Organisation.name_fi_key
    if sparse:
        shown = shown.concat("")  # an expression: SQLite sorts the few matches, not walk the index
    primary = {
        "name": None,
        "abbreviation": Organisation.abbreviation_key,
        "business_id": binary_order(func.coalesce(Organisation.business_id, "")),
        "municipality": Organisation.municipality_key,
        "membership_status": label_order(Organisation.membership_status, MembershipStatus),
        "field": label_order(Organisation.field, Field),
        "kind": label_order(Organisation.kind, OrganisationKind),
        "member_count": func.coalesce(Organisation.member_count, -1),
    }[query.sort if query.sort in SORT_COLUMNS else "name"]
    return [shown, Organisation.id] if primary is None else [primary, shown, Organisation.id]


def _page(  # type: ignore[no-untyped-def]
    session,
    query: OrganisationQuery,
    after: Position | None,
    limit: int | None,
    *,
    backwards: bool = False,
    skip: int = 0,
    sparse: bool = False,
) -> OrganisationPage:
    """`limit` rows after the place `after` (None: from the start), or with `backwards` the ones
    before it (None: the last rows), in list order; `skip` rows passed over first."""
    keys = _sort_keys(query, sparse)
    stmt = _filtered(session, query, select(*LIST_COLUMNS, *keys), walk=not sparse)
    if stmt is None:
        return OrganisationPage(0, [])
    falling = query.descending != backwards
    if after is not None:
        here = tuple_(*keys)
        there = tuple_(*(literal(value, key.type) for value, key in zip(after, keys, strict=True)))
        stmt = stmt.where(here < there if falling else here > there)
    stmt = stmt.order_by(*(key.desc() if falling else key.asc() for key in keys))
    if skip:
        stmt = stmt.offset(skip)
    if limit is not None:
        stmt = stmt.limit(limit)
    found = session.execute(stmt).all()
    if backwards:
        found.reverse()
    width = len(LIST_COLUMNS)
    rows = [row_from(r[:width]) for r in found]
    return OrganisationPage(len(rows), rows, [tuple(r[width:]) for r in found])


# --- what the window and others ask ------------------------------------------------------------
def first_page(db: Database, query: OrganisationQuery, limit: int = 200) -> OrganisationPage:
    """What the list needs when the search or a filter changes: the count and the first rows.

    A search or a filter counts up to COUNT_LIMIT (`more` says there are more); the whole list
    or the archive counts all.
    """
    with db.reading() as session:
        counted = _count(session, query, COUNT_LIMIT + 1 if query.filtered else None)
        if not counted:
            return OrganisationPage(0, [])
        page = _page(session, query, None, limit, sparse=counted < SPARSE_MATCHES)
        more = counted > COUNT_LIMIT and query.filtered
        return replace(page, total=COUNT_LIMIT if more else counted, more=more)


def count_organisations(db: Database, query: OrganisationQuery) -> int:
    """All the matches, however many."""
    with db.reading() as session:
        return _count(session, query, None)


def next_rows(
    db: Database,
    query: OrganisationQuery,
    after: Position | None,
    limit: int,
    skip: int = 0,
    sparse: bool = False,
) -> OrganisationPage:
    """The rows after the place `after` (None: from the first), `skip` of them passed over."""
    with db.reading() as session:
        return _page(session, query, after, limit, skip=skip, sparse=sparse)


def previous_rows(
    db: Database,
    query: OrganisationQuery,
    before: Position | None,
    limit: int,
    skip: int = 0,
    sparse: bool = False,
) -> OrganisationPage:
    """The rows before the place `before` (None: the last ones), in list order."""
    with db.reading() as session:
        return _page(session, query, before, limit, backwards=True, skip=skip, sparse=sparse)


def list_organisations(
    db: Database, query: OrganisationQuery, offset: int = 0, limit: int | None = 200, total: int | None = None
) -> list[OrganisationRow]:
    """Rows of the list from `offset` (all of them with `limit` None), in its order.

    `total` (the count of matches, when the caller knows it) lets a narrow search sort its few
    matches instead of walking the whole register in name order.
    """
    sparse = total is not None and total < SPARSE_MATCHES
    with db.reading() as session:
        return _page(session, query, None, limit, skip=offset, sparse=sparse).rows


def organisation_choices(db: Database, text: str, limit: int = 30) -> list[OrganisationRow]:
    """Organisations matching `text` for a picker (owner, partner, funder), in name order."""
    query = OrganisationQuery(text=text, language=current_language())
    with db.reading() as session:
        counted = _count(session, query, SPARSE_MATCHES)
        return _page(session, query, None, limit, sparse=counted < SPARSE_MATCHES).rows if counted else []
