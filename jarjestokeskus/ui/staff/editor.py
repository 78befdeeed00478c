"""The staff member's form: name and contact, their periods one at a time, limits' warnings."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm, label
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.staff import employment as service
from jarjestokeskus.ui.staff.actions import ask, erase_everywhere, export_person_file, form_of, tell_erased
from jarjestokeskus.ui.staff.feedback import EditorFeedback, PersonErrors
from jarjestokeskus.ui.staff.period_form import PeriodFields
from jarjestokeskus.ui.widgets.closed_year import NotConfirmed, confirming
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, FieldBox

PERSON_FIELDS = ("first_name", "last_name", "email", "phone")
WARNING_STYLE = (
    "QLabel#limitWarnings { background: #fff3c4; color: #5a4500; padding: 6px; border-radius: 4px; }"
    'QLineEdit[limitWarning="true"] { border: 2px solid #d89b00; border-radius: 3px; }'
)
CHECK_DELAY_MS = 400


class EmploymentEditor(EditorFeedback, QWidget):
    """One person and all their periods, one save for all. Not a RecordEditor: limits' warnings
    can be accepted ("Save anyway") and a person erased; it offers the register view the same methods."""

    saved = Signal(object)  # person id
    archived = Signal(object)
    restored = Signal(object)
    erased = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.person_id: uuid.UUID | None = None
        self.version: int | None = None
        self.is_archived = False
        self.anonymised = False
        self.periods: list[EmploymentForm] = []
        self.current = -1
        self.dirty = False
        self.errors: list[FieldError] = []
        self.warnings: list[FieldError] = []
        # Asks the user a yes/no question (title, text, yes-button text); tests may replace it.
        self.ask: Callable[[QWidget, str, str, str], bool] = ask
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_limits)
        self.setStyleSheet(STYLE_SHEET + WARNING_STYLE)
        self._build()
        self.retranslate()
        self.new_person()

    def _build(self) -> None:
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.error_list = PersonErrors()
        self.error_list.field_chosen.connect(self.go_to)
        self.warning_label = QLabel(objectName="limitWarnings", wordWrap=True)
        self.warning_label.setVisible(False)
        self.inputs = {key: QLineEdit() for key in PERSON_FIELDS}
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.person_labels = {key: QLabel() for key in PERSON_FIELDS}
        person = QFormLayout()
        for key in PERSON_FIELDS:
            self.person_labels[key].setBuddy(self.inputs[key])
            person.addRow(self.person_labels[key], self.boxes[key])
            self.inputs[key].textEdited.connect(lambda _t, k=key: self._person_edited(k))
        self.period_title = QLabel()
        self.period_list = QListWidget()
        self.period_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.period_list.currentRowChanged.connect(self._period_chosen)
        self.add_period_button = QPushButton()
        self.add_period_button.clicked.connect(self.add_period)
        self.remove_period_button = QPushButton()
        self.remove_period_button.clicked.connect(self.remove_period)
        period_buttons = QHBoxLayout()
        period_buttons.addWidget(self.add_period_button)
        period_buttons.addWidget(self.remove_period_button)
        period_buttons.addStretch(1)
        self.period_title.setBuddy(self.period_list)
        self.period_fields = PeriodFields()
        self.period_fields.edited.connect(self._period_edited)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(person)
        inner.addWidget(self.period_title)
        inner.addWidget(self.period_list)
        inner.addLayout(period_buttons)
        inner.addWidget(self.period_fields)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        slots = (self.save, self.cancel, self.archive, self.restore, self.export, self.erase)
        made = [QPushButton(clicked=slot) for slot in slots]
        self.save_button, self.cancel_button, self.archive_button, self.restore_button = made[:4]
        self.export_button, self.erase_button = made[4:]
        buttons = QHBoxLayout()
        for button in (self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.export_button, self.archive_button, self.restore_button, self.erase_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.notice, self.error_list, self.warning_label):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        order = [*self.inputs.values(), self.period_list, self.add_period_button, self.remove_period_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    def retranslate(self) -> None:
        mnemonic = {"first_name": "&", "last_name": "", "email": "", "phone": ""}
        for key in PERSON_FIELDS:
            self.person_labels[key].setText(mnemonic[key] + label(key))
        self.period_title.setText(_("&Employments and scheme periods"))
        self.add_period_button.setText(_("&Add a period"))
        self.remove_period_button.setText(_("Remove the period"))
        self.save_button.setText(_("&Save"))
        self.cancel_button.setText(_("Cancel"))
        self.archive_button.setText(_("Archive the person"))
        self.restore_button.setText(_("Restore the person"))
        self.export_button.setText(_("E&xport data…"))
        self.erase_button.setText(_("Erase the person…"))
        self.error_list.retranslate()
        self.period_fields.retranslate()
        self._refresh_period_list()
        self._update_state()
        if self.errors:
            self._show_errors(self.errors, go_to_first=False)

    # --- loading -----------------------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self.person_id

    def _load_choices(self) -> None:
        supervisors = [(pid, name) for pid, name in service.supervisors(self.db) if pid != self.person_id]
        self.period_fields.set_choices(supervisors, service.paying_projects(self.db, current_language()))

    def new_person(self) -> None:
        self._load_choices()
        self._show(None, PersonForm())

    def new_record(self) -> None:
        self.new_person()

    def leave_question(self) -> str:
        return _("The person has changes that are not saved. Save them?")

    def first_widget(self) -> QWidget:
        return self.inputs["first_name"]

    def load(self, person_id: uuid.UUID) -> None:
        detail = service.get_person(self.db, person_id)
        self.person_id = person_id
        self._load_choices()
        self._show(detail, form_of(detail))
        self.check_limits()  # the marks of periods saved over the limits

    def _show(self, detail: service.PersonDetail | None, form: PersonForm) -> None:
        self.person_id = detail.id if detail else None
        self.version = detail.version if detail else None
        self.is_archived = bool(detail and detail.archived_at)
        self.anonymised = bool(detail and detail.anonymised)
        for key in PERSON_FIELDS:
            self.inputs[key].setText(getattr(form, key))
        self.periods = list(form.employments)
        self.current = -1
        self.errors, self.warnings = [], []
        self._clear_errors()
        self._show_warnings()
        self._refresh_period_list()
        if self.periods:
            self.period_list.setCurrentRow(len(self.periods) - 1)
        else:
            self._period_chosen(-1)
        self.dirty = False
        self._update_state()

    def _refresh_period_list(self) -> None:
        self.period_list.blockSignals(True)
        self.period_list.clear()
        for index, period in enumerate(self.periods):
            text = f"{period.scheme.label}: {period.start_date} – {period.end_date}"
            if period.title:
                text += f" ({period.title})"
            self.period_list.addItem(text)
            if any(w.field.startswith(f"employments[{index}].") for w in self.warnings):
                self.period_list.item(index).setText("⚠ " + text)
        if 0 <= self.current < len(self.periods):
            self.period_list.setCurrentRow(self.current)
        self.period_list.blockSignals(False)

    def _update_state(self) -> None:
        name = " ".join(self.inputs[k].text().strip() for k in ("first_name", "last_name")).strip()
        self.heading.setText(name if self.person_id else _("New staff member"))
        editable = not self.db.read_only and not self.is_archived and not self.anonymised
        self.notice.setVisible(self.is_archived or self.anonymised or self.db.read_only)
        if self.anonymised:
            self.notice.setText(
                _("This person has been erased (anonymised); the periods stay for the statistics.")
            )
        elif self.is_archived:
            self.notice.setText(_("This person is archived. Restore them to edit."))
        else:
            self.notice.setText(_("The database is open read-only: nothing can be changed."))
        for widget in self.inputs.values():
            widget.setReadOnly(not editable)
        self.period_fields.set_read_only(not editable)
        self.period_fields.setEnabled(self.current >= 0)
        self.add_period_button.setEnabled(editable)
        self.remove_period_button.setEnabled(editable and self.current >= 0)
        self.save_button.setEnabled(editable)
        self.cancel_button.setEnabled(True)
        stored = self.person_id is not None and not self.db.read_only
        self.archive_button.setVisible(not self.is_archived)
        self.archive_button.setEnabled(stored and not self.is_archived)
        self.restore_button.setVisible(self.is_archived)
        self.restore_button.setEnabled(stored and self.is_archived)
        self.export_button.setEnabled(self.person_id is not None)
        self.erase_button.setEnabled(stored and not self.anonymised)

    # --- periods -----------------------------------------------------------------------------
    def _commit_period(self) -> None:
        if 0 <= self.current < len(self.periods):
            self.periods[self.current] = self.period_fields.read()

    def _period_chosen(self, row: int) -> None:
        self._commit_period()
        self.current = row
        if 0 <= row < len(self.periods):
            self.period_fields.set_form(self.periods[row])
            self._mark_period_errors()
            self._mark_period_warnings()
        else:
            self.period_fields.set_form(EmploymentForm())
        self._update_state()

    def add_period(self) -> None:
        self._commit_period()
        self.periods.append(EmploymentForm())
        self.current = -1
        self._refresh_period_list()
        self.period_list.setCurrentRow(len(self.periods) - 1)
        self.dirty = True
        self.period_fields.focus("scheme")

    def remove_period(self) -> None:
        if not 0 <= self.current < len(self.periods):
            return
        del self.periods[self.current]
        self.current = -1
        self.errors, self.warnings = [], []
        self._clear_errors()
        self._refresh_period_list()
        self.period_list.setCurrentRow(len(self.periods) - 1) if self.periods else self._period_chosen(-1)
        self.dirty = True
        self._check_timer.start()

    def _period_edited(self, key: str) -> None:
        self.dirty = True
        prefix = f"employments[{self.current}].{key}"
        self.errors = [e for e in self.errors if not e.field.startswith(prefix)]
        self.error_list.set_items([(e.field, self._message(e)) for e in self.errors])
        if key in ("scheme", "start_date", "end_date", "title"):
            self._commit_period()
            self._refresh_period_list()
        self._check_timer.start()

    def _person_edited(self, key: str) -> None:
        self.dirty = True
        self.boxes[key].clear_error()
        self._update_state()

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def focus_first_field(self) -> None:
        self.inputs["first_name"].setFocus()

    def collect(self) -> PersonForm:
        self._commit_period()
        return PersonForm(*(self.inputs[k].text() for k in PERSON_FIELDS), list(self.periods))

    # --- actions -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate, warn about the limits (the user may save anyway), store. True when saved."""
        if self.db.read_only or self.is_archived or self.anonymised:
            return False
        form = self.collect()
        accept = False
        while True:
            try:
                save = partial(service.save_person, self.db, form, self.person_id, self.version)
                detail = confirming(self, partial(save, accept_warnings=accept))
                break
            except NotConfirmed:
                return False
            except ValidationFailed as failure:
                self._show_errors(failure.errors, go_to_first=True)
                return False
            except service.LimitsExceeded as exceeded:
                self.warnings = exceeded.warnings
                self._show_warnings()
                self._refresh_period_list()
                text = "\n".join("• " + self._message(w) for w in exceeded.warnings)
                question = _("These periods are outside the schemes' limits:\n{warnings}\n\nSave anyway?")
                if not self.ask(
                    self, _("Outside the limits"), question.format(warnings=text), _("Save anyway")
                ):
                    return False
                accept = True
            except (service.NoHomeOrganisation, DatabaseProblem) as problem:
                QMessageBox.warning(self, _("Staff"), problem.user_message())
                return False
        self._show(detail, form_of(detail))
        self.saved.emit(detail.id)
        return True

    def cancel(self) -> None:
        """Esc: forget the edits, show the stored person again (or a blank form)."""
        if self.person_id is None:
            self.new_person()
        else:
            try:
                self.load(self.person_id)
            except DatabaseProblem:
                self.new_person()

    def _set_archived(self, archive: bool) -> bool:
        if self.person_id is None:
            return False
        person_id = self.person_id
        try:
            (service.archive_person if archive else service.restore_person)(self.db, person_id, self.version)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Staff"), problem.user_message())
            return False
        (self.archived if archive else self.restored).emit(person_id)
        return True

    def archive(self) -> bool:
        return self._set_archived(True)

    def restore(self) -> bool:
        return self._set_archived(False)

    def export(self) -> bool:
        return self.person_id is not None and export_person_file(
            self, self.db, self.person_id, self.heading.text()
        )

    def erase(self) -> bool:
        if self.person_id is None or self.anonymised:
            return False
        name = self.heading.text()
        question = _(
            "Erase {name} for good? The name and contact data are removed and cannot be brought back; "
            "the periods stay in the statistics."
        ).format(name=name)
        if not self.ask(self, _("Erase the person"), question, _("Erase")):
            return False
        person_id = self.person_id
        try:
            result = erase_everywhere(self, self.db, person_id)
            self.load(person_id)
            tell_erased(self, name, result)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Staff"), problem.user_message())
            return False
        self.erased.emit(person_id)
        return True
