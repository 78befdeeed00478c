"""Long work off the GUI thread, with a progress dialog that can be cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from jarjestokeskus.i18n import _

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user pressed Cancel; the work stopped before it committed anything."""


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel_requested = False

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, raised there
            self.error = exc
        self.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.progressed.emit(done, total)


class _Relay(QObject):
    """Lives in the GUI thread, so the worker's progress reaches the dialog there."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self.dialog = dialog

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[Progress], Any], *, cancellable: bool = True
) -> Any:
    """Run `work(progress)` in a thread while a progress dialog shows; re-raises its error.
    Not `cancellable`: work that cannot stop half-way (its database part is saved first) shows
    no Cancel button and runs to its end."""
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)  # type: ignore[arg-type]  # (Qt's way to have none)
    dialog.setWindowTitle(_("Working…"))
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # the window waits for the work
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    def cancel() -> None:
        worker.cancel_requested = True

    relay = _Relay(dialog)
    worker.progressed.connect(relay.progressed)
    worker.finished.connect(loop.quit)
    if cancellable:
        dialog.canceled.connect(cancel)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    if worker.error is not None:
        raise worker.error
    return worker.result
