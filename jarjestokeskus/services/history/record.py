"""The change history of a record, from the audit trail."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry, Role
from jarjestokeskus.services.rows import HistoryRow


def record_history(db: Database, record_id: uuid.UUID, limit: int = 500) -> list[HistoryRow]:
    """Every change of the record and of what belongs to it, newest first.

    For an organisation that is its fees and roles, and the persons who hold its roles (a
    name or email corrected in the organisation's form belongs to its history).
    """
    with db.reading() as session:
        persons = select(Role.person_id).where(Role.organisation_id == record_id)
        stmt = (
            select(AuditEntry)
            .where(
                or_(
                    AuditEntry.entity_id == record_id,
                    AuditEntry.owner_id == record_id,
                    (AuditEntry.entity == "Person") & AuditEntry.entity_id.in_(persons),
                )
            )
            .order_by(AuditEntry.at.desc())
            .limit(limit)
        )
        return [
            HistoryRow(e.at, e.user, e.action, e.entity, e.entity_id, dict(e.changes or {}))
            for e in session.scalars(stmt)
        ]
