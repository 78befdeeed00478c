"""Importing a grantor's decision list: which column is what (guessed from the headings, changed
by the user), the year, grantor and instrument for rows that do not say, and what would be saved;
nothing is saved while any row is wrong."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, format_money
from jarjestokeskus.services.cooperation.grant_import import (
    FIELDS,
    GrantDefaults,
    GrantPreview,
    guess_grant_mapping,
    import_grants,
    preview_grants,
    problem_text,
)
from jarjestokeskus.services.organisations.import_files import Table
from jarjestokeskus.ui.cooperation.fields import area_combo, area_kind_of, fill_area_combo

SHOWN_PROBLEMS = 15


class GrantImportDialog(QDialog):
    def __init__(self, db: Database, table: Table, year: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.table = db, table
        self.preview: GrantPreview | None = None
        self.setWindowTitle(_("Import a decision list"))
        self.year = QLineEdit(str(year or date.today().year))
        self.whose = QComboBox()
        for kind in AreaKind:
            self.whose.addItem(kind.label, kind)
        self.grantor = area_combo()
        fill_area_combo(self.grantor, AreaKind.MUNICIPALITY, "")
        self.instrument = QComboBox()
        for instrument in GrantInstrument:
            self.instrument.addItem(instrument.label, instrument)
        form = QFormLayout()
        for text, widget in (
            (_("&Year"), self.year),
            (_("W&hose"), self.whose),
            (_("&Grantor"), self.grantor),
            (_("&Instrument"), self.instrument),
        ):
            form.addRow(text, widget)
        self.columns = QTableWidget(len(table.header), 2)
        self.columns.setHorizontalHeaderLabels([_("Column of the file"), _("Is")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setStretchLastSection(True)
        guessed = guess_grant_mapping(table.header)
        self.choices: list[QComboBox] = []
        for column, heading in enumerate(table.header):
            self.columns.setItem(column, 0, QTableWidgetItem(heading))
            choice = QComboBox()
            choice.addItem(_("(not used)"), "")
            for key, label in FIELDS.items():
                choice.addItem(_(label), key)
            choice.setCurrentIndex(max(0, choice.findData(guessed.get(column, ""))))
            choice.currentIndexChanged.connect(lambda _i: self.check())
            self.columns.setCellWidget(column, 1, choice)
            self.choices.append(choice)
        self.result = QLabel(wordWrap=True)
        self.problems = QPlainTextEdit(readOnly=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Which column is what:")))
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.whose.currentIndexChanged.connect(self._whose_changed)
        for signal in (self.year.textEdited, self.grantor.currentTextChanged):
            signal.connect(lambda _text: self.check())
        self.instrument.currentIndexChanged.connect(lambda _i: self.check())
        self.resize(640, 560)
        self.check()

    def _whose_changed(self) -> None:
        fill_area_combo(self.grantor, area_kind_of(AreaKind(self.whose.currentData())), "")
        self.check()

    def mapping(self) -> dict[int, str]:
        chosen = {column: choice.currentData() for column, choice in enumerate(self.choices)}
        return {column: key for column, key in chosen.items() if key}

    def check(self) -> None:
        """What the file would give with the columns and defaults as chosen now."""
        defaults = GrantDefaults(
            self.year.text(),
            AreaKind(self.whose.currentData()),
            self.grantor.currentText(),
            GrantInstrument(self.instrument.currentData()),
        )
        try:
            self.preview = preview_grants(self.db, self.table, self.mapping(), defaults)
        except DatabaseProblem as problem:
            self.preview = None
            self.result.setText(problem.user_message())
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        grants, problems = self.preview.grants, self.preview.problems
        total = sum((g.values.amount_granted or 0 for g in grants), 0)
        self.result.setText(
            _("{count} grants, {amount} granted in total; rows with errors: {errors}").format(
                count=len(grants), amount=format_money(total), errors=len({p.row for p in problems})
            )
        )
        self.problems.setPlainText("\n".join(problem_text(p) for p in problems[:SHOWN_PROBLEMS]))
        self.problems.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(grants) and not problems)

    def save(self) -> None:
        if self.preview is None:
            return
        try:
            import_grants(self.db, self.preview)
        except ValidationFailed as failed:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(e.message for e in failed.errors))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()
