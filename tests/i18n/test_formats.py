"""Dates, numbers and euros in Finnish and Swedish as babel (CLDR) writes them: the program writes
the common ones itself, without loading babel's locale data at start (issue 18), and must write
them exactly as babel does."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal

from jarjestokeskus import i18n

LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}
EDGES = [
    0,
    7,
    -7,
    999,
    1000,
    -1234,
    1234567,
    10**20 + 1,
    *map(
        Decimal,
        [
            "0",
            "-0",
            "2.0",
            "0.5",
            "-5.5",
            "1234.5678",
            "0.0125",
            "0.0135",
            "0.025",
            "0.035",
            "-0.001",
            "-0.004",
            "-0.0004",
            "0.005",
            "0.015",
            "1E+3",
            "1.5E-7",
            "-1.5E-7",
            "228000.00",
            "999.9995",
            "-999.995",
            "12345678901234567890.5",
        ],
    ),
]


def _values() -> list[int | Decimal]:
    draw = random.Random(18)
    drawn: list[int | Decimal] = [draw.randint(-(10**9), 10**9) for _ in range(300)]
    drawn += [Decimal(draw.randint(-(10**9), 10**9)).scaleb(-draw.randint(0, 6)) for _ in range(700)]
    return [*EDGES, *drawn]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_numbers_and_euros_are_written_as_babel_writes_them(language: str) -> None:
    locale = LOCALES[language]
    for value in _values():
        assert i18n.format_number(value, language) == format_decimal(value, locale=locale), value
        assert i18n.format_money(value, language) == format_currency(value, "EUR", locale=locale), value


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_other_numbers_are_left_to_babel(language: str) -> None:
    for value in (1.5, Decimal("NaN"), Decimal("Infinity")):
        assert i18n.format_number(value, language) == format_decimal(value, locale=LOCALES[language])  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_dates_are_written_as_babel_writes_them(language: str) -> None:
    days = [date(1, 1, 1), date(987, 3, 1), date(2026, 12, 31), date(9999, 12, 31)]
    days += [date(2020, 1, 1) + timedelta(days=n * 37) for n in range(120)]
    for day in days:
        assert i18n.format_date(day, language) == babel_date(day, format="d.M.yyyy", locale=LOCALES[language])
