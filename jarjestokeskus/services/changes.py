"""Saved, archived and restored records announced in one place, for whoever shows them (no Qt).

A service calls `announce` after its transaction has committed; the window's views listen through
`ui/widgets/changes.py`, which carries the news onto the GUI thread.
"""

from __future__ import annotations

import functools
import threading
import uuid
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

# The areas, as the program's navigation shows them.
ORGANISATIONS = "organisations"
PROJECTS = "projects"
AGREEMENTS = "agreements"
STAFF = "staff"
YEAR_CLOCK = "year_clock"
EVENTS = "events"


class Change(NamedTuple):  # a message, not a row (a tuple: cheaper to define than a dataclass)
    database: object  # the Database the change was made in
    area: str
    record_id: uuid.UUID | None
    what: str  # "saved", "archived", "restored", "erased", …


Listener = Callable[[Change], None]
F = TypeVar("F", bound=Callable[..., Any])
_listeners: list[Listener] = []
_lock = threading.Lock()


def listen(listener: Listener) -> Callable[[], None]:
    """Call `listener` with every change from now on; returns the function that stops it."""
    with _lock:
        _listeners.append(listener)

    def stop() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return stop


def announce(database: object, area: str, record_id: uuid.UUID | None, what: str = "saved") -> None:
    """Tell the listeners (after the commit: what they read again is what was stored)."""
    with _lock:
        listeners = list(_listeners)
    change = Change(database, area, record_id, what)
    for listener in listeners:
        listener(change)


def announces(area: str, what: str = "saved") -> Callable[[F], F]:
    """A service function that announces its change once it has returned (committed).

    The record is the returned row's `id`, else the first argument after the database when it
    is an id (archive, restore, set done).
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def announcing(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            database = kwargs["db"] if "db" in kwargs else args[0]
            record_id = getattr(result, "id", None)
            if record_id is None and len(args) > 1 and isinstance(args[1], uuid.UUID):
                record_id = args[1]
            announce(database, area, record_id, what)
            return result

        return announcing  # type: ignore[return-value]

    return decorate
