"""The organisations list: search, filters, the count and pages by key in every sort order.

A page continues from the last row shown (keyset paging on the sort key and the id), in either
direction, so the last page of 100,000 costs what the first does. The search uses the text index
(db/search_index.py): FTS5 on SQLite, the same LIKE as before with pg_trgm on PostgreSQL.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, func, literal, select, tuple_

from jarjestokeskus.db.base import binary_order
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.i18n import current_language, sort_key
from jarjestokeskus.services.municipalities import municipality_code
from jarjestokeskus.services.organisations import text_search
from jarjestokeskus.services.organisations.collated_order import label_order
from jarjestokeskus.services.organisations.text_search import ROWID
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
    if words and text_search.has_text_index(session):
        tested = [w for w in words if len(w) < 3] if walk else []
        looked_up = [w for w in words if w not in tested]
        expression = text_search.match(session, looked_up) if looked_up else ""
        if expression is None:
            return None
        if expression:
            stmt = stmt.where(ROWID.in_(text_search.matching_rowids(expression)))
    for word in tested:
        stmt = stmt.where(text_search.like(Organisation.search_text, word))
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


def _by_text_alone(session, query: OrganisationQuery) -> list[str]:  # type: ignore[no-untyped-def]
    """The search's words when only they narrow the list and the text index can answer."""
    words = sort_key(query.text).split()
    if words and not query.with_(text="").filtered and text_search.has_text_index(session):
        return words
    return []


def _count(session, query: OrganisationQuery, limit: int | None) -> int:  # type: ignore[no-untyped-def]
    words = _by_text_alone(session, query)
    if words:
        return text_search.count_in_index(session, words, query.archived, limit)
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
    built = {  # only the one asked for is built: the enums' orders translate every label
        "name": lambda: None,
        "abbreviation": lambda: Organisation.abbreviation_key,
        "business_id": lambda: binary_order(func.coalesce(Organisation.business_id, "")),
        "municipality": lambda: Organisation.municipality_key,
        "membership_status": lambda: label_order(Organisation.membership_status, MembershipStatus),
        "field": lambda: label_order(Organisation.field, Field),
        "kind": lambda: label_order(Organisation.kind, OrganisationKind),
        "member_count": lambda: func.coalesce(Organisation.member_count, -1),
    }
    primary = built[query.sort if query.sort in SORT_COLUMNS else "name"]()
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
    falling = query.descending != backwards
    words = _by_text_alone(session, query) if query.sort == "name" else []
    if words:
        return _searched_by_name(session, query, words, after, limit, backwards, skip, sparse)
    keys = _sort_keys(query, sparse)
    stmt = _filtered(session, query, select(*LIST_COLUMNS, *keys), walk=not sparse)
    if stmt is None:
        return OrganisationPage(0, [])
    if after is not None:
        stmt = stmt.where(_beyond(keys, after, falling))
    stmt = stmt.order_by(*(key.desc() if falling else key.asc() for key in keys))
    if skip:
        stmt = stmt.offset(skip)
    if limit is not None:
        stmt = stmt.limit(limit)
    return _rows(session, stmt, backwards)


def _beyond(keys: list[Any], place: Position, falling: bool) -> Any:
    here = tuple_(*keys)
    there = tuple_(*(literal(value, key.type) for value, key in zip(place, keys, strict=True)))
    return here < there if falling else here > there


def _rows(session, stmt: Select, backwards: bool) -> OrganisationPage:  # type: ignore[no-untyped-def]
    found = session.execute(stmt).all()
    if backwards:
        found.reverse()
    width = len(LIST_COLUMNS)
    rows = [row_from(r[:width]) for r in found]
    return OrganisationPage(len(rows), rows, [tuple(r[width:]) for r in found])


# A search in name order first walks this many rows of the name index: when the matches are
# many and spread, the page is among them; when they are few or all in one place (every "Öjan"
# at the end) their name keys are sorted instead.
PROBE = 1000
# The texts whose walk found too few, by database and walk. Typed on, a text each of whose words
# holds a word of one of them finds fewer still there: its matches are sorted at once. Only a
# shortcut: the register changed since, the sort finds the same rows, perhaps more slowly.
_misses: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], list[list[str]]]] = weakref.WeakKeyDictionary()
MISSES = 20


def _walk_misses(session, query: OrganisationQuery, limit: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    walk = (query.archived, query.language, query.descending, limit)
    return _misses.setdefault(session.get_bind(), {}).setdefault(walk, [])


def _missed_before(misses: list[list[str]], words: list[str]) -> bool:
    return any(all(any(m in w for w in words) for m in missed) for missed in misses)


def _searched_by_name(  # type: ignore[no-untyped-def]
    session,
    query: OrganisationQuery,
    words: list[str],
    after,
    limit,
    backwards: bool,
    skip: int,
    sparse: bool,
) -> OrganisationPage:
    falling = query.descending != backwards
    first = after is None and not backwards and limit is not None
    misses = _walk_misses(session, query, limit) if first else []
    if not sparse and not skip and limit is not None and not _missed_before(misses, words):
        walked, keys = _sort_keys(query, sparse=False), _sort_keys(query, sparse=True)
        gone = Organisation.archived_at.is_not(None)
        window = select(ROWID).select_from(Organisation).where(gone if query.archived else ~gone)
        if after is not None:
            window = window.where(_beyond(walked, after, falling))
        window = (
            window.order_by(*(k.desc() if falling else k.asc() for k in walked)).limit(PROBE).correlate(None)
        )
        stmt = (
            select(*LIST_COLUMNS, *keys)
            .where(ROWID.in_(window), *(text_search.like(Organisation.search_text, w) for w in words))
            .order_by(*(k.desc() if falling else k.asc() for k in keys))
            .limit(limit)
        )
        page = _rows(session, stmt, backwards)
        if (
            len(page.rows) == limit
            or session.scalar(select(func.count()).select_from(window.subquery())) < PROBE
        ):
            return page
        if first:
            misses[:] = [*misses[1 - MISSES :], words]
    rowids = text_search.sorted_by_name(session, words, query.language, query.archived, after, falling)
    if rowids is None:
        return OrganisationPage(0, [])
    if skip:
        rowids = rowids.offset(skip)
    if limit is not None:
        rowids = rowids.limit(limit)
    return _by_rowids(session, query, rowids, falling, backwards)


def _by_rowids(
    session, query: OrganisationQuery, rowids: Any, falling: bool, backwards: bool
) -> OrganisationPage:  # type: ignore[no-untyped-def]
    keys = _sort_keys(query, sparse=True)  # expressions: sort the rows read, walk no index
    stmt = (
        select(*LIST_COLUMNS, *keys)
        .where(ROWID.in_(rowids))
        .order_by(*(k.desc() if falling else k.asc() for k in keys))
    )
    return _rows(session, stmt, backwards)


def _counted_by_name(session, query: OrganisationQuery, words: list[str], limit: int) -> OrganisationPage:  # type: ignore[no-untyped-def]
    """Long and short words: the long ones' matches tested for the short ones, sorted and counted
    in one reading of their name keys."""
    rowids = text_search.counted_by_name(
        session, words, query.language, query.archived, query.descending, limit
    )
    if rowids is None:
        return OrganisationPage(0, [])
    found = session.execute(rowids).all()
    if not found:
        return OrganisationPage(0, [])
    page = _by_rowids(session, query, [r[0] for r in found], query.descending, False)
    return replace(page, total=found[0][1])


# --- what the window and others ask ------------------------------------------------------------
def first_page(db: Database, query: OrganisationQuery, limit: int = 200) -> OrganisationPage:
    """What the list needs when the search or a filter changes: the count and the first rows.

    A search or a filter counts up to COUNT_LIMIT (`more` says there are more); the whole list
    or the archive counts all.
    """
    with db.reading() as session:
        words = _by_text_alone(session, query) if query.sort == "name" else []
        if {len(w) < 3 for w in words} == {True, False}:
            return _counted_by_name(session, query, words, limit)
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
    db: Database, query: OrganisationQuery, after: Position | None, limit: int | None, skip: int = 0
) -> OrganisationPage:
    """The rows after the place `after` (None: from the first; `limit` None: all), `skip` of them
    passed over."""
    with db.reading() as session:
        return _page(session, query, after, limit, skip=skip)


def previous_rows(
    db: Database, query: OrganisationQuery, before: Position | None, limit: int, skip: int = 0
) -> OrganisationPage:
    """The rows before the place `before` (None: the last ones), in list order."""
    with db.reading() as session:
        return _page(session, query, before, limit, backwards=True, skip=skip)


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
