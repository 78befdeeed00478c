"""shared server: sort keys compared in binary on PostgreSQL; agreement documents kept in the row

The stored sort keys put å, ä, ö after z as "{", "|", "}". SQLite compares text byte by byte, but
a PostgreSQL database compares in its locale, which skips such punctuation: the key columns get
the "C" collation there (the server rebuilds their indexes); nothing changes on SQLite.
A database server has no folder beside it for agreement documents: they get a content column,
used only on a server.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

KEYS = (("name_fi_key", 200), ("name_sv_key", 200), ("municipality_key", 80))


def _collate(collation: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column, length in KEYS:
        op.execute(
            f'ALTER TABLE organisation ALTER COLUMN {column} TYPE VARCHAR({length}) COLLATE "{collation}"'
        )


def upgrade() -> None:
    _collate("C")
    with op.batch_alter_table("agreement_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_document", schema=None) as batch_op:
        batch_op.drop_column("content")
    _collate("default")
