"""default rules: reporting and instalment defaults of funders, limits of employment schemes

The rules are data with an effective date (DOMAIN.md: they change by law almost every year);
users edit them in the program, and a period is judged by the rules of its own time.

Revision ID: 0002
Revises: 0001
"""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SINCE = date(2020, 1, 1)
LAW_2025 = date(2025, 1, 1)  # employment services moved to the municipal employment areas

REPORTING = [
    # instrument, kind, month, day, years after the funding year, note
    ("stea_ay", "annual_grant_report", 5, 31, 1, "STEA: annual grant report by the end of May"),
    ("stea_ak", "annual_grant_report", 5, 31, 1, "STEA: annual grant report by the end of May"),
    ("stea_ak", "results_report", 3, 31, 1, "STEA: results report in March"),
    ("stea_c", "annual_grant_report", 5, 31, 1, "STEA: annual grant report by the end of May"),
    ("stea_c", "results_report", 3, 31, 1, "STEA: results report in March"),
    ("stea_b", "annual_grant_report", 5, 31, 1, "STEA: annual grant report by the end of May"),
    ("municipal_operating", "grant_use_report", 2, 15, 1, "Use of the grant reported by mid-February"),
    ("municipal_partnership", "grant_use_report", 2, 15, 1, "Use of the grant reported by mid-February"),
    ("municipal_one_off", "grant_use_report", 2, 15, 1, "Use of the grant reported by mid-February"),
    ("wellbeing_county", "grant_use_report", 2, 15, 1, "Use of the grant reported by mid-February"),
]

INSTALMENTS = [
    ("stea_ay", "2,5,8,11", "Four equal instalments at the start of February, May, August, November"),
    ("stea_ak", "2,5,8,11", "Four equal instalments at the start of February, May, August, November"),
    ("stea_c", "", "By payment plan"),
    ("stea_b", "", "By payment request"),
]

D = Decimal
SCHEMES = [
    # scheme, variant, limits
    (
        "work_trial",
        "",
        dict(
            min_hours_per_day=D(4),
            max_hours_per_day=D(8),
            max_days_per_week=D(5),
            max_months_same_organiser=6,
            max_months_total=12,
            allowance_per_day=D("9.00"),
            note="No wage, not employment; expense allowance per day",
        ),
    ),
    (
        "rehabilitative_work",
        "",
        dict(
            min_hours_per_day=D(4),
            max_hours_per_day=D(8),
            min_days_per_week=D(1),
            max_days_per_week=D(4),
            min_months=3,
            max_months=24,
            allowance_per_day=D("9.00"),
            note="Organised by the wellbeing services county",
        ),
    ),
    (
        "pay_subsidy",
        "50",
        dict(
            subsidy_percent=D(50),
            monthly_cap=D("1260.00"),
            max_months=10,
            max_months_same_organiser=10,
            note="Usually 5 or 10 months",
        ),
    ),
    (
        "pay_subsidy",
        "70",
        dict(
            subsidy_percent=D(70),
            monthly_cap=D("1770.00"),
            max_months=24,
            note="Reduced work ability; up to 24 months",
        ),
    ),
    (
        "pay_subsidy",
        "100",
        dict(
            subsidy_percent=D(100),
            monthly_cap=D("2020.00"),
            max_months=10,
            note="Associations, foundations, religious communities: a person unemployed "
            "over 2 years; pay counted up to 65 % of full working time (cap ?)",
        ),
    ),
    (
        "employment_subsidy_55",
        "",
        dict(
            subsidy_percent=D(70),
            max_months=10,
            min_hours_per_week=D(25),
            note="People aged 55+; 70 % for 10 months, at least 25 h a week",
        ),
    ),
]


def _record() -> dict:
    now = datetime.now(UTC)
    return {"id": uuid.uuid4(), "created_at": now, "updated_at": now, "version": 1, "archived_at": None}


SCHEME_COLUMNS = (
    "min_hours_per_day",
    "max_hours_per_day",
    "min_days_per_week",
    "max_days_per_week",
    "min_hours_per_week",
    "min_months",
    "max_months",
    "max_months_same_organiser",
    "max_months_total",
    "subsidy_percent",
    "monthly_cap",
    "allowance_per_day",
)


def _table(name: str, rows: list[dict]) -> sa.Table:
    """A typed stand-in of the table for the insert (reflection would lose the UUID type)."""
    columns = {}
    for row in rows:
        for key, value in row.items():
            if value is None or key in columns:
                continue
            columns[key] = (
                sa.Uuid()
                if isinstance(value, uuid.UUID)
                else sa.DateTime(timezone=True)
                if isinstance(value, datetime)
                else sa.Date()
                if isinstance(value, date)
                else sa.Numeric(12, 2)
                if isinstance(value, Decimal)
                else sa.Integer()
                if isinstance(value, int)
                else sa.String()
            )
    for row in rows:  # a column that is empty in every row is left to its default (NULL)
        for key in [key for key in row if key not in columns]:
            del row[key]
    return sa.Table(name, sa.MetaData(), *(sa.Column(key, type_) for key, type_ in columns.items()))


def upgrade() -> None:
    reporting = [
        {
            **_record(),
            "instrument": i,
            "funder_id": None,
            "kind": k,
            "due_month": m,
            "due_day": d,
            "years_after": y,
            "effective_from": SINCE,
            "note": note,
        }
        for i, k, m, d, y, note in REPORTING
    ]
    instalments = [
        {**_record(), "instrument": i, "months": months, "day": 1, "effective_from": SINCE, "note": note}
        for i, months, note in INSTALMENTS
    ]
    schemes = []
    for scheme, variant, limits in SCHEMES:
        row = dict.fromkeys(SCHEME_COLUMNS)
        row.update(_record(), scheme=scheme, variant=variant, effective_from=LAW_2025, **limits)
        schemes.append(row)
    for name, rows in (
        ("reporting_rule", reporting),
        ("instalment_rule", instalments),
        ("scheme_limit", schemes),
    ):
        op.bulk_insert(_table(name, rows), rows)


def downgrade() -> None:
    for table in ("reporting_rule", "instalment_rule", "scheme_limit"):
        op.execute(sa.text(f"DELETE FROM {table}"))
