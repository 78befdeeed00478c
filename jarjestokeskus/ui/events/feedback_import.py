"""Feedback from a web form's export: the file's columns with their first answers, each chosen as
a scored question, free comments or left out; Import adds the answers to the event's feedback."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.events.feedback_import import (
    COMMENT,
    SCORE,
    guess_feedback_columns,
    import_feedback,
)
from jarjestokeskus.services.organisations.import_files import Table

COLUMN, EXAMPLES, MEANS = range(3)
SHOWN_EXAMPLES = 3


class FeedbackImportDialog(QDialog):
    """The mapping step: nothing is saved until Import, and then all or nothing."""

    def __init__(
        self, db: Database, event_id: uuid.UUID, table: Table, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.table, self.path = db, event_id, table, path
        self.setWindowTitle(_("Import feedback"))
        intro = QLabel(
            _(
                "Choose what each column of {file} is: a question answered with a score from 0 to 10, "
                "free comments, or left out. Names and emails are left out."
            ).format(file=path.name),
            wordWrap=True,
        )
        self.columns = QTableWidget(len(table.header), 3)
        self.columns.setHorizontalHeaderLabels([_("Column"), _("First answers"), _("Import as")])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        guessed = guess_feedback_columns(table)
        self.choices: list[QComboBox] = []
        for column in range(len(table.header)):
            examples = [table.cell(r, column) for r in range(min(SHOWN_EXAMPLES, len(table.rows)))]
            self.columns.setItem(column, COLUMN, QTableWidgetItem(table.column_name(column)))
            self.columns.setItem(column, EXAMPLES, QTableWidgetItem(" | ".join(e for e in examples if e)))
            choice = QComboBox()
            choice.addItem(_("Left out"), None)
            choice.addItem(_("Question (score)"), SCORE)
            choice.addItem(_("Free comments"), COMMENT)
            choice.setCurrentIndex(max(0, choice.findData(guessed.get(column))))
            self.columns.setCellWidget(column, MEANS, choice)
            self.choices.append(choice)
        self.columns.resizeColumnsToContents()
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.errors = QLabel(objectName="fieldError", wordWrap=True, visible=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def kinds(self) -> dict[int, str]:
        return {column: c.currentData() for column, c in enumerate(self.choices) if c.currentData()}

    def save(self) -> None:
        try:
            import_feedback(self.db, self.event_id, self.table, self.kinds(), self.path.name)
        except ValidationFailed as failed:
            shown = [e.message for e in failed.errors[:20]]
            if len(failed.errors) > len(shown):
                shown.append(_("… and {count} more").format(count=len(failed.errors) - len(shown)))
            shown.append(_("Nothing was imported."))
            self.errors.setText("\n".join(shown))
            self.errors.setVisible(True)
            return
        except DatabaseProblem as problem:
            self.errors.setText(problem.user_message())
            self.errors.setVisible(True)
            return
        self.accept()
