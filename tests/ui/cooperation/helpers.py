"""What the Cooperation view's tests share: the view at 1280 × 720 on the small region, typing into
an editor's fields, and a record dialog filled in while it is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from jarjestokeskus.ui.cooperation.fields import FieldForm
from jarjestokeskus.ui.cooperation.sub_records import RecordDialog

LEFT = Qt.MouseButton.LeftButton


def cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return table.model().index(row, column).data()


def column(table, index: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [cell(table, row, index) for row in range(table.model().rowCount())]


def type_in(qtbot, form: FieldForm, **texts: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the fields (an organisation is chosen from the matches, a choice by its label)."""
    for key, text in texts.items():
        widget = form.inputs[key]
        if key == "organisation_id":
            qtbot.keyClicks(widget, text)
            widget.search()
            widget.choose(0)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            widget.setCurrentIndex(widget.findText(text))
        elif isinstance(
            widget, QComboBox
        ):  # typed without the completer's popup (no keyboard grab offscreen)
            widget.setCurrentText(text)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.selectAll()
            qtbot.keyClick(widget, Qt.Key.Key_Delete)
            qtbot.keyClicks(widget, text)
        else:
            raise AssertionError(key)


def in_dialog(qtbot, parent: QWidget, action: Callable[[RecordDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Run `action` on the record dialog that the next click opens; it never stays open."""

    def run() -> None:
        dialog = next(d for d in parent.findChildren(RecordDialog) if d.isVisible())
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def save_dialog(qtbot, **texts: str) -> Callable[[RecordDialog], None]:  # type: ignore[no-untyped-def]
    def fill(dialog: RecordDialog) -> None:
        type_in(qtbot, dialog.fields, **texts)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)

    return fill
