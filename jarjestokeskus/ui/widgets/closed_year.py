"""A change to a closed year's figures: the user is told what it means and saves anyway or not."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from jarjestokeskus.db.closed_year_guard import ClosedYearChange, confirmed
from jarjestokeskus.i18n import _

T = TypeVar("T")
CLOSED_YEAR_BOX = "closedYearQuestion"


class NotConfirmed(Exception):
    """The user chose not to change the closed year: nothing was saved."""


def ask_closed_change(parent: QWidget, change: ClosedYearChange) -> bool:
    """The question, Cancel the default; True when the user chose "Save anyway"."""
    text = "\n\n".join(
        (
            change.user_message(),
            _(
                "The change is kept and listed among the changes since closing; the reports as sent "
                "stay as they were. Save anyway?"
            ),
        )
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning, _("Closed year"), text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(CLOSED_YEAR_BOX)
    yes = box.addButton(_("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton() is yes
    box.deleteLater()
    return chosen


def confirming(parent: QWidget, call: Callable[[], T]) -> T:
    """Run a service call; when it would change a closed year, ask, and run it again confirmed.
    Raises NotConfirmed when the user says no; other refusals go to the caller as they come."""
    try:
        return call()
    except ClosedYearChange as change:
        if not ask_closed_change(parent, change):
            raise NotConfirmed() from change
        with confirmed(change.years):
            return call()
