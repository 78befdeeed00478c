"""The Members' grants tab: a year's grants, one entered by hand, or a decision list imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument
from jarjestokeskus.i18n import N_, _, current_language, format_money
from jarjestokeskus.services.cooperation.grant_import import (
    GrantDefaults,
    guess_grant_mapping,
    import_grants,
    preview_grants,
    problem_text,
)
from jarjestokeskus.services.cooperation.grants import GrantForm, member_grants, save_grant
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table
from jarjestokeskus.ui.cooperation.common import (
    FormBox,
    RowsTableModel,
    enum_combo,
    retranslate_combo,
    run_saving,
    table_for,
)
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

SHOWN_PROBLEMS = 15


class GrantsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year_label = QLabel()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.import_button = QPushButton(clicked=self.import_file)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.import_button)
        top.addStretch(1)
        self.model = RowsTableModel(
            [
                (N_("Organisation"), lambda r: r.organisation),
                (N_("Municipality"), lambda r: r.municipality),
                (N_("Grantor"), lambda r: r.grantor),
                (N_("Instrument"), lambda r: r.instrument),
                (N_("Applied"), lambda r: r.amount_applied),
                (N_("Granted"), lambda r: r.amount_granted),
            ],
            self,
        )
        self.table = table_for(self.model)
        self.summary = QLabel()
        self.organisation = OrganisationPicker(db)
        self.grantor_kind = enum_combo(AreaKind)
        self.grantor = QLineEdit()
        self.instrument = enum_combo(GrantInstrument)
        self.applied, self.granted = QLineEdit(), QLineEdit()
        self.add_button = QPushButton(clicked=self.add)
        self.labels = [
            (N_("Organisation"), self.organisation),
            (N_("Whose"), self.grantor_kind),
            (N_("Grantor"), self.grantor),
            (N_("Instrument"), self.instrument),
            (N_("Applied"), self.applied),
            (N_("Granted"), self.granted),
        ]
        self.box = FormBox(N_("Add a grant"), self.labels, self.add_button)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addWidget(self.box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.year_label.setText(_("&Year"))
        self.import_button.setText(_("&Import a decision list…"))
        self.add_button.setText(_("&Add grant"))
        self.box.retranslate()
        for combo in (self.grantor_kind, self.instrument):
            retranslate_combo(combo)
        self.organisation.retranslate()
        self.model.retranslate()

    def refresh(self) -> None:
        rows = member_grants(self.db, self.year.value(), language=current_language())
        self.model.set_rows(rows)
        granted = sum((r.amount_granted or 0 for r in rows), 0)
        self.summary.setText(
            _("{count} grants, granted {amount} in total").format(
                count=len(rows), amount=format_money(granted)
            )
        )
        for button in (self.add_button, self.import_button):
            button.setEnabled(not self.db.read_only)

    def add(self) -> None:
        organisation_id = self.organisation.organisation_id()
        form = GrantForm(
            str(self.year.value()),
            self.grantor_kind.currentData(),
            self.grantor.text(),
            self.instrument.currentData(),
            self.applied.text(),
            self.granted.text(),
        )
        if organisation_id is None:
            QMessageBox.warning(
                self, _("Add a grant"), _("{field}: required").format(field=_("Organisation"))
            )
            return
        if run_saving(self, _("Add a grant"), lambda: save_grant(self.db, organisation_id, form)):
            self.organisation.set_choice(None)
            for field in (self.applied, self.granted):
                field.clear()
            self.refresh()

    def import_file(self) -> None:
        """A decision list read; its grants shown as counted, saved only when the user agrees."""
        title = _("Import a decision list")
        name, _filter = QFileDialog.getOpenFileName(self, title, "", _("Tables (*.xlsx *.csv)"))
        if not name:
            return
        try:
            table = read_table(Path(name))
        except ImportFileProblem as problem:
            QMessageBox.warning(self, title, str(problem))
            return
        defaults = GrantDefaults(str(self.year.value()), self.grantor_kind.currentData(), self.grantor.text())
        preview = preview_grants(self.db, table, guess_grant_mapping(table.header), defaults)
        if preview.problems:
            lines = [problem_text(p) for p in preview.problems[:SHOWN_PROBLEMS]]
            QMessageBox.warning(self, title, _("Nothing was saved.") + "\n\n" + "\n".join(lines))
            return
        total = sum((g.values.amount_granted or 0 for g in preview.grants), 0)
        question = _("Save {count} grants, {amount} granted in total?").format(
            count=len(preview.grants), amount=format_money(total)
        )
        agreed = QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes
        if agreed and run_saving(self, title, lambda: import_grants(self.db, preview)):
            self.refresh()
