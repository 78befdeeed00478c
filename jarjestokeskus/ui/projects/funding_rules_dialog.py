"""Editing the funders' rules: add a rule in force from a date; older rules stay for earlier years."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import FundingInstrument, ReportKind
from jarjestokeskus.domain.funding import InstalmentRuleForm, ReportingRuleForm, rule_label
from jarjestokeskus.domain.rule_notes import note_text
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.projects import funding_rules as service
from jarjestokeskus.ui.widgets.field_errors import ERROR_COLOUR, set_invalid
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

ID_ROLE = Qt.ItemDataRole.UserRole


def _combo(members: list) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox()
    for member in members:
        combo.addItem(member.label, member.value)
    return combo


class _RulePage(QWidget):
    """A list of rules and, under it, a form that adds one."""

    def __init__(self, db: Database, keys: tuple[str, ...]) -> None:
        super().__init__()
        self.db = db
        self.table = QTableWidget(0, len(keys))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.keys = keys
        self.inputs: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.add_button = QPushButton(clicked=self.add)
        self.remove_button = QPushButton(clicked=self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def add_input(self, key: str, widget: QWidget) -> None:
        caption = QLabel()
        caption.setBuddy(widget)
        self.captions[key] = caption
        self.inputs[key] = widget
        self.form.addRow(caption, widget)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([rule_label(key) for key in self.keys])
        for key, caption in self.captions.items():
            caption.setText(rule_label(key))
        self.add_button.setText(_("&Add rule"))
        self.remove_button.setText(_("Remove the chosen rule"))

    def show_rows(self, rows: list[tuple[object, list[str]]]) -> None:
        self.table.setRowCount(len(rows))
        for row, (rule_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, rule_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def show_errors(self, exc: ValidationFailed) -> None:
        keys = {e.field for e in exc.errors}
        for key, widget in self.inputs.items():
            set_invalid(widget, key in keys)
        self.message.setText("\n".join(e.message for e in exc.errors))

    def clear_errors(self) -> None:
        for widget in self.inputs.values():
            set_invalid(widget, False)
        self.message.clear()

    def chosen(self) -> object:
        """The rule chosen in the list, once the user has confirmed removing it."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        answer = QMessageBox.question(
            self,
            _("Funders' rules"),
            _("Remove the chosen rule? Fundings already saved keep their instalments and reports."),
        )
        return item.data(ID_ROLE) if answer == QMessageBox.StandardButton.Yes else None

    def add(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError


class ReportingRulesPage(_RulePage):
    def __init__(self, db: Database) -> None:
        keys = (
            "instrument",
            "funder",
            "kind",
            "due_day",
            "due_month",
            "years_after",
            "every_grant_year",
            "effective_from",
            "source",
            "note",
        )
        super().__init__(db, keys)
        self.instrument = _combo(list(FundingInstrument))
        self.funder = OrganisationPicker(db)
        self.kind = _combo(list(ReportKind))
        self.lines = {
            key: QLineEdit()
            for key in ("due_day", "due_month", "years_after", "effective_from", "source", "note")
        }
        self.lines["years_after"].setText("1")
        self.every_grant_year = QCheckBox()
        for key, widget in (("instrument", self.instrument), ("funder", self.funder), ("kind", self.kind)):
            self.add_input(key, widget)
        for key, edit in self.lines.items():
            self.add_input(key, edit)
        self.add_input("every_grant_year", self.every_grant_year)

    def retranslate(self) -> None:
        super().retranslate()
        self.lines["effective_from"].setPlaceholderText(_("d.m.yyyy"))
        self.funder.setPlaceholderText(_("Any funder"))
        for combo, enum_type in ((self.instrument, FundingInstrument), (self.kind, ReportKind)):
            for index in range(combo.count()):
                combo.setItemText(index, enum_type(combo.itemData(index)).label)
        self.reload()

    def reload(self) -> None:
        language = current_language()
        rows = [
            (
                r.id,
                [
                    r.instrument.label,
                    r.funder_name(language) or _("Any funder"),
                    r.kind.label,
                    str(r.due_day),
                    str(r.due_month),
                    str(r.years_after),
                    _("Yes") if r.every_grant_year else "",
                    format_date(r.effective_from),
                    r.source,
                    note_text(r.note),
                ],
            )
            for r in service.reporting_rules(self.db)
        ]
        self.show_rows(rows)  # type: ignore[arg-type]

    def form_values(self) -> ReportingRuleForm:
        texts = {key: edit.text() for key, edit in self.lines.items()}
        return ReportingRuleForm(
            FundingInstrument(self.instrument.currentData()),
            ReportKind(self.kind.currentData()),
            funder_id=self.funder.organisation_id(),
            every_grant_year=self.every_grant_year.isChecked(),
            **texts,
        )

    def add(self) -> None:
        try:
            service.save_reporting_rule(self.db, self.form_values())
        except ValidationFailed as exc:
            self.show_errors(exc)
            return
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Funders' rules"), exc.user_message())
            return
        self.clear_errors()
        self.reload()

    def remove(self) -> None:
        rule_id = self.chosen()
        if rule_id is not None:
            service.archive_reporting_rule(self.db, rule_id)  # type: ignore[arg-type]
            self.reload()


class InstalmentRulesPage(_RulePage):
    def __init__(self, db: Database) -> None:
        super().__init__(db, ("instrument", "months", "day", "effective_from", "source", "note"))
        self.instrument = _combo(list(FundingInstrument))
        self.lines = {key: QLineEdit() for key in ("months", "day", "effective_from", "source", "note")}
        self.lines["day"].setText("1")
        self.add_input("instrument", self.instrument)
        for key, edit in self.lines.items():
            self.add_input(key, edit)

    def retranslate(self) -> None:
        super().retranslate()
        self.lines["effective_from"].setPlaceholderText(_("d.m.yyyy"))
        self.lines["months"].setPlaceholderText(_("2,5,8,11 (empty: no default instalments)"))
        for index in range(self.instrument.count()):
            self.instrument.setItemText(index, FundingInstrument(self.instrument.itemData(index)).label)
        self.reload()

    def reload(self) -> None:
        rows = [
            (
                r.id,
                [
                    r.instrument.label,
                    r.months or "–",
                    str(r.day),
                    format_date(r.effective_from),
                    r.source,
                    note_text(r.note),
                ],
            )
            for r in service.instalment_rules(self.db)
        ]
        self.show_rows(rows)  # type: ignore[arg-type]

    def form_values(self) -> InstalmentRuleForm:
        texts = {key: edit.text() for key, edit in self.lines.items()}
        return InstalmentRuleForm(FundingInstrument(self.instrument.currentData()), **texts)

    def add(self) -> None:
        try:
            service.save_instalment_rule(self.db, self.form_values())
        except ValidationFailed as exc:
            self.show_errors(exc)
            return
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Funders' rules"), exc.user_message())
            return
        self.clear_errors()
        self.reload()

    def remove(self) -> None:
        rule_id = self.chosen()
        if rule_id is not None:
            service.archive_instalment_rule(self.db, rule_id)  # type: ignore[arg-type]
            self.reload()


class FundingRulesDialog(QDialog):
    """Reporting and instalment rules; a change of a funder's rules is a new rule with its date."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(900, 620)
        self.intro = QLabel(wordWrap=True)
        self.reporting = ReportingRulesPage(db)
        self.instalments = InstalmentRulesPage(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reporting, "")
        self.tabs.addTab(self.instalments, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        for page in (self.reporting, self.instalments):
            page.setEnabled(not db.read_only)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Funders' rules"))
        self.intro.setText(
            _(
                "A funding follows the rules in force at the start of its year. When a funder changes "
                "its rules, add a rule in force from the date of the change: earlier years keep the old one."
            )
        )
        self.tabs.setTabText(0, _("Reporting"))
        self.tabs.setTabText(1, _("Instalments"))
        self.reporting.retranslate()
        self.instalments.retranslate()
