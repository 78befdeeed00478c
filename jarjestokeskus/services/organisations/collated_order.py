"""Sorting organisation columns that have no stored sort key: in Finnish/Swedish order."""

from __future__ import annotations

from sqlalchemy import case, func

from jarjestokeskus.db.base import binary_order
from jarjestokeskus.i18n import sort_key


def collated(column):  # type: ignore[no-untyped-def]
    """A column without a stored key, in Finnish/Swedish order: case folded, Å Ä Ö after Z.

    SQL's lower() leaves Å, Ä and Ö alone in SQLite, and in binary order Ä comes before Å; they
    become the characters after "z" that `sort_key` uses. Other accents are not folded here.
    """
    expression = func.lower(column)
    for letter, key in (("Å", "{"), ("å", "{"), ("Ä", "|"), ("ä", "|"), ("Ö", "}"), ("ö", "}")):
        expression = func.replace(expression, letter, key)
    return binary_order(expression)  # PostgreSQL's locale order would skip "{", "|", "}"


def label_order(column, enum_type):  # type: ignore[no-untyped-def]
    """Sort an enum column by its translated label, in collation order."""
    ordered = sorted(enum_type, key=lambda m: sort_key(m.label))
    return case({m.value: i for i, m in enumerate(ordered)}, value=column, else_=len(ordered))
