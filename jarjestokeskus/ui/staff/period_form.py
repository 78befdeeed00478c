"""The fields of one employment or scheme period, with its paying projects and their shares."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from jarjestokeskus.domain.employment import DAY_SCHEMES, EmploymentForm, FundingShareForm, label
from jarjestokeskus.domain.enums import DecidingAuthority, EmploymentOutcome, EmploymentScheme
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.municipalities import authority_names
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.form_table import VALUE_ROLE, ChoiceDelegate, FormTable

TEXT_FIELDS = (
    "title",
    "start_date",
    "end_date",
    "hours_per_week",
    "days_per_week",
    "hours_per_day",
    "deciding_authority",
    "decision_number",
    "decision_date",
    "subsidy_percent",
    "subsidy_monthly_cap",
    "allowance_per_day",
    "unemployed_months",
    "decided_max_months",
)
DATE_FIELDS = ("start_date", "end_date", "decision_date")
# Schemes whose length depends on the unemployment before them and on the decision.
SUBSIDY_SCHEMES = (EmploymentScheme.PAY_SUBSIDY, EmploymentScheme.EMPLOYMENT_SUBSIDY_55)
# The form's rows in order; a mnemonic letter for each label (Finnish and Swedish share them poorly,
# so the label's own first free letter is used: QLabel with a buddy and "&").
ROWS = (
    "scheme",
    "title",
    "start_date",
    "end_date",
    "hours_per_week",
    "days_per_week",
    "hours_per_day",
    "supervisor",
    "deciding_authority_kind",
    "deciding_authority",
    "decision_number",
    "decision_date",
    "subsidy_percent",
    "subsidy_monthly_cap",
    "allowance_per_day",
    "long_term_unemployed",
    "unemployed_months",
    "decided_max_months",
    "outcome",
    "outcome_note",
    "fundings",
)


@dataclass(frozen=True)
class Choice:
    """Something a ChoiceDelegate can offer: a shown label and a stored value."""

    label: str
    value: str


class FundingTable(FormTable):
    """Paying projects and their shares of the pay costs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("project", "share_percent"), parent)
        self.projects: list[Choice] = []
        self.delegate = ChoiceDelegate([], self.table)
        self.table.setItemDelegateForColumn(0, self.delegate)

    def header_text(self, key: str) -> str:
        return label(key)

    def button_texts(self) -> tuple[str, str]:
        return _("Add a paying project"), _("Remove the project")

    def retranslate(self) -> None:
        super().retranslate()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def set_projects(self, projects: list[tuple[uuid.UUID, str]]) -> None:
        self.projects = [Choice(name, str(pid)) for pid, name in projects]
        self.delegate.members = self.projects

    def new_row_values(self) -> dict[str, str]:
        return {"share_percent": "100"}

    def set_shares(self, shares: list[FundingShareForm]) -> None:
        self.clear()
        names = {c.value: c.label for c in self.projects}
        for share in shares:
            key = str(share.project_id) if share.project_id else ""
            row = self.append(
                {"project": names.get(key, ""), "share_percent": share.share_percent}, share.funding_id
            )
            item = self.table.item(row, 0)
            if item is not None:
                item.setData(VALUE_ROLE, key or None)

    def shares(self) -> list[FundingShareForm]:
        self.commit_editing()
        result = []
        for row in range(self.row_count()):
            if self.is_blank(row):
                continue
            item = self.table.item(row, 0)
            value = item.data(VALUE_ROLE) if item is not None else None
            result.append(
                FundingShareForm(
                    uuid.UUID(value) if value else None, self.text(row, "share_percent"), self.ids(row)
                )  # type: ignore[arg-type]
            )
        return result


class PeriodFields(QWidget):
    """Edits one EmploymentForm; `edited` tells the editor the user changed something."""

    edited = Signal(str)  # the field's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        self._filling = False
        self._ids: uuid.UUID | None = None
        for key in TEXT_FIELDS:
            line = QLineEdit()
            line.textEdited.connect(lambda _text, k=key: self._edited(k))
            self.inputs[key] = line
        self.scheme = QComboBox()
        self.supervisor = QComboBox()
        self.authority_kind = QComboBox()
        self.outcome = QComboBox()
        for key, combo in (
            ("scheme", self.scheme),
            ("supervisor", self.supervisor),
            ("deciding_authority_kind", self.authority_kind),
            ("outcome", self.outcome),
        ):
            combo.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
            self.inputs[key] = combo
        self.scheme.currentIndexChanged.connect(self._show_working_time)
        self.long_term = QCheckBox()
        self.long_term.toggled.connect(lambda _on: self._edited("long_term_unemployed"))
        self.inputs["long_term_unemployed"] = self.long_term
        self.outcome_note = QPlainTextEdit()
        self.outcome_note.setTabChangesFocus(True)
        self.outcome_note.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.outcome_note.textChanged.connect(lambda: self._edited("outcome_note"))
        self.inputs["outcome_note"] = self.outcome_note
        self.fundings = FundingTable()
        self.fundings.setMinimumHeight(self.fontMetrics().height() * 10)
        self.fundings.changed.connect(lambda: self._edited("fundings"))
        self.inputs["fundings"] = self.fundings
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for key in ROWS:
            box = FieldBox(self.inputs[key])
            self.boxes[key] = box
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(self.inputs[key])
            self.form.addRow(self.labels[key], box)
        self.retranslate()

    def retranslate(self) -> None:
        mnemonics = {"scheme": "&", "title": "&", "start_date": "&", "end_date": "&", "outcome": "&"}
        for key in ROWS:
            text = _("Paying projects") if key == "fundings" else label(key)
            self.labels[key].setText(mnemonics.get(key, "") + text)
        self._fill(self.scheme, list(EmploymentScheme), None)
        self._fill(self.authority_kind, list(DecidingAuthority), _("Not given"))
        self._fill(self.outcome, list(EmploymentOutcome), _("Not yet known"))
        self.long_term.setText(_("Yes, long-term unemployed when the period began"))
        for key in DATE_FIELDS:
            self.line(key).setPlaceholderText(_("d.m.yyyy"))
        if self.supervisor.count():
            self.supervisor.setItemText(0, _("No supervisor"))
        self.fundings.retranslate()
        completer = QCompleter(authority_names(current_language()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.line("deciding_authority").setCompleter(completer)
        self._show_working_time()

    def _fill(self, combo: QComboBox, members: list, empty: str | None) -> None:  # type: ignore[type-arg]
        current = combo.currentData()
        self._filling = True
        combo.blockSignals(True)
        combo.clear()
        if empty is not None:
            combo.addItem(empty, None)
        for member in members:
            combo.addItem(member.label, member)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)
        self._filling = False

    def set_choices(
        self, supervisors: list[tuple[uuid.UUID, str]], projects: list[tuple[uuid.UUID, str]]
    ) -> None:
        current = self.supervisor.currentData()
        self.supervisor.blockSignals(True)
        self.supervisor.clear()
        self.supervisor.addItem(_("No supervisor"), None)
        for person_id, name in supervisors:
            self.supervisor.addItem(name, str(person_id))
        self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(current)) if current else 0)
        self.supervisor.blockSignals(False)
        self.fundings.set_projects(projects)

    def _show_working_time(self) -> None:
        days = self.scheme.currentData() in DAY_SCHEMES
        subsidy = self.scheme.currentData() in SUBSIDY_SCHEMES
        for key, shown in (
            ("hours_per_week", not days),
            ("days_per_week", days),
            ("hours_per_day", days),
            ("unemployed_months", subsidy),
            ("decided_max_months", subsidy),
        ):
            self.form.setRowVisible(self.boxes[key], shown or bool(self.line(key).text().strip()))

    def line(self, key: str) -> QLineEdit:
        widget = self.inputs[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _edited(self, key: str) -> None:
        if self._filling:
            return
        self.boxes[key].clear_error()
        self.edited.emit(key)

    def set_form(self, form: EmploymentForm) -> None:
        self._filling = True
        try:
            self._ids = form.employment_id
            for key in TEXT_FIELDS:
                self.line(key).setText(getattr(form, key))
            self.scheme.setCurrentIndex(max(0, self.scheme.findData(form.scheme)))
            self.authority_kind.setCurrentIndex(
                max(0, self.authority_kind.findData(form.deciding_authority_kind))
            )
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(form.outcome)))
            supervisor = str(form.supervisor_id) if form.supervisor_id else None
            self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(supervisor)) if supervisor else 0)
            self.long_term.setChecked(form.long_term_unemployed)
            self.outcome_note.setPlainText(form.outcome_note)
            self.fundings.set_shares(form.fundings)
        finally:
            self._filling = False
        self.clear_errors()
        self._show_working_time()

    def read(self) -> EmploymentForm:
        supervisor = self.supervisor.currentData()
        # Qt hands a string enum back as a plain str.
        authority, outcome = self.authority_kind.currentData(), self.outcome.currentData()
        return EmploymentForm(
            scheme=EmploymentScheme(self.scheme.currentData()),
            supervisor_id=uuid.UUID(supervisor) if supervisor else None,
            deciding_authority_kind=DecidingAuthority(authority) if authority else None,
            long_term_unemployed=self.long_term.isChecked(),
            outcome=EmploymentOutcome(outcome) if outcome else None,
            outcome_note=self.outcome_note.toPlainText(),
            fundings=self.fundings.shares(),
            employment_id=self._ids,
            **{key: self.line(key).text() for key in TEXT_FIELDS},
        )

    def show_error(self, key: str, message: str) -> None:
        if key.startswith("fundings["):
            row, _dot, field = key[len("fundings[") :].partition("].")
            self.fundings.mark_error(int(row), field, message)
        elif key in self.boxes:
            self.boxes[key].show_error(message)

    def show_warnings(self, marks: list[tuple[str, str]]) -> None:
        """(key, message) of this period's limits broken; the rest are unmarked."""
        messages: dict[str, list[str]] = {}
        for key, message in marks:
            messages.setdefault(key, []).append(message)
        for key in TEXT_FIELDS:
            line = self.line(key)
            warned = key in messages
            line.setToolTip("\n".join(messages.get(key, [])))
            if bool(line.property("limitWarning")) != warned:
                line.setProperty("limitWarning", warned)
                line.style().unpolish(line)
                line.style().polish(line)

    def warned_fields(self) -> list[str]:
        return [key for key in TEXT_FIELDS if self.line(key).property("limitWarning")]

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.fundings.clear_errors()

    def focus(self, key: str) -> None:
        base = key.partition("[")[0]
        widget = self.inputs.get(base) or self.inputs["title"]
        widget.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        for key, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            elif key != "fundings":
                widget.setEnabled(not read_only)
        self.outcome_note.setReadOnly(read_only)
        self.outcome_note.setEnabled(True)
        self.fundings.set_read_only(read_only)
