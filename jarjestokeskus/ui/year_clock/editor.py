"""The year-clock task editor beside the months: both titles, month and day, category, notes."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.domain.year_clock import (
    YearClockCategory,
    YearClockForm,
    label,
    month_name,
    validate_task,
)
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.calendar import year_clock as service
from jarjestokeskus.services.calendar.year_clock import YearClockRow
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices

KEYS = ("title_fi", "title_sv", "month", "day", "category", "notes")


class YearClockEditor(RecordEditor):
    """One task, new or stored; save, archive and restore are one service call each."""

    archived_is_read_only = True
    services = RecordServices(
        service.get_task, service.save_task, service.archive_task, service.restore_task, YearClockRow.form
    )

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.year = date.today().year
        super().__init__(db, parent)

    def build_body(self) -> QWidget:
        self.title_fi = QLineEdit()
        self.title_sv = QLineEdit()
        self.month = QComboBox()
        for month in range(1, 13):
            self.month.addItem("", month)
        self.day = QLineEdit()
        self.day.setMaxLength(2)
        self.category = QComboBox()
        for member in YearClockCategory:
            self.category.addItem("", member.value)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.inputs: dict[str, QWidget] = {
            "title_fi": self.title_fi,
            "title_sv": self.title_sv,
            "month": self.month,
            "day": self.day,
            "category": self.category,
            "notes": self.notes,
        }
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.captions = {key: QLabel() for key in KEYS}
        self.day_hint = QLabel(wordWrap=True)
        self.day_hint.setStyleSheet("color: palette(placeholder-text);")
        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        for key in KEYS:
            self.captions[key].setBuddy(self.inputs[key])
            form.addRow(self.captions[key], self.boxes[key])
            if key == "day":
                form.addRow("", self.day_hint)
        for key in ("title_fi", "title_sv", "day"):
            self.inputs[key].textEdited.connect(lambda _text, k=key: self._edited(k))  # type: ignore[attr-defined]
        self.month.currentIndexChanged.connect(lambda _index: self._edited("month"))
        self.category.currentIndexChanged.connect(lambda _index: self._edited("category"))
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(body)
        layout.addStretch(1)
        return page

    def tab_chain(self) -> list[QWidget]:
        return list(self.inputs.values())

    def texts(self) -> dict[str, str]:
        # The same keys in every editor (duplicates finds their shape); the sentences are this
        # record's own: Finnish and Swedish word them per kind of record, so they are not shared.
        return {
            "new": _("New task"),
            "archived": _(
                "This task is archived: it is not in the year clock or the deadlines. Restore it to bring it back."
            ),
            "archive_title": _("Archive task"),
            "archive_question": _(
                "Archive the task {name}? It leaves the year clock and the deadlines; it can be restored."
            ),
            "restore_title": _("Restore task"),
            "leave": _("The task has changes that are not saved. Save them?"),
            "save_tip": _("Save the task (Ctrl+S)"),
            "archive_tip": _("Take the task out of the year clock (Delete); it can be restored"),
            "restore_tip": _("Bring the task back to the year clock"),
        }

    def retranslate(self) -> None:
        language = current_language()
        mnemonics = {"title_fi": "&", "title_sv": "", "month": "", "day": "", "category": "", "notes": ""}
        for key, caption in self.captions.items():
            caption.setText(mnemonics[key] + label(key) + ":")
        for index in range(12):
            self.month.setItemText(index, month_name(index + 1, language))
        for index, member in enumerate(YearClockCategory):
            self.category.setItemText(index, member.label)
        self.day.setPlaceholderText(_("end of the month"))
        self.day.setFixedWidth(self.fontMetrics().horizontalAdvance(self.day.placeholderText()) + 24)
        self.day_hint.setText(
            _("Empty: by the end of the month. 29 in February falls on the 28th in other years.")
        )
        super().retranslate()
        if any(box.has_error() for box in self.boxes.values()):
            self._mark(self._problems(), show_all=False)

    def record_name(self, record: YearClockRow) -> str:
        return record.name(current_language())

    # --- showing a task ------------------------------------------------------------------
    def current_row(self) -> YearClockRow | None:
        return self._record

    def new_task(self, month: int | None = None) -> None:
        self.new_record(month)

    def new_record(self, blank: Any = None) -> None:
        """A new task; `blank` is the month it starts in."""
        super().new_record(YearClockForm(month=str(blank or 1)))

    def load(self, record_id: uuid.UUID, year: int | None = None) -> None:
        """Show the stored task (done or not in `year`); DatabaseProblem goes to the caller."""
        if year is not None:
            self.year = year
        super().load(record_id)

    def fetch(self, record_id: uuid.UUID) -> YearClockRow:
        return service.get_task(self.db, record_id, self.year)

    def fill(self, record: YearClockRow | None, form: YearClockForm, history: list[Any]) -> None:
        self.title_fi.setText(form.title_fi)
        self.title_sv.setText(form.title_sv)
        self.month.setCurrentIndex(max(0, self.month.findData(int(form.month or 1))))
        self.day.setText(form.day)
        self.category.setCurrentIndex(max(0, self.category.findData(form.category.value)))
        self.notes.setPlainText(form.notes)

    def form(self) -> YearClockForm:
        return YearClockForm(
            self.title_fi.text(),
            self.title_sv.text(),
            str(self.month.currentData()),
            self.day.text(),
            YearClockCategory(self.category.currentData()),
            self.notes.toPlainText(),
        )

    def store(self, form: YearClockForm, record_id: uuid.UUID | None, version: int | None) -> Any:
        return service.save_task(self.db, form, record_id, version, year=self.year)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.title_fi, self.title_sv, self.day):
            widget.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.month.setEnabled(not read_only)
        self.category.setEnabled(not read_only)

    def focus_first_field(self) -> None:
        self.title_fi.setFocus()

    # --- errors --------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.boxes[key].clear_error()
        self.update_state()

    def _problems(self) -> list[FieldError]:
        try:
            validate_task(self.form())
        except ValidationFailed as exc:
            return list(exc.errors)
        return []

    def check(self) -> list[FieldError]:
        return self._problems()

    def _mark(self, errors: list[FieldError], show_all: bool) -> None:
        """Mark the fields the domain refuses; only those already marked unless `show_all`."""
        marked = {key for key, box in self.boxes.items() if box.has_error()}
        self.clear_errors()
        for error in errors:
            if show_all or error.field in marked:
                self.boxes[error.field].show_error(error.message)

    def show_errors(self, errors: list[FieldError]) -> None:
        self._mark(errors, show_all=True)
        first = next((key for key in KEYS if self.boxes[key].has_error()), None)
        if first is not None:
            self.inputs[first].setFocus()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
