"""After a restore: the restored content may be older than an erasure or a reduction of attendance
lists. Before the restore the ledgers of the database being replaced are read (with the counts of
each reduced event); after it the persons are erased again first (as opening any file does), then
the events' lists are reduced again to those counts, and the same reaches the register's copies.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from jarjestokeskus.db import erasure
from jarjestokeskus.db.engine import data_dir, open_database
from jarjestokeskus.services.database.erased_copies import erase_in_copies, own_copies
from jarjestokeskus.services.events import reduction


def reduced_in(database_path: Path) -> reduction.Reduced:
    """The reduction ledger of a database file with its counts (empty when none or unreadable)."""
    if not database_path.is_file():
        return {}
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT r.event_id, c.organisation_id, COALESCE(NULLIF(c.organisation_name, ''), o.name_fi, ''),"
                " c.language, c.registered, c.waiting, c.attended FROM attendance_reduction r"
                " LEFT JOIN event_attendance_count c ON c.event_id = r.event_id AND c.archived_at IS NULL"
                " LEFT JOIN organisation o ON o.id = c.organisation_id"  # a backup may lack it
            ).fetchall()
        finally:
            connection.close()
        reduced: dict[uuid.UUID, list[reduction.Count]] = {}
        for event_id, organisation_id, *figures in rows:
            counts = reduced.setdefault(uuid.UUID(str(event_id)), [])
            if figures[1] is not None:  # no language: all its registrations were archived, no counts
                organisation = uuid.UUID(str(organisation_id)) if organisation_id else None
                counts.append(reduction.Count(organisation, *figures))
        return {event_id: tuple(counts) for event_id, counts in reduced.items()}
    except (sqlite3.Error, ValueError, TypeError):
        return {}


def again_after_restore(database_path: Path, erased: set[uuid.UUID], reduced: reduction.Reduced) -> int:
    """Erase those persons again and reduce those events again, in the database (upgraded on
    opening) and in the copies the upgrade made beside it; returns how many events were reduced
    again. Erasure comes first: opening the file has erased its own ledger's persons already."""
    db = open_database(database_path)  # upgrades, and applies the ledgers the file knows of
    try:
        with db.transaction() as session:
            again = erasure.apply_ledger(session, erased)
            erased = erasure.ledger(session)
            register = erasure.identity(session)
            reduced_again = reduction.reduce_again(session, reduced)
            reduced = {**reduction.ledger(session), **reduced}
        erasure.remember(data_dir(), register, erased)
        if again or reduced_again:
            erasure.compact(db.engine)
    finally:
        db.close()
    copies = own_copies(database_path)
    erase_in_copies(copies, erased)
    reduction.reduce_in_copies(copies, reduced)
    return reduced_again
