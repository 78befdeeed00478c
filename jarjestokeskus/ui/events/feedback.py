"""The Feedback tab: per question the number of answers, the average score and free comments."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.events.feedback import FeedbackForm, feedback, save_feedback
from jarjestokeskus.ui.widgets.form_table import FormTable

KEYS = ("question", "answers", "average", "comments")


class FeedbackTable(FormTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(KEYS, parent)
        self.retranslate()

    def header_text(self, key: str) -> str:
        return {
            "question": _("Question"),
            "answers": _("Answers"),
            "average": _("Average score"),
            "comments": _("Comments"),
        }[key]

    def button_texts(self) -> tuple[str, str]:
        return _("Add &question"), _("Remove q&uestion")

    def alignment(self, key: str) -> Qt.AlignmentFlag:
        if key in ("answers", "average"):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(key)


class FeedbackPanel(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id: uuid.UUID | None = None
        self.table = FeedbackTable()
        self.save_button = QPushButton(clicked=self.save)
        self.import_button = QPushButton(clicked=self.import_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.retranslate()
        self.save_button.setText(_("Save &feedback"))
        self.import_button.setText(_("Import from a web f&orm…"))

    def show_event(self, event_id: uuid.UUID | None) -> None:
        self.event_id = event_id
        self.table.clear()
        rows = feedback(self.db, event_id) if event_id is not None else []
        for row in rows:
            average = "" if row.average is None else str(row.average).replace(".", ",")
            self.table.append(
                {
                    "question": row.question,
                    "answers": str(row.answers),
                    "average": average,
                    "comments": row.comments,
                }
            )
        writable = event_id is not None and not self.db.read_only
        self.table.set_read_only(not writable)
        self.save_button.setEnabled(writable)
        self.import_button.setEnabled(writable)

    def save(self) -> None:
        self.table.commit_editing()
        self.table.clear_errors()
        forms = [
            FeedbackForm(*(self.table.text(row, key) for key in KEYS))
            for row in range(self.table.row_count())
            if not self.table.is_blank(row)
        ]
        try:
            save_feedback(self.db, self.event_id, forms)  # type: ignore[arg-type]
        except ValidationFailed as failed:
            for error in failed.errors:
                row, _sep, key = error.field[len("rows[") :].partition("].")
                self.table.mark_error(int(row), key, error.message)
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Feedback"), problem.user_message())
            return
        self.show_event(self.event_id)

    def import_file(self) -> None:
        """Choose the export, then its columns; the figures shown are the saved ones after."""
        from PySide6.QtCore import QDir
        from PySide6.QtWidgets import QFileDialog

        from jarjestokeskus.services.events.feedback_import import read_feedback_file
        from jarjestokeskus.services.organisations.import_files import ImportFileProblem
        from jarjestokeskus.ui.events.feedback_import import FeedbackImportDialog

        name, _chosen = QFileDialog.getOpenFileName(
            self, _("A web form's feedback"), QDir.homePath(), _("Tables (*.csv *.xlsx)")
        )
        if not name or self.event_id is None:
            return
        try:
            table = read_feedback_file(Path(name))
        except ImportFileProblem as problem:
            QMessageBox.warning(self, _("Feedback"), str(problem))
            return
        dialog = FeedbackImportDialog(self.db, self.event_id, table, Path(name), self)
        try:
            if dialog.exec():
                self.show_event(self.event_id)
        finally:
            dialog.deleteLater()
