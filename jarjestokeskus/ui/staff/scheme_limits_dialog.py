"""The schemes' limits as data: see them by date, correct a row, or add limits in force from a new date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.rule_notes import note_text
from jarjestokeskus.domain.scheme_limit_form import LIMIT_FIELDS, LimitForm, limit_label
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.staff.scheme_limits import LimitRow, list_limits, save_limit
from jarjestokeskus.ui.staff.actions import typed_number
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, FieldBox

TEXT_KEYS = ("variant", "effective_from", "source", *LIMIT_FIELDS, "note")
COLUMNS = ("scheme", "variant", "effective_from", "source", "note")


class SchemeLimitsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[LimitRow] = []
        self.editing: LimitRow | None = None  # None: a new row of limits
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1100, 720)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_rest: self._chosen(row))
        self.scheme = QComboBox()
        self.inputs = {key: QLineEdit() for key in TEXT_KEYS}
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.requires_long_term = QCheckBox()
        self.labels = {key: QLabel() for key in ("scheme", *TEXT_KEYS)}
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.labels["scheme"], self.scheme)
        self.labels["scheme"].setBuddy(self.scheme)
        for index, key in enumerate(TEXT_KEYS):
            self.labels[key].setBuddy(self.inputs[key])
            (left if index < len(TEXT_KEYS) // 2 else right).addRow(self.labels[key], self.boxes[key])
        right.addRow("", self.requires_long_term)
        form = QHBoxLayout()
        form.addLayout(left)
        form.addLayout(right)
        self.heading = QLabel()
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_from_date)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.close_box)
        editable = not db.read_only
        for widget in (
            *self.inputs.values(),
            self.scheme,
            self.requires_long_term,
            self.new_button,
            self.save_button,
        ):
            widget.setEnabled(editable)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Limits of the employment schemes"))
        self.table.setHorizontalHeaderLabels([limit_label(key) for key in COLUMNS])
        for key, widget in self.labels.items():
            widget.setText(limit_label(key))
        self.requires_long_term.setText(limit_label("requires_long_term_unemployed"))
        self.scheme.clear()
        for scheme in EmploymentScheme:
            self.scheme.addItem(scheme.label, scheme)
        self.new_button.setText(_("&New limits from a date…"))
        self.save_button.setText(_("&Save the limits"))
        self._show_heading()

    def reload(self, select: object = None) -> None:
        self.rows = list_limits(self.db)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            rule = row.rule
            for column, text in enumerate(
                (
                    rule.scheme.label,
                    rule.variant,
                    format_date(rule.effective_from),
                    rule.source,
                    note_text(rule.note),
                )
            ):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        target = next((i for i, r in enumerate(self.rows) if r.id == select), 0)
        if self.rows:
            self.table.setCurrentCell(target, 0)
            self._chosen(target)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.editing = self.rows[row]
            self._fill(self.editing)

    def _fill(self, row: LimitRow, effective_from: str | None = None) -> None:
        rule = row.rule
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(rule.scheme)))
        for key in TEXT_KEYS:
            value = getattr(rule, key)
            if key == "effective_from":
                text = effective_from if effective_from is not None else format_date(value)
            elif key == "note":
                text = note_text(value)
            elif key in ("variant", "source"):
                text = value
            elif isinstance(value, int):
                text = str(value)
            else:
                text = typed_number(value)
            self.inputs[key].setText(text)
            self.boxes[key].clear_error()
        self.requires_long_term.setChecked(rule.requires_long_term_unemployed)
        self._show_heading()

    def _show_heading(self) -> None:
        self.heading.setText(
            _("New limits: they apply to periods starting on or after their date.")
            if self.editing is None
            else _("Correcting the limits shown; periods already saved are judged by them too.")
        )

    def new_from_date(self) -> None:
        """Start a new row of limits from the chosen one: the user gives the new date."""
        template = self.editing or (self.rows[0] if self.rows else None)
        self.editing = None
        if template is not None:
            self._fill(template, effective_from="")
        self.inputs["effective_from"].setFocus()

    def form(self) -> LimitForm:
        return LimitForm(
            EmploymentScheme(self.scheme.currentData()),
            requires_long_term_unemployed=self.requires_long_term.isChecked(),
            **{key: self.inputs[key].text() for key in TEXT_KEYS},
        )

    def save(self) -> bool:
        for box in self.boxes.values():
            box.clear_error()
        try:
            saved = save_limit(
                self.db,
                self.form(),
                self.editing.id if self.editing else None,
                self.editing.version if self.editing else None,
            )
        except ValidationFailed as failure:
            for error in failure.errors:
                if error.field in self.boxes:
                    self.boxes[error.field].show_error(error.message)
            first = failure.errors[0].field
            if first in self.inputs:
                self.inputs[first].setFocus()
            return False
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return False
        self.reload(select=saved.id)
        return True
