"""The event's own fields on the Basic tab: titles, kind, dates, place, language, capacity."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from jarjestokeskus.domain.events import EventForm, EventKind
from jarjestokeskus.i18n import _
from jarjestokeskus.services.events.links import LinkChoices
from jarjestokeskus.ui.widgets.field_errors import FieldBox

TEXT_KEYS = ("title_fi", "title_sv", "starts_on", "ends_on", "time", "place", "capacity")
LANGUAGES = ("fi", "sv", "fi_sv")
LINKS = ("project_id", "goal_id", "body_id")


def _index_of(combo: QComboBox, value: object) -> int:
    """The item whose data equals `value` (findData compares Python objects by identity)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


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
        self.links = {key: QComboBox() for key in LINKS}
        for key, combo in self.links.items():
            combo.currentIndexChanged.connect(lambda _i, k=key: self.edited.emit(k))
        self.partners = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        for key, box in (("partners", self.partners), ("notes", self.notes)):
            box.setTabChangesFocus(True)
            box.setFixedHeight(self.fontMetrics().height() * 4)
            box.textChanged.connect(lambda k=key: self.edited.emit(k))
        self.boxes = {key: FieldBox(line) for key, line in self.inputs.items()}
        self.labels = {key: QLabel() for key in (*TEXT_KEYS, *LINKS, "kind", "language", "partners", "notes")}
        layout = QFormLayout()
        page = QVBoxLayout(self)
        page.addLayout(layout)
        page.addStretch(1)  # the rows stay together at the top, each label beside its field
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
        for key, combo in self.links.items():
            self.labels[key].setBuddy(combo)
            layout.addRow(self.labels[key], combo)
        for key, box in (("partners", self.partners), ("notes", self.notes)):
            self.labels[key].setBuddy(box)
            layout.addRow(self.labels[key], box)

    def set_choices(self, choices: LinkChoices) -> None:
        """The projects, goals and bodies to choose from (the current choice is kept)."""
        for key, pairs in (
            ("project_id", choices.projects),
            ("goal_id", choices.goals),
            ("body_id", choices.bodies),
        ):
            combo = self.links[key]
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(none)"), None)
            for record_id, text in pairs:
                combo.addItem(text, record_id)
            combo.setCurrentIndex(max(0, _index_of(combo, chosen)))
            combo.blockSignals(False)

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
            "project_id": _("Pro&ject"),
            "goal_id": _("Agreement &goal"),
            "body_id": _("&Body"),
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
        for combo in self.links.values():
            if combo.count():
                combo.setItemText(0, _("(none)"))

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
        for key, combo in self.links.items():
            linked = getattr(form, key)
            index = _index_of(combo, linked)
            if index < 0 and linked is not None:  # archived since: shown, so saving keeps the link visible
                combo.addItem(_("(archived)"), linked)
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
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
            self.links["project_id"].currentData(),
            self.links["goal_id"].currentData(),
            self.links["body_id"].currentData(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for line in self.inputs.values():
            line.setReadOnly(read_only)
        for widget in (self.kind, self.language, *self.links.values()):
            widget.setEnabled(not read_only)
        for box in (self.partners, self.notes):
            box.setReadOnly(read_only)

    def tab_chain(self) -> list[QWidget]:
        keys = ("title_fi", "title_sv")
        chain: list[QWidget] = [self.inputs[k] for k in keys] + [self.kind]
        chain += [self.inputs[k] for k in ("starts_on", "ends_on", "time", "place")]
        return [
            *chain,
            self.language,
            self.inputs["capacity"],
            *self.links.values(),
            self.partners,
            self.notes,
        ]
