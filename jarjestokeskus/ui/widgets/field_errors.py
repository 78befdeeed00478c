"""Showing rejected input: a red border, the message under the field, and the list at the top."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from jarjestokeskus.i18n import _

INVALID = "invalid"
ERROR_COLOUR = "#b00020"
ERROR_BACKGROUND = "#fdecea"

# Set on the editor: an input whose `invalid` property is true gets a red border.
STYLE_SHEET = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"],
QTableWidget[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR};
    border-radius: 3px;
}}
QLabel#fieldError {{ color: {ERROR_COLOUR}; }}
QFrame#errorList {{
    background: {ERROR_BACKGROUND};
    border: 1px solid {ERROR_COLOUR};
    border-radius: 4px;
}}
QFrame#errorList QLabel {{ background: transparent; border: none; }}
QLabel#archivedNotice {{
    background: #fff3c4;
    color: #5a4500;
    padding: 6px;
    border-radius: 4px;
}}
"""


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark or unmark `widget`; the style sheet draws the border from the property."""
    if bool(widget.property(INVALID)) == invalid:
        return
    widget.setProperty(INVALID, invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class FieldBox(QWidget):
    """An input with room for its error message right under it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.message = QLabel(objectName="fieldError", wordWrap=True)
        self.message.setVisible(False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.message)
        self.setFocusProxy(field)

    def show_error(self, message: str) -> None:
        set_invalid(self.field, True)
        self.message.setText(message)
        self.message.setVisible(True)

    def clear_error(self) -> None:
        set_invalid(self.field, False)
        self.message.clear()
        self.message.setVisible(False)

    def has_error(self) -> bool:
        return self.message.isVisibleTo(self)


class ErrorList(QFrame):
    """Every message of a refused save, at the top of the form; a click goes to the field."""

    field_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="errorList")
        self.title = QLabel(wordWrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.messages = QLabel(wordWrap=True)
        self.messages.setTextFormat(Qt.TextFormat.RichText)
        self.messages.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.messages.linkActivated.connect(self.field_chosen.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.messages)
        self._items: list[tuple[str, str]] = []
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("The organisation was not saved. Correct these and save again:"))

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """(key, message) pairs; the key is what a click on the message reports."""
        self._items = list(items)
        lines = [
            f'<li><a href="{html.escape(key, quote=True)}" style="color: {ERROR_COLOUR};">'
            f"{html.escape(message)}</a></li>"
            for key, message in self._items
        ]
        self.messages.setText(f"<ul style='margin: 0; -qt-list-indent: 1;'>{''.join(lines)}</ul>")
        self.setVisible(bool(self._items))

    def items(self) -> list[tuple[str, str]]:
        return list(self._items)

    def message_texts(self) -> list[str]:
        return [message for _key, message in self._items]
