"""The organisation editor beside the list: tabs of fields, fees, persons and history."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from jarjestokeskus.domain.organisation import OrganisationForm, validate
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.history.record import record_history
from jarjestokeskus.services.organisations.names import former_names
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    get_organisation,
    restore_organisation,
    save_organisation,
)
from jarjestokeskus.services.rows import HistoryRow, OrganisationDetail
from jarjestokeskus.ui.history.panel import HistoryPanel
from jarjestokeskus.ui.organisations.business_id import save_confirming_business_id
from jarjestokeskus.ui.organisations.fee_table import FeeTable
from jarjestokeskus.ui.organisations.fields import OrganisationFields, form_from_detail
from jarjestokeskus.ui.organisations.former_names import FormerNamesDialog, former_names_text
from jarjestokeskus.ui.organisations.role_table import RoleTable
from jarjestokeskus.ui.outreach.organisation_contacts import OrganisationContacts
from jarjestokeskus.ui.widgets.editor_errors import EditorErrors
from jarjestokeskus.ui.widgets.field_errors import ErrorList
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices

BASIC_TAB, CONTACT_TAB, MEMBERSHIP_TAB, PERSONS_TAB, CONTACT_LOG_TAB, HISTORY_TAB = range(6)


class OrganisationEditor(RecordEditor):
    """One organisation, new or stored; every change goes through one service call."""

    services = RecordServices(
        get_organisation,
        save_organisation,
        archive_organisation,
        restore_organisation,
        form_from_detail,
        record_history,
    )
    blank_form = OrganisationForm

    def build_body(self) -> QWidget:
        self._fee_rows: list[int] = []
        self._role_rows: list[int] = []
        self.error_list = ErrorList()
        self.fee_table = FeeTable()
        self.role_table = RoleTable()
        self.fields = OrganisationFields(self.fee_table, self)
        self.fields.edited.connect(self._field_edited)
        self.fields.former_button.clicked.connect(self.edit_former_names)
        for table in (self.fee_table, self.role_table):
            table.changed.connect(self.update_state)
        self.history = HistoryPanel()
        self.contact_log = OrganisationContacts(self.db, self)
        persons = QWidget()
        QVBoxLayout(persons).addWidget(self.role_table)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (*self.fields.pages, persons, self.contact_log, self.history):
            self.tabs.addTab(page, "")
        self.errors = EditorErrors(self.fields, self.fee_table, self.role_table, self.error_list, self.tabs)
        return self.tabs

    def top_widgets(self) -> list[QWidget]:
        return [self.error_list]

    def tab_chain(self) -> list[QWidget]:
        # Down the fields page by page (Membership is the last, its fee table follows it), then the
        # persons and the history.
        chain: list[QWidget] = [self.tabs, *self.fields.tab_chain()]
        for table in (self.fee_table, self.role_table):
            chain += [table.table, table.add_button, table.remove_button]
        return [*chain, self.history.tree]

    def texts(self) -> dict[str, str]:
        # The same keys in every editor (duplicates finds their shape); the sentences are this
        # record's own: Finnish and Swedish word them per kind of record, so they are not shared.
        return {
            "new": _("New organisation"),
            "archived": _(
                "This organisation is archived (since {date}). Restore it to bring it back to the register."
            ),
            "archive_title": _("Archive organisation"),
            "archive_question": _(
                "Archive {name}? It leaves the register and waits in the archive, from where it can be restored."
            ),
            "restore_title": _("Restore organisation"),
            "leave": _("The organisation has changes that are not saved. Save them?"),
            "save_tip": _("Save the organisation (Ctrl+S)"),
            "archive_tip": _("Move the organisation to the archive; it can be restored"),
            "restore_tip": _("Bring the organisation back to the register"),
        }

    def retranslate(self) -> None:
        """The language was switched: every text again through `_()`."""
        texts = (
            _("&Basic"),
            _("C&ontact"),
            _("&Membership"),
            _("&Persons"),
            _("Contact &log"),
            _("&History"),
        )
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        self.fields.retranslate()
        self.fee_table.retranslate()
        self.contact_log.retranslate()
        self.role_table.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        super().retranslate()
        if self.errors:
            self._retranslate_errors()

    def store(
        self, form: OrganisationForm, record_id: uuid.UUID | None, version: int | None
    ) -> OrganisationDetail:
        """A business ID another organisation has is saved only when the user confirms it is shared."""
        return save_confirming_business_id(
            self,
            lambda shares: save_organisation(self.db, form, record_id, version, shares_business_id=shares),
        )

    def record_name(self, record: OrganisationDetail) -> str:
        return record.name(current_language()) or _("Unnamed organisation")

    # --- the record ----------------------------------------------------------------------
    def new_organisation(self) -> None:
        """An empty form; saving it creates the organisation."""
        self.new_record()

    def fill(
        self, record: OrganisationDetail | None, form: OrganisationForm, history: list[HistoryRow]
    ) -> None:
        self.fields.set_form(form)
        self.fee_table.set_fees(form.fees)
        self.role_table.set_roles(form.roles)
        names: dict[uuid.UUID, str] = {}
        if record is not None:
            names.update({fee.id: str(fee.year) for fee in record.fees})
            names.update(
                {
                    role.id: _("{name} ({role})").format(name=role.full_name, role=role.kind.label)
                    for role in record.roles
                }
            )
        earlier = former_names(self.db, record.id) if record is not None else []
        names.update({row.id: row.name(current_language()) for row in earlier})
        self.fields.former_summary.setText(former_names_text(earlier))
        self.fields.former_button.setEnabled(record is not None)
        self.history.set_rows(history, saved=record is not None, names=names)
        self.contact_log.show_organisation(
            record.id if record is not None else None, self.record_name(record) if record is not None else ""
        )

    def check(self) -> list[FieldError]:
        """A municipality newly typed must be one of the register; a text stored before the
        register is kept as it was (its note asks to choose one)."""
        box = self.fields.municipality
        if box.is_unknown() and box.is_changed():
            return [FieldError("municipality", _("Choose the municipality from the list of the register."))]
        return []

    def edit_former_names(self) -> None:
        """Their own window, for a stored organisation whose form has no unsaved changes (the
        names are stored at once, and the form is read again after)."""
        record = self.current_record()
        if record is None:
            return
        if self.has_unsaved_changes():
            QMessageBox.information(
                self, _("Earlier names"), _("Save or cancel the changes in the form first.")
            )
            return
        dialog = FormerNamesDialog(self.db, record.id, self.record_name(record), self)
        try:
            if dialog.exec():
                self.load(record.id)
        finally:
            dialog.deleteLater()

    def commit_editing(self) -> None:
        self.fee_table.commit_editing()
        self.role_table.commit_editing()

    def form(self) -> OrganisationForm:
        """The form as typed; the table row of each fee and role in it is kept for the errors."""
        fees, self._fee_rows = self.fee_table.fees()
        roles, self._role_rows = self.role_table.roles()
        return OrganisationForm(**self.fields.values(), fees=fees, roles=roles)  # type: ignore[arg-type]

    def set_read_only(self, read_only: bool) -> None:
        self.fields.set_read_only(read_only)
        self.fee_table.set_read_only(read_only)
        self.role_table.set_read_only(read_only)

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["name_fi"].setFocus()

    # --- errors --------------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError], go_to_first: bool = True) -> None:
        self.errors.show(errors, self._fee_rows, self._role_rows, go_to_first=go_to_first)

    def clear_errors(self) -> None:
        self.errors.clear()

    def _field_edited(self, key: str) -> None:
        if self._loading:
            return
        self.errors.field_edited(key)
        self.update_state()

    def _retranslate_errors(self) -> None:
        """Errors still shown again in the new language (the domain words them)."""
        shown = self.errors.keys()
        self.commit_editing()
        form = self.form()
        try:
            validate(form, date.today())
        except ValidationFailed as exc:
            self.show_errors([e for e in exc.errors if e.field in shown], go_to_first=False)
        else:
            self.errors.clear()
