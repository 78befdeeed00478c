"""“Export to calendar (.ics)…”: choose a file and write the deadlines and the year clock into it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.calendar.ical import write_calendar

EXPORT_DAYS = 365


def export_calendar(parent: QWidget, db: Database, today: date | None = None) -> Path | None:
    """The coming year's deadlines and year-clock dates in the window's language; the file written."""
    suggested = str(Path.home() / (_("year-clock") + ".ics"))
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export to calendar"), suggested, _("iCalendar files (*.ics)")
    )
    if not path:
        return None
    if not path.lower().endswith(".ics"):
        path += ".ics"
    try:
        count = write_calendar(db, current_language(), Path(path), days=EXPORT_DAYS, today=today)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _("Export to calendar"),
            _("Cannot write {path}: {reason}").format(path=path, reason=os_reason(error)),
        )
        return None
    except DatabaseProblem as problem:
        QMessageBox.warning(parent, _("Export to calendar"), problem.user_message())
        return None
    QMessageBox.information(
        parent,
        _("Export to calendar"),
        _("Calendar entries written to {path}: {count}").format(path=path, count=count),
    )
    return Path(path)
