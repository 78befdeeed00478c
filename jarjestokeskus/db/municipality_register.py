"""The municipality register file (resources/municipalities) read into the database, and free
text matched to it.

Used by migrations (plain SQL on a connection, so a later model change cannot break an old
migration) and by the services. A municipality is found by its Finnish or Swedish name in any
case and spacing: "Korsholm", "mustasaari" and "MUSTASAARI " are the same one.
"""

from __future__ import annotations

import functools
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the file and the names alone (a report's) need no SQLAlchemy
    import sqlalchemy as sa

REGISTER_FILE = Path(__file__).resolve().parents[2] / "resources" / "municipalities" / "municipalities.csv"
COLUMNS = (
    "code",
    "name_fi",
    "name_sv",
    "wellbeing_county_fi",
    "wellbeing_county_sv",
    "region_fi",
    "region_sv",
    "language",
    "valid_from",
    "valid_until",
)


@functools.cache
def _table() -> sa.TableClause:
    import sqlalchemy as sa

    return sa.table(
        "municipality",
        sa.column("id", sa.Uuid()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("archived_at", sa.DateTime(timezone=True)),
        *(sa.column(name, sa.Date() if name.startswith("valid_") else sa.String()) for name in COLUMNS),
    )


def name_key(text: str | None) -> str:
    """A name as compared: case and runs of spaces do not matter."""
    return " ".join((text or "").split()).casefold()


def read_register(path: Path = REGISTER_FILE) -> list[dict[str, object]]:
    """The file's rows ("#" lines are its notes: source and date)."""
    import csv  # here: the start page reads the names from the database, not this file

    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows: list[dict[str, object]] = []
    for raw in csv.DictReader(lines):
        row: dict[str, object] = {key: (raw.get(key) or "").strip() for key in COLUMNS}
        for key in ("valid_from", "valid_until"):
            row[key] = date.fromisoformat(str(row[key])) if row[key] else None
        rows.append(row)
    return rows


def load(connection: sa.Connection, path: Path = REGISTER_FILE) -> int:
    """Add the file's municipalities that are missing and bring the others up to date, by code.

    Returns how many rows were added or changed. Rows are never deleted: a merged municipality
    keeps its row (with `valid_until`), so what refers to it stays readable.
    """
    import sqlalchemy as sa

    municipality = _table()
    stored = {
        row.code: row
        for row in connection.execute(
            sa.select(*(municipality.c[name] for name in ("id", "version", *COLUMNS)))
        )
    }
    now = datetime.now(UTC)
    changed = 0
    for row in read_register(path):
        old = stored.get(str(row["code"]))
        if old is None:
            connection.execute(
                municipality.insert().values(
                    id=uuid.uuid4(), created_at=now, updated_at=now, version=1, archived_at=None, **row
                )
            )
            changed += 1
        elif any(getattr(old, key) != value for key, value in row.items()):
            connection.execute(
                municipality.update()
                .where(municipality.c.id == old.id)
                .values(updated_at=now, version=old.version + 1, **row)
            )
            changed += 1
    return changed


def codes_by_name(connection: sa.Connection) -> dict[str, str]:
    """Every Finnish and Swedish name (as `name_key`) → its municipality's code; current ones win."""
    import sqlalchemy as sa

    municipality = _table()
    found: dict[str, str] = {}
    rows = connection.execute(
        sa.select(
            municipality.c.code, municipality.c.name_fi, municipality.c.name_sv, municipality.c.valid_until
        )
    ).all()
    for row in sorted(rows, key=lambda r: r.valid_until is None):  # current ones last, so they win
        for name in (row.name_fi, row.name_sv):
            found[name_key(name)] = row.code
    return found


def map_texts(connection: sa.Connection, table: str, text_column: str, code_column: str) -> list[str]:
    """Fill `code_column` where `text_column` names a municipality; the texts it could not map."""
    import sqlalchemy as sa

    codes = codes_by_name(connection)
    target = sa.table(table, sa.column("id", sa.Uuid()), sa.column(text_column), sa.column(code_column))
    unmapped: set[str] = set()
    rows = connection.execute(
        sa.select(target.c.id, target.c[text_column]).where(target.c[code_column].is_(None))
    ).all()
    for row_id, text in rows:
        if not (text or "").strip():
            continue
        code = codes.get(name_key(text))
        if code is None:
            unmapped.add(" ".join(text.split()))
            continue
        connection.execute(target.update().where(target.c.id == row_id).values({code_column: code}))
    return sorted(unmapped, key=name_key)
