"""start page indexes: members by municipality and unpaid fees read without a pass over every organisation

The start page's members by municipality looked up every member organisation's row for its
municipality (70 ms at 100,000): the membership index now carries the municipality too, so the
count is read from the index alone. The unpaid fees of the year began from every member
organisation and looked for its fee (30 ms at 100,000, with no fees at all): an index on the
fee's year lets the database begin from the year's unpaid fees.

Revision ID: 0026
Revises: 0029
"""

from alembic import op

revision = "0026"
down_revision = "0029"
branch_labels = None
depends_on = None

MEMBERSHIP = ["membership_status", "is_home", "archived_at"]


def upgrade() -> None:
    op.drop_index("ix_organisation_membership", table_name="organisation")
    op.create_index(
        "ix_organisation_membership", "organisation", [*MEMBERSHIP, "municipality_code", "municipality"]
    )
    op.create_index("ix_membership_fee_year", "membership_fee", ["year", "paid_on"])


def downgrade() -> None:
    op.drop_index("ix_membership_fee_year", table_name="membership_fee")
    op.drop_index("ix_organisation_membership", table_name="organisation")
    op.create_index("ix_organisation_membership", "organisation", MEMBERSHIP)
