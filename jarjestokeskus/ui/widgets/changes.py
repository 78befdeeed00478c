"""The services' announcements of saved, archived and restored records, on the GUI thread.

`watch_changes(widget, db, areas, refresh)` is all a view needs: `refresh` runs at once when the
view is on screen, else when it is next shown, so views behind others do not read in vain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import Change


class ChangeBridge(QObject):
    """Re-emits each announcement as a signal; a queued connection moves it to the GUI thread."""

    changed = Signal(object)  # Change

    def __init__(self) -> None:
        super().__init__()
        self.stop = changes.listen(self.changed.emit)


_bridge: ChangeBridge | None = None


def change_bridge() -> ChangeBridge:
    global _bridge
    if _bridge is None:
        _bridge = ChangeBridge()
    return _bridge


class _Watcher(QObject):
    """Lives as the view's child: it goes when the view goes, and its connection with it."""

    def __init__(
        self, widget: QWidget, db: object, areas: Iterable[str], refresh: Callable[[], None]
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.db = db
        self.areas = frozenset(areas)
        self.refresh = refresh
        self.pending = False
        # After the slot that saved has returned (a list is not rebuilt under the item being
        # changed), and once for several changes in a row.
        self.timer = QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(self._refresh_if_shown)
        change_bridge().changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, change: Change) -> None:
        if change.database is self.db and change.area in self.areas:
            self.pending = True
            self.timer.start()

    def _refresh_if_shown(self) -> None:
        if self.pending and self.widget.isVisible():
            self.pending = False
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            self.timer.start()
        return False


def watch_changes(widget: QWidget, db: object, areas: Iterable[str], refresh: Callable[[], None]) -> None:
    """Call `refresh` after a change to a record of `areas` in `db` (now, or when `widget` is shown)."""
    _Watcher(widget, db, areas, refresh)


def can_be_stale(db: object) -> bool:
    """Whether others can change the records without this window hearing of it: a database on a
    server, or one another program holds (opened read-only beside it). A local database this
    window writes hears of every change; a meeting copy never changes."""
    url = str(getattr(db, "url", ""))
    return not url.startswith("sqlite") or getattr(db, "holder", None) is not None


def read_at(db: object) -> str:
    """ " · read 17.32" after a list's count where the list can be stale, else nothing."""
    if not can_be_stale(db):
        return ""
    from datetime import datetime

    from jarjestokeskus.i18n import _

    return " · " + _("read at {time}").format(time=datetime.now().strftime("%H.%M"))
