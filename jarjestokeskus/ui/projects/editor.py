"""The project editor beside the list: basic, partners, staff, fundings and history; save, archive."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.domain.projects import ProjectForm, label, validate
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date, format_number
from jarjestokeskus.services.projects.register import (
    archive_project,
    get_project,
    project_history,
    restore_project,
    save_project,
)
from jarjestokeskus.services.rows import HistoryRow, ProjectDetail, StaffShareRow
from jarjestokeskus.ui.history.panel import local_time
from jarjestokeskus.ui.projects.basic import ProjectFields, form_from_detail
from jarjestokeskus.ui.projects.errors import ProjectErrorList, ProjectErrors, ProjectHistoryPanel
from jarjestokeskus.ui.projects.funding_panel import FundingPanel
from jarjestokeskus.ui.projects.tables import PartnerTable
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET
from jarjestokeskus.ui.widgets.record_buttons import RecordButtons

BASIC_TAB, PARTNERS_TAB, STAFF_TAB, FUNDINGS_TAB, HISTORY_TAB = range(5)


class ProjectEditor(QWidget):
    """One project, new or stored; every change goes through one service call."""

    saved = Signal(object)  # project id
    archived = Signal(object)
    restored = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._detail: ProjectDetail | None = None
        self._history: list[HistoryRow] = []
        self._baseline = ProjectForm()
        self._loading = False
        self.setStyleSheet(STYLE_SHEET)
        self._build()
        self.retranslate()
        self.new_project()

    def _build(self) -> None:
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.archived_notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.archived_notice.setVisible(False)
        self.error_list = ProjectErrorList()
        self.fields = ProjectFields(self.db, self)
        self.fields.edited.connect(self._field_edited)
        self.fields.status_table.changed.connect(self._update_state)
        self.partners = PartnerTable(self.db)
        self.partners.changed.connect(self._update_state)
        self.staff = QTableWidget(0, 5)
        self.staff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff.verticalHeader().setVisible(False)
        self.staff.horizontalHeader().setStretchLastSection(True)
        self.staff_note = QLabel(wordWrap=True)
        self.fundings = FundingPanel(self.db)
        self.fundings.changed.connect(self._update_state)
        self.fundings.edited.connect(self._field_edited)
        self.history = ProjectHistoryPanel()
        partners = QWidget()
        QVBoxLayout(partners).addWidget(self.partners)
        staff = QWidget()
        staff_layout = QVBoxLayout(staff)
        staff_layout.addWidget(self.staff_note)
        staff_layout.addWidget(self.staff, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.fields.page, partners, staff, self.fundings, self.history):
            self.tabs.addTab(page, "")
        self.errors = ProjectErrors(self.fields, self.partners, self.fundings, self.error_list, self.tabs)

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
        chain: list[QWidget] = [self.tabs, *self.fields.tab_chain()]
        chain += [
            self.partners.picker,
            self.partners.table,
            self.partners.add_button,
            self.partners.remove_button,
        ]
        chain += [self.staff, *self.fundings.tab_chain(), self.history.tree]
        chain += [self.save_button, self.cancel_button, self.archive_button, self.restore_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        texts = (_("&Basic"), _("&Partners"), _("S&taff"), _("F&undings"), _("&History"))
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        self.buttons.retranslate()
        self.save_button.setToolTip(_("Save the project (Ctrl+S)"))
        self.cancel_button.setToolTip(_("Throw away the changes and show the stored values (Esc)"))
        self.archive_button.setToolTip(_("Move the project to the archive; it can be restored"))
        self.staff.setHorizontalHeaderLabels(
            [_("Person"), _("Title"), _("Share (%)"), _("Start date"), _("End date")]
        )
        self.staff_note.setText(_("Staff paid from this project's money (edited in the staff view)."))
        self.fields.retranslate()
        self.partners.retranslate()
        self.fundings.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        self._show_heading()
        self._show_staff()
        if self.errors:
            self._retranslate_errors()

    def _show_heading(self) -> None:
        detail = self._detail
        if detail is None:
            self.heading.setText(_("New project"))
        else:
            self.heading.setText(detail.name(current_language()) or _("Unnamed project"))
        archived = detail is not None and detail.archived_at is not None
        if archived:
            when = format_date(local_time(detail.archived_at).date())  # type: ignore[union-attr, arg-type]
            self.archived_notice.setText(
                _("This project is archived (since {date}). Restore it to bring it back to the list.").format(
                    date=when
                )
            )
        self.archived_notice.setVisible(archived)

    def _show_staff(self) -> None:
        rows: tuple[StaffShareRow, ...] = self._detail.staff if self._detail else ()
        self.staff.setRowCount(len(rows))
        for index, row in enumerate(rows):
            texts = (
                row.person_name,
                row.title,
                format_number(row.share_percent),
                format_date(row.start_date),
                format_date(row.end_date),
            )
            for column, text in enumerate(texts):
                self.staff.setItem(index, column, QTableWidgetItem(text))
        self.staff.resizeColumnsToContents()

    # --- showing a record ----------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self._detail.id if self._detail is not None else None

    def new_project(self) -> None:
        self._show(None, [])
        self.tabs.setCurrentIndex(BASIC_TAB)

    def load(self, project_id: uuid.UUID) -> None:
        """Show the stored project; DatabaseProblem goes to the caller."""
        self._show(get_project(self.db, project_id), project_history(self.db, project_id))

    def _show(self, detail: ProjectDetail | None, history: list[HistoryRow]) -> None:
        self._loading = True
        try:
            self._detail = detail
            self._history = history
            self.errors.clear()
            form = form_from_detail(detail) if detail is not None else ProjectForm()
            language = current_language()
            names: dict[uuid.UUID, str] = {}
            if detail is not None:
                names.update({p.organisation_id: p.name(language) for p in detail.partners})
                names.update({f.funder_id: f.funder_name(language) for f in detail.fundings if f.funder_id})
            self.fields.set_form(form, detail.owner_name(language) if detail else "")
            self.partners.set_partners(form.partners, names)
            self.fundings.set_fundings(form.fundings, names)
            self.history.set_rows(history, saved=detail is not None)
            self._show_staff()
        finally:
            self._loading = False
        self._baseline = self.form()
        self._show_heading()
        self._update_state()

    def form(self) -> ProjectForm:
        """The form as typed."""
        self.partners.commit_editing()
        return ProjectForm(
            **self.fields.values(),  # type: ignore[arg-type]
            partners=self.partners.partners(),
            fundings=self.fundings.fundings(),
        )

    def has_unsaved_changes(self) -> bool:
        return self.form() != self._baseline

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["name_fi"].setFocus()

    def _update_state(self) -> None:
        if self._loading:
            return
        read_only = self.db.read_only
        archived = self._detail is not None and self._detail.archived_at is not None
        self.fields.set_read_only(read_only)
        self.partners.set_read_only(read_only)
        self.fundings.set_read_only(read_only)
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
            QMessageBox.warning(self, _("Save"), ReadOnlyDatabase(holder).user_message())
            return False
        form = self.form()
        detail = self._detail
        unresolved = self._unresolved_pickers()
        if unresolved:
            self.errors.show(unresolved, go_to_first=True)
            return False
        try:
            stored = save_project(
                self.db, form, detail.id if detail else None, detail.version if detail else None
            )
        except ValidationFailed as exc:
            self.errors.show(exc.errors, go_to_first=True)
            return False
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Save"), exc.user_message())
            return False
        self._show(stored, self._history_of(stored.id))
        self.saved.emit(stored.id)
        return True

    def _unresolved_pickers(self) -> list[FieldError]:
        """An organisation typed but not chosen from the list would be lost silently."""
        message = _("{field}: choose the organisation from the list that opens as you type")
        problems = []
        if self.fields.owner.is_unresolved():
            problems.append(FieldError("owner", message.format(field=label("owner"))))
        if self.fundings.funder.is_unresolved():
            key = f"fundings[{self.fundings.list.currentRow()}].funder"
            problems.append(FieldError(key, message.format(field=label("funder"))))
        return problems

    def _history_of(self, project_id: uuid.UUID) -> list[HistoryRow]:
        try:
            return project_history(self.db, project_id)
        except DatabaseProblem:
            return []

    def cancel(self) -> None:
        if not self.db.read_only:
            self._show(self._detail, self._history)

    def archive(self) -> bool:
        detail = self._detail
        if detail is None or self.db.read_only or detail.archived_at is not None:
            return False
        text = _(
            "Archive {name}? It leaves the list and waits in the archive, from where it can be restored."
        )
        text = text.format(name=detail.name(current_language()) or _("Unnamed project"))
        if self.has_unsaved_changes():
            text += "\n\n" + _("The changes that are not saved will be thrown away.")
        if not self._confirm(_("Archive project"), text):
            return False
        return self._set_archived(detail, archive_project, self.archived)

    def restore(self) -> bool:
        detail = self._detail
        if detail is None or self.db.read_only or detail.archived_at is None:
            return False
        return self._set_archived(detail, restore_project, self.restored)

    def _set_archived(self, detail: ProjectDetail, action, signal) -> bool:  # type: ignore[no-untyped-def]
        try:
            action(self.db, detail.id, detail.version)
            self._show(get_project(self.db, detail.id), self._history_of(detail.id))
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Projects"), exc.user_message())
            return False
        signal.emit(detail.id)
        return True

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _field_edited(self, key: str) -> None:
        if self._loading:
            return
        self.errors.field_edited(key)
        self._update_state()

    def _retranslate_errors(self) -> None:
        """Errors still shown again in the new language (the domain words them)."""
        shown = self.errors.keys()
        try:
            validate(self.form())
        except ValidationFailed as exc:
            self.errors.show([e for e in exc.errors if e.field in shown], go_to_first=False)
        else:
            self.errors.clear()
