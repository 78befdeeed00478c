"""A business ID another organisation has: saved only when the user confirms it is shared."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.business_id import SameBusinessId

T = TypeVar("T")


def save_confirming_business_id(parent: QWidget, save: Callable[[bool], T]) -> T:
    """`save(shares_business_id)`; when another has the ID, ask, and on yes save it as shared.

    On no, SameBusinessId (a ValidationFailed naming the field) goes to the caller.
    """
    try:
        return save(False)
    except SameBusinessId as same:
        answer = QMessageBox.question(
            parent,
            _("Same business ID"),
            _(
                "{holder} already has the business ID {business_id}. A business ID belongs to one "
                "registered organisation.\n\nIs this a separate registration that shares it (for "
                "example a section using its association's business ID)? Choose No to correct "
                "the business ID."
            ).format(holder=same.holder, business_id=same.business_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
    return save(True)
