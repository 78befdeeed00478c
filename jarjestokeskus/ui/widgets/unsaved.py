"""Unsaved edits are never lost silently: before leaving a record, save, discard or stay."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from jarjestokeskus.i18n import _


class Editor(Protocol):
    def has_unsaved_changes(self) -> bool: ...
    def save(self) -> bool: ...
    def cancel(self) -> None: ...


def confirm_leaving_edits(parent: QWidget, editor: Editor, question: str) -> bool:
    """True when the user may go on: nothing unsaved, saved now, or the edits thrown away."""
    if not editor.has_unsaved_changes():
        return True
    answer = QMessageBox.question(
        parent,
        _("Unsaved changes"),
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return editor.save()
    if answer == QMessageBox.StandardButton.Discard:
        editor.cancel()
        return True
    return False
