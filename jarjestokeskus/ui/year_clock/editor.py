"""The year-clock task editor beside the months: both titles, month and day, category, notes."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.domain.validation import ValidationFailed
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
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, FieldBox
from jarjestokeskus.ui.widgets.record_buttons import RecordButtons

KEYS = ("title_fi", "title_sv", "month", "day", "category", "notes")


class YearClockEditor(QWidget):
    """One task, new or stored; save, archive and restore are one service call each."""

    saved = Signal(object)  # task id
    archived = Signal(object)
    restored = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = date.today().year
        self._row: YearClockRow | None = None
        self._baseline = YearClockForm()
        self._loading = False
        self.setStyleSheet(STYLE_SHEET)
        self._build()
        self.retranslate()
        self.new_task()

    def _build(self) -> None:
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.archived_notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.archived_notice.setVisible(False)
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
        form = QFormLayout()
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

        self.buttons = RecordButtons(self)
        self.save_button, self.cancel_button, self.archive_button, self.restore_button, self.unsaved_label = (
            self.buttons.parts()
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.archived_notice)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        chain = [*self.inputs.values(), self.save_button, self.cancel_button, self.archive_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        language = current_language()
        for key, caption in self.captions.items():
            caption.setText(label(key) + ":")
        for index in range(12):
            self.month.setItemText(index, month_name(index + 1, language))
        for index, member in enumerate(YearClockCategory):
            self.category.setItemText(index, member.label)
        self.day.setPlaceholderText(_("end of the month"))
        self.day.setFixedWidth(self.fontMetrics().horizontalAdvance(self.day.placeholderText()) + 24)
        self.day_hint.setText(
            _("Empty: by the end of the month. 29 in February falls on the 28th in other years.")
        )
        self.buttons.retranslate()
        self.save_button.setToolTip(_("Save the task (Ctrl+S)"))
        self.cancel_button.setToolTip(_("Throw away the changes and show the stored values (Esc)"))
        self.archive_button.setToolTip(_("Take the task out of the year clock (Delete); it can be restored"))
        self._show_heading()
        if any(box.has_error() for box in self.boxes.values()):
            self._check(show_all=False)

    def _show_heading(self) -> None:
        row = self._row
        self.heading.setText(_("New task") if row is None else row.name(current_language()))
        archived = row is not None and row.archived_at is not None
        if archived:
            self.archived_notice.setText(
                _(
                    "This task is archived: it is not in the year clock or the deadlines. Restore it to bring it back."
                )
            )
        self.archived_notice.setVisible(archived)

    # --- showing a task ------------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self._row.id if self._row is not None else None

    def current_row(self) -> YearClockRow | None:
        return self._row

    def new_task(self, month: int | None = None) -> None:
        self._show(None, YearClockForm(month=str(month or 1)))

    def load(self, task_id: uuid.UUID, year: int) -> None:
        """Show the stored task; DatabaseProblem goes to the caller."""
        self.year = year
        row = service.get_task(self.db, task_id, year)
        self._show(row, row.form())

    def _show(self, row: YearClockRow | None, form: YearClockForm) -> None:
        self._loading = True
        try:
            self._row = row
            for box in self.boxes.values():
                box.clear_error()
            self.title_fi.setText(form.title_fi)
            self.title_sv.setText(form.title_sv)
            self.month.setCurrentIndex(max(0, self.month.findData(int(form.month or 1))))
            self.day.setText(form.day)
            self.category.setCurrentIndex(max(0, self.category.findData(form.category.value)))
            self.notes.setPlainText(form.notes)
        finally:
            self._loading = False
        self._baseline = self.form()
        self._show_heading()
        self._update_state()

    def form(self) -> YearClockForm:
        return YearClockForm(
            self.title_fi.text(),
            self.title_sv.text(),
            str(self.month.currentData()),
            self.day.text(),
            YearClockCategory(self.category.currentData()),
            self.notes.toPlainText(),
        )

    def has_unsaved_changes(self) -> bool:
        return self.form() != self._baseline

    def focus_first_field(self) -> None:
        self.title_fi.setFocus()

    def _update_state(self) -> None:
        read_only = self.db.read_only
        archived = self._row is not None and self._row.archived_at is not None
        for widget in (self.title_fi, self.title_sv, self.day):
            widget.setReadOnly(read_only or archived)  # type: ignore[attr-defined]
        self.notes.setReadOnly(read_only or archived)
        self.month.setEnabled(not read_only and not archived)
        self.category.setEnabled(not read_only and not archived)
        self.buttons.show_state(
            read_only=read_only,
            archived=archived,
            stored=self._row is not None,
            unsaved=self.has_unsaved_changes(),
            save=not read_only and not archived,
        )

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.boxes[key].clear_error()
        self._update_state()

    def _check(self, show_all: bool) -> bool:
        """Mark the fields the domain refuses; only those already marked unless `show_all`."""
        marked = {key for key, box in self.boxes.items() if box.has_error()}
        for box in self.boxes.values():
            box.clear_error()
        try:
            validate_task(self.form())
        except ValidationFailed as exc:
            for error in exc.errors:
                if show_all or error.field in marked:
                    self.boxes[error.field].show_error(error.message)
            return False
        return True

    # --- actions -------------------------------------------------------------------------
    def save(self) -> bool:
        """Store what is typed; on refusal the fields are marked and nothing typed is lost."""
        if self.db.read_only:
            holder = self.db.holder.describe() if self.db.holder else ""
            QMessageBox.warning(self, _("Save"), ReadOnlyDatabase(holder).user_message())
            return False
        if not self._check(show_all=True):
            first = next(key for key in KEYS if self.boxes[key].has_error())
            self.inputs[first].setFocus()
            return False
        row = self._row
        try:
            stored = service.save_task(
                self.db, self.form(), row.id if row else None, row.version if row else None, year=self.year
            )
        except ValidationFailed:  # checked above; the service checks again
            return False
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Save"), exc.user_message())
            return False
        self._show(stored, stored.form())
        self.saved.emit(stored.id)
        return True

    def cancel(self) -> None:
        if not self.db.read_only:
            self._show(
                self._row, self._row.form() if self._row else YearClockForm(month=self._baseline.month)
            )

    def archive(self) -> bool:
        """After a confirmation: out of the year clock and the deadlines (kept, can be restored)."""
        row = self._row
        if row is None or self.db.read_only or row.archived_at is not None:
            return False
        text = _("Archive the task {name}? It leaves the year clock and the deadlines; it can be restored.")
        text = text.format(name=row.name(current_language()))
        if self.has_unsaved_changes():
            text += "\n\n" + _("The changes that are not saved will be thrown away.")
        answer = QMessageBox.question(
            self,
            _("Archive task"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._set_archived(row, service.archive_task, self.archived)

    def restore(self) -> bool:
        row = self._row
        if row is None or self.db.read_only or row.archived_at is None:
            return False
        return self._set_archived(row, service.restore_task, self.restored)

    def _set_archived(self, row: YearClockRow, action, signal) -> bool:  # type: ignore[no-untyped-def]
        try:
            action(self.db, row.id, row.version)
            stored = service.get_task(self.db, row.id, self.year)
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Year clock"), exc.user_message())
            return False
        self._show(stored, stored.form())
        signal.emit(row.id)
        return True
