"""unique business ID: one organisation holds a business ID, unless another is confirmed to share it

An organisation saved with a business ID that another one in the register has is refused, unless
the user confirms it is a separate registration sharing it (`shares_business_id`). A partial unique
index keeps the rest unique. Duplicates already stored are kept: all but the oldest of each are
marked as sharing, so the index can be built and nothing is lost.

Revision ID: 0008
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

SOLE_HOLDER = "business_id IS NOT NULL AND archived_at IS NULL AND NOT shares_business_id"


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("shares_business_id", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    organisation = sa.table(
        "organisation",
        sa.column("id", sa.Uuid()),
        sa.column("business_id", sa.String()),
        sa.column("archived_at", sa.DateTime()),
        sa.column("created_at", sa.DateTime()),
        sa.column("shares_business_id", sa.Boolean()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(organisation.c.id, organisation.c.business_id)
        .where(organisation.c.business_id.is_not(None), organisation.c.archived_at.is_(None))
        .order_by(organisation.c.business_id, organisation.c.created_at, organisation.c.id)
    ).all()
    seen: set[str] = set()
    for organisation_id, business_id in rows:
        if business_id in seen:
            bind.execute(
                organisation.update()
                .where(organisation.c.id == organisation_id)
                .values(shares_business_id=True)
            )
        seen.add(business_id)
    op.create_index(
        "uq_organisation_business_id",
        "organisation",
        ["business_id"],
        unique=True,
        sqlite_where=sa.text(SOLE_HOLDER),
        postgresql_where=sa.text(SOLE_HOLDER),
    )


def downgrade() -> None:
    op.drop_index("uq_organisation_business_id", table_name="organisation")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("shares_business_id")
