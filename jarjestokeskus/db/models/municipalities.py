"""The municipality register: reference data shipped in resources/municipalities, kept by code."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record, enum_column
from jarjestokeskus.domain.enums import WorkingLanguage


class Municipality(Record, Base):
    """A municipality by its official code; one that merged away keeps its row with `valid_until`.

    The wellbeing services county is empty for Helsinki (it arranges the services itself) and
    for the municipalities of Åland.
    """

    __tablename__ = "municipality"

    code: Mapped[str] = mapped_column(String(3), unique=True)
    name_fi: Mapped[str] = mapped_column(String(80))
    name_sv: Mapped[str] = mapped_column(String(80))
    wellbeing_county_fi: Mapped[str] = mapped_column(String(120), default="")
    wellbeing_county_sv: Mapped[str] = mapped_column(String(120), default="")
    region_fi: Mapped[str] = mapped_column(String(80), default="")
    region_sv: Mapped[str] = mapped_column(String(80), default="")
    language: Mapped[WorkingLanguage] = mapped_column(enum_column(WorkingLanguage))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
