"""welfare-plan objectives: a municipality's objectives per council term, linked to survey themes
and agreement goals

Revision ID: 0022
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "welfare_objective",
        sa.Column("municipality_code", sa.String(length=3), nullable=False),
        sa.Column("term_start", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_fi", sa.String(length=300), nullable=False),
        sa.Column("title_sv", sa.String(length=300), nullable=False),
        sa.Column("themes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
            name=op.f("fk_welfare_objective_municipality_code_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welfare_objective")),
    )
    op.create_index(
        op.f("ix_welfare_objective_municipality_code"),
        "welfare_objective",
        ["municipality_code"],
        unique=False,
    )
    with op.batch_alter_table("agreement_goal") as batch:
        batch.add_column(sa.Column("welfare_objective_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_agreement_goal_welfare_objective_id_welfare_objective"),
            "welfare_objective",
            ["welfare_objective_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement_goal") as batch:
        batch.drop_constraint(
            batch.f("fk_agreement_goal_welfare_objective_id_welfare_objective"), type_="foreignkey"
        )
        batch.drop_column("welfare_objective_id")
    op.drop_index(op.f("ix_welfare_objective_municipality_code"), table_name="welfare_objective")
    op.drop_table("welfare_objective")
