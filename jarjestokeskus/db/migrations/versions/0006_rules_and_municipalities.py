"""rules as the law is, and the municipality register

Employment schemes: each limit is dated from when it applies (the pay-subsidy regime from
1.7.2023, HE 175/2022, law 371/2023; work trial and rehabilitative work from their own dates; the
rehabilitative work of 2026 without the long-term-unemployed criterion) and names its source. The
rows 0002 dated 1.1.2025 (when the employment areas took over, not when the rules began) are
archived where nobody edited them; edited ones stay as the user left them. The same-employer
gap, the 50 % subsidy's 5 / 10 / 24 months and the 55+ subsidy's cap are data now; a period
records the unemployment before it and the decision's stated maximum.

STEA: the results report for Ay too, every year of a multi-year C grant, no annual report for B
(STEA's instructions since 2021); each rule names its source.

Municipalities: the register from resources/municipalities; organisations and premises refer to
it by code; an organisation keeps its earlier names with the date until which each was used.
Organisation texts that name a municipality (any case, Finnish or Swedish) are
mapped; the others are left for the user (services.organisations.municipalities lists them).

Revision ID: 0006
Revises: 0014
"""

import logging
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from jarjestokeskus.db import municipality_register

revision = "0006"
down_revision = "0014"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")
D = Decimal
# Rows this migration adds have fixed ids (so the downgrade finds them again).
NAMESPACE = uuid.UUID("6f1c0e0a-5d6b-4c1e-9a55-0c4f2b6d0006")

PAY_SUBSIDY_2023 = date(2023, 7, 1)
PAY_SUBSIDY_SOURCE = "HE/RP 175/2022; L/lag 371/2023"
WORK_TRIAL_SOURCE = "L/lag 916/2012, 4 luku/kap. (L/lag 380/2023 1.1.2025–)"
REHABILITATIVE_SOURCE = (
    "L/lag 189/2001 kuntouttavasta työtoiminnasta / om arbetsverksamhet i rehabiliteringssyfte"
)
REHABILITATIVE_2026_SOURCE = "HE/RP 109/2025"
OLD_SCHEME_DATE = date(2025, 1, 1)

REHABILITATIVE = dict(
    min_hours_per_day=D(4),
    max_hours_per_day=D(8),
    min_days_per_week=D(1),
    max_days_per_week=D(4),
    min_months=3,
    max_months=24,
    allowance_per_day=D("9.00"),
)
SCHEMES = [
    # scheme, variant, effective from, limits
    (
        "pay_subsidy",
        "50",
        PAY_SUBSIDY_2023,
        dict(
            subsidy_percent=D(50),
            monthly_cap=D("1260.00"),
            max_months=5,
            long_term_unemployed_months=12,
            max_months_long_term_unemployed=10,
            max_months_aged_60=24,
            same_employer_gap_years=3,
            source=PAY_SUBSIDY_SOURCE,
        ),
    ),
    (
        "pay_subsidy",
        "70",
        PAY_SUBSIDY_2023,
        dict(subsidy_percent=D(70), monthly_cap=D("1770.00"), max_months=24, source=PAY_SUBSIDY_SOURCE),
    ),
    (
        "pay_subsidy",
        "100",
        PAY_SUBSIDY_2023,
        dict(
            subsidy_percent=D(100),
            monthly_cap=D("2020.00"),
            max_months=10,
            long_term_unemployed_months=24,
            requires_long_term_unemployed=True,
            same_employer_gap_years=3,
            source=PAY_SUBSIDY_SOURCE,
        ),
    ),
    (
        "employment_subsidy_55",
        "",
        PAY_SUBSIDY_2023,
        dict(
            subsidy_percent=D(70),
            monthly_cap=D("1770.00"),
            max_months=10,
            min_hours_per_week=D(25),
            long_term_unemployed_months=12,
            requires_long_term_unemployed=True,
            source=PAY_SUBSIDY_SOURCE,
        ),
    ),
    (
        "work_trial",
        "",
        date(2017, 1, 1),
        dict(
            min_hours_per_day=D(4),
            max_hours_per_day=D(8),
            max_days_per_week=D(5),
            max_months_same_organiser=6,
            max_months_total=12,
            allowance_per_day=D("9.00"),
            source=WORK_TRIAL_SOURCE,
        ),
    ),
    (
        "rehabilitative_work",
        "",
        date(2023, 1, 1),
        dict(**REHABILITATIVE, requires_long_term_unemployed=True, source=REHABILITATIVE_SOURCE),
    ),
    # From 2026 long-term unemployment is no longer its criterion.
    ("rehabilitative_work", "", date(2026, 1, 1), dict(**REHABILITATIVE, source=REHABILITATIVE_2026_SOURCE)),
]

STEA_2021 = date(2021, 1, 1)
STEA_REPORTS_SOURCE = (
    "STEA: Avustusten käytön raportointi / Rapportering om användningen av understöd (2021–)"
)
STEA_PAYMENT_SOURCE = "STEA: Avustuksen maksaminen / Utbetalning av understöd"
MUNICIPAL_SOURCE = "Pohjanmaan kuntien avustusohjeet / Österbottniska kommuners bidragsanvisningar"
REPORTING = [
    # instrument, kind, month, day, years after, every grant year
    ("stea_ay", "results_report", 3, 31, 1, False),
    ("stea_c", "annual_grant_report", 5, 31, 1, True),
    ("stea_c", "results_report", 3, 31, 1, True),
]

SCHEME_COLUMNS = {
    "min_hours_per_day": sa.Numeric(4, 2),
    "max_hours_per_day": sa.Numeric(4, 2),
    "min_days_per_week": sa.Numeric(3, 1),
    "max_days_per_week": sa.Numeric(3, 1),
    "min_hours_per_week": sa.Numeric(5, 2),
    "min_months": sa.Integer(),
    "max_months": sa.Integer(),
    "max_months_same_organiser": sa.Integer(),
    "max_months_total": sa.Integer(),
    "subsidy_percent": sa.Numeric(5, 2),
    "monthly_cap": sa.Numeric(12, 2),
    "allowance_per_day": sa.Numeric(12, 2),
    "same_employer_gap_years": sa.Integer(),
    "long_term_unemployed_months": sa.Integer(),
    "max_months_long_term_unemployed": sa.Integer(),
    "max_months_aged_60": sa.Integer(),
    "requires_long_term_unemployed": sa.Boolean(),
    "source": sa.String(),
}


def _record_columns() -> tuple[sa.ColumnClause, ...]:
    return (
        sa.column("id", sa.Uuid()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("archived_at", sa.DateTime(timezone=True)),
    )


scheme_limit = sa.table(
    "scheme_limit",
    *_record_columns(),
    sa.column("scheme", sa.String()),
    sa.column("variant", sa.String()),
    sa.column("effective_from", sa.Date()),
    sa.column("note", sa.Text()),
    *(sa.column(name, type_) for name, type_ in SCHEME_COLUMNS.items()),
)
reporting_rule = sa.table(
    "reporting_rule",
    *_record_columns(),
    sa.column("instrument", sa.String()),
    sa.column("funder_id", sa.Uuid()),
    sa.column("kind", sa.String()),
    sa.column("due_month", sa.Integer()),
    sa.column("due_day", sa.Integer()),
    sa.column("years_after", sa.Integer()),
    sa.column("every_grant_year", sa.Boolean()),
    sa.column("effective_from", sa.Date()),
    sa.column("note", sa.Text()),
    sa.column("source", sa.String()),
)
instalment_rule = sa.table(
    "instalment_rule",
    sa.column("instrument", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("source", sa.String()),
)


def _id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))


def _schema() -> None:
    op.create_table(
        "municipality",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name_fi", sa.String(length=80), nullable=False),
        sa.Column("name_sv", sa.String(length=80), nullable=False),
        sa.Column("wellbeing_county_fi", sa.String(length=120), nullable=False),
        sa.Column("wellbeing_county_sv", sa.String(length=120), nullable=False),
        sa.Column("region_fi", sa.String(length=80), nullable=False),
        sa.Column("region_sv", sa.String(length=80), nullable=False),
        sa.Column(
            "language",
            sa.Enum("fi", "sv", "fi_sv", "other", native_enum=False, create_constraint=False, length=40),
            nullable=False,
        ),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality")),
        sa.UniqueConstraint("code", name=op.f("uq_municipality_code")),
    )
    op.create_table(
        "organisation_name",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("name_fi", sa.String(length=200), nullable=False),
        sa.Column("name_sv", sa.String(length=200), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_name_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_name")),
    )
    op.create_index(
        op.f("ix_organisation_name_organisation_id"), "organisation_name", ["organisation_id"], unique=False
    )
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("municipality_code", sa.String(length=3), nullable=True))
        batch.create_index(batch.f("ix_organisation_municipality_code"), ["municipality_code"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_organisation_municipality_code_municipality"),
            "municipality",
            ["municipality_code"],
            ["code"],
        )
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("premises_municipality_code", sa.String(length=3), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_agreement_premises_municipality_code_municipality"),
            "municipality",
            ["premises_municipality_code"],
            ["code"],
        )
    with op.batch_alter_table("employment") as batch:
        batch.add_column(sa.Column("unemployed_months", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("decided_max_months", sa.Integer(), nullable=True))
    with op.batch_alter_table("scheme_limit") as batch:
        for name in (
            "same_employer_gap_years",
            "long_term_unemployed_months",
            "max_months_long_term_unemployed",
            "max_months_aged_60",
        ):
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column(
                "requires_long_term_unemployed", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(sa.Column("source", sa.String(length=300), nullable=False, server_default=""))
    with op.batch_alter_table("reporting_rule") as batch:
        batch.add_column(
            sa.Column("every_grant_year", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("source", sa.String(length=300), nullable=False, server_default=""))
    with op.batch_alter_table("instalment_rule") as batch:
        batch.add_column(sa.Column("source", sa.String(length=300), nullable=False, server_default=""))
    # The defaults only filled the existing rows; the models give the value from now on.
    for table, columns in (
        ("scheme_limit", ("requires_long_term_unemployed", "source")),
        ("reporting_rule", ("every_grant_year", "source")),
        ("instalment_rule", ("source",)),
    ):
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, server_default=None)


def _scheme_rules(connection: sa.Connection, now: datetime) -> None:
    untouched = sa.and_(
        scheme_limit.c.effective_from == OLD_SCHEME_DATE,
        scheme_limit.c.version == 1,
        scheme_limit.c.archived_at.is_(None),
    )
    connection.execute(scheme_limit.update().where(untouched).values(archived_at=now))
    for scheme, variant, since, limits in SCHEMES:
        row = dict.fromkeys(SCHEME_COLUMNS)
        row.update({"requires_long_term_unemployed": False, **limits})
        connection.execute(
            scheme_limit.insert().values(
                id=_id("scheme", scheme, variant, since),
                created_at=now,
                updated_at=now,
                version=1,
                archived_at=None,
                scheme=scheme,
                variant=variant,
                effective_from=since,
                note="",
                **row,
            )
        )


def _funder_rules(connection: sa.Connection, now: datetime) -> None:
    untouched = sa.and_(reporting_rule.c.version == 1, reporting_rule.c.funder_id.is_(None))
    # STEA asks no object-level annual report of an investment grant (B).
    connection.execute(
        reporting_rule.update()
        .where(
            untouched, reporting_rule.c.instrument == "stea_b", reporting_rule.c.kind == "annual_grant_report"
        )
        .where(reporting_rule.c.archived_at.is_(None))
        .values(archived_at=now)
    )
    connection.execute(
        reporting_rule.update()
        .where(untouched, reporting_rule.c.instrument.like("stea_%"), reporting_rule.c.source == "")
        .values(source=STEA_REPORTS_SOURCE)
    )
    connection.execute(
        reporting_rule.update()
        .where(untouched, reporting_rule.c.instrument.not_like("stea_%"), reporting_rule.c.source == "")
        .values(source=MUNICIPAL_SOURCE)
    )
    connection.execute(
        instalment_rule.update()
        .where(instalment_rule.c.version == 1, instalment_rule.c.instrument.like("stea_%"))
        .values(source=STEA_PAYMENT_SOURCE)
    )
    for instrument, kind, month, day, years_after, every_year in REPORTING:
        connection.execute(
            reporting_rule.insert().values(
                id=_id("report", instrument, kind, STEA_2021),
                created_at=now,
                updated_at=now,
                version=1,
                archived_at=None,
                instrument=instrument,
                funder_id=None,
                kind=kind,
                due_month=month,
                due_day=day,
                years_after=years_after,
                every_grant_year=every_year,
                effective_from=STEA_2021,
                note="",
                source=STEA_REPORTS_SOURCE,
            )
        )


def upgrade() -> None:
    _schema()
    connection = op.get_bind()
    now = datetime.now(UTC)
    _scheme_rules(connection, now)
    _funder_rules(connection, now)
    municipality_register.load(connection)
    unmapped = municipality_register.map_texts(
        connection, "organisation", "municipality", "municipality_code"
    )
    if unmapped:
        log.info("Municipalities not found in the register, left for the user: %s", ", ".join(unmapped))


def downgrade() -> None:
    connection = op.get_bind()
    added = [_id("scheme", s, v, since) for s, v, since, _limits in SCHEMES]
    connection.execute(scheme_limit.delete().where(scheme_limit.c.id.in_(added)))
    connection.execute(
        scheme_limit.update()
        .where(scheme_limit.c.effective_from == OLD_SCHEME_DATE, scheme_limit.c.version == 1)
        .values(archived_at=None)
    )
    reports = [_id("report", i, k, STEA_2021) for i, k, *_rest in REPORTING]
    connection.execute(reporting_rule.delete().where(reporting_rule.c.id.in_(reports)))
    connection.execute(
        reporting_rule.update()
        .where(reporting_rule.c.version == 1, reporting_rule.c.instrument == "stea_b")
        .values(archived_at=None)
    )
    with op.batch_alter_table("instalment_rule") as batch:
        batch.drop_column("source")
    with op.batch_alter_table("reporting_rule") as batch:
        batch.drop_column("source")
        batch.drop_column("every_grant_year")
    with op.batch_alter_table("scheme_limit") as batch:
        for name in (
            "source",
            "requires_long_term_unemployed",
            "max_months_aged_60",
            "max_months_long_term_unemployed",
            "long_term_unemployed_months",
            "same_employer_gap_years",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("employment") as batch:
        batch.drop_column("decided_max_months")
        batch.drop_column("unemployed_months")
    with op.batch_alter_table("agreement") as batch:
        batch.drop_constraint(
            batch.f("fk_agreement_premises_municipality_code_municipality"), type_="foreignkey"
        )
        batch.drop_column("premises_municipality_code")
    with op.batch_alter_table("organisation") as batch:
        batch.drop_constraint(batch.f("fk_organisation_municipality_code_municipality"), type_="foreignkey")
        batch.drop_index(batch.f("ix_organisation_municipality_code"))
        batch.drop_column("municipality_code")
    op.drop_table("municipality")
    op.drop_index(op.f("ix_organisation_name_organisation_id"), table_name="organisation_name")
    op.drop_table("organisation_name")
