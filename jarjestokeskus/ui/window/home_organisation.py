"""Settings' "Your organisation": which organisation of the register is the home one, at any time."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.organisations.home import set_home_organisation
from jarjestokeskus.services.organisations.register import home_organisation
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker


class HomeOrganisationBox(QGroupBox):
    """The organisation chosen here is the umbrella itself: it employs the staff."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(_("Your organisation"), parent)
        self.db = db
        self.picker = OrganisationPicker(db)
        self.picker.setObjectName("homeOrganisation")
        home = home_organisation(db)
        self._stored = home.id if home is not None else None
        if home is not None:
            self.picker.set_choice(home.id, home.name(current_language()))
        self.picker.setReadOnly(db.read_only)
        self.note = QLabel(
            _("The umbrella organisation this register is kept for: it employs the staff."), wordWrap=True
        )
        self.error = QLabel(objectName="fieldError", wordWrap=True, visible=False)
        form = QFormLayout(self)
        label = QLabel(_("&Home organisation"))
        label.setBuddy(self.picker)
        form.addRow(label, self.picker)
        form.addRow(self.note)
        form.addRow(self.error)

    def save(self) -> bool:
        """Store a changed choice; False (with the reason shown) when it cannot be."""
        self.error.setVisible(False)
        if self.picker.is_unresolved():
            self._show(_("Choose the organisation from the list that opens as you type."))
            return False
        chosen = self.picker.organisation_id()
        if chosen is None or chosen == self._stored or self.db.read_only:
            return True
        try:
            set_home_organisation(self.db, chosen)
        except DatabaseProblem as problem:
            self._show(problem.user_message())
            return False
        self._stored = chosen
        return True

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.picker.setFocus()
