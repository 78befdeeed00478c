"""A cooperation record's fields built from a list of specs: text, long text, check box, choice,
an organisation picked by typing, and a municipality or county chosen from the register.

The values are a plain dict (key → text, bool, enum member or organisation id), so an editor or a
dialog compares, fills and reads them without knowing the record; a refused field shows its message
under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, PremisesOwner, owner_area
from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.cooperation.areas import area_choices, area_name
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

LINE, TEXT, CHECK, CHOICE, ORGANISATION, AREA = "line", "text", "check", "choice", "organisation", "area"


@dataclass(frozen=True)
class Field:
    """One input: its key in the values, its label (marked with N_, with an Alt letter), its kind."""

    key: str
    label: str
    kind: str = LINE
    choices: type[LabelledEnum] | None = None  # CHOICE: the enum offered
    whose: str = ""  # AREA: the key of the choice saying municipality or county (else a municipality)


def area_kind_of(value: object) -> AreaKind | None:
    """The register list an area field offers for the chosen kind (None: free text)."""
    if isinstance(value, AreaKind):
        return value
    if isinstance(value, PremisesOwner):
        return owner_area(value)
    return AreaKind.MUNICIPALITY


def area_combo() -> QComboBox:
    """An editable list of the register's names; typing completes on any part of a name."""
    combo = QComboBox(editable=True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(15)
    completer = combo.completer()
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


def fill_area_combo(combo: QComboBox, kind: AreaKind | None, text: str, blank: bool = False) -> None:
    """The names of `kind` in the window's language, `text` kept as typed (no signals)."""
    combo.blockSignals(True)
    combo.clear()
    if blank:
        combo.addItem("")
    if kind is not None:
        combo.addItems(area_choices(kind, current_language()))
    combo.setCurrentText(text)
    combo.blockSignals(False)


class FieldForm(QWidget):
    edited = Signal(str)

    def __init__(self, db: Database, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {field.key: field for field in fields}
        self.inputs: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for field in fields:
            widget = self._input(db, field)
            self.inputs[field.key] = widget
            self.boxes[field.key] = FieldBox(widget)
            self.labels[field.key] = QLabel()
            self.labels[field.key].setBuddy(widget)
            layout.addRow(self.labels[field.key], self.boxes[field.key])
        for field in fields:
            if field.kind == AREA and field.whose:
                whose = self.inputs[field.whose]
                whose.currentIndexChanged.connect(lambda _i, key=field.key: self._whose_changed(key))  # type: ignore[attr-defined]
        self.retranslate()

    def _input(self, db: Database, field: Field) -> QWidget:
        key = field.key
        if field.kind == TEXT:
            text = QPlainTextEdit(tabChangesFocus=True)
            text.setFixedHeight(text.fontMetrics().height() * 4)
            text.textChanged.connect(lambda: self.edited.emit(key))
            return text
        if field.kind == CHECK:
            check = QCheckBox()
            check.toggled.connect(lambda _on: self.edited.emit(key))
            return check
        if field.kind == CHOICE:
            combo = QComboBox()
            for member in field.choices or ():
                combo.addItem(member.label, member)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit(key))
            return combo
        if field.kind == ORGANISATION:
            picker = OrganisationPicker(db)
            picker.textEdited.connect(lambda _t: self.edited.emit(key))
            picker.chosen.connect(lambda _id: self.edited.emit(key))
            return picker
        if field.kind == AREA:
            combo = area_combo()
            combo.currentTextChanged.connect(lambda _t: self.edited.emit(key))
            fill_area_combo(combo, AreaKind.MUNICIPALITY if not field.whose else None, "")
            return combo
        line = QLineEdit()
        line.textEdited.connect(lambda _t: self.edited.emit(key))
        return line

    def _choice(self, key: str) -> Any:
        """The chosen member of the enum (Qt hands a str enum's data back as a plain str)."""
        data = self.inputs[key].currentData()  # type: ignore[attr-defined]
        return self.specs[key].choices(data) if data is not None else None  # type: ignore[misc]

    def _whose(self, key: str) -> AreaKind | None:
        whose = self.specs[key].whose
        return area_kind_of(self._choice(whose) if whose else None)

    def _whose_changed(self, key: str) -> None:
        combo = self.inputs[key]
        fill_area_combo(combo, self._whose(key), combo.currentText())  # type: ignore[arg-type]

    def retranslate(self) -> None:
        for key, field in self.specs.items():
            self.labels[key].setText(_(field.label))
            widget = self.inputs[key]
            if field.kind == CHOICE:
                for index in range(widget.count()):  # type: ignore[attr-defined]
                    member = field.choices(widget.itemData(index))  # type: ignore[misc, attr-defined]
                    widget.setItemText(index, member.label)  # type: ignore[attr-defined]
            elif field.kind == ORGANISATION:
                widget.retranslate()  # type: ignore[attr-defined]
            elif field.kind == AREA:
                self._whose_changed(key)
                widget.lineEdit().setPlaceholderText(_("Choose or type a name"))  # type: ignore[attr-defined]

    # --- values --------------------------------------------------------------------------------
    def set_values(self, values: dict[str, Any], organisation_name: str = "") -> None:
        """Show `values`; an area is shown by its name in the window's language."""
        for key in (k for k, f in self.specs.items() if f.kind != AREA):  # choices first: areas follow
            self._set(key, values.get(key))
        for key in (k for k, f in self.specs.items() if f.kind == AREA):
            kind = self._whose(key)
            text = str(values.get(key) or "")
            shown = area_name(kind, text, current_language()) if kind else text
            fill_area_combo(self.inputs[key], kind, shown)  # type: ignore[arg-type]
        for key in (k for k, f in self.specs.items() if f.kind == ORGANISATION):
            organisation_id = values.get(key)
            self.inputs[key].set_choice(organisation_id, organisation_name if organisation_id else "")  # type: ignore[attr-defined]

    def _set(self, key: str, value: Any) -> None:
        widget, kind = self.inputs[key], self.specs[key].kind
        if kind == TEXT:
            widget.setPlainText(str(value or ""))  # type: ignore[attr-defined]
        elif kind == CHECK:
            widget.setChecked(bool(value))  # type: ignore[attr-defined]
        elif kind == CHOICE:
            widget.setCurrentIndex(max(0, widget.findData(value)))  # type: ignore[attr-defined]
        elif kind == LINE:
            widget.setText(str(value or ""))  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, field in self.specs.items():
            widget = self.inputs[key]
            if field.kind == TEXT:
                out[key] = widget.toPlainText()  # type: ignore[attr-defined]
            elif field.kind == CHECK:
                out[key] = widget.isChecked()  # type: ignore[attr-defined]
            elif field.kind == CHOICE:
                out[key] = self._choice(key)
            elif field.kind == ORGANISATION:
                out[key] = widget.organisation_id()  # type: ignore[attr-defined]
            elif field.kind == AREA:
                out[key] = widget.currentText()  # type: ignore[attr-defined]
            else:
                out[key] = widget.text()  # type: ignore[attr-defined]
        return out

    def unresolved(self) -> list[FieldError]:
        """An organisation typed but not chosen, or none chosen: named before the service is asked."""
        errors = []
        for key, field in self.specs.items():
            if field.kind == ORGANISATION and self.inputs[key].organisation_id() is None:  # type: ignore[attr-defined]
                label = _(field.label).replace("&", "")
                errors.append(FieldError(key, _("{field}: required").format(field=label)))
        return errors

    def set_read_only(self, read_only: bool) -> None:
        for key, field in self.specs.items():
            widget = self.inputs[key]
            if field.kind in (LINE, TEXT, ORGANISATION):
                widget.setReadOnly(read_only)  # type: ignore[attr-defined]
            else:
                widget.setEnabled(not read_only)

    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Each error under its field; returns the ones that have no field here."""
        others = []
        for error in errors:
            box = self.boxes.get(error.field)
            if box is None:
                others.append(error)
            else:
                box.show_error(error.message)
        return others

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()

    def focus(self, key: str | None = None) -> None:
        self.inputs[key or next(iter(self.inputs))].setFocus()

    def tab_chain(self) -> list[QWidget]:
        return list(self.inputs.values())
