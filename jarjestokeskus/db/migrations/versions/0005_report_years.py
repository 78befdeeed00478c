"""report years: agreement party roles as coded values, the direction of free premises

A party's role was free text ("vastapuoli", "sopijaosapuoli"…). It becomes a coded role
(`role_kind`); a known word in Finnish, Swedish or English is mapped to its role and leaves no
note, any other text stays in `role` as a note beside an empty role.
Premises free of charge get a direction: received by the home organisation, or given by it to
another. Existing agreements are "received", except those whose parties are the home
organisation and member organisations only (the umbrella lending premises to its members).
Closed reporting years keep the reports as sent (PDF and figures) in the database.

Revision ID: 0005
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0012"
branch_labels = None
depends_on = None

# The words as they were typed before this revision, by the coded role (kept here as they are:
# the program's own list may grow later).
ROLE_WORDS = {
    "contracting_party": (
        "sopijaosapuoli",
        "sopimusosapuoli",
        "osapuoli",
        "avtalspart",
        "part",
        "party",
        "contracting party",
    ),
    "counterparty": ("vastapuoli", "sopimuskumppani", "motpart", "counterparty"),
    "partner": ("kumppani", "yhteistyökumppani", "partner", "samarbetspartner", "samarbetspart"),
    "funder": ("rahoittaja", "finansiär", "funder"),
}
BY_WORD = {word: role for role, words in ROLE_WORDS.items() for word in words}


def upgrade() -> None:
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("premises_direction", sa.String(length=40), nullable=False, server_default="received")
        )
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role_kind", sa.String(length=40), nullable=True))
    bind = op.get_bind()
    for party_id, role in bind.execute(sa.text("SELECT id, role FROM agreement_party")).all():
        text = " ".join((role or "").split())
        kind = BY_WORD.get(text.casefold())
        if kind:
            bind.execute(
                sa.text("UPDATE agreement_party SET role_kind = :kind, role = '' WHERE id = :id"),
                {"kind": kind, "id": party_id},
            )
    given = sa.text(
        """
        UPDATE agreement SET premises_direction = 'given'
        WHERE premises_free_of_charge
          AND EXISTS (
            SELECT 1 FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
            WHERE p.agreement_id = agreement.id AND p.archived_at IS NULL AND o.is_home)
          AND EXISTS (
            SELECT 1 FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
            WHERE p.agreement_id = agreement.id AND p.archived_at IS NULL AND NOT o.is_home)
          AND NOT EXISTS (
            SELECT 1 FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
            WHERE p.agreement_id = agreement.id AND p.archived_at IS NULL AND NOT o.is_home
              AND o.membership_status <> 'member')
        """
    )
    bind.execute(given)
    _closed_years()


def _record() -> list[sa.Column]:
    """The columns every record has."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    ]


def _closed_years() -> None:
    op.create_table(
        "closed_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("closed_by", sa.String(length=120), nullable=False),
        sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopened_by", sa.String(length=120), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        *_record(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_year")),
    )
    op.create_index(op.f("ix_closed_year_year"), "closed_year", ["year"], unique=False)
    op.create_table(
        "closed_report",
        sa.Column("closed_year_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("counterparty_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        *_record(),
        sa.ForeignKeyConstraint(
            ["closed_year_id"], ["closed_year.id"], name=op.f("fk_closed_report_closed_year_id_closed_year")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_report")),
    )
    op.create_index(
        op.f("ix_closed_report_closed_year_id"), "closed_report", ["closed_year_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_closed_report_closed_year_id"), table_name="closed_report")
    op.drop_table("closed_report")
    op.drop_index(op.f("ix_closed_year_year"), table_name="closed_year")
    op.drop_table("closed_year")
    bind = op.get_bind()
    labels = {"contracting_party": "sopijaosapuoli", "counterparty": "vastapuoli", "partner": "kumppani"}
    labels["funder"] = "rahoittaja"
    for kind, word in labels.items():
        bind.execute(
            sa.text("UPDATE agreement_party SET role = :word WHERE role_kind = :kind AND role = ''"),
            {"word": word, "kind": kind},
        )
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.drop_column("role_kind")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_column("premises_direction")
