"""A change that touches a closed year's figures is refused unless the user has confirmed it.

Every flush looks at the records the reports of a year read (`domain.closed_years`); when a
change alters what a closed year took from one, the transaction is refused with
`ClosedYearChange` naming the years, whatever service made it. The window asks the user and runs
the same service call again inside `confirmed(years)`; the command line never confirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.models import ClosedYear
from jarjestokeskus.domain.closed_years import PARTS, touched_years
from jarjestokeskus.i18n import ngettext

_confirmed: ContextVar[frozenset[int]] = ContextVar("closed_years_confirmed", default=frozenset())


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
    with session.no_autoflush:
        return set(
            session.scalars(
                select(ClosedYear.year).where(
                    ClosedYear.reopened_at.is_(None), ClosedYear.archived_at.is_(None)
                )
            )
        )


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
