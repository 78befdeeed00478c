"""The agreement editor beside the register: basic data, parties, goals, documents, history; save, renew."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.domain.agreements import AgreementForm, label
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, current_language
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
from jarjestokeskus.services.rows import localized
from jarjestokeskus.ui.agreements.basic import AgreementFields, form_from_detail
from jarjestokeskus.ui.agreements.goals import GoalsPanel
from jarjestokeskus.ui.agreements.tables import DocumentList, PartyTable
from jarjestokeskus.ui.history.panel import HistoryPanel
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, ErrorList
from jarjestokeskus.ui.widgets.record_buttons import RecordButtons

BASIC_TAB, PARTIES_TAB, GOALS_TAB, DOCUMENTS_TAB, HISTORY_TAB = range(5)
_ROW_KEY = re.compile(r"^(parties|goals)\[(\d+)\]\.(\w+)$")


class AgreementErrorList(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The agreement was not saved. Correct these and save again:"))


class AgreementEditor(QWidget):
    """One agreement, new or stored; every change goes through one service call."""

    saved = Signal(object)  # agreement id
    archived = Signal(object)
    restored = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._detail: AgreementDetail | None = None
        self._baseline = AgreementForm()
        self._loading = False
        self._goal_rows: list[int] = []
        self.setStyleSheet(STYLE_SHEET)
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.archived_notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.error_list = AgreementErrorList()
        self.error_list.field_chosen.connect(self.go_to)
        self.fields = AgreementFields(db, self)
        self.fields.edited.connect(self._field_edited)
        self.parties = PartyTable(db)
        self.parties.changed.connect(self._update_state)
        self.goal_panel = GoalsPanel()
        self.goals = self.goal_panel.table
        self.goals.changed.connect(self._update_state)
        self.documents = DocumentList()
        self.documents.attach_requested.connect(self.attach)
        self.documents.open_requested.connect(self.open_document)
        self.documents.remove_requested.connect(self.remove_document)
        self.history = HistoryPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.fields.page, self.parties, self.goal_panel, self.documents, self.history):
            self.tabs.addTab(page, "")
        self.renew_button = QPushButton(clicked=self.renew)
        self.buttons = RecordButtons(self, left=[self.renew_button])
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
        self.retranslate()
        self.new_agreement()

    def retranslate(self) -> None:
        texts = (_("&Basic"), _("&Parties"), _("&Goals"), _("&Documents"), _("&History"))
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        self.buttons.retranslate()
        self.renew_button.setText(_("Re&new…"))
        self.renew_button.setToolTip(_("Make a draft renewal with the same parties and goals"))
        self.fields.retranslate()
        self.parties.retranslate()
        self.goal_panel.retranslate()
        self.documents.retranslate()
        self.history.retranslate()
        self.error_list.retranslate()
        self._show_heading()

    def _show_heading(self) -> None:
        detail = self._detail
        if detail is None:
            self.heading.setText(_("New agreement"))
        else:
            title = localized(detail.title_fi, detail.title_sv, current_language())
            self.heading.setText(title or _("Untitled agreement"))
        archived = detail is not None and detail.archived_at is not None
        self.archived_notice.setText(
            _("This agreement is archived. Restore it to bring it back to the register.")
        )
        self.archived_notice.setVisible(archived)

    # --- showing a record ----------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self._detail.id if self._detail is not None else None

    def new_agreement(self) -> None:
        self._show(None)
        self.tabs.setCurrentIndex(BASIC_TAB)

    def load(self, agreement_id: uuid.UUID) -> None:
        """Show the stored agreement; DatabaseProblem goes to the caller."""
        self._show(get_agreement(self.db, agreement_id))

    def _show(self, detail: AgreementDetail | None) -> None:
        self._loading = True
        try:
            self._detail = detail
            self.clear_errors()
            form = form_from_detail(detail) if detail is not None else AgreementForm()
            language = current_language()
            names = (
                {p.organisation_id: localized(p.name_fi, p.name_sv, language) for p in detail.parties}
                if detail
                else {}
            )
            self.fields.set_form(form, detail)
            self.parties.set_parties(form.parties, names)
            self.goal_panel.set_goals(form.goals, detail.goals if detail else ())
            self.documents.set_rows(detail.documents if detail else (), saved=detail is not None)
            history = agreement_history(self.db, detail.id) if detail else []
            self.history.set_rows(history, saved=detail is not None)
        finally:
            self._loading = False
        self._baseline = self.form(commit=False)
        self._show_heading()
        self._update_state()

    def form(self, commit: bool = True) -> AgreementForm:
        """The form as typed; with `commit`, a cell still being typed in counts too."""
        if commit:
            # Not while a table reports a change: a cell committing its data would be committed twice.
            self.parties.commit_editing()
            self.goals.commit_editing()
        return AgreementForm(
            **self.fields.values(),  # type: ignore[arg-type]
            parties=self.parties.parties(),
            goals=self.goals.goals(),
        )

    def has_unsaved_changes(self, commit: bool = True) -> bool:
        return self.form(commit) != self._baseline

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(BASIC_TAB)
        self.fields.inputs["title_fi"].setFocus()

    def _update_state(self) -> None:
        if self._loading:
            return
        read_only = self.db.read_only
        detail = self._detail
        archived = detail is not None and detail.archived_at is not None
        for part in (self.fields, self.parties, self.goal_panel, self.documents):
            part.set_read_only(read_only or archived)
        self.renew_button.setEnabled(not read_only and detail is not None and not archived)
        self.buttons.show_state(
            read_only=read_only,
            archived=archived,
            stored=detail is not None,
            unsaved=self.has_unsaved_changes(commit=False),
            save=not read_only and not archived,
        )

    # --- errors --------------------------------------------------------------------------
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
        self._update_state()

    # --- actions -------------------------------------------------------------------------
    def _refuse_read_only(self) -> bool:
        if not self.db.read_only:
            return False
        holder = self.db.holder.describe() if self.db.holder else ""
        QMessageBox.warning(self, _("Save"), ReadOnlyDatabase(holder).user_message())
        return True

    def save(self) -> bool:
        """Store what is typed; on refusal the fields are marked and nothing typed is lost."""
        if self._refuse_read_only():
            return False
        form = self.form()
        self._goal_rows = self.goals.form_rows()
        if self.parties.picker.is_unresolved():
            message = _("{field}: choose the organisation from the list that opens as you type")
            self.show_errors(
                [FieldError("parties[0].organisation", message.format(field=label("organisation")))]
            )
            return False
        detail = self._detail
        try:
            stored = save_agreement(
                self.db, form, detail.id if detail else None, detail.version if detail else None
            )
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return False
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Save"), exc.user_message())
            return False
        self._show(stored)
        self.saved.emit(stored.id)
        return True

    def cancel(self) -> None:
        if not self.db.read_only:
            self._show(self._detail)

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
        self._show(renewal)
        self.saved.emit(renewal.id)
        self.focus_first_field()
        return True

    def archive(self) -> bool:
        detail = self._detail
        if detail is None or self.db.read_only or detail.archived_at is not None:
            return False
        title = localized(detail.title_fi, detail.title_sv, current_language())
        answer = QMessageBox.question(
            self,
            _("Archive agreement"),
            _("Archive {name}? It leaves the register and can be restored from the archive.").format(
                name=title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._set_archived(archive_agreement, self.archived)

    def restore(self) -> bool:
        if self._detail is None or self.db.read_only or self._detail.archived_at is None:
            return False
        return self._set_archived(restore_agreement, self.restored)

    def _set_archived(self, action, signal) -> bool:  # type: ignore[no-untyped-def]
        detail = self._detail
        assert detail is not None
        try:
            action(self.db, detail.id, detail.version)
            self._show(get_agreement(self.db, detail.id))
        except DatabaseProblem as exc:
            QMessageBox.warning(self, _("Agreements"), exc.user_message())
            return False
        signal.emit(detail.id)
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
