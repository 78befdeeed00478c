"""The demo scenario's own rows, read straight from its file, for report tests that compute the
expected figures by hand (never through the services under test)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from jarjestokeskus.services.demo.scenario import SCENARIO_FILE


@cache
def scenario() -> dict[str, Any]:
    return json.loads(SCENARIO_FILE.read_text(encoding="utf-8"))


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def overlaps(start: date | None, end: date | None, year: int) -> bool:
    return (start is None or start <= date(year, 12, 31)) and (end is None or end >= date(year, 1, 1))


def organisation(key: str) -> dict[str, Any]:
    return next(o for o in scenario()["organisations"] if o["key"] == key)
