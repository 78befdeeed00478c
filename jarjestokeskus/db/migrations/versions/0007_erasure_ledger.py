"""erasure ledger and register identity: ids only, so an older copy is erased again on opening;
one home organisation kept by the database

The identity of a register made before this revision is derived from its first audit entry, so
every older copy of one register (its backups) gets the same identity when it is upgraded.

Revision ID: 0007
Revises: 0008
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0008"
branch_labels = None
depends_on = None

_NAMESPACE = uuid.UUID("6f1c7d52-2b1e-4a8e-9d0b-6a3c1e8f2d17")


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_erasure")),
    )
    identity = op.create_table(
        "register_identity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_identity")),
    )
    first = op.get_bind().execute(sa.text("SELECT id FROM audit_entry ORDER BY at, id LIMIT 1")).scalar()
    value = uuid.uuid5(_NAMESPACE, str(first)) if first is not None else uuid.uuid4()
    op.bulk_insert(identity, [{"id": value}])
    _one_home()


def _one_home() -> None:
    """Two home organisations (made by two programs at once) become one: the oldest stays home."""
    bind = op.get_bind()
    homes = (
        bind.execute(
            sa.text(
                "SELECT id FROM organisation WHERE is_home ORDER BY archived_at IS NOT NULL, created_at, id"
            )
        )
        .scalars()
        .all()
    )
    for extra in homes[1:]:
        bind.execute(
            sa.text("UPDATE organisation SET is_home = :no WHERE id = :id"), {"no": False, "id": extra}
        )
    op.create_index(
        "uq_organisation_one_home",
        "organisation",
        ["is_home"],
        unique=True,
        sqlite_where=sa.text("is_home = 1"),
        postgresql_where=sa.text("is_home"),
    )


def downgrade() -> None:
    op.drop_index("uq_organisation_one_home", table_name="organisation")
    op.drop_table("register_identity")
    op.drop_table("erasure")
