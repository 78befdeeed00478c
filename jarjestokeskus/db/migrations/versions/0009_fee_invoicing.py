"""fee invoicing: each year's terms and fee classes, fee invoices, and the bank's reference payments

The due date of the membership fee was a constant (31.3.) in the code; from now on each year's
terms are data: due date, the days given to pay a reminder, the umbrella's account, and whether
invoices carry a Finnish or an RF reference.

Revision ID: 0009
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0004"
branch_labels = None
depends_on = None

KINDS = ("association", "foundation", "parish", "municipality", "wellbeing_county", "state_agency", "company")


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    ]


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=40)


def upgrade() -> None:
    op.create_table(
        "fee_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("reminder_days", sa.Integer(), nullable=False),
        sa.Column("account_iban", sa.String(length=34), nullable=False),
        sa.Column("account_bic", sa.String(length=11), nullable=False),
        sa.Column("reference_kind", _enum("national", "rf", name="referencekind"), nullable=False),
        sa.Column("message_fi", sa.Text(), nullable=False),
        sa.Column("message_sv", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_year")),
        sa.UniqueConstraint("year", name=op.f("uq_fee_year_year")),
    )
    op.create_table(
        "fee_class",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name_fi", sa.String(length=120), nullable=False),
        sa.Column("name_sv", sa.String(length=120), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("kind", _enum(*KINDS, name="organisationkind"), nullable=True),
        sa.Column("min_members", sa.Integer(), nullable=True),
        sa.Column("max_members", sa.Integer(), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_class")),
    )
    with op.batch_alter_table("fee_class", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fee_class_year"), ["year"], unique=False)
    op.create_table(
        "fee_invoice",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("membership_fee_id", sa.Uuid(), nullable=True),
        sa.Column("fee_class_id", sa.Uuid(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("reference", sa.String(length=25), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("paid_amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("reminded_on", sa.Date(), nullable=True),
        sa.Column("reminder_due_date", sa.Date(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["fee_class_id"], ["fee_class.id"], name=op.f("fk_fee_invoice_fee_class_id_fee_class")
        ),
        sa.ForeignKeyConstraint(
            ["membership_fee_id"],
            ["membership_fee.id"],
            name=op.f("fk_fee_invoice_membership_fee_id_membership_fee"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_fee_invoice_organisation_id_organisation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_invoice")),
        sa.UniqueConstraint("number", name=op.f("uq_fee_invoice_number")),
        sa.UniqueConstraint("reference", name=op.f("uq_fee_invoice_reference")),
    )
    with op.batch_alter_table("fee_invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fee_invoice_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fee_invoice_year"), ["year"], unique=False)
    op.create_table(
        "bank_payment",
        sa.Column("entry_reference", sa.String(length=80), nullable=False),
        sa.Column("reference", sa.String(length=35), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("payer", sa.String(length=140), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column(
            "outcome",
            _enum("paid", "partial", "overpaid", "again", "unknown", name="paymentoutcome"),
            nullable=False,
        ),
        sa.Column("source_file", sa.String(length=260), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["fee_invoice.id"], name=op.f("fk_bank_payment_invoice_id_fee_invoice")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_payment")),
        sa.UniqueConstraint("entry_reference", name=op.f("uq_bank_payment_entry_reference")),
    )
    with op.batch_alter_table("bank_payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bank_payment_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bank_payment_reference"), ["reference"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bank_payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_payment_reference"))
        batch_op.drop_index(batch_op.f("ix_bank_payment_invoice_id"))
    op.drop_table("bank_payment")
    with op.batch_alter_table("fee_invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fee_invoice_year"))
        batch_op.drop_index(batch_op.f("ix_fee_invoice_organisation_id"))
    op.drop_table("fee_invoice")
    with op.batch_alter_table("fee_class", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fee_class_year"))
    op.drop_table("fee_class")
    op.drop_table("fee_year")
