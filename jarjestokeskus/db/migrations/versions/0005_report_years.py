"""report years: agreement party roles as coded values, the direction of free premises

A party's role was free text ("vastapuoli", "sopijaosapuoli"…). It becomes a coded role
(`role_kind`); a known word in Finnish, Swedish or English is mapped to its role and leaves no
note, any other text stays in `role` as a note beside an empty role.
Premises free of charge get a direction: received by the home organisation, or given by it to
another. Existing agreements are "received", except those whose parties are the home
organisation and member organisations only (the umbrella lending premises to its members).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
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


def downgrade() -> None:
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
