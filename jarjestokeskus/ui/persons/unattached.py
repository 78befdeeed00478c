"""Persons in no role: the contact persons removed from their organisations and others kept for
no purpose, listed to export their data or erase them (the same as `person unattached`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _, current_language, format_date, localized
from jarjestokeskus.services.person_data import UnattachedPerson, persons_without_role
from jarjestokeskus.ui.staff.actions import ask, erase_everywhere, export_person_file, tell_erased

COL_NAME, COL_ORGANISATION, COL_ENDED = range(3)


class UnattachedPersonsDialog(QDialog):
    """The list with Export… and Erase… for the person chosen."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ask = ask
        self.persons: list[UnattachedPerson] = []
        self.setWindowTitle(_("Persons in no role"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "These persons have no current role in any organisation and no employment. Keep "
                    "only those the work still needs; export a person's data or erase the person."
                ),
                wordWrap=True,
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Last organisation"), _("Role ended")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        self.empty = QLabel(_("Every person has a role or an employment."))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(_("E&xport data…"))
        self.erase_button = QPushButton(_("E&rase…"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.persons = persons_without_role(self.db)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            self.persons = []
        self.table.setRowCount(len(self.persons))
        language = current_language()
        for row, person in enumerate(self.persons):
            organisation = localized(person.last_organisation_fi, person.last_organisation_sv, language)
            for column, text in (
                (COL_NAME, person.name),
                (COL_ORGANISATION, organisation),
                (COL_ENDED, format_date(person.role_ended)),
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(COL_NAME)
        self.empty.setVisible(not self.persons)
        self.table.setVisible(bool(self.persons))
        self._selection_changed()

    def chosen(self) -> UnattachedPerson | None:
        rows = self.table.selectionModel().selectedRows()
        return self.persons[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        person = self.chosen()
        self.export_button.setEnabled(person is not None)
        self.erase_button.setEnabled(person is not None and not self.db.read_only)

    def export(self) -> bool:
        person = self.chosen()
        return person is not None and export_person_file(self, self.db, person.id, person.name)

    def erase(self) -> bool:
        person = self.chosen()
        if person is None or self.db.read_only:
            return False
        question = _(
            "Erase {name} for good? The name and contact data are removed everywhere and cannot be "
            "brought back."
        ).format(name=person.name)
        if not self.ask(self, _("Erase the person"), question, _("Erase")):
            return False
        try:
            result = erase_everywhere(self, self.db, person.id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Erase the person"), problem.user_message())
            return False
        self.refresh()
        tell_erased(self, person.name, result)
        return True


class PersonActions(QObject):
    """The window's menu entry that opens the list."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.unattached_action = QAction(window)
        self.unattached_action.triggered.connect(lambda _checked=False: self.show_unattached())
        self.dialog: UnattachedPersonsDialog | None = None

    def retranslate(self) -> None:
        self.unattached_action.setText(_("&Persons in no role…"))

    def show_unattached(self) -> UnattachedPersonsDialog:
        database: Database = self.window.database  # type: ignore[attr-defined]
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = UnattachedPersonsDialog(database, self.window)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.open()
        return self.dialog
