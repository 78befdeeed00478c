"""letters: templates in Finnish and Swedish with fields from the register, and two to start from

The annual-meeting invitation and the membership confirmation are data the user edits or archives.

Revision ID: 0011
Revises: 0010
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DEFAULTS = [
    (
        "Kevätkokouskutsu / Kallelse till vårmötet",
        "Kutsu kevätkokoukseen",
        "Kallelse till vårmötet",
        "Hyvä {contact_person},\n\n{sender} kutsuu jäsenjärjestönsä {organisation} edustajan sääntömääräiseen "
        "kevätkokoukseen. Kokouksessa käsitellään tilinpäätös ja toimintakertomus vuodelta {last_year}.\n\n"
        "Kokousaika ja -paikka: \n\nTervetuloa!\n\n{sender}",
        "Bästa {contact_person},\n\n{sender} kallar en representant för medlemsorganisationen {organisation} "
        "till det stadgeenliga vårmötet. På mötet behandlas bokslutet och verksamhetsberättelsen för "
        "{last_year}.\n\nTid och plats: \n\nVälkommen!\n\n{sender}",
    ),
    (
        "Jäsenyyden vahvistus / Bekräftelse av medlemskap",
        "Jäsenyyden vahvistus",
        "Bekräftelse av medlemskap",
        "{organisation} on {sender}:n jäsenjärjestö. Jäsenmaksu vuodelle {year} on {fee}.\n\n{sender}",
        "{organisation} är medlemsorganisation i {sender}. Medlemsavgiften för {year} är {fee}.\n\n{sender}",
    ),
]


def upgrade() -> None:
    table = op.create_table(
        "letter_template",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("title_fi", sa.String(length=200), nullable=False),
        sa.Column("title_sv", sa.String(length=200), nullable=False),
        sa.Column("body_fi", sa.Text(), nullable=False),
        sa.Column("body_sv", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_template")),
    )
    now = datetime.now(UTC)
    op.bulk_insert(
        table,
        [
            {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "archived_at": None,
                "name": name,
                "title_fi": title_fi,
                "title_sv": title_sv,
                "body_fi": body_fi,
                "body_sv": body_sv,
            }
            for name, title_fi, title_sv, body_fi, body_sv in DEFAULTS
        ],
    )


def downgrade() -> None:
    op.drop_table("letter_template")
