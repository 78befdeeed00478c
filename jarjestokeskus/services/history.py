"""The change history of a record, from the audit trail."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry
from jarjestokeskus.services.rows import HistoryRow


def record_history(db: Database, record_id: uuid.UUID, limit: int = 500) -> list[HistoryRow]:
    """Every change of the record and of what belongs to it (fees, roles), newest first."""
    with db.reading() as session:
        stmt = (
            select(AuditEntry)
            .where(or_(AuditEntry.entity_id == record_id, AuditEntry.owner_id == record_id))
            .order_by(AuditEntry.at.desc())
            .limit(limit)
        )
        return [
            HistoryRow(e.at, e.user, e.action, e.entity, e.entity_id, dict(e.changes or {}))
            for e in session.scalars(stmt)
        ]
