"""Saving an import's new organisations in bulk: one insert for the records, one for their history.

A flush per organisation costs about a millisecond; 100,000 new organisations go in here in a few
seconds, with the same columns, derived keys and audit entries the form's save writes.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select

from jarjestokeskus.db.audit import creation_entries
from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.errors import ReadOnlyDatabase
from jarjestokeskus.db.models import AuditEntry, Organisation
from jarjestokeskus.db.search_index import bulk_insert
from jarjestokeskus.domain.organisation import OrganisationValues
from jarjestokeskus.services.organisations.register import derived_columns

_CHUNK = 2000  # rows per insert statement batch, and per progress step
_LOOKUP = 500  # business IDs per IN (…) lookup


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def steady() -> Iterator[None]:
    """No garbage-collector passes while an import builds its rows.

    Each pass walks every object alive, and an import keeps 100,000 rows alive: the passes would
    cost more than the work, growing with the file (worse than linear). Nothing an import makes
    is a cycle that must be freed before it ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def roomy_cache(session) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """On SQLite, 64 MiB of page cache for this connection while the inserts run (the indexes of
    100,000 new rows do not fit the default 2 MiB), then the default back."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def business_ids_taken(session, business_ids: Sequence[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether any of `business_ids` is already in the register (archived ones included)."""
    for chunk in _chunks(business_ids, _LOOKUP):
        if session.scalar(select(Organisation.id).where(Organisation.business_id.in_(chunk)).limit(1)):
            return True
    return False


def insert_organisations(
    session,  # type: ignore[no-untyped-def]
    new: Sequence[OrganisationValues],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Insert `new` organisations (no fees or roles) and their "create" audit entries."""
    if session.info.get("read_only"):
        raise ReadOnlyDatabase(session.info.get("holder", ""))
    connection = session.connection()  # Core inserts: the ORM's per-row bookkeeping is not needed
    now = utcnow()
    with bulk_insert(connection):
        _insert(session, connection, new, now, progress)


def _insert(session, connection, new, now, progress) -> None:  # type: ignore[no-untyped-def]
    done = 0
    for chunk in _chunks(new, _CHUNK):
        rows = []
        for values in chunk:
            row: dict[str, Any] = {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "is_home": False,
                "shares_business_id": False,
                **values.scalars,
            }
            row.update(derived_columns(SimpleNamespace(**row)))
            rows.append(row)
        connection.execute(insert(Organisation.__table__), rows)
        connection.execute(insert(AuditEntry.__table__), creation_entries(session, Organisation, rows))
        done += len(chunk)
        if progress is not None:
            progress(done)
