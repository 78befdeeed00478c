"""What the question and objective dialogs share: a list of drafts beside the chosen one's fields,
and leaving with unsaved changes (Cancel, Close or Esc) asks first."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QListWidget, QMessageBox


class DraftsDialog(QDialog):
    list: QListWidget
    drafts: list[Any]
    changed = False
    discard_question = ""  # set by each dialog, in the user's language

    def _current(self) -> Any:
        row = self.list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def may_discard(self) -> bool:
        """True when nothing is unsaved or the user agrees to lose it."""
        if not self.changed:
            return True
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.discard_question,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:  # QDialog calls it for Esc too
        if self.may_discard():
            super().reject()
