"""Choosing an organisation (owner, partner, funder) by typing: matches pop up as the user types."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.organisations.register import organisation_choices
from jarjestokeskus.services.rows import OrganisationRow

TYPING_DELAY_MS = 150


class OrganisationPicker(QLineEdit):
    """A line edit whose completer asks the service (one short page, fast on 100,000 rows).

    The chosen organisation is `organisation_id()`; typing anything else clears the choice.
    """

    chosen = Signal(object)  # uuid.UUID | None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._id: uuid.UUID | None = None
        self._name = ""
        self._matches: list[OrganisationRow] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(self._activated)
        self.setCompleter(self._completer)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)
        self.setClearButtonEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Type to search for an organisation"))

    def organisation_id(self) -> uuid.UUID | None:
        return self._id

    def set_choice(self, organisation_id: uuid.UUID | None, name: str = "") -> None:
        """Show a stored choice (no signal)."""
        self._id = organisation_id
        self._name = name if organisation_id else ""
        self.setText(self._name)
        self.setCursorPosition(0)

    def _typed(self, text: str) -> None:
        if self._id is not None and text != self._name:
            self._id = None
            self._name = ""
            self.chosen.emit(None)
        self._timer.start()

    def search(self) -> None:
        """Ask the service for the matches of what is typed and show them."""
        self._timer.stop()
        text = self.text().strip()
        self._matches = organisation_choices(self.db, text) if text else []
        language = current_language()
        self._model.setStringList([m.name(language) for m in self._matches])
        if self._matches and self.hasFocus():
            self._completer.complete()

    def is_unresolved(self) -> bool:
        """Text typed but no organisation chosen for it."""
        return self._id is None and bool(self.text().strip())

    def _finished(self) -> None:
        """Leaving the field with text that names exactly one organisation chooses it."""
        if not self.is_unresolved() or self.isReadOnly():
            return
        self.search()
        typed = self.text().strip().casefold()
        exact = [
            i for i, m in enumerate(self._matches) if typed in (m.name_fi.casefold(), m.name_sv.casefold())
        ]
        if len(self._matches) == 1 or len(exact) == 1:
            self.choose(exact[0] if len(exact) == 1 else 0)

    def matches(self) -> list[OrganisationRow]:
        return list(self._matches)

    def choose(self, row: int) -> None:
        """Take the `row`th match, as a click in the popup does."""
        match = self._matches[row]
        self._id = match.id
        self._name = match.name(current_language())
        self.setText(self._name)
        self.chosen.emit(self._id)

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._matches):
            self.choose(index.row())
