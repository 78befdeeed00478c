"""Saved, archived and restored records announced in one place, for whoever shows them (no Qt).

A service calls `announce` after its transaction has committed; the window's views listen through
`ui/widgets/changes.py`, which carries the news onto the GUI thread.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

# The areas, as the program's navigation shows them.
ORGANISATIONS = "organisations"
PROJECTS = "projects"
AGREEMENTS = "agreements"
STAFF = "staff"
YEAR_CLOCK = "year_clock"


@dataclass(frozen=True)
class Change:
    database: object  # the Database the change was made in
    area: str
    record_id: uuid.UUID | None
    what: str  # "saved", "archived", "restored", "erased", …


Listener = Callable[[Change], None]
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
