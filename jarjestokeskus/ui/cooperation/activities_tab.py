"""The Activities and services tab: the members' activities searched, narrowed, added and exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, _, current_language
from jarjestokeskus.services.cooperation.activities import (
    LANGUAGE_CODES,
    ActivityForm,
    activities,
    export_activities,
    save_activity,
)
from jarjestokeskus.services.exports.files import ExportFailed, format_from_suffix
from jarjestokeskus.ui.cooperation.common import FormBox, RowsTableModel, run_saving, table_for
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker


class ActivitiesTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.municipality = QLineEdit(clearButtonEnabled=True)
        self.municipality.editingFinished.connect(self.refresh)
        self.language = QComboBox()
        self.language.addItem("", "")
        for code in LANGUAGE_CODES:
            self.language.addItem(code, code)
        self.language.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton(clicked=self.export)
        self.filter_labels = [QLabel(), QLabel(), QLabel()]
        top = QHBoxLayout()
        for label, widget in zip(
            self.filter_labels, (self.search, self.municipality, self.language), strict=True
        ):
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(self.export_button)
        self.model = RowsTableModel(
            [
                (N_("Activity"), lambda r: r.title(current_language())),
                (N_("Organisation"), lambda r: r.organisation),
                (N_("For whom"), lambda r: r.audience),
                (N_("Where"), lambda r: r.place),
                (N_("Municipality"), lambda r: r.municipality),
                (N_("When"), lambda r: r.schedule),
                (N_("Languages"), lambda r: r.languages),
                (N_("Contact"), lambda r: r.contact),
            ],
            self,
        )
        self.table = table_for(self.model)
        self.summary = QLabel()
        self.organisation = OrganisationPicker(db)
        self.fields = {key: QLineEdit() for key in ActivityForm.__dataclass_fields__}
        self.add_button = QPushButton(clicked=self.add)
        self.labels = [(N_("Organisation"), self.organisation)] + [
            (label, self.fields[key])
            for key, label in (
                ("title_fi", N_("Name in Finnish")),
                ("title_sv", N_("Name in Swedish")),
                ("description", N_("Description")),
                ("audience", N_("For whom")),
                ("place", N_("Where")),
                ("municipality", N_("Municipality")),
                ("schedule", N_("When")),
                ("languages", N_("Languages")),
                ("contact", N_("Contact")),
            )
        ]
        self.box = FormBox(N_("Add an activity"), self.labels, self.add_button)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addWidget(self.box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.filter_labels, (_("&Search"), _("M&unicipality"), _("&Language")), strict=True
        ):
            label.setText(text)
        self.export_button.setText(_("&Export…"))
        self.add_button.setText(_("&Add activity"))
        self.box.retranslate()
        self.organisation.retranslate()
        self.model.retranslate()

    def listed(self) -> list:  # type: ignore[type-arg]
        return activities(
            self.db,
            self.search.text(),
            self.municipality.text().strip(),
            self.language.currentData() or "",
            current_language(),
        )

    def refresh(self) -> None:
        rows = self.listed()
        self.model.set_rows(rows)
        self.summary.setText(_("{count} activities listed").format(count=len(rows)))
        self.add_button.setEnabled(not self.db.read_only)

    def add(self) -> None:
        organisation_id = self.organisation.organisation_id()
        if organisation_id is None:
            QMessageBox.warning(
                self, _("Add an activity"), _("{field}: required").format(field=_("Organisation"))
            )
            return
        form = ActivityForm(**{key: field.text() for key, field in self.fields.items()})
        if run_saving(self, _("Add an activity"), lambda: save_activity(self.db, organisation_id, form)):
            self.organisation.set_choice(None)
            for field in self.fields.values():
                field.clear()
            self.refresh()

    def export(self) -> None:
        title = _("Export activities")
        name, _filter = QFileDialog.getSaveFileName(
            self, title, "", _("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        format = format_from_suffix(path) or "xlsx"
        try:
            export_activities(self.listed(), path, format, current_language())
        except ExportFailed as failed:
            QMessageBox.warning(self, title, failed.user_message())
