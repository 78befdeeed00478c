"""reaching the members: saved mailing lists and the contact log of organisations

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CONTACT_KINDS = ("call", "meeting", "advisory_visit", "email", "letter", "invoice", "other")


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "mailing_list",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_list")),
    )
    op.create_table(
        "contact_entry",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column(
            "kind", sa.Enum(*CONTACT_KINDS, name="contactkind", native_enum=False, length=40), nullable=False
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done_by", sa.String(length=120), nullable=False),
        sa.Column("mailing_list_id", sa.Uuid(), nullable=True),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["fee_invoice.id"], name=op.f("fk_contact_entry_invoice_id_fee_invoice")
        ),
        sa.ForeignKeyConstraint(
            ["mailing_list_id"],
            ["mailing_list.id"],
            name=op.f("fk_contact_entry_mailing_list_id_mailing_list"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_contact_entry_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_entry")),
    )
    with op.batch_alter_table("contact_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_entry_happened_on"), ["happened_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contact_entry_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_entry_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_contact_entry_happened_on"))
    op.drop_table("contact_entry")
    op.drop_table("mailing_list")
