"""A change in the audit trail in the user's words: the kind of record, each field's label, each value
as the forms show it (6.12.2026, 75 000,00 €, an enumeration's label in the user's language).

The trail keeps plain JSON (enum values, ISO dates, decimals as text) under the column names; the
models say what each column holds, the domain's forms what it is called.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Numeric

import jarjestokeskus.db.models  # noqa: F401 - registers every model
from jarjestokeskus.db.base import Base
from jarjestokeskus.i18n import N_, _, format_date, format_datetime, format_money, format_number
from jarjestokeskus.i18n.record_kinds import ENTITIES
from jarjestokeskus.services.history.labels import COMMON_LABELS, FORM_LABELS, OWN_LABELS
from jarjestokeskus.services.person_data import ANONYMISED_NAME, ERASED

EMPTY = "–"
LANGUAGES = {"fi": N_("Finnish"), "sv": N_("Swedish"), "fi_sv": N_("Finnish and Swedish")}
# Bookkeeping of the program, not of the user: left out of the history.
_TECHNICAL = {"stored_name", "sha256", "content_type", "position"}
_COLUMNS: dict[str, dict[str, Column]] = {
    mapper.class_.__name__: {c.key: c for c in mapper.columns} for mapper in Base.registry.mappers
}


def _column(entity: str, key: str) -> Column | None:
    return _COLUMNS.get(entity, {}).get(key)


def entity_label(entity: str) -> str:
    return _(ENTITIES[entity]) if entity in ENTITIES else entity


def is_shown(entity: str, key: str) -> bool:
    """A field worth a line: not a link to another record (the record column names that), not
    the program's bookkeeping. A business ID is data, though its name ends in `_id`."""
    column = _column(entity, key)
    if column is not None:
        return not column.foreign_keys and key not in _TECHNICAL
    return not key.endswith("_id") and key not in _TECHNICAL


def field_label(entity: str, key: str) -> str:
    if (entity, key) in OWN_LABELS:
        return _(OWN_LABELS[(entity, key)])
    labels = FORM_LABELS.get(entity, {})
    if key in labels:
        return _(labels[key])
    return _(COMMON_LABELS[key]) if key in COMMON_LABELS else key


def format_value(entity: str, key: str, value: Any) -> str:
    """A recorded value as the form shows it; one that does not fit its column's kind, as it is."""
    if value is None or value == "":
        return EMPTY
    if value == ERASED:
        return _("[erased]")
    if (entity, key, value) == ("Person", "first_name", ANONYMISED_NAME):
        return _("Anonymised person")
    if key == "language" and value in LANGUAGES:
        return _(LANGUAGES[value])
    kind = getattr(_column(entity, key), "type", None)
    if isinstance(value, bool) or isinstance(kind, Boolean):
        return _("Yes") if value else _("No")
    try:
        if isinstance(kind, Enum) and kind.enum_class is not None:
            return kind.enum_class(value).label  # type: ignore[attr-defined]
        if isinstance(kind, DateTime):
            return format_datetime(datetime.fromisoformat(str(value)))
        if isinstance(kind, Date):
            return format_date(date.fromisoformat(str(value)))
        if isinstance(kind, Numeric):
            number = Decimal(str(value))
            return format_money(number) if (kind.precision, kind.scale) == (12, 2) else format_number(number)
    except (ValueError, InvalidOperation, AttributeError):
        return str(value)
    return " / ".join(str(value).splitlines())  # one line per change, also for notes
