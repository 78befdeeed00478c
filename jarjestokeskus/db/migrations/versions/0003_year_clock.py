"""year clock: recurring yearly tasks, their completions per year, and the usual tasks as defaults

The defaults are data the user edits or archives in the year clock. Months as DOMAIN.md gives them
(STEA results report in March, annual grant report by the end of May, application in August–September,
proposal in December; the city's and county's grant use reported by mid-February, the county's grants
applied for 1–30 November, Vaasa's association grants in March); the rest as usual in Finland.

Revision ID: 0003
Revises: 0002
"""

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CATEGORIES = ("stea", "city", "county", "association", "other")

DEFAULTS = [
    # month, day (None: by the end of the month), category, Finnish, Swedish, notes (fi / sv)
    (
        1,
        31,
        "association",
        "Jäsenmaksujen laskutus",
        "Fakturering av medlemsavgifter",
        "Jäsenmaksut erääntyvät 31.3.\nMedlemsavgifterna förfaller 31.3.",
    ),
    (
        2,
        15,
        "city",
        "Kaupungin ja hyvinvointialueen avustusten käyttöselvitys",
        "Redovisning av användningen av stadens och välfärdsområdets bidrag",
        "Edellisen vuoden avustusten käyttö helmikuun puoliväliin mennessä.\n"
        "Föregående års bidrag redovisas senast i mitten av februari.",
    ),
    (
        2,
        None,
        "association",
        "Tilinpäätös ja toimintakertomus tilintarkastajalle",
        "Bokslut och verksamhetsberättelse till revisorn",
        "",
    ),
    (
        3,
        31,
        "stea",
        "STEA: tulosraportit",
        "STEA: resultatrapporter",
        "Tulosraportti avustuskohteittain maaliskuussa.\nResultatrapport per understödsobjekt i mars.",
    ),
    (
        3,
        None,
        "city",
        "Kaupungin yhdistysavustusten haku",
        "Ansökan om stadens föreningsbidrag",
        "Vaasa: haku maaliskuussa.\nVasa: ansökan i mars.",
    ),
    (
        4,
        None,
        "association",
        "Kevätkokous: tilinpäätös ja toimintakertomus",
        "Vårmöte: bokslut och verksamhetsberättelse",
        "Sääntöjen mukaan (tavallisesti maalis–toukokuussa).\nEnligt stadgarna (vanligen mars–maj).",
    ),
    (
        5,
        31,
        "stea",
        "STEA: vuosiselvitys edellisen vuoden avustuksista",
        "STEA: årsredovisning för föregående års understöd",
        "",
    ),
    (
        9,
        30,
        "stea",
        "STEA: avustushaku seuraavalle vuodelle",
        "STEA: ansökan om understöd för nästa år",
        "Haku elo–syyskuussa; tarkista päättymispäivä STEAn sivuilta.\n"
        "Ansökan i augusti–september; kontrollera sista dagen på STEA:s webbplats.",
    ),
    (
        9,
        30,
        "city",
        "Toimintasuunnitelma ja talousarvio kaupungille (kumppanuussopimus)",
        "Verksamhetsplan och budget till staden (partnerskapsavtal)",
        "Seuraavan vuoden suunnitelma lautakunnalle.\nNästa års plan till nämnden.",
    ),
    (
        10,
        None,
        "city",
        "Kokemustieto hyvinvointikertomukseen",
        "Erfarenhetsbaserad kunskap till välfärdsberättelsen",
        "Kaupungin ja hyvinvointialueen vuosiraportointi.\nStadens och välfärdsområdets årliga rapportering.",
    ),
    (
        11,
        30,
        "county",
        "Hyvinvointialueen avustusten haku",
        "Ansökan om välfärdsområdets bidrag",
        "Pohjanmaa: haku 1.–30.11.\nÖsterbotten: ansökan 1–30.11.",
    ),
    (
        11,
        None,
        "association",
        "Syyskokous: toimintasuunnitelma, talousarvio ja vaalit",
        "Höstmöte: verksamhetsplan, budget och val",
        "Sääntöjen mukaan (tavallisesti loka–marraskuussa).\nEnligt stadgarna (vanligen oktober–november).",
    ),
    (
        12,
        None,
        "stea",
        "STEA: avustusehdotus julkaistaan",
        "STEA: understödsförslaget publiceras",
        "Ministeriön päätös yleensä tammi–helmikuussa.\nMinisteriets beslut vanligen i januari–februari.",
    ),
]


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    task = op.create_table(
        "year_clock_task",
        sa.Column("title_fi", sa.String(length=200), nullable=False),
        sa.Column("title_sv", sa.String(length=200), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(*CATEGORIES, name="yearclockcategory", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("counts_from", sa.Date(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_clock_task")),
    )
    op.create_table(
        "year_clock_completion",
        sa.Column("task_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["task_id"], ["year_clock_task.id"], name=op.f("fk_year_clock_completion_task_id_year_clock_task")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_clock_completion")),
        sa.UniqueConstraint("task_id", "year", name=op.f("uq_year_clock_completion_task_id")),
    )
    with op.batch_alter_table("year_clock_completion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_year_clock_completion_task_id"), ["task_id"], unique=False)

    now = datetime.now(UTC)
    today = date.today()
    rows = [
        {
            "id": uuid.uuid4(),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "archived_at": None,
            "title_fi": fi,
            "title_sv": sv,
            "month": month,
            "day": day,
            "category": category,
            "notes": notes,
            "counts_from": today,
        }
        for month, day, category, fi, sv, notes in DEFAULTS
    ]
    op.bulk_insert(task, rows)


def downgrade() -> None:
    with op.batch_alter_table("year_clock_completion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_year_clock_completion_task_id"))
    op.drop_table("year_clock_completion")
    op.drop_table("year_clock_task")
