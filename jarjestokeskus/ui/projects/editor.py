"""The project editor beside the list: basic, partners, staff, fundings and history."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

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
from jarjestokeskus.ui.projects.basic import ProjectFields, form_from_detail
from jarjestokeskus.ui.projects.errors import ProjectErrorList, ProjectErrors, ProjectHistoryPanel
from jarjestokeskus.ui.projects.funding_panel import FundingPanel
from jarjestokeskus.ui.projects.tables import PartnerTable
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices

BASIC_TAB, PARTNERS_TAB, STAFF_TAB, FUNDINGS_TAB, HISTORY_TAB = range(5)


class ProjectEditor(RecordEditor):
    """One project, new or stored; every change goes through one service call."""

    services = RecordServices(
        get_project, save_project, archive_project, restore_project, form_from_detail, project_history
    )
    blank_form = ProjectForm

    def build_body(self) -> QWidget:
        self.error_list = ProjectErrorList()
        self.fields = ProjectFields(self.db, self)
        self.fields.edited.connect(self._field_edited)
        self.fields.status_table.changed.connect(self.update_state)
        self.partners = PartnerTable(self.db)
        self.partners.changed.connect(self.update_state)
        self.staff = QTableWidget(0, 5)
        self.staff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff.verticalHeader().setVisible(False)
        self.staff.horizontalHeader().setStretchLastSection(True)
        self.staff_note = QLabel(wordWrap=True)
        self.fundings = FundingPanel(self.db)
        self.fundings.changed.connect(self.update_state)
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
        return self.tabs

    def top_widgets(self) -> list[QWidget]:
        return [self.error_list]

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.tabs, *self.fields.tab_chain()]
        chain += [
            self.partners.picker,
            self.partners.table,
            self.partners.add_button,
            self.partners.remove_button,
        ]
        return [*chain, self.staff, *self.fundings.tab_chain(), self.history.tree]

    def texts(self) -> dict[str, str]:
        # The same keys in every editor (duplicates finds their shape); the sentences are this
        # record's own: Finnish and Swedish word them per kind of record, so they are not shared.
        return {
            "new": _("New project"),
            "archived": _(
                "This project is archived (since {date}). Restore it to bring it back to the list."
            ),
            "archive_title": _("Archive project"),
            "archive_question": _(
                "Archive {name}? It leaves the list and waits in the archive, from where it can be restored."
            ),
            "restore_title": _("Restore project"),
            "leave": _("The project has changes that are not saved. Save them?"),
            "save_tip": _("Save the project (Ctrl+S)"),
            "archive_tip": _("Move the project to the archive; it can be restored"),
            "restore_tip": _("Bring the project back to the list"),
        }

    def retranslate(self) -> None:
        texts = (_("&Basic"), _("&Partners"), _("S&taff"), _("F&undings"), _("&History"))
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        self.staff.setHorizontalHeaderLabels(
            [_("Person"), _("Title"), _("Share (%)"), _("Start date"), _("End date")]
        )
        self.staff_note.setText(_("Staff paid from this project's money (edited in the staff view)."))
        self.fields.retranslate()
        self.partners.retranslate()
        self.fundings.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        super().retranslate()
        self._show_staff()
        if self.errors:
            self._retranslate_errors()

    def record_name(self, record: ProjectDetail) -> str:
        return record.name(current_language()) or _("Unnamed project")

    def _show_staff(self) -> None:
        rows: tuple[StaffShareRow, ...] = self._record.staff if self._record else ()
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

    # --- the record ----------------------------------------------------------------------
    def new_project(self) -> None:
        self.new_record()

    def fill(self, record: ProjectDetail | None, form: ProjectForm, history: list[HistoryRow]) -> None:
        language = current_language()
        names: dict[uuid.UUID, str] = {}
        if record is not None:
            names.update({p.organisation_id: p.name(language) for p in record.partners})
            names.update({f.funder_id: f.funder_name(language) for f in record.fundings if f.funder_id})
        self.fields.set_form(form, record.owner_name(language) if record else "")
        self.partners.set_partners(form.partners, names)
        self.fundings.set_fundings(form.fundings, names)
        self.history.set_rows(history, saved=record is not None)
        self._show_staff()

    def commit_editing(self) -> None:
        self.partners.commit_editing()

    def form(self) -> ProjectForm:
        """The form as typed."""
        return ProjectForm(
            **self.fields.values(),  # type: ignore[arg-type]
            partners=self.partners.partners(),
            fundings=self.fundings.fundings(),
        )

    def set_read_only(self, read_only: bool) -> None:
        self.fields.set_read_only(read_only)
        self.partners.set_read_only(read_only)
        self.fundings.set_read_only(read_only)

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["name_fi"].setFocus()

    # --- errors --------------------------------------------------------------------------
    def check(self) -> list[FieldError]:
        """An organisation typed but not chosen from the list would be lost silently."""
        message = _("{field}: choose the organisation from the list that opens as you type")
        problems = []
        if self.fields.owner.is_unresolved():
            problems.append(FieldError("owner", message.format(field=label("owner"))))
        if self.fundings.funder.is_unresolved():
            key = f"fundings[{self.fundings.list.currentRow()}].funder"
            problems.append(FieldError(key, message.format(field=label("funder"))))
        return problems

    def show_errors(self, errors: list[FieldError], go_to_first: bool = True) -> None:
        self.errors.show(errors, go_to_first=go_to_first)

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
        try:
            validate(self.form())
        except ValidationFailed as exc:
            self.show_errors([e for e in exc.errors if e.field in shown], go_to_first=False)
        else:
            self.errors.clear()
