"""The Fundings tab of the project editor: one funding at a time, its instalments and reports."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
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
from jarjestokeskus.domain.enums import FundingInstrument
from jarjestokeskus.domain.funding import defaults_inputs, last_year_of_use
from jarjestokeskus.domain.projects import FundingForm, InstalmentForm, ObligationForm, label
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.projects.funding import funding_defaults
from jarjestokeskus.ui.projects.tables import InstalmentTable, ObligationTable, format_amount
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

LINE_KEYS = (
    "year",
    "amount_applied",
    "applied_on",
    "decision_number",
    "decision_date",
    "amount_granted",
    "own_contribution",
    "use_from",
    "use_until",
)
DATE_KEYS = ("applied_on", "decision_date", "use_from", "use_until")
# The application on the left, the decision on the right; the long names on rows of their own.
GRID = (
    ("instrument",),
    ("funder",),
    ("year", "first_grant"),
    ("amount_applied", "amount_granted"),
    ("applied_on", "own_contribution"),
    ("decision_number", "decision_date"),
    ("use_from", "use_until"),
)


class FundingPanel(QWidget):
    """Keeps every funding of the form as typed; the one chosen in the list is in the fields."""

    changed = Signal()
    edited = Signal(str)  # the key of the field the user changed, e.g. "fundings[1].year"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._forms: list[FundingForm] = []
        self._current = -1
        self._setting = False
        self.read_only = False
        self.names: dict[uuid.UUID, str] = {}  # funder names, for the picker and the list
        self._errors: dict[int, list[tuple[str, str]]] = {}
        self._build()
        self.retranslate()
        self._show_index(-1)

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.list.currentRowChanged.connect(self._choose)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_funding)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_funding)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        self.inputs: dict[str, QWidget] = {}
        self.lines: dict[str, QLineEdit] = {}
        for key in LINE_KEYS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            self.lines[key] = self.inputs[key] = edit
        self.instrument = QComboBox()
        self.instrument.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.instrument.setMinimumContentsLength(14)
        self.instrument.currentIndexChanged.connect(lambda _i: self._edited("instrument"))
        self.funder = OrganisationPicker(self.db)
        self.funder.chosen.connect(lambda _id: self._edited("funder"))
        self.first_grant = QCheckBox()
        self.first_grant.toggled.connect(lambda _on: self._edited("first_grant"))
        self.inputs.update(instrument=self.instrument, funder=self.funder, first_grant=self.first_grant)
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, pair in enumerate(GRID):
            for column, key in enumerate(pair):
                if key == "first_grant":
                    grid.addWidget(self.boxes[key], row, column * 2 + 1)
                    continue
                caption = QLabel()
                caption.setBuddy(self.inputs[key])
                self.captions[key] = caption
                grid.addWidget(caption, row, column * 2)
                grid.addWidget(self.boxes[key], row, column * 2 + 1, 1, 3 if len(pair) == 1 else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.instalments = InstalmentTable()
        self.obligations = ObligationTable()
        for table in (self.instalments, self.obligations):
            table.changed.connect(self.changed.emit)
            table.table.setMinimumHeight(self.fontMetrics().height() * 7)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(lambda: self.fill_defaults())
        self.instalment_group = QGroupBox()
        QVBoxLayout(self.instalment_group).addWidget(self.instalments)
        self.obligation_group = QGroupBox()
        QVBoxLayout(self.obligation_group).addWidget(self.obligations)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addLayout(grid)
        defaults = QHBoxLayout()
        defaults.addWidget(self.defaults_button)
        defaults.addStretch(1)
        detail.addLayout(defaults)
        detail.addWidget(self.instalment_group)
        detail.addWidget(self.obligation_group)
        detail.addStretch(1)
        self.empty = QLabel(wordWrap=True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.empty)
        inner.addWidget(self.detail)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.list, self.add_button, self.remove_button]
        chain += [self.inputs[key] for pair in GRID for key in pair if key in self.inputs]
        chain.append(self.defaults_button)
        for table in (self.instalments, self.obligations):
            chain += [table.table, table.add_button, table.remove_button]
        return chain

    def retranslate(self) -> None:
        self._setting = True
        try:
            for key, caption in self.captions.items():
                caption.setText(label(key))
            self.first_grant.setText(label("first_grant"))
            for key in DATE_KEYS:
                self.lines[key].setPlaceholderText(_("d.m.yyyy"))
            current = self.instrument.currentData()
            self.instrument.clear()
            for member in FundingInstrument:
                self.instrument.addItem(member.label, member.value)
            self.instrument.setCurrentIndex(max(0, self.instrument.findData(current)))
        finally:
            self._setting = False
        self.add_button.setText(_("Add &funding"))
        self.remove_button.setText(_("Remove funding"))
        self.defaults_button.setText(_("Fill in from the rul&es"))
        self.defaults_button.setToolTip(
            _(
                "Default instalments and reporting due dates of the funder's rules in force in the funding's year"
            )
        )
        self.instalment_group.setTitle(_("Instalments"))
        self.obligation_group.setTitle(_("Reporting obligations"))
        self.empty.setText(_("No fundings yet. Add the first one when the project applies for money."))
        self.funder.retranslate()
        self.instalments.retranslate()
        self.obligations.retranslate()
        self._refresh_list()

    # --- the fundings --------------------------------------------------------------------
    def set_fundings(self, forms: list[FundingForm], names: dict[uuid.UUID, str]) -> None:
        self.names = dict(names)
        self._forms = [replace(f) for f in forms]
        self._errors = {}
        self._current = -1
        self._refresh_list()
        self._show_index(0 if self._forms else -1)

    def fundings(self) -> list[FundingForm]:
        self._store_current()
        return [
            replace(f, instalments=list(f.instalments), obligations=list(f.obligations)) for f in self._forms
        ]

    def add_funding(self) -> None:
        if self.read_only:
            return
        self._store_current()
        previous = self._forms[self._current] if self._current >= 0 else None
        year = str(int(previous.year) + 1) if previous and previous.year.strip().isdigit() else ""
        self._forms.append(
            FundingForm(
                instrument=previous.instrument if previous else FundingInstrument.STEA_C,
                funder_id=previous.funder_id if previous else None,
                year=year,
            )
        )
        self._refresh_list()
        self.select(len(self._forms) - 1)
        self.changed.emit()
        self.lines["year"].setFocus()

    def remove_funding(self) -> None:
        """Only from the form; saving archives the stored funding with its instalments and reports."""
        if self.read_only or self._current < 0:
            return
        index = self._current
        self._current = -1
        del self._forms[index]
        self._errors = {}
        self._refresh_list()
        self._show_index(min(index, len(self._forms) - 1))
        self.changed.emit()

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def _choose(self, index: int) -> None:
        if index == self._current:
            return
        self._store_current()
        self._show_index(index)

    def _refresh_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for form in self._forms:
            funder = self.names.get(form.funder_id, "") if form.funder_id else ""
            text = _("{year} · {instrument}").format(year=form.year or "?", instrument=form.instrument.label)
            self.list.addItem(
                _("{funding} · {funder}").format(funding=text, funder=funder) if funder else text
            )
        self.list.setCurrentRow(self._current)
        self.list.blockSignals(False)
        self.remove_button.setEnabled(not self.read_only and self._current >= 0)

    def _store_current(self) -> None:
        if self._current < 0 or self._current >= len(self._forms):
            return
        self.instalments.commit_editing()
        self.obligations.commit_editing()
        data = self.instrument.currentData()
        self._forms[self._current] = FundingForm(
            instrument=FundingInstrument(data) if data else FundingInstrument.OTHER,
            funder_id=self.funder.organisation_id(),
            **{key: edit.text() for key, edit in self.lines.items()},
            first_grant=self.first_grant.isChecked(),
            instalments=self.instalments.instalments(),
            obligations=self.obligations.obligations(),
            funding_id=self._forms[self._current].funding_id,
        )
        if self.funder.organisation_id() is not None:
            self.names[self.funder.organisation_id()] = self.funder.text()  # type: ignore[index]

    def _show_index(self, index: int) -> None:
        self._setting = True
        try:
            self._current = index
            self.detail.setVisible(index >= 0)
            self.empty.setVisible(index < 0)
            form = self._forms[index] if index >= 0 else FundingForm()
            self.instrument.setCurrentIndex(max(0, self.instrument.findData(form.instrument.value)))
            self.funder.set_choice(
                form.funder_id, self.names.get(form.funder_id, "") if form.funder_id else ""
            )
            for key, edit in self.lines.items():
                edit.setText(getattr(form, key))
                edit.setCursorPosition(0)
            self.first_grant.setChecked(form.first_grant)
            self.instalments.set_instalments(form.instalments)
            self.obligations.set_obligations(form.obligations)
            self.list.blockSignals(True)
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)
        finally:
            self._setting = False
        self._mark_current()
        self.remove_button.setEnabled(not self.read_only and index >= 0)

    def _edited(self, key: str) -> None:
        if self._setting:
            return
        self.boxes[key].clear_error()
        if key in ("year", "instrument", "funder"):
            self._store_current()
            self._refresh_list()
        self.edited.emit(f"fundings[{self._current}].{key}")
        self.changed.emit()

    # --- defaults from the rules ---------------------------------------------------------
    def fill_defaults(self, replace_rows: bool | None = None) -> bool:
        """Instalments and reports from the rules of the funding's year; asks before replacing rows."""
        if self.read_only or self._current < 0:
            return False
        try:
            year, granted = defaults_inputs(self.lines["year"].text(), self.lines["amount_granted"].text())
        except ValidationFailed as exc:
            self.boxes[exc.errors[0].field].show_error(exc.errors[0].message)
            self.inputs[exc.errors[0].field].setFocus()
            return False
        if self.instalments.row_count() or self.obligations.row_count():
            if replace_rows is None:
                answer = QMessageBox.question(
                    self,
                    _("Fill in from the rules"),
                    _("Replace the instalments and reports in the form with those of the rules?"),
                )
                replace_rows = answer == QMessageBox.StandardButton.Yes
            if not replace_rows:
                return False
        data = self.instrument.currentData()
        defaults = funding_defaults(
            self.db,
            FundingInstrument(data),
            self.funder.organisation_id(),
            year,
            granted,
            self.first_grant.isChecked(),
            last_year_of_use(self.lines["use_until"].text()),
        )
        self.instalments.set_instalments(
            [InstalmentForm(format_date(d), format_amount(a)) for d, a in defaults.instalments]
        )
        self.obligations.set_obligations([ObligationForm(k, format_date(d)) for k, d in defaults.obligations])
        self.changed.emit()
        return True

    # --- errors and state ----------------------------------------------------------------
    def set_errors(self, errors: dict[int, list[tuple[str, str]]]) -> None:
        """Per funding: (key under the funding, message); the shown funding's are marked now."""
        self._errors = {i: list(e) for i, e in errors.items()}
        self._mark_current()

    def _cell(self, key: str) -> tuple[object, int, str] | None:
        """ "instalments[2].amount" → (the instalment table, 2, "amount")."""
        name, _sep, rest = key.partition("[")
        row, _sep, field = rest.partition("].")
        table = self.instalments if name == "instalments" else self.obligations
        return (table, int(row), field) if row.isdigit() and int(row) < table.row_count() else None

    def _mark_current(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.instalments.clear_errors()
        self.obligations.clear_errors()
        for key, message in self._errors.get(self._current, []):
            if key in self.boxes:
                self.boxes[key].show_error(message)
            elif cell := self._cell(key):
                cell[0].mark_error(cell[1], cell[2], message)  # type: ignore[attr-defined]

    def focus(self, index: int, key: str) -> None:
        self.select(index)
        if key in self.inputs:
            self.inputs[key].setFocus()
        elif cell := self._cell(key):
            cell[0].focus_cell(cell[1], cell[2])  # type: ignore[attr-defined]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for edit in self.lines.values():
            edit.setReadOnly(read_only)
        self.funder.setReadOnly(read_only)
        for widget in (self.instrument, self.first_grant, self.add_button, self.defaults_button):
            widget.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and self._current >= 0)
        self.instalments.set_read_only(read_only)
        self.obligations.set_read_only(read_only)
