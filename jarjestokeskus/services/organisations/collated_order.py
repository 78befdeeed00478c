"""Sorting organisation columns that have no stored sort key: enums by their translated labels."""

from __future__ import annotations

from sqlalchemy import case

from jarjestokeskus.i18n import sort_key


def label_order(column, enum_type):  # type: ignore[no-untyped-def]
    """Sort an enum column by its translated label, in collation order."""
    ordered = sorted(enum_type, key=lambda m: sort_key(m.label))
    return case({m.value: i for i, m in enumerate(ordered)}, value=column, else_=len(ordered))
