"""cooperation areas as the municipality register names them

Bodies', checklist entries', members' grants', municipal or county premises' and activities'
municipality or county, typed as free text before, stored by the register's Finnish name where the
text names one in either language ("Korsholm" becomes "Mustasaari"); other texts stay as typed.
Nothing to undo on downgrade: the names are still names.

Revision ID: 0021
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

from jarjestokeskus.db.municipality_register import name_key, read_register

revision = "0021"
down_revision = "0015"
branch_labels = None
depends_on = None

# table, the column saying whose (None: always a municipality), the name column
_COLUMNS = (
    ("body", "area_kind", "area"),
    ("checklist_entry", "area_kind", "area"),
    ("member_grant", "grantor_kind", "grantor"),
    ("member_premises", "owner_kind", "owner"),
    ("member_activity", None, "municipality"),
)


def _names() -> dict[str, dict[str, str]]:
    """kind → {folded name in either language: the Finnish name}; current municipalities win."""
    names: dict[str, dict[str, str]] = {"municipality": {}, "wellbeing_county": {}}
    rows = sorted(read_register(), key=lambda row: row["valid_until"] is None)  # current ones last: win
    for row in rows:
        for name in (row["name_fi"], row["name_sv"]):
            if name:
                names["municipality"][name_key(str(name))] = str(row["name_fi"])
        for county in (row["wellbeing_county_fi"], row["wellbeing_county_sv"]):
            if county:
                names["wellbeing_county"][name_key(str(county))] = str(row["wellbeing_county_fi"])
    return names


def upgrade() -> None:
    connection = op.get_bind()
    names = _names()
    for table_name, kind_column, name_column in _COLUMNS:
        columns = [sa.column("id", sa.Uuid()), sa.column(name_column, sa.String())]
        if kind_column:
            columns.append(sa.column(kind_column, sa.String()))
        table = sa.table(table_name, *columns)
        for row in connection.execute(sa.select(*table.c)).mappings():
            kind = row[kind_column] if kind_column else "municipality"
            stored = names.get(kind, {}).get(name_key(row[name_column]))
            if stored and stored != row[name_column]:
                connection.execute(
                    table.update().where(table.c.id == row["id"]).values({name_column: stored})
                )


def downgrade() -> None:
    pass
