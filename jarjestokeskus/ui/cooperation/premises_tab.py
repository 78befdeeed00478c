"""The Members' premises tab: whose premises each member uses, where, on what terms."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import PremisesOwner
from jarjestokeskus.i18n import N_, _, current_language
from jarjestokeskus.services.cooperation.grants import PremisesForm, member_premises, save_premises
from jarjestokeskus.ui.cooperation.common import (
    FormBox,
    RowsTableModel,
    enum_combo,
    retranslate_combo,
    run_saving,
    table_for,
)
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker


class PremisesTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = RowsTableModel(
            [
                (N_("Organisation"), lambda r: r.organisation),
                (N_("Whose"), lambda r: r.owner_kind),
                (N_("Owner"), lambda r: r.owner),
                (N_("Address"), lambda r: r.address),
                (N_("Free of charge"), lambda r: _("yes") if r.free_of_charge else _("no")),
                (N_("Rent a month"), lambda r: r.rent),
                (N_("Accessible"), lambda r: _("yes") if r.accessible else _("no")),
                (N_("To"), lambda r: r.end_date),
            ],
            self,
        )
        self.table = table_for(self.model)
        self.organisation = OrganisationPicker(db)
        self.owner_kind = enum_combo(PremisesOwner)
        self.owner, self.address, self.terms, self.rent = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.free = QCheckBox()
        self.accessible = QCheckBox()
        self.start_date, self.end_date = QLineEdit(), QLineEdit()
        self.add_button = QPushButton(clicked=self.add)
        self.labels = [
            (N_("Organisation"), self.organisation),
            (N_("Whose"), self.owner_kind),
            (N_("Owner"), self.owner),
            (N_("Address"), self.address),
            (N_("Terms"), self.terms),
            (N_("Free of charge"), self.free),
            (N_("Rent a month"), self.rent),
            (N_("Accessible"), self.accessible),
            (N_("From"), self.start_date),
            (N_("To"), self.end_date),
        ]
        self.box = FormBox(N_("Add premises"), self.labels, self.add_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(_("&Add premises"))
        self.box.retranslate()
        retranslate_combo(self.owner_kind)
        self.organisation.retranslate()
        self.model.retranslate()

    def refresh(self) -> None:
        self.model.set_rows(member_premises(self.db, language=current_language()))
        self.add_button.setEnabled(not self.db.read_only)

    def add(self) -> None:
        organisation_id = self.organisation.organisation_id()
        if organisation_id is None:
            QMessageBox.warning(
                self, _("Add premises"), _("{field}: required").format(field=_("Organisation"))
            )
            return
        form = PremisesForm(
            self.owner_kind.currentData(),
            self.owner.text(),
            self.address.text(),
            self.terms.text(),
            self.free.isChecked(),
            self.rent.text(),
            self.accessible.isChecked(),
            self.start_date.text(),
            self.end_date.text(),
        )
        if run_saving(self, _("Add premises"), lambda: save_premises(self.db, organisation_id, form)):
            self.organisation.set_choice(None)
            for field in (self.owner, self.address, self.terms, self.rent, self.start_date, self.end_date):
                field.clear()
            self.refresh()
