"""meeting notebooks brought back: the copy's uuid and what was merged from it

Revision ID: 0024
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notebook_merge",
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorder", sa.String(length=120), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("merged", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notebook_merge")),
    )
    op.create_index(op.f("ix_notebook_merge_copy_id"), "notebook_merge", ["copy_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_notebook_merge_copy_id"), table_name="notebook_merge")
    op.drop_table("notebook_merge")
