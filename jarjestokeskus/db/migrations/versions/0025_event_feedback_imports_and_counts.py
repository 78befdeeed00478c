"""events: feedback files imported (their fingerprints), and old attendance reduced to counts

Revision ID: 0025
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0021"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "event_feedback_import",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_feedback_import_event_id_event")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_feedback_import")),
    )
    with op.batch_alter_table("event_feedback_import") as batch:
        batch.create_index(batch.f("ix_event_feedback_import_event_id"), ["event_id"], unique=False)
    op.create_table(
        "event_attendance_count",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("registered", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_attendance_count_event_id_event")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_event_attendance_count_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_attendance_count")),
    )
    with op.batch_alter_table("event_attendance_count") as batch:
        batch.create_index(batch.f("ix_event_attendance_count_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_table("event_attendance_count")
    op.drop_table("event_feedback_import")
