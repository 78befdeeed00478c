"""events: an event can be a meeting of a body (advisory board, working group)

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("body_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(batch.f("fk_event_body_id_body"), "body", ["body_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_constraint(batch.f("fk_event_body_id_body"), type_="foreignkey")
        batch.drop_column("body_id")
