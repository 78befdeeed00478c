"""The event's own fields on the Basic tab: titles, kind, dates, place, language, capacity."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from jarjestokeskus.domain.events import EventForm, EventKind
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.field_errors import FieldBox

TEXT_KEYS = ("title_fi", "title_sv", "starts_on", "ends_on", "time", "place", "capacity")
LANGUAGES = ("fi", "sv", "fi_sv")


class EventFields(QWidget):
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QLineEdit] = {key: QLineEdit() for key in TEXT_KEYS}
        for key, line in self.inputs.items():
            line.textEdited.connect(lambda _text, k=key: self.edited.emit(k))
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(lambda _i: self.edited.emit("kind"))
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(lambda _i: self.edited.emit("language"))
        self.partners = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        for key, box in (("partners", self.partners), ("notes", self.notes)):
            box.setTabChangesFocus(True)
            box.setFixedHeight(self.fontMetrics().height() * 4)
            box.textChanged.connect(lambda k=key: self.edited.emit(k))
        self.boxes = {key: FieldBox(line) for key, line in self.inputs.items()}
        self.labels = {key: QLabel() for key in (*TEXT_KEYS, "kind", "language", "partners", "notes")}
        layout = QFormLayout(self)
        order = (
            "title_fi",
            "title_sv",
            "kind",
            "starts_on",
            "ends_on",
            "time",
            "place",
            "language",
            "capacity",
        )
        for key in order:
            widget = self.boxes.get(key) or {"kind": self.kind, "language": self.language}[key]
            self.labels[key].setBuddy(widget.field if isinstance(widget, FieldBox) else widget)
            layout.addRow(self.labels[key], widget)
        for key, box in (("partners", self.partners), ("notes", self.notes)):
            self.labels[key].setBuddy(box)
            layout.addRow(self.labels[key], box)

    def retranslate(self) -> None:
        texts = {
            "title_fi": _("&Title in Finnish"),
            "title_sv": _("Title in S&wedish"),
            "kind": _("&Kind"),
            "starts_on": _("&Date"),
            "ends_on": _("&End date"),
            "time": _("T&ime"),
            "place": _("&Place"),
            "language": _("&Language"),
            "capacity": _("&Capacity"),
            "partners": _("Pa&rtners"),
            "notes": _("&Notes"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for key in ("starts_on", "ends_on"):
            self.inputs[key].setPlaceholderText(_("d.m.yyyy"))
        self.inputs["time"].setPlaceholderText(_("13–16"))
        kind, language = self.kind.currentData(), self.language.currentData()
        for combo, items in (
            (self.kind, [(k.label, k) for k in EventKind]),
            (
                self.language,
                [(_("Finnish"), "fi"), (_("Swedish"), "sv"), (_("Finnish and Swedish"), "fi_sv")],
            ),
        ):
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.language.setCurrentIndex(max(0, self.language.findData(language)))

    def set_form(self, form: EventForm) -> None:
        values = {
            "title_fi": form.title_fi,
            "title_sv": form.title_sv,
            "starts_on": form.starts_on,
            "ends_on": form.ends_on,
            "time": form.time,
            "place": form.place,
            "capacity": form.capacity,
        }
        for key, value in values.items():
            self.inputs[key].setText(value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(form.kind)))
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        self.partners.setPlainText(form.partners)
        self.notes.setPlainText(form.notes)

    def form(self) -> EventForm:
        return EventForm(
            self.inputs["title_fi"].text(),
            self.inputs["title_sv"].text(),
            self.kind.currentData() or EventKind.FORUM,
            self.inputs["starts_on"].text(),
            self.inputs["ends_on"].text(),
            self.inputs["time"].text(),
            self.inputs["place"].text(),
            self.language.currentData() or "fi",
            self.inputs["capacity"].text(),
            self.partners.toPlainText(),
            self.notes.toPlainText(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for line in self.inputs.values():
            line.setReadOnly(read_only)
        for widget in (self.kind, self.language):
            widget.setEnabled(not read_only)
        for box in (self.partners, self.notes):
            box.setReadOnly(read_only)

    def tab_chain(self) -> list[QWidget]:
        keys = ("title_fi", "title_sv")
        chain: list[QWidget] = [self.inputs[k] for k in keys] + [self.kind]
        chain += [self.inputs[k] for k in ("starts_on", "ends_on", "time", "place")]
        return [*chain, self.language, self.inputs["capacity"], self.partners, self.notes]
