"""The agreement editor beside the register: basic data, parties, goals, documents, history; renew."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QTabWidget, QWidget

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.agreements import AgreementForm, label
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import N_, _, current_language, localized
from jarjestokeskus.services.agreements import documents
from jarjestokeskus.services.agreements.register import (
    agreement_history,
    archive_agreement,
    get_agreement,
    renew_agreement,
    restore_agreement,
    save_agreement,
)
from jarjestokeskus.services.agreements.rows import AgreementDetail
from jarjestokeskus.services.rows import HistoryRow
from jarjestokeskus.ui.agreements.basic import AgreementFields, form_from_detail
from jarjestokeskus.ui.agreements.goals import GoalsPanel
from jarjestokeskus.ui.agreements.tables import DocumentList, PartyTable
from jarjestokeskus.ui.history.panel import HistoryPanel
from jarjestokeskus.ui.widgets.field_errors import ErrorList
from jarjestokeskus.ui.widgets.record_editor import RecordEditor, RecordServices

BASIC_TAB, PARTIES_TAB, GOALS_TAB, DOCUMENTS_TAB, HISTORY_TAB = range(5)
_ROW_KEY = re.compile(r"^(parties|goals)\[(\d+)\]\.(\w+)$")


class AgreementErrorList(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The agreement was not saved. Correct these and save again:"))


class AgreementEditor(RecordEditor):
    """One agreement, new or stored; every change goes through one service call."""

    services = RecordServices(
        get_agreement,
        save_agreement,
        archive_agreement,
        restore_agreement,
        form_from_detail,
        agreement_history,
    )
    blank_form = AgreementForm

    archived_is_read_only = True

    def build_body(self) -> QWidget:
        self._goal_rows: list[int] = []
        self.error_list = AgreementErrorList()
        self.error_list.field_chosen.connect(self.go_to)
        self.fields = AgreementFields(self.db, self)
        self.fields.edited.connect(self._field_edited)
        self.parties = PartyTable(self.db)
        self.parties.changed.connect(self.update_state)
        self.goal_panel = GoalsPanel()
        self.goals = self.goal_panel.table
        self.goals.changed.connect(self.update_state)
        self.documents = DocumentList()
        self.documents.attach_requested.connect(self.attach)
        self.documents.open_requested.connect(self.open_document)
        self.documents.remove_requested.connect(self.remove_document)
        self.history = HistoryPanel(N_("The history begins when the agreement is saved."))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.fields.page, self.parties, self.goal_panel, self.documents, self.history):
            self.tabs.addTab(page, "")
        return self.tabs

    def top_widgets(self) -> list[QWidget]:
        return [self.error_list]

    def extra_buttons(self) -> list[QPushButton]:
        self.renew_button = QPushButton(clicked=self.renew)
        return [self.renew_button]

    def first_widget(self) -> QWidget:
        return self.tabs  # the fields keep the order they were made in

    def texts(self) -> dict[str, str]:
        # The same keys in every editor (duplicates finds their shape); the sentences are this
        # record's own: Finnish and Swedish word them per kind of record, so they are not shared.
        return {
            "new": _("New agreement"),
            "archived": _("This agreement is archived. Restore it to bring it back to the register."),
            "archive_title": _("Archive agreement"),
            "archive_question": _(
                "Archive {name}? It leaves the register and can be restored from the archive."
            ),
            "restore_title": _("Restore agreement"),
            "leave": _("The agreement has changes that are not saved. Save them?"),
            "save_tip": _("Save the agreement (Ctrl+S)"),
            "archive_tip": _("Move the agreement to the archive; it can be restored"),
            "restore_tip": _("Bring the agreement back to the register"),
        }

    def retranslate(self) -> None:
        texts = (_("&Basic"), _("&Parties"), _("&Goals"), _("&Documents"), _("&History"))
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        self.renew_button.setText(_("Re&new…"))
        self.renew_button.setToolTip(_("Make a draft renewal with the same parties and goals"))
        self.fields.retranslate()
        self.parties.retranslate()
        self.goal_panel.retranslate()
        self.documents.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        super().retranslate()

    def record_name(self, record: AgreementDetail) -> str:
        return localized(record.title_fi, record.title_sv, current_language()) or _("Untitled agreement")

    # --- the record ----------------------------------------------------------------------
    @property
    def _detail(self) -> AgreementDetail | None:
        return self._record

    def new_agreement(self) -> None:
        self.new_record()

    def fill(self, record: AgreementDetail | None, form: AgreementForm, history: list[HistoryRow]) -> None:
        language = current_language()
        names = (
            {p.organisation_id: localized(p.name_fi, p.name_sv, language) for p in record.parties}
            if record
            else {}
        )
        self.fields.set_form(form, record)
        self.parties.set_parties(form.parties, names)
        self.goal_panel.set_goals(form.goals, record.goals if record else ())
        self.documents.set_rows(record.documents if record else (), saved=record is not None)
        self.history.set_rows(history, saved=record is not None)

    def commit_editing(self) -> None:
        # Not while a table reports a change: a cell committing its data would be committed twice.
        self.parties.commit_editing()
        self.goals.commit_editing()

    def form(self) -> AgreementForm:
        """The form as typed."""
        return AgreementForm(
            **self.fields.values(),  # type: ignore[arg-type]
            parties=self.parties.parties(),
            goals=self.goals.goals(),
        )

    def store(self, form: AgreementForm, record_id: uuid.UUID | None, version: int | None) -> Any:
        self._goal_rows = self.goals.form_rows()
        return save_agreement(self.db, form, record_id, version)

    def set_read_only(self, read_only: bool) -> None:
        for part in (self.fields, self.parties, self.goal_panel, self.documents):
            part.set_read_only(read_only)
        self.renew_button.setEnabled(not read_only and self._record is not None)

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["title_fi"].setFocus()

    # --- errors --------------------------------------------------------------------------
    def check(self) -> list[FieldError]:
        problems = []
        if self.fields.municipality.is_unknown():
            problems.append(
                FieldError(
                    "premises_municipality", _("Choose the municipality from the list of the register.")
                )
            )
        if self.parties.picker.is_unresolved():
            message = _("{field}: choose the organisation from the list that opens as you type")
            problems.append(
                FieldError("parties[0].organisation", message.format(field=label("organisation")))
            )
        return problems

    def clear_errors(self) -> None:
        self.fields.clear_errors()
        self.parties.clear_errors()
        self.goals.clear_errors()
        self.error_list.set_items([])

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each error at its field or table cell, and all of them in the list at the top."""
        self.clear_errors()
        for error in errors:
            match = _ROW_KEY.match(error.field)
            if match:
                table = self.parties if match.group(1) == "parties" else self.goals
                table.mark_error(self._table_row(table, int(match.group(2))), match.group(3), error.message)
            elif error.field in self.fields.boxes:
                self.fields.boxes[error.field].show_error(error.message)
        self.error_list.set_items([(e.field, e.message) for e in errors])
        if errors:
            self.go_to(errors[0].field)

    def _table_row(self, table: object, index: int) -> int:
        """The table row of the form's goal `index` (blank goal rows are left out of the form)."""
        if table is self.goals and index < len(self._goal_rows):
            return self._goal_rows[index]
        return index

    def go_to(self, key: str) -> None:
        match = _ROW_KEY.match(key)
        if match:
            table = self.parties if match.group(1) == "parties" else self.goals
            self.tabs.setCurrentWidget(self.parties if table is self.parties else self.goal_panel)
            table.focus_cell(self._table_row(table, int(match.group(2))), match.group(3))
        elif key in self.fields.inputs:
            self.tabs.setCurrentIndex(BASIC_TAB)
            self.fields.inputs[key].setFocus()

    def _field_edited(self, key: str) -> None:
        if self._loading:
            return
        box = self.fields.boxes.get(key)
        if box is not None and box.has_error():
            box.clear_error()
            self.error_list.set_items([item for item in self.error_list.items() if item[0] != key])
        self.update_state()

    # --- actions -------------------------------------------------------------------------
    def _refuse_read_only(self) -> bool:
        return self.refuse_read_only()

    def renew(self) -> bool:
        """A draft renewal is stored at once and opened for editing."""
        detail = self._detail
        if detail is None or self._refuse_read_only():
            return False
        if self.has_unsaved_changes() and not self.save():
            return False
        try:
            renewal = renew_agreement(self.db, detail.id)
        except (DatabaseProblem, ValidationFailed) as exc:
            message = exc.user_message() if isinstance(exc, DatabaseProblem) else str(exc)
            QMessageBox.warning(self, _("Renew"), message)
            return False
        self._show(renewal, self._history_after_change(renewal.id))
        self.saved.emit(renewal.id)
        self.focus_first_field()
        return True

    def attach(self, path: Path | None = None) -> bool:
        """Copy a file beside the database and list it; without `path`, ask for one."""
        detail = self._detail
        if detail is None or self._refuse_read_only():
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, _("Attach a document"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            documents.attach_document(self.db, detail.id, path)
        except (DatabaseProblem, OSError, documents.NoDocumentFolder) as exc:
            message = exc.user_message() if isinstance(exc, DatabaseProblem) else str(exc)
            QMessageBox.warning(self, _("Attach a document"), message)
            return False
        self.documents.set_rows(tuple(documents.list_documents(self.db, detail.id)), saved=True)
        return True

    def open_document(self, document_id: uuid.UUID | None) -> None:
        if document_id is None:
            return
        path = documents.document_path(self.db, document_id)
        if not path.exists():
            QMessageBox.warning(self, _("Open"), _("The file {path} is missing.").format(path=str(path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_document(self, document_id: uuid.UUID | None) -> None:
        detail = self._detail
        if document_id is None or detail is None or self._refuse_read_only():
            return
        documents.remove_document(self.db, document_id)
        self.documents.set_rows(tuple(documents.list_documents(self.db, detail.id)), saved=True)
