"""Records that belong to a body (its seats, its meetings) in a table on the body's editor: added
and edited in a small dialog, archived and restored; the archived ones shown on request."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.notebook import writes_meeting_parts
from jarjestokeskus.ui.cooperation.common import Column, RowsTableModel, table_for
from jarjestokeskus.ui.cooperation.fields import ORGANISATION, Field, FieldForm
from jarjestokeskus.ui.widgets.record_editor import ask_yes_no
from jarjestokeskus.ui.widgets.register_view import ROW_FLAGS

Save = Callable[[dict[str, Any], uuid.UUID | None, int | None], object]  # values, id, version


class RecordDialog(QDialog):
    """The fields of one record; Save calls `save` and stays open, fields marked, when refused."""

    def __init__(
        self,
        db: Database,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save_values = save
        self.fields = FieldForm(db, fields, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        self.fields.clear_errors()
        problems = self.fields.unresolved()
        if problems:
            self.fields.show_errors(problems)
            return
        try:
            self.save_values(self.fields.values())
        except ValidationFailed as failed:
            others = self.fields.show_errors(failed.errors)
            if others:
                QMessageBox.warning(self, self.windowTitle(), "\n".join(e.message for e in others))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.accept()


class SubRecords(QWidget):
    """A body's records of one kind; the subclass gives the columns, fields, words and services."""

    changed = Signal()
    columns: Sequence[Column] = ()
    fields: Sequence[Field] = ()
    meeting_part = False  # written in a meeting notebook too (db.notebook_guard)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.body: Any = None
        self.model = RowsTableModel(self.columns, self)
        self.table = table_for(self.model, lambda _row: self.update_buttons())
        self.archived_box = QCheckBox(toggled=lambda _on: self.refresh())
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit)
        self.archive_button = QPushButton(clicked=self.archive)
        self.restore_button = QPushButton(clicked=self.restore)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.archive_button, self.restore_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.archived_box)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(buttons)
        self.update_buttons()

    # --- what each kind supplies ---------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        """add, edit, archive, restore (buttons), new_title, edit_title, archive_question ({name})."""
        raise NotImplementedError

    def load_rows(self, body_id: uuid.UUID, archived: bool) -> list[Any]:
        raise NotImplementedError

    def store(self, values: dict[str, Any], record_id: uuid.UUID | None, version: int | None) -> None:
        raise NotImplementedError

    def set_archived(self, row: Any, archived: bool) -> None:
        raise NotImplementedError

    def row_name(self, row: Any) -> str:
        raise NotImplementedError

    # --- the panel -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = self.texts()
        for button, key in (
            (self.add_button, "add"),
            (self.edit_button, "edit"),
            (self.archive_button, "archive"),
            (self.restore_button, "restore"),
        ):
            button.setText(texts[key])
        self.archived_box.setText(_("Show archived"))
        self.model.retranslate()

    def show_body(self, body: Any) -> None:
        """The body's records (none for a new body); nothing can be added to an archived one."""
        self.body = body
        self.refresh()

    def refresh(self) -> None:
        rows = self.load_rows(self.body.id, self.archived_box.isChecked()) if self.body is not None else []
        self.model.set_rows(rows)
        self.update_buttons()

    def current(self) -> Any:
        return self.model.row_at(self.table.currentIndex().row())

    def select_record(self, record_id: uuid.UUID) -> None:
        for row, record in enumerate(self.model.rows):
            if record.id == record_id:
                self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), ROW_FLAGS)

    def update_buttons(self) -> None:
        open_body = self.body is not None and self.body.archived_at is None
        writable = not self.db.read_only and open_body
        # A meeting notebook writes a meeting's agenda and decisions, and new meetings.
        noted = writable or (self.meeting_part and open_body and writes_meeting_parts(self.db))
        archive_shown = self.archived_box.isChecked()
        chosen = self.current() is not None
        self.add_button.setEnabled(noted and not archive_shown)
        self.edit_button.setEnabled(noted and chosen and not archive_shown)
        self.archive_button.setVisible(not archive_shown)
        self.archive_button.setEnabled(writable and chosen)
        self.restore_button.setVisible(archive_shown)
        self.restore_button.setEnabled(writable and chosen)

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        row = self.current()
        if row is not None and self.edit_button.isEnabled():
            self._open(row)

    def _open(self, row: Any) -> None:
        texts = self.texts()
        saved: list[uuid.UUID | None] = []

        def save(values: dict[str, Any]) -> None:
            saved.append(self.store(values, row.id if row else None, row.version if row else None))

        dialog = RecordDialog(self.db, texts["edit_title" if row else "new_title"], self.fields, save, self)
        values = asdict(row.form()) if row is not None else {}
        if row is not None and any(f.kind == ORGANISATION for f in self.fields):
            values["organisation_id"] = row.organisation_id
        dialog.fields.set_values(values, getattr(row, "organisation", ""))
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.refresh()
            if saved and saved[0] is not None:
                self.select_record(saved[0])  # type: ignore[arg-type]
            self.changed.emit()

    def archive(self) -> None:
        row = self.current()
        if row is None:
            return
        texts = self.texts()
        if ask_yes_no(self, texts["archive"], texts["archive_question"].format(name=self.row_name(row))):
            self._change(row, True, texts["archive"])

    def restore(self) -> None:
        row = self.current()
        if row is not None:
            self._change(row, False, self.texts()["restore"])

    def _change(self, row: Any, archived: bool, title: str) -> None:
        try:
            self.set_archived(row, archived)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, title.replace("&", ""), problem.user_message())
            return
        self.refresh()
        self.changed.emit()
