"""The year clock from the keyboard: Space ticks or clears the chosen task's done box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTreeWidget


def space_ticks_done(table: QTreeWidget, done_column: int) -> QShortcut:
    """Space on the list toggles the done box of the current task (the box is not the current cell)."""

    def toggle() -> None:
        item = table.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        checked = item.checkState(done_column) == Qt.CheckState.Checked
        item.setCheckState(done_column, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), table, toggle)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    return shortcut
