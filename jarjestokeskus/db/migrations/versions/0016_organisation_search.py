"""organisation search and paging at 100,000: a text index, keys to page by, the abbreviation's sort key

The search had read every row twice per keystroke (a LIKE for the count, another for the page).
SQLite gets an FTS5 trigram index of `search_text` kept by triggers, PostgreSQL a pg_trgm GIN
index (db/search_index.py). The list pages by key instead of OFFSET: the current organisations'
name keys with their ids, and the archived ones, are indexed. Sorting by abbreviation had computed
a folded abbreviation per row: it is stored like the names' keys, filled here.

Revision ID: 0016
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

from jarjestokeskus.db import search_index
from jarjestokeskus.i18n import sort_key

revision = "0016"
down_revision = "0023"
branch_labels = None
depends_on = None

CURRENT = sa.text("archived_at IS NULL")
ARCHIVED = sa.text("archived_at IS NOT NULL")


def upgrade() -> None:
    key = sa.String(40).with_variant(sa.String(40, collation="C"), "postgresql")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("abbreviation_key", key, nullable=False, server_default=""))
    _fill_abbreviation_keys()
    op.create_index("ix_organisation_abbreviation_key", "organisation", ["abbreviation_key"])
    for language in ("fi", "sv"):
        op.create_index(
            f"ix_organisation_current_name_{language}",
            "organisation",
            [f"name_{language}_key", "id"],
            sqlite_where=CURRENT,
            postgresql_where=CURRENT,
        )
    op.create_index(
        "ix_organisation_archived",
        "organisation",
        ["archived_at"],
        sqlite_where=ARCHIVED,
        postgresql_where=ARCHIVED,
    )
    search_index.create(op.get_bind())


def _fill_abbreviation_keys() -> None:
    organisation = sa.table(
        "organisation",
        sa.column("id", sa.Uuid()),
        sa.column("abbreviation", sa.String()),
        sa.column("abbreviation_key", sa.String()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(organisation.c.id, organisation.c.abbreviation).where(organisation.c.abbreviation != "")
    ).all()
    if rows:
        bind.execute(
            organisation.update()
            .where(organisation.c.id == sa.bindparam("row_id"))
            .values(abbreviation_key=sa.bindparam("value")),
            [{"row_id": row_id, "value": sort_key(text)[:40]} for row_id, text in rows],
        )


def downgrade() -> None:
    search_index.drop(op.get_bind())
    op.drop_index("ix_organisation_archived", table_name="organisation")
    for language in ("fi", "sv"):
        op.drop_index(f"ix_organisation_current_name_{language}", table_name="organisation")
    op.drop_index("ix_organisation_abbreviation_key", table_name="organisation")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("abbreviation_key")
