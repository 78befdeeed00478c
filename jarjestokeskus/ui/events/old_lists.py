"""Reduce old attendance lists…: the events that ended longer ago than the settings keep lists for
lose their registrations to counts, after the user has seen how many events and persons."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.database.erased_copies import copies_failed_notice
from jarjestokeskus.services.events.reduction import reduce_to_counts, reducible
from jarjestokeskus.services.settings import load_settings
from jarjestokeskus.ui.widgets.background import run_with_progress


def reduce_old_lists(parent: QWidget, db: Database) -> bool:
    """Ask, then reduce; True when something was reduced."""
    years = load_settings().attendance_years
    title = _("Reduce old attendance lists")
    try:
        found = reducible(db, years)
        if not found.events:
            QMessageBox.information(
                parent,
                title,
                _("No event that ended before {date} has an attendance list.").format(
                    date=format_date(found.cutoff)
                ),
            )
            return False
        question = _(
            "Reduce the attendance lists of events that ended before {date} to counts? Events: {events}; "
            "persons' registrations that go for good: {persons}. The figures stay the same."
        ).format(events=found.events, date=format_date(found.cutoff), persons=found.persons)
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = run_with_progress(
            parent,
            _("Reducing the attendance lists to counts, also in the backups…"),
            lambda progress: reduce_to_counts(db, years, progress=progress),
            cancellable=False,
        )
    except DatabaseProblem as problem:
        QMessageBox.warning(parent, title, problem.user_message())
        return False
    told = _(
        "Attendance lists reduced to counts. Events: {events}; registrations removed: {persons}."
    ).format(events=done.events, persons=done.persons)
    if done.copies_failed:
        told += "\n\n" + copies_failed_notice(done.copies_failed)
    QMessageBox.information(parent, title, told)
    return True
