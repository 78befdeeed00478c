"""events: the umbrella's forums, trainings and meetings, their registrations and feedback figures

Revision ID: 0013
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None

EVENT_KINDS = ("forum", "training", "course", "meeting", "seminar", "other")
STATUSES = ("registered", "waiting", "cancelled")


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
        "event",
        sa.Column("title_fi", sa.String(length=200), nullable=False),
        sa.Column("title_sv", sa.String(length=200), nullable=False),
        sa.Column(
            "kind", sa.Enum(*EVENT_KINDS, name="eventkind", native_enum=False, length=40), nullable=False
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("time_text", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("partners", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("goal_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["agreement_goal.id"], name=op.f("fk_event_goal_id_agreement_goal")
        ),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_event_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_starts_on"), ["starts_on"], unique=False)
    op.create_table(
        "event_registration",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("dietary", sa.String(length=200), nullable=False),
        sa.Column("accessibility", sa.String(length=200), nullable=False),
        sa.Column("consent_to_list", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*STATUSES, name="registrationstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_registration_event_id_event")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_event_registration_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_registration")),
    )
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_registration_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_registration_organisation_id"), ["organisation_id"], unique=False
        )
    op.create_table(
        "event_feedback",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("average", sa.Numeric(precision=4, scale=2), nullable=True),
        sa.Column("comments", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_event_feedback_event_id_event")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_feedback")),
    )
    with op.batch_alter_table("event_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_feedback_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_feedback_event_id"))
    op.drop_table("event_feedback")
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_registration_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_event_registration_event_id"))
    op.drop_table("event_registration")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_starts_on"))
    op.drop_table("event")
