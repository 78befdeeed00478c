"""The event editor beside the list: its fields, its registrations and attendance, its feedback."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from jarjestokeskus.domain.events import EventForm, EventKind
from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.events.register import (
    EventRow,
    archive_event,
    get_event,
    restore_event,
    save_event,
)
from jarjestokeskus.ui.events.feedback import FeedbackPanel
from jarjestokeskus.ui.events.fields import EventFields
from jarjestokeskus.ui.events.registrations import RegistrationsPanel
from jarjestokeskus.ui.widgets.field_errors import ErrorList
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices

BASIC_TAB, REGISTRATIONS_TAB, FEEDBACK_TAB = range(3)


class EventErrors(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The event was not saved. Correct these and save again:"))


class EventEditor(RecordEditor):
    """One event: its fields are saved with Save; registrations and feedback are saved on their tabs."""

    services = RecordServices(get_event, save_event, archive_event, restore_event, EventRow.form)

    def build_body(self) -> QWidget:
        self.error_list = EventErrors()
        self.error_list.field_chosen.connect(self._focus_field)
        self.fields = EventFields(self)
        self.fields.edited.connect(self.field_edited)
        self.registrations = RegistrationsPanel(self.db, self)
        self.feedback = FeedbackPanel(self.db, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.fields, self.registrations, self.feedback):
            self.tabs.addTab(page, "")
        return self.tabs

    def top_widgets(self) -> list[QWidget]:
        return [self.error_list]

    def tab_chain(self) -> list[QWidget]:
        return [self.tabs, *self.fields.tab_chain()]

    def texts(self) -> dict[str, str]:
        return {
            "new": _("New event"),
            "archived": _("This event is archived (since {date}). Restore it to bring it back to the list."),
            "archive_title": _("Archive event"),
            "archive_question": _("Archive {name}? Its registrations stay with it, and it can be restored."),
            "restore_title": _("Restore event"),
            "leave": _("The event has changes that are not saved. Save them?"),
            "save_tip": _("Save the event (Ctrl+S)"),
            "archive_tip": _("Move the event to the archive; it can be restored"),
            "restore_tip": _("Bring the event back to the list"),
        }

    def retranslate(self) -> None:
        for index, text in enumerate((_("&Basic"), _("&Registrations"), _("F&eedback"))):
            self.tabs.setTabText(index, text)
        self.fields.retranslate()
        self.registrations.retranslate()
        self.feedback.retranslate()
        self.error_list.retranslate()
        super().retranslate()

    def record_name(self, record: EventRow) -> str:
        return record.title(current_language()) or _("Untitled event")

    def new_record(self, blank: Any = None) -> None:
        super().new_record(EventForm("", "", EventKind.FORUM, ""))
        self.tabs.setCurrentIndex(BASIC_TAB)

    def fill(self, record: EventRow | None, form: EventForm, history: list[Any]) -> None:
        self.fields.set_form(form)
        self.registrations.show_event(record)
        self.feedback.show_event(record.id if record is not None else None)

    def form(self) -> EventForm:
        return self.fields.form()

    def set_read_only(self, read_only: bool) -> None:
        self.fields.set_read_only(read_only)

    # --- a meeting notebook: a stored event's notes are one of the meeting's parts -------------
    def notes_only(self) -> bool:
        return self.db.notebook is not None and self._record is not None

    def update_state(self) -> None:
        super().update_state()
        if self._loading or not self.notes_only():
            return
        self.fields.notes.setReadOnly(False)
        unsaved = self.has_unsaved_changes(commit=False)
        self.buttons.save.setEnabled(unsaved)
        self.buttons.cancel.setEnabled(True)
        self.buttons.unsaved.setVisible(unsaved)

    def refuse_read_only(self) -> bool:
        return False if self.notes_only() else super().refuse_read_only()

    def cancel(self) -> None:
        if self.notes_only():
            self._show(self._record, self._history)
        else:
            super().cancel()

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["title_fi"].setFocus()

    def show_errors(self, errors: list[FieldError]) -> None:
        for error in errors:
            box = self.fields.boxes.get(error.field)
            if box is not None:
                box.show_error(error.message)
        self.error_list.set_items([(e.field, e.message) for e in errors])
        self.tabs.setCurrentIndex(BASIC_TAB)
        if errors:
            self._focus_field(errors[0].field)

    def clear_errors(self) -> None:
        for box in self.fields.boxes.values():
            box.clear_error()
        self.error_list.set_items([])

    def _focus_field(self, key: str) -> None:
        if key in self.fields.links:
            self.tabs.setCurrentIndex(BASIC_TAB)
            self.fields.links[key].setFocus()
            return
        box = self.fields.boxes.get(key)
        if box is not None:
            self.tabs.setCurrentIndex(BASIC_TAB)
            box.field.setFocus()
