"""attendance reduction ledger: the events whose registrations were reduced to counts, so that a
backup restored (or one of the register's own copies) has them reduced again

The events reduced before this revision are found by their "reduce" entries in the change history.

Revision ID: 0029
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ledger = op.create_table(
        "attendance_reduction",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("reduced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_attendance_reduction")),
    )
    audit = sa.table(
        "audit_entry",
        sa.column("entity_id", sa.Uuid()),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
    )
    reduced = op.get_bind().execute(
        sa.select(audit.c.entity_id, sa.func.min(audit.c.at))
        .where(audit.c.action == "reduce", audit.c.entity == "Event")
        .group_by(audit.c.entity_id)
    )
    rows = [{"event_id": event_id, "reduced_at": at} for event_id, at in reduced if event_id is not None]
    if rows:
        op.bulk_insert(ledger, rows)


def downgrade() -> None:
    op.drop_table("attendance_reduction")
