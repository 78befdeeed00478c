"""A municipality chosen from the register: every item shows both official names, typing part of
either name (any case) offers the matches, and a text stored before the register is kept as it
was, with a note that it names no municipality."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QWidget

from jarjestokeskus.db.municipality_register import name_key
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.municipalities import municipality, municipality_code, register_choices


class MunicipalityBox(QComboBox):
    """`value()` is the text to store: the stored one while the municipality is unchanged, else
    the chosen municipality's name in the user's language, else what was typed (`is_unknown`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, editable=True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        # The names in one list model: one call fills all 309 (an item at a time is 309 calls, and
        # each void call from Python to Qt costs this PySide build a reference to None; a few
        # thousand of them and the program dies at exit: "none_dealloc").
        self._codes: list[str] = []
        self._names = QStringListModel(self)
        self.setModel(self._names)
        completer = QCompleter(self._names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._stored = ""
        # Shown under the box (the form places it) while the text names no municipality.
        self.note = QLabel(self, wordWrap=True)
        self.note.setVisible(False)
        self.lineEdit().editingFinished.connect(self._settle)
        self.currentTextChanged.connect(lambda _text: self._show_note())
        self.retranslate()

    def retranslate(self) -> None:
        """The register's names in the user's language's order, the text kept as it is."""
        text = self.currentText()
        choices = register_choices(current_language())
        blocked = self.blockSignals(True)
        try:
            self._codes = [code for code, _names in choices]
            self._names.setStringList([names for _code, names in choices])
            self._show(text)
        finally:
            self.blockSignals(blocked)
        self.lineEdit().setPlaceholderText(_("Type part of a municipality's Finnish or Swedish name"))
        self.note.setText(
            _("Not a municipality of the register: choose one from the list (either language's name).")
        )

    def set_text(self, text: str) -> None:
        """Show a stored text: its municipality's item, or the text itself when it names none."""
        self._stored = text
        self._show(text)

    def _show(self, text: str) -> None:
        index = self._index_of(municipality_code(text))
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(text)
        self._show_note()

    def _settle(self) -> None:
        """A typed name of a municipality becomes its item (both names)."""
        index = self._index_of(self.code())
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)

    def _index_of(self, code: str | None) -> int:
        return self._codes.index(code) if code in self._codes else -1

    def code(self) -> str | None:
        """The municipality the text names: an item's both names, or either name in any case."""
        text = self.currentText()
        index = self.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        return self._codes[index] if index >= 0 else municipality_code(text)

    def is_unknown(self) -> bool:
        return bool(self.currentText().strip()) and self.code() is None

    def is_changed(self) -> bool:
        """Another municipality or text than the stored one."""
        code = self.code()
        if code is not None:
            return code != municipality_code(self._stored)
        return name_key(self.currentText()) != name_key(self._stored)

    def value(self) -> str:
        code = self.code()
        if code is None:
            return self.currentText()
        if code == municipality_code(self._stored):
            return self._stored
        found = municipality(code)
        return found.name(current_language()) if found else self.currentText()

    def _show_note(self) -> None:
        unknown = self.is_unknown()
        if unknown == self.note.isHidden():
            self.note.setVisible(unknown)
