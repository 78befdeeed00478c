"""Finding organisations by text on SQLite: the FTS5 trigram index and the narrow name keys.

A word of three letters or more is looked up in the trigram index; a shorter one through the
index's terms that start with it, or tested on the rows at hand. The name keys beside the index
(db/search_index.py) let a search sort its matches in name order without reading their rows.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import (
    Boolean,
    Select,
    String,
    Uuid,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.engine import Engine

from jarjestokeskus.db import search_index
from jarjestokeskus.db.models import Organisation

ROWID = literal_column("organisation.rowid")
_SEARCH = table(search_index.TABLE, column("rowid"))
KEYS = table(
    search_index.KEYS,
    column("organisation_rowid"),
    column("id", Uuid),
    column("current", Boolean),
    column("name_fi_key", String),
    column("name_sv_key", String),
    column("search_text", String),
)
_indexed: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
# A search reads the index's pages of its words and the name keys of all their matches (at
# 100,000 organisations the keys are 16 MB, the index 17 MB). SQLite's own cache of 2 MB keeps
# none of them from one keystroke to the next: each search read ~4,000 pages from the file. A
# connection that searches keeps this much of them instead (only pages it reads take memory).
SEARCH_CACHE_KIB = 32768


def has_text_index(session) -> bool:  # type: ignore[no-untyped-def]
    """Has the database the FTS5 index (SQLite)? Asked before every search: the session's
    connection then keeps what the search reads in its cache."""
    engine = session.get_bind()
    if engine not in _indexed:
        _indexed[engine] = search_index.present(session.connection())
    if _indexed[engine]:
        _keep_in_cache(session)
    return _indexed[engine]


def _keep_in_cache(session) -> None:  # type: ignore[no-untyped-def]
    """The session's connection keeps up to SEARCH_CACHE_KIB of what it reads (set once)."""
    connection = session.connection()
    if not connection.info.get("search_cache"):
        connection.exec_driver_sql(f"PRAGMA cache_size=-{SEARCH_CACHE_KIB}")
        connection.info["search_cache"] = True


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match(session, words: list[str]) -> str | None:  # type: ignore[no-untyped-def]
    """The FTS5 query for `words`, each a substring; None when a short word is nowhere.

    A trigram index finds words of three letters or more; a shorter one is found through the
    trigrams that start with it (the indexed text is padded so every letter starts one).
    """
    parts = []
    for word in words:
        if len(word) >= 3:
            parts.append(_quoted(word))
            continue
        known = session.info.setdefault("search_terms", {})  # a search asks twice: count, page
        if word not in known:
            terms = session.execute(
                text(f"SELECT term FROM {search_index.TERMS} WHERE term >= :low AND term < :high"),
                {"low": word, "high": word + "\U0010ffff"},
            ).scalars()
            known[word] = [_quoted(t) for t in terms if t.startswith(word)]
        quoted = known[word]
        if not quoted:
            return None
        parts.append("(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


def _matching(expression: str) -> Any:
    return text(f"{search_index.TABLE} MATCH :search_match").bindparams(search_match=expression)


def matching_rowids(expression: str) -> Select:
    return select(_SEARCH.c.rowid).where(_matching(expression))


def like(column_: Any, word: str) -> Any:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column_.like(f"%{escaped}%", escape="\\")


def count_in_index(session, words: list[str], archived: bool, limit: int | None) -> int:  # type: ignore[no-untyped-def]
    """The organisations (current or archived) whose text has every word, up to `limit`."""
    long, short = [w for w in words if len(w) >= 3], [w for w in words if len(w) < 3]
    expression = match(session, long or short)
    if expression is None:
        return 0
    if long and short:  # the rows of the long words, tested for the short ones
        inner = select(KEYS.c.organisation_rowid).where(
            KEYS.c.organisation_rowid.in_(matching_rowids(expression)),
            KEYS.c.current == literal(not archived),
            *(like(KEYS.c.search_text, word) for word in short),
        )
    else:  # in the index alone: the archived organisations are few and indexed
        gone = select(ROWID).where(Organisation.archived_at.is_not(None))
        inner = matching_rowids(expression).where(
            _SEARCH.c.rowid.in_(gone) if archived else _SEARCH.c.rowid.not_in(gone)
        )
    if limit is not None:
        inner = inner.limit(limit)
    return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)


def sorted_by_name(  # type: ignore[no-untyped-def]
    session, words: list[str], language: str, archived: bool, after: tuple | None, falling: bool
) -> Select | None:
    """The matches' rowids in name order (after the place `after`), from the narrow keys."""
    found = _matches(session, words, language, archived)
    if found is None:
        return None
    stmt, keys = found
    if after is not None:
        here, there = tuple_(*keys), tuple_(*(literal(v, k.type) for v, k in zip(after, keys, strict=True)))
        stmt = stmt.where(here < there if falling else here > there)
    return stmt.order_by(*(k.desc() if falling else k.asc() for k in keys))


def counted_by_name(  # type: ignore[no-untyped-def]
    session, words: list[str], language: str, archived: bool, falling: bool, limit: int
) -> Select | None:
    """The first `limit` matches' rowids in name order, each with the count of all the matches:
    their keys read once into a temporary table (SQLite keeps a CTE read twice), counted and sorted."""
    found = _matches(session, words, language, archived)
    if found is None:
        return None
    stmt, keys = found
    matches = stmt.add_columns(*(k.label(f"key_{n}") for n, k in enumerate(keys))).cte("matches")
    counted = select(func.count()).select_from(matches).scalar_subquery()
    order = [matches.c[f"key_{n}"] for n in range(len(keys))]
    return (
        select(matches.c.organisation_rowid, counted)
        .order_by(*(k.desc() if falling else k.asc() for k in order))
        .limit(limit)
    )


def _matches(session, words: list[str], language: str, archived: bool) -> tuple[Select, list[Any]] | None:  # type: ignore[no-untyped-def]
    """The matches' rowids from the narrow keys, and the keys of their name order."""
    long, short = [w for w in words if len(w) >= 3], [w for w in words if len(w) < 3]
    expression = match(session, long or short)
    if expression is None:
        return None
    name = KEYS.c.name_sv_key if language == "sv" else KEYS.c.name_fi_key
    # Joined, not `IN (matches)`: the matches are read in rowid order and their keys found
    # beside them, without a temporary list of them first.
    stmt = (
        select(KEYS.c.organisation_rowid)
        .join_from(_SEARCH, KEYS, KEYS.c.organisation_rowid == _SEARCH.c.rowid)
        .where(_matching(expression), KEYS.c.current == literal(not archived))
    )
    for word in short if long else []:
        stmt = stmt.where(like(KEYS.c.search_text, word))
    return stmt, [name, KEYS.c.id]
