"""Values as the database drivers give them in plain SQL's rows (db.plain.reader), as SQLAlchemy's
column types would give them: on SQLite ids are 32 hex digits, days and moments text, money a
float or an int; on PostgreSQL they come typed already and pass through."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def as_uuid(value: Any) -> uuid.UUID:
    """An id as the driver gives it (SQLite: 32 hex digits) as a UUID."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def as_date(value: Any) -> date | None:
    """A day as the driver gives it (SQLite: YYYY-MM-DD text) as a date; None stays None."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def as_datetime(value: Any) -> datetime | None:
    """A moment as the driver gives it (SQLite: 'YYYY-MM-DD HH:MM:SS.ffffff' text, read as
    SQLAlchemy reads it, without its zone) as a datetime; None stays None."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def as_money(value: Any) -> Decimal | None:
    """An amount as the driver gives it (SQLite: a float or an int) as SQLAlchemy's Numeric(…, 2)
    gives it: a Decimal of cents; None stays None."""
    if value is None:
        return None
    if isinstance(value, float):
        return Decimal(f"{value:.2f}")
    return Decimal(value).quantize(Decimal("0.01"))
