"""Membership fees → Terms and fee classes: a year's due date, account and reference, and its fees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.fees import FeeYearForm, ReferenceKind
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_date, format_money
from jarjestokeskus.services.fees.terms import (
    FeeClassForm,
    copy_terms,
    fee_classes,
    get_fee_year,
    save_fee_terms,
)
from jarjestokeskus.ui.widgets.field_errors import ErrorList, FieldBox
from jarjestokeskus.ui.widgets.form_table import VALUE_ROLE, ChoiceDelegate, FormTable

CLASS_KEYS = ("name_fi", "name_sv", "amount", "kind", "min_members", "max_members")
_ANY = "any"


class _AnyKind:
    """The "any kind" choice of the class table's kind column."""

    value = _ANY

    @property
    def label(self) -> str:
        return _("Any kind")


class FeeClassTable(FormTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CLASS_KEYS, parent)
        kinds = [_AnyKind(), *OrganisationKind]
        self.table.setItemDelegateForColumn(CLASS_KEYS.index("kind"), ChoiceDelegate(kinds, self.table))
        self.retranslate()

    def header_text(self, key: str) -> str:
        return {
            "name_fi": _("Fee class in Finnish"),
            "name_sv": _("Fee class in Swedish"),
            "amount": _("Fee (€)"),
            "kind": _("For kind"),
            "min_members": _("Members from"),
            "max_members": _("Members up to"),
        }[key]

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd fee class"), _("Re&move fee class")

    def column_samples(self) -> dict[str, str]:
        return {"name_fi": "Pieni yhdistys xx", "amount": "1 000,00", "kind": "Hyvinvointialue"}

    def set_classes(self, forms: list[FeeClassForm]) -> None:
        self.clear()
        for form in forms:
            row = self.append(
                {
                    "name_fi": form.name_fi,
                    "name_sv": form.name_sv,
                    "amount": form.amount,
                    "kind": form.kind.label if form.kind else _AnyKind().label,
                    "min_members": form.min_members,
                    "max_members": form.max_members,
                },
                form.id,
            )
            item = self.table.item(row, CLASS_KEYS.index("kind"))
            assert item is not None
            item.setData(VALUE_ROLE, form.kind.value if form.kind else _ANY)

    def classes(self) -> list[FeeClassForm]:
        self.commit_editing()
        forms = []
        for row in range(self.row_count()):
            if self.is_blank(row):
                continue
            item = self.table.item(row, CLASS_KEYS.index("kind"))
            value = item.data(VALUE_ROLE) if item is not None else None
            kind = OrganisationKind(value) if value and value != _ANY else None
            forms.append(
                FeeClassForm(
                    self.text(row, "name_fi"),
                    self.text(row, "name_sv"),
                    self.text(row, "amount"),
                    kind,
                    self.text(row, "min_members"),
                    self.text(row, "max_members"),
                    self.ids(row),  # type: ignore[arg-type]
                )
            )
        return forms


class TermsErrors(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The fee terms were not saved. Correct these and save again:"))


class FeeTermsDialog(QDialog):
    """The terms and classes of one year; saved together, or nothing is saved."""

    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.year = db, year
        self.setWindowTitle(_("Membership fees {year}: terms and fee classes").format(year=year))
        self.errors = TermsErrors()
        self.errors.field_chosen.connect(self._focus)
        self.due_date = QLineEdit(placeholderText=_("d.m.yyyy"))
        self.reminder_days = QLineEdit()
        self.iban = QLineEdit(placeholderText="FI00 0000 0000 0000 00")
        self.bic = QLineEdit()
        self.reference_kind = QComboBox()
        for kind in ReferenceKind:
            self.reference_kind.addItem(kind.label, kind)
        self.message_fi = QPlainTextEdit()
        self.message_sv = QPlainTextEdit()
        for editor in (self.message_fi, self.message_sv):
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(self.fontMetrics().height() * 4)
        self.boxes = {
            "due_date": FieldBox(self.due_date),
            "reminder_days": FieldBox(self.reminder_days),
            "account_iban": FieldBox(self.iban),
            "account_bic": FieldBox(self.bic),
        }
        form = QFormLayout()
        form.addRow(_("&Due date"), self.boxes["due_date"])
        form.addRow(_("Days to &pay a reminder"), self.boxes["reminder_days"])
        form.addRow(_("&Account (IBAN)"), self.boxes["account_iban"])
        form.addRow(_("&BIC"), self.boxes["account_bic"])
        form.addRow(_("R&eference"), self.reference_kind)
        form.addRow(_("Invoice text in &Finnish"), self.message_fi)
        form.addRow(_("Invoice text in S&wedish"), self.message_sv)
        self.classes = FeeClassTable()
        hint = QLabel(
            _(
                "A member gets the fee of the class that fits it: a class for its kind before one for "
                "any kind, a class by member count before one for all; the lowest fee if several fit."
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Fee classes")))
        layout.addWidget(self.classes, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self._version: int | None = None
        self._load()

    def _load(self) -> None:
        terms = get_fee_year(self.db, self.year)
        if terms is None and get_fee_year(self.db, self.year - 1) is not None:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                _("Start {year} as a copy of the terms and fee classes of {previous}?").format(
                    year=self.year, previous=self.year - 1
                ),
            )
            if answer == QMessageBox.StandardButton.Yes and not self.db.read_only:
                terms = copy_terms(self.db, self.year - 1, self.year)
        if terms is None:
            self.reminder_days.setText("14")
            return
        self._version = terms.version
        self.due_date.setText(format_date(terms.due_date))
        self.reminder_days.setText(str(terms.reminder_days))
        self.iban.setText(terms.account_iban)
        self.bic.setText(terms.account_bic)
        self.reference_kind.setCurrentIndex(max(0, self.reference_kind.findData(terms.reference_kind)))
        self.message_fi.setPlainText(terms.message_fi)
        self.message_sv.setPlainText(terms.message_sv)
        self.classes.set_classes(
            [
                FeeClassForm(
                    c.name_fi,
                    c.name_sv,
                    format_money(c.amount).replace("€", "").strip(),
                    c.kind,
                    "" if c.min_members is None else str(c.min_members),
                    "" if c.max_members is None else str(c.max_members),
                    c.id,
                )
                for c in fee_classes(self.db, self.year)
            ]
        )

    def form(self) -> FeeYearForm:
        return FeeYearForm(
            str(self.year),
            self.due_date.text(),
            self.reminder_days.text(),
            self.iban.text(),
            self.bic.text(),
            self.reference_kind.currentData(),
            self.message_fi.toPlainText(),
            self.message_sv.toPlainText(),
        )

    def save(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.classes.clear_errors()
        try:
            save_fee_terms(self.db, self.form(), self.classes.classes(), self._version)
        except ValidationFailed as failed:
            self._show_errors(failed)
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()

    def _show_errors(self, failed: ValidationFailed) -> None:
        items = []
        for error in failed.errors:
            items.append((error.field, error.message))
            if error.field in self.boxes:
                self.boxes[error.field].show_error(error.message)
            elif error.field.startswith("classes["):
                row, _sep, key = error.field[len("classes[") :].partition("].")
                self.classes.mark_error(int(row), key, error.message)
        self.errors.set_items(items)
        self._focus(items[0][0])

    def _focus(self, key: str) -> None:
        if key in self.boxes:
            self.boxes[key].field.setFocus(Qt.FocusReason.OtherFocusReason)
        elif key.startswith("classes["):
            row, _sep, column = key[len("classes[") :].partition("].")
            self.classes.focus_cell(int(row), column)
