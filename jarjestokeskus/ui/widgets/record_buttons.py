"""The row of buttons under every record editor: archive or restore, "Unsaved changes", Cancel, Save."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from jarjestokeskus.i18n import _


class RecordButtons(QWidget):
    """Buttons wired to `editor.save`, `.cancel`, `.archive` and `.restore`; `left` go first."""

    def __init__(self, editor: Any, left: Sequence[QPushButton] = ()) -> None:
        super().__init__()
        self.save = QPushButton(clicked=editor.save)
        self.cancel = QPushButton(clicked=editor.cancel)
        self.archive = QPushButton(clicked=editor.archive)
        self.restore = QPushButton(clicked=editor.restore)
        self.unsaved = QLabel()
        self.unsaved.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (*left, self.archive, self.restore):
            layout.addWidget(button)
        layout.addStretch(1)
        for widget in (self.unsaved, self.cancel, self.save):
            layout.addWidget(widget)

    def parts(self) -> tuple[QPushButton, QPushButton, QPushButton, QPushButton, QLabel]:
        """save, cancel, archive, restore and the unsaved label, for the editor's own names."""
        return self.save, self.cancel, self.archive, self.restore, self.unsaved

    def retranslate(self) -> None:
        self.save.setText(_("Save"))  # no Alt letter: Ctrl+S saves, Esc cancels
        self.cancel.setText(_("Cancel"))
        self.archive.setText(_("&Archive…"))
        self.restore.setText(_("&Restore"))
        self.unsaved.setText(_("Unsaved changes"))

    def show_state(
        self, *, read_only: bool, archived: bool, stored: bool, unsaved: bool, save: bool | None = None
    ) -> None:
        """Enable what can be done now; `save` overrides "not read-only" for the Save button."""
        self.save.setEnabled(not read_only if save is None else save)
        self.cancel.setEnabled(not read_only)
        self.archive.setVisible(not archived)
        self.archive.setEnabled(not read_only and stored)
        self.restore.setVisible(archived)
        self.restore.setEnabled(not read_only)
        self.unsaved.setVisible(not read_only and unsaved)
