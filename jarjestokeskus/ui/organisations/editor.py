"""The organisation editor beside the list: tabs of fields, fees, persons and history; save, archive."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.domain.organisation import OrganisationForm, validate
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.history.record import record_history
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    get_organisation,
    restore_organisation,
    save_organisation,
)
from jarjestokeskus.services.rows import HistoryRow, OrganisationDetail
from jarjestokeskus.ui.history.panel import HistoryPanel, local_time
from jarjestokeskus.ui.organisations.fee_table import FeeTable
from jarjestokeskus.ui.organisations.fields import OrganisationFields, form_from_detail
from jarjestokeskus.ui.organisations.role_table import RoleTable
from jarjestokeskus.ui.widgets.editor_errors import EditorErrors
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, ErrorList
from jarjestokeskus.ui.widgets.record_buttons import RecordButtons

BASIC_TAB, CONTACT_TAB, MEMBERSHIP_TAB, PERSONS_TAB, HISTORY_TAB = range(5)


class OrganisationEditor(QWidget):
    """One organisation, new or stored; every change goes through one service call."""

    saved = Signal(object)  # organisation id (uuid.UUID) after a successful save
    archived = Signal(object)
    restored = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._detail: OrganisationDetail | None = None
        self._history: list[HistoryRow] = []
        self._baseline = OrganisationForm()
        self._loading = False
        self.setStyleSheet(STYLE_SHEET)
        self._build()
        self.retranslate()
        self.new_organisation()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(objectName="editorHeading", wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.archived_notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.archived_notice.setVisible(False)
        self.error_list = ErrorList()
        self.fee_table = FeeTable()
        self.role_table = RoleTable()
        self.fields = OrganisationFields(self.fee_table, self)
        self.fields.edited.connect(self._field_edited)
        for table in (self.fee_table, self.role_table):
            table.changed.connect(self._update_state)
        self.history = HistoryPanel()
        persons = QWidget()
        QVBoxLayout(persons).addWidget(self.role_table)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (*self.fields.pages, persons, self.history):
            self.tabs.addTab(page, "")
        self.errors = EditorErrors(self.fields, self.fee_table, self.role_table, self.error_list, self.tabs)

        self.buttons = RecordButtons(self)
        self.save_button, self.cancel_button, self.archive_button, self.restore_button, self.unsaved_label = (
            self.buttons.parts()
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.archived_notice)
        layout.addWidget(self.error_list)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        # Down the fields page by page (Membership is the last, its fee table follows it), then the
        # persons, the history and the buttons.
        chain: list[QWidget] = [self.tabs, *self.fields.tab_chain()]
        for table in (self.fee_table, self.role_table):
            chain += [table.table, table.add_button, table.remove_button]
        chain += [self.history.tree, self.save_button, self.cancel_button]
        chain += [self.archive_button, self.restore_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        """The language was switched: every text again through `_()`."""
        for index, text in enumerate((_("Basic"), _("Contact"), _("Membership"), _("Persons"), _("History"))):
            self.tabs.setTabText(index, text)
        self.buttons.retranslate()
        self.save_button.setToolTip(_("Save the organisation (Ctrl+S)"))
        self.cancel_button.setToolTip(_("Throw away the changes and show the stored values (Esc)"))
        self.archive_button.setToolTip(_("Move the organisation to the archive; it can be restored"))
        self.restore_button.setToolTip(_("Bring the organisation back to the register"))
        self.fields.retranslate()
        self.fee_table.retranslate()
        self.role_table.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        self._show_heading()
        if self.errors:
            self._retranslate_errors()

    def _show_heading(self) -> None:
        detail = self._detail
        if detail is None:
            self.heading.setText(_("New organisation"))
        else:
            self.heading.setText(detail.name(current_language()) or _("Unnamed organisation"))
        if detail is not None and detail.archived_at is not None:
            when = format_date(local_time(detail.archived_at).date())
            self.archived_notice.setText(
                _(
                    "This organisation is archived (since {date}). Restore it to bring it back to the register."
                ).format(date=when)
            )
        self.archived_notice.setVisible(detail is not None and detail.archived_at is not None)

    # --- showing a record ----------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self._detail.id if self._detail is not None else None

    def new_organisation(self) -> None:
        """An empty form; saving it creates the organisation."""
        self._show(None, [])
        self.tabs.setCurrentIndex(BASIC_TAB)

    def load(self, organisation_id: uuid.UUID) -> None:
        """Show the stored organisation; DatabaseProblem (e.g. it no longer exists) goes to the caller."""
        detail = get_organisation(self.db, organisation_id)
        history = record_history(self.db, organisation_id)
        self._show(detail, history)

    def set_municipalities(self, names: list[str]) -> None:
        """The municipalities offered in the form (the view reads them once for list and form)."""
        self.fields.set_municipalities(names)

    def _show(self, detail: OrganisationDetail | None, history: list[HistoryRow]) -> None:
        self._loading = True
        try:
            self._detail = detail
            self._history = history
            self.errors.clear()
            form = form_from_detail(detail) if detail is not None else OrganisationForm()
            self.fields.set_form(form)
            self.fee_table.set_fees(form.fees)
            self.role_table.set_roles(form.roles)
            names: dict[uuid.UUID, str] = {}
            if detail is not None:
                names.update({fee.id: str(fee.year) for fee in detail.fees})
                names.update(
                    {
                        role.id: _("{name} ({role})").format(name=role.full_name, role=role.kind.label)
                        for role in detail.roles
                    }
                )
            self.history.set_rows(history, saved=detail is not None, names=names)
        finally:
            self._loading = False
        self._baseline = self._collect()[0]
        self._show_heading()
        self._update_state()

    def _collect(self) -> tuple[OrganisationForm, list[int], list[int]]:
        """The form as typed, and the table row of each fee and role in it."""
        self.fee_table.commit_editing()
        self.role_table.commit_editing()
        fees, fee_rows = self.fee_table.fees()
        roles, role_rows = self.role_table.roles()
        form = OrganisationForm(**self.fields.values(), fees=fees, roles=roles)  # type: ignore[arg-type]
        return form, fee_rows, role_rows

    def has_unsaved_changes(self) -> bool:
        return self._collect()[0] != self._baseline

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["name_fi"].setFocus()

    def _update_state(self) -> None:
        if self._loading:
            return
        read_only = self.db.read_only
        archived = self._detail is not None and self._detail.archived_at is not None
        self.fields.set_read_only(read_only)
        self.fee_table.set_read_only(read_only)
        self.role_table.set_read_only(read_only)
        self.buttons.show_state(
            read_only=read_only,
            archived=archived,
            stored=self._detail is not None,
            unsaved=self.has_unsaved_changes(),
        )

    # --- actions -------------------------------------------------------------------------
    def save(self) -> bool:
        """Store what is typed; on refusal the fields are marked and nothing typed is lost."""
        if self.db.read_only:
            holder = self.db.holder.describe() if self.db.holder else ""
            self._problem(_("Save"), ReadOnlyDatabase(holder).user_message())
            return False
        form, fee_rows, role_rows = self._collect()
        detail = self._detail
        try:
            stored = save_organisation(
                self.db, form, detail.id if detail else None, detail.version if detail else None
            )
        except ValidationFailed as exc:
            self.errors.show(exc.errors, fee_rows, role_rows, go_to_first=True)
            return False
        except DatabaseProblem as exc:
            self._problem(_("Save"), exc.user_message())
            return False
        self._show(stored, self._history_of(stored.id))
        self.saved.emit(stored.id)
        return True

    def _history_of(self, organisation_id: uuid.UUID) -> list[HistoryRow]:
        """After a change has been stored, a failure to read the history must not hide that."""
        try:
            return record_history(self.db, organisation_id)
        except DatabaseProblem:
            return []

    def cancel(self) -> None:
        """Throw away the edits: the stored values again, or an empty form for a new one."""
        if self.db.read_only:
            return
        self._show(self._detail, self._history)

    def archive(self) -> bool:
        """Soft delete after a confirmation; the organisation can be restored from the archive."""
        detail = self._detail
        if detail is None or self.db.read_only or detail.archived_at is not None:
            return False
        text = _(
            "Archive {name}? It leaves the register and waits in the archive, from where it can be restored."
        ).format(name=detail.name(current_language()) or _("Unnamed organisation"))
        if self.has_unsaved_changes():
            text += "\n\n" + _("The changes that are not saved will be thrown away.")
        if not self._confirm(_("Archive organisation"), text):
            return False
        try:
            archive_organisation(self.db, detail.id, detail.version)
        except DatabaseProblem as exc:
            self._problem(_("Archive organisation"), exc.user_message())
            return False
        self._reload(detail.id)
        self.archived.emit(detail.id)
        return True

    def restore(self) -> bool:
        """Back to the register; asks first only when unsaved changes would be thrown away."""
        detail = self._detail
        if detail is None or self.db.read_only or detail.archived_at is None:
            return False
        if self.has_unsaved_changes() and not self._confirm(
            _("Restore organisation"),
            _("Restore {name}? The changes that are not saved will be thrown away.").format(
                name=detail.name(current_language()) or _("Unnamed organisation")
            ),
        ):
            return False
        try:
            restore_organisation(self.db, detail.id, detail.version)
        except DatabaseProblem as exc:
            self._problem(_("Restore organisation"), exc.user_message())
            return False
        self._reload(detail.id)
        self.restored.emit(detail.id)
        return True

    def _reload(self, organisation_id: uuid.UUID) -> None:
        """The stored values after an archive or restore (which changed the version)."""
        try:
            detail = get_organisation(self.db, organisation_id)
        except DatabaseProblem:
            self.new_organisation()
            return
        self._show(detail, self._history_of(organisation_id))

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _problem(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # --- errors --------------------------------------------------------------------------
    def _field_edited(self, key: str) -> None:
        if self._loading:
            return
        self.errors.field_edited(key)
        self._update_state()

    def _retranslate_errors(self) -> None:
        """Errors still shown again in the new language (the domain words them)."""
        shown = self.errors.keys()
        form, fee_rows, role_rows = self._collect()
        try:
            validate(form, date.today())
        except ValidationFailed as exc:
            self.errors.show(
                [e for e in exc.errors if e.field in shown], fee_rows, role_rows, go_to_first=False
            )
        else:
            self.errors.clear()
