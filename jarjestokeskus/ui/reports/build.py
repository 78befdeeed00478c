"""Building a report off the GUI thread, and where its files go: the Reports view's machinery."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QThread, Signal

from jarjestokeskus.db.engine import APP_NAME, Database
from jarjestokeskus.i18n import catalog
from jarjestokeskus.reports import catalogue
from jarjestokeskus.reports.catalogue import KINDS, ReportOptions
from jarjestokeskus.ui.widgets.background import Cancelled

# Threads still running after their view went away (a database switch); kept until they end.
_threads: list[ReportThread] = []
_quit_connected = False


def cache_folder() -> Path:
    """Where copies for the system's PDF viewer go (the user's cache folder)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "reports"


def suggested_name(kind: str, language: str, day: date) -> str:
    """“Jäsenrekisteri_fi_2026-11-23.pdf”: the title in the report's language, safe as a file name."""
    title = catalog(language).gettext(KINDS[kind].title)
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_.") or kind
    return f"{safe}_{language}_{day.isoformat()}.pdf"


class ReportThread(QThread):
    """Builds one report into memory; `built(thread, pdf bytes or None, error or None)` at the end."""

    progressed = Signal(int, int)
    built = Signal(object, object, object)

    def __init__(self, db: Database, kind: str, language: str, options: ReportOptions) -> None:
        super().__init__()
        self.db, self.kind, self.language, self.options = db, kind, language, options
        self.cancel_requested = False

    def run(self) -> None:
        out = BytesIO()
        try:
            catalogue.build_report(self.db, self.kind, self.language, out, self.options, self._progress)
        except BaseException as error:  # shown in the GUI thread
            self.built.emit(self, None, error)
            return
        self.built.emit(self, out.getvalue(), None)

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.progressed.emit(done, total)


def stop_all_builds() -> None:
    """Before the program ends: stop every build still running and wait for it."""
    for thread in _threads:
        thread.cancel_requested = True
    for thread in _threads:
        thread.wait()
    _threads.clear()


def start_build(thread: ReportThread) -> None:
    """Start `thread`; it is kept here until it ends, even if its view is deleted meanwhile."""
    global _quit_connected
    app = QCoreApplication.instance()
    if app is not None and not _quit_connected:
        app.aboutToQuit.connect(stop_all_builds)
        _quit_connected = True
    _threads[:] = [t for t in _threads if not t.isFinished()]
    _threads.append(thread)
    thread.start()
