"""Which part of a record a year's reports rest on: a change to a record touches a closed year
when that part differs before and after it.

`year_part(entity, values, year)` is what the year's figures take from one record (None: the
record counts nothing in the year, or is archived). A record the reports of a year do not read is
not listed; a field they do not print (a note, a decision number) is left out of its part, so
that fixing a typo in it asks nothing. The parts follow the reports' definitions:
- a funding counts in its grant year and in every year of its period of use;
- an instalment in the years it is due and paid; a reporting obligation in the years it is due
  and returned;
- a follow-up entry in its own year and every later one (a goal's status on 31.12. is its latest
  entry by then);
- an employment period, a project and an agreement in the years their periods overlap, by the
  days of the year they cover (so ending a running period in a later year touches only that year);
- a project's status change in its year and every later one (the status at the end of a year).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

Values = Mapping[str, Any]


def _clip(start: date | None, end: date | None, year: int) -> tuple[date, date] | None:
    """The days of `year` within start..end (open ends open), None when there are none."""
    first = max(start or date(year, 1, 1), date(year, 1, 1))
    last = min(end or date(year, 12, 31), date(year, 12, 31))
    return (first, last) if first <= last else None


def _years(*days: date | None) -> set[int]:
    return {d.year for d in days if d is not None}


def _fields(values: Values, *names: str) -> tuple[Any, ...]:
    return tuple(values.get(name) for name in names)


def _funding(v: Values, year: int) -> tuple[Any, ...] | None:
    in_use = v.get("use_from") is not None and _clip(v.get("use_from"), v.get("use_until"), year)
    if v.get("year") != year and not in_use:
        return None
    return _fields(
        v,
        "project_id",
        "funder_id",
        "instrument",
        "year",
        "amount_applied",
        "amount_granted",
        "own_contribution",
        "use_from",
        "use_until",
        "first_grant",
        "decision_date",
    )


def _instalment(v: Values, year: int) -> tuple[Any, ...] | None:
    if year not in _years(v.get("due_date"), v.get("paid_on")):
        return None
    return _fields(v, "funding_id", "due_date", "amount", "paid_on", "paid_amount")


def _obligation(v: Values, year: int) -> tuple[Any, ...] | None:
    if year not in _years(v.get("due_date"), v.get("submitted_on")):
        return None
    return _fields(v, "funding_id", "kind", "due_date", "submitted_on")


def _monitoring(v: Values, year: int) -> tuple[Any, ...] | None:
    entry_date = v.get("entry_date")
    if entry_date is None or entry_date.year > year:
        return None
    return _fields(
        v, "goal_id", "entry_date", "status"
    )  # a note is words, not a figure (nor is erasing a name in it)


def _employment(v: Values, year: int) -> tuple[Any, ...] | None:
    days = _clip(v.get("start_date"), v.get("end_date"), year)
    if days is None:
        return None
    end = v.get("end_date")
    outcome = v.get("outcome") if end is not None and end.year == year else None
    work = _fields(
        v, "person_id", "scheme", "hours_per_week", "days_per_week", "hours_per_day", "long_term_unemployed"
    )
    return (*work, days, outcome)


def _project(v: Values, year: int) -> tuple[Any, ...] | None:
    start, end = v.get("start_date"), v.get("end_date")
    if (start is not None or end is not None) and _clip(start, end, year) is None:
        return None
    return (*_fields(v, "code", "name_fi", "name_sv", "owner_id"), _clip(start, end, year))


def _status_change(v: Values, year: int) -> tuple[Any, ...] | None:
    changed_on = v.get("changed_on")
    if changed_on is None or changed_on.year > year:
        return None
    return _fields(v, "project_id", "status", "changed_on")


def _agreement(v: Values, year: int) -> tuple[Any, ...] | None:
    days = _clip(v.get("valid_from"), v.get("valid_to"), year)
    if days is None:
        return None
    return (
        *_fields(
            v,
            "kind",
            "status",
            "parent_id",
            "yearly_value",
            "renewal_notice_date",
            "premises_free_of_charge",
            "premises_estimated_value",
            "premises_direction",
        ),
        days,
    )


PARTS: dict[str, Callable[[Values, int], tuple[Any, ...] | None]] = {
    "Funding": _funding,
    "Instalment": _instalment,
    "ReportingObligation": _obligation,
    "MonitoringEntry": _monitoring,
    "Employment": _employment,
    "Project": _project,
    "ProjectStatusChange": _status_change,
    "Agreement": _agreement,
}


def year_part(entity: str, values: Values | None, year: int) -> tuple[Any, ...] | None:
    """What the figures of `year` take from a record of `entity` with `values` (None: nothing;
    `values` None: the record is not there, or archived)."""
    if values is None or values.get("archived_at") is not None:
        return None
    return PARTS[entity](values, year)


def touched_years(entity: str, old: Values | None, new: Values | None, years: set[int]) -> set[int]:
    """Those of `years` whose figures a change of a record from `old` to `new` touches."""
    return {y for y in years if year_part(entity, old, y) != year_part(entity, new, y)}
