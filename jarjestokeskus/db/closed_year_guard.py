"""A change that touches a closed year's figures is refused unless the user has confirmed it.

Every flush looks at the records the reports of a year read (`PARTS` below); when a
change alters what a closed year took from one, the transaction is refused with
`ClosedYearChange` naming the years, whatever service made it. The window asks the user and runs
the same service call again inside `confirmed(years)`; the command line never confirms.

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

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import ngettext

_confirmed: ContextVar[frozenset[int]] = ContextVar("closed_years_confirmed", default=frozenset())


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


class ClosedYearChange(DatabaseProblem):
    """The change touches the figures of closed years (`years`, in order); nothing was saved."""

    def __init__(self, years: Iterable[int]) -> None:
        self.years = tuple(sorted(years))
        super().__init__(self.years)

    def user_message(self) -> str:
        names = ", ".join(str(y) for y in self.years)
        return ngettext(
            "{years} is closed: the reports already sent of it may differ from the figures after this change.",
            "{years} are closed: the reports already sent of them may differ from the figures after this change.",
            len(self.years),
        ).format(years=names)


@contextmanager
def confirmed(years: Iterable[int]) -> Iterator[None]:
    """Within this block, changes touching `years` are saved (the user has confirmed them)."""
    token = _confirmed.set(_confirmed.get() | frozenset(years))
    try:
        yield
    finally:
        _confirmed.reset(token)


def closed_years(session: Session) -> set[int]:
    """The years closed now (a reopened closing does not count)."""
    from jarjestokeskus.db.models import ClosedYear  # at a flush, not with every opened database

    with session.no_autoflush:
        return set(
            session.scalars(
                select(ClosedYear.year).where(
                    ClosedYear.reopened_at.is_(None), ClosedYear.archived_at.is_(None)
                )
            )
        )


def refuse_unconfirmed(session: Session, years: set[int]) -> None:
    """For a change the parts above cannot see (a notebook brought back): refuse it when it
    touches closed `years` the user has not confirmed."""
    refused = (years & closed_years(session)) - _confirmed.get()
    if refused:
        raise ClosedYearChange(refused)


def _before_and_after(obj: Any, state: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    info = inspect(obj)
    now: dict[str, Any] = {}
    before: dict[str, Any] = {}
    for attr in info.mapper.column_attrs:
        key = attr.key
        value = getattr(obj, key)
        now[key] = value
        history = info.attrs[key].history
        before[key] = (history.deleted[0] if history.deleted else None) if history.has_changes() else value
    if state == "new":
        return None, now
    if state == "deleted":
        return before, None
    return before, now


def _on_flush(session: Session, _context: Any, _instances: Any) -> None:
    changed = [
        (obj, state)
        for state, objs in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted))
        for obj in objs
        if type(obj).__name__ in PARTS and (state != "dirty" or session.is_modified(obj))
    ]
    if not changed:
        return
    closed = closed_years(session)
    if not closed:
        return
    touched: set[int] = set()
    for obj, state in changed:
        old, new = _before_and_after(obj, state)
        touched |= touched_years(type(obj).__name__, old, new, closed - touched)
    refused = touched - _confirmed.get()
    if refused:
        raise ClosedYearChange(refused)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _on_flush)
