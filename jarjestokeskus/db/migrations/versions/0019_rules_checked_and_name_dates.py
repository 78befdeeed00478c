"""rules checked against their sources; an earlier name's first day

The employment subsidy for people aged 55+ needs 24 months of unemployment (in the last 28), not
12 (law 371/2023 as the employment services describe it): the row 0006 shipped is archived where
nobody edited it, and the right one added with the same date. Rehabilitative work's limits
(3-24 months, 1-4 days a week) apply from 1.7.2015 (law 142/2015), not only from 2023: a row of
that date is added, so periods of 2015-2022 are checked too. An organisation's earlier name may
say from when it was used (`valid_from`, empty when not known).

Revision ID: 0019
Revises: 0016
"""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None

NAMESPACE = uuid.UUID("6f1c0e0a-5d6b-4c1e-9a55-0c4f2b6d0019")
PAY_SUBSIDY_2023 = date(2023, 7, 1)
REHABILITATIVE_2015 = date(2015, 7, 1)
D = Decimal

scheme_limit = sa.table(
    "scheme_limit",
    sa.column("id", sa.Uuid()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("version", sa.Integer()),
    sa.column("archived_at", sa.DateTime(timezone=True)),
    sa.column("scheme", sa.String()),
    sa.column("variant", sa.String()),
    sa.column("effective_from", sa.Date()),
    sa.column("note", sa.Text()),
    sa.column("source", sa.String()),
    sa.column("min_hours_per_day", sa.Numeric(4, 2)),
    sa.column("max_hours_per_day", sa.Numeric(4, 2)),
    sa.column("min_days_per_week", sa.Numeric(3, 1)),
    sa.column("max_days_per_week", sa.Numeric(3, 1)),
    sa.column("min_hours_per_week", sa.Numeric(5, 2)),
    sa.column("min_months", sa.Integer()),
    sa.column("max_months", sa.Integer()),
    sa.column("subsidy_percent", sa.Numeric(5, 2)),
    sa.column("monthly_cap", sa.Numeric(12, 2)),
    sa.column("allowance_per_day", sa.Numeric(12, 2)),
    sa.column("long_term_unemployed_months", sa.Integer()),
    sa.column("requires_long_term_unemployed", sa.Boolean()),
)

ADDED = [
    # scheme, effective from, limits
    (
        "employment_subsidy_55",
        PAY_SUBSIDY_2023,
        dict(
            subsidy_percent=D(70),
            monthly_cap=D("1770.00"),
            max_months=10,
            min_hours_per_week=D(25),
            long_term_unemployed_months=24,
            requires_long_term_unemployed=True,
            source="HE/RP 175/2022; L/lag 371/2023 (24/28 kk/mån.)",
        ),
    ),
    (
        "rehabilitative_work",
        REHABILITATIVE_2015,
        dict(
            min_hours_per_day=D(4),
            max_hours_per_day=D(8),
            min_days_per_week=D(1),
            max_days_per_week=D(4),
            min_months=3,
            max_months=24,
            allowance_per_day=D("9.00"),
            requires_long_term_unemployed=True,
            source="L/lag 189/2001 13 § (L/lag 142/2015)",
        ),
    ),
]


def _id(scheme: str, since: date) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{scheme}/{since}")


def _wrong_55_row() -> sa.ColumnElement[bool]:
    """0006's row of the 55+ subsidy (12 months), as shipped."""
    return sa.and_(
        scheme_limit.c.scheme == "employment_subsidy_55",
        scheme_limit.c.effective_from == PAY_SUBSIDY_2023,
        scheme_limit.c.long_term_unemployed_months == 12,
        scheme_limit.c.version == 1,
    )


def upgrade() -> None:
    with op.batch_alter_table("organisation_name") as batch:
        batch.add_column(sa.Column("valid_from", sa.Date(), nullable=True))
    connection = op.get_bind()
    now = datetime.now(UTC)
    connection.execute(
        scheme_limit.update()
        .where(_wrong_55_row(), scheme_limit.c.archived_at.is_(None))
        .values(archived_at=now)
    )
    for scheme, since, limits in ADDED:
        connection.execute(
            scheme_limit.insert().values(
                id=_id(scheme, since),
                created_at=now,
                updated_at=now,
                version=1,
                archived_at=None,
                scheme=scheme,
                variant="",
                effective_from=since,
                note="",
                **limits,
            )
        )


def downgrade() -> None:
    connection = op.get_bind()
    added = [_id(scheme, since) for scheme, since, _limits in ADDED]
    connection.execute(scheme_limit.delete().where(scheme_limit.c.id.in_(added)))
    connection.execute(scheme_limit.update().where(_wrong_55_row()).values(archived_at=None))
    with op.batch_alter_table("organisation_name") as batch:
        batch.drop_column("valid_from")
