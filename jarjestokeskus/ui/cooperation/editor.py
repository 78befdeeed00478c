"""The editor of a cooperation record (a body, a grant, premises, an activity) on the shared record
editor: its fields from specs, save, cancel, archive and restore; a body adds tabs of its own."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.ui.cooperation.fields import ORGANISATION, Field, FieldForm
from jarjestokeskus.ui.widgets.field_errors import ErrorList
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices


class CooperationErrors(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("Not saved. Correct these and save again:"))


class CooperationEditor(RecordEditor):
    """A record whose form is a dataclass of texts; `organisation_id` (when a field) goes beside it."""

    fields: Sequence[Field] = ()
    form_type: Callable[..., Any]
    services: RecordServices  # get(db, id, language), save(db, organisation_id?, form, id, version)

    def build_body(self) -> QWidget:
        self.error_list = CooperationErrors()
        self.error_list.field_chosen.connect(self._focus_field)
        self.field_form = FieldForm(self.db, self.fields, self)
        self.field_form.edited.connect(self.field_edited)
        fields = QWidget()  # the fields at the top, the room left below them
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.field_form)
        column.addStretch(1)
        pages = self.extra_tabs()
        if not pages:
            return fields
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(fields, "")
        for page in pages:
            self.tabs.addTab(page, "")
        return self.tabs

    def extra_tabs(self) -> list[QWidget]:
        """Pages after the fields (a body's representatives and meetings)."""
        return []

    def tab_texts(self) -> list[str]:
        return [_("&Basic")]

    def top_widgets(self) -> list[QWidget]:
        return [self.error_list]

    def tab_chain(self) -> list[QWidget]:
        return self.field_form.tab_chain()

    def retranslate(self) -> None:
        self.field_form.retranslate()
        self.error_list.retranslate()
        tabs = getattr(self, "tabs", None)
        if tabs is not None:
            for index, text in enumerate(self.tab_texts()):
                tabs.setTabText(index, text)
        super().retranslate()

    def _has_organisation(self) -> bool:
        return any(f.kind == ORGANISATION for f in self.fields)

    # --- the record as values ------------------------------------------------------------------
    def fetch(self, record_id: uuid.UUID) -> Any:
        return self.services.get(self.db, record_id, current_language())

    def form_of(self, record: Any) -> dict[str, Any]:
        values = asdict(record.form())
        if self._has_organisation():
            values["organisation_id"] = record.organisation_id
        return values

    def fill(self, record: Any, form: dict[str, Any], history: list[Any]) -> None:
        self.field_form.set_values(form, getattr(record, "organisation", "") if record else "")
        self.show_record(record)

    def show_record(self, record: Any) -> None:
        """The record shown (None: a new one), for the tabs beside the fields."""

    def form(self) -> dict[str, Any]:
        return self.field_form.values()

    def check(self) -> list[FieldError]:
        return self.field_form.unresolved()

    def store(self, form: dict[str, Any], record_id: uuid.UUID | None, version: int | None) -> Any:
        values = dict(form)
        typed = self.form_type(**{k: v for k, v in values.items() if k != "organisation_id"})
        if self._has_organisation():
            saved = self.services.save(self.db, values["organisation_id"], typed, record_id, version)
        else:
            saved = self.services.save(self.db, typed, record_id, version)
        return self.fetch(saved if isinstance(saved, uuid.UUID) else saved.id)

    def set_read_only(self, read_only: bool) -> None:
        self.field_form.set_read_only(read_only)

    def focus_first_field(self) -> None:
        tabs = getattr(self, "tabs", None)
        if tabs is not None:
            tabs.setCurrentIndex(0)
        self.field_form.focus()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.field_form.show_errors(errors)
        self.error_list.set_items([(e.field, e.message) for e in errors])
        if errors:
            self._focus_field(errors[0].field)

    def clear_errors(self) -> None:
        self.field_form.clear_errors()
        self.error_list.set_items([])

    def _focus_field(self, key: str) -> None:
        if key in self.field_form.inputs:
            tabs = getattr(self, "tabs", None)
            if tabs is not None:
                tabs.setCurrentIndex(0)
            self.field_form.focus(key)
