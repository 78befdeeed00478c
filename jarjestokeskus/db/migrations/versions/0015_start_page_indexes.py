"""start page indexes: the member count read from an index instead of every organisation

The start page counts the live member organisations (not the home organisation) each time it is
shown. With 100,000 organisations that read every row; an index on membership status, home mark
and archiving answers the count from the index alone.

Revision ID: 0015
Revises: 0019
"""

from alembic import op

revision = "0015"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_organisation_membership", "organisation", ["membership_status", "is_home", "archived_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_organisation_membership", table_name="organisation")
