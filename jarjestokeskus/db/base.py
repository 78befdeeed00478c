"""Declarative base and the columns every record has."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, Numeric, String, Uuid
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


Money = Numeric(12, 2, asdecimal=True)


def enum_column(enum_type: type[enum.Enum]) -> Enum:
    """Stored as its value in a plain string column, so new members need no migration."""
    return Enum(
        enum_type,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def sort_key_type(length: int) -> String:
    """A column holding `i18n.sort_key` values: compared byte by byte, on every database.

    The keys put å, ä, ö after z as the characters after "z"; SQLite compares text in binary,
    but a PostgreSQL database compares in its locale's collation, which skips such punctuation.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class BinaryOrder(ColumnElement[str]):
    """`expression` compared in binary (code point) order: as SQLite does, `COLLATE "C"` on PostgreSQL."""

    inherit_cache = True
    _traverse_internals = [("inner", InternalTraversal.dp_clauseelement)]

    def __init__(self, inner: ColumnElement[Any]) -> None:
        self.inner = inner
        self.type = String()


@compiles(BinaryOrder)
def _binary_order(element: BinaryOrder, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.inner, **kw)


@compiles(BinaryOrder, "postgresql")
def _binary_order_postgresql(element: BinaryOrder, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.inner, **kw)}) COLLATE "C"'


def binary_order(expression: Any) -> BinaryOrder:
    from sqlalchemy.sql import coercions, roles

    return BinaryOrder(coercions.expect(roles.ExpressionElementRole, expression))


class Record:
    """UUID key, timestamps, optimistic-lock version and soft delete."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


__all__ = [
    "Base",
    "BinaryOrder",
    "Decimal",
    "Money",
    "Record",
    "binary_order",
    "enum_column",
    "sort_key_type",
    "utcnow",
]
