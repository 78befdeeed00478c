"""Editing a year's survey questions: a list of questions and the chosen one's fields, saved as one
new question set. Once answers have arrived the set is shown but cannot change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.question_set import LABELS, QuestionDraft, check_question_set, draft_of
from jarjestokeskus.domain.survey import QuestionKind, QuestionSpec
from jarjestokeskus.i18n import _, current_language, localized
from jarjestokeskus.services.survey.questions import (
    QuestionsFrozen,
    ensure_survey,
    is_frozen,
    questions,
    replace_questions,
)
from jarjestokeskus.ui.survey.drafts import DraftsDialog

_TEXTS = ("key", "section_fi", "section_sv", "text_fi", "text_sv")


class QuestionsDialog(DraftsDialog):
    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.year = db, year
        ensure_survey(db, year)
        self.frozen = is_frozen(db, year)
        self.drafts = [
            draft_of(QuestionSpec(q.key, q.section_fi, q.section_sv, q.text_fi, q.text_sv, q.kind, q.options))
            for q in questions(db, year)
        ]
        self.changed = False
        self.setWindowTitle(_("Questions of the {year} survey").format(year=year))
        self.discard_question = _("Discard the changes to the questions?")
        self.note = QLabel(wordWrap=True)
        self.note.setText(
            _(
                "Answers have arrived: the {year} questions can no longer change. Next year's survey starts as a copy of them."
            ).format(year=year)
            if self.frozen
            else _(
                "Ask no personal data: the answers are the organisations' own. The key compares answers across years."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Questions"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key in _TEXTS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, k=key: self._edited(k, text))
            self.fields[key] = edit
            form.addRow(_(LABELS[key]), edit)
        self.kind = QComboBox()
        for kind in QuestionKind:
            self.kind.addItem(kind.label, kind)
        self.kind.activated.connect(lambda _i: self._edited("kind", self.kind.currentData()))
        form.addRow(_(LABELS["kind"]), self.kind)
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(_("One option a line: key; Finnish; Swedish"))
        self.options.textChanged.connect(lambda: self._edited("options", self.options.toPlainText()))
        form.addRow(_(LABELS["options"]), self.options)
        self.add_button = QPushButton(_("&Add a question"), clicked=self.add)
        self.remove_button = QPushButton(_("&Remove"), clicked=self.remove)
        self.up_button = QPushButton(_("Move &up"), clicked=lambda: self.move(-1))
        self.down_button = QPushButton(_("Move &down"), clicked=lambda: self.move(1))
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        side.addLayout(row)
        self.problem = QLabel(objectName="formError", wordWrap=True)
        self.problem.hide()
        self.editor = QWidget()
        self.editor.setLayout(form)
        body = QHBoxLayout()
        body.addLayout(side, 2)
        body.addWidget(self.editor, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for widget in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.save_button,
        ):
            widget.setEnabled(not self.frozen)
        for edit in self.fields.values():
            edit.setReadOnly(self.frozen)
        self.options.setReadOnly(self.frozen)
        self.kind.setEnabled(not self.frozen)
        self.list.currentRowChanged.connect(self._show)
        self._fill_list()
        self.list.setCurrentRow(0 if self.drafts else -1)
        self.resize(960, 600)

    def _title(self, draft: QuestionDraft) -> str:
        text = localized(draft.text_fi, draft.text_sv, current_language()) or _("(no text)")
        return f"{draft.key} · {text}"

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([self._title(d) for d in self.drafts])
        self.list.blockSignals(False)

    def _show(self, row: int) -> None:
        draft = self._current()
        self.editor.setEnabled(draft is not None)
        if draft is None:
            return
        for key, edit in self.fields.items():
            edit.setText(getattr(draft, key))
        self.kind.setCurrentIndex(self.kind.findData(draft.kind))
        self.options.blockSignals(True)
        self.options.setPlainText(draft.options)
        self.options.blockSignals(False)

    def _edited(self, key: str, value: object) -> None:
        draft = self._current()
        if draft is None or self.frozen:
            return
        setattr(draft, key, value)
        self.changed = True
        item = self.list.currentItem()
        if item is not None:
            item.setText(self._title(draft))

    def add(self) -> None:
        number = len(self.drafts) + 1
        keys = {d.key for d in self.drafts}
        while f"question_{number}" in keys:
            number += 1
        self.drafts.append(QuestionDraft(key=f"question_{number}"))
        self.changed = True
        self._fill_list()
        self.list.setCurrentRow(len(self.drafts) - 1)
        self.fields["text_fi"].setFocus()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.changed = True
            self._fill_list()
            self.list.setCurrentRow(min(row, len(self.drafts) - 1))

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        other = row + step
        if 0 <= row < len(self.drafts) and 0 <= other < len(self.drafts):
            self.drafts[row], self.drafts[other] = self.drafts[other], self.drafts[row]
            self.changed = True
            self._fill_list()
            self.list.setCurrentRow(other)

    def save(self) -> None:
        specs, errors = check_question_set(self.drafts)
        if errors.items:
            self.problem.setText("\n".join(e.message for e in errors.items[:8]))
            self.problem.show()
            first = errors.items[0].field
            if first.startswith("questions["):
                self.list.setCurrentRow(int(first[len("questions[") : first.index("]")]))
                name = first.split(".")[-1]
                (self.options if name == "options" else self.fields.get(name, self.fields["key"])).setFocus()
            return
        try:
            replace_questions(self.db, self.year, specs)
        except QuestionsFrozen:
            self.problem.setText(_("Answers arrived meanwhile: the questions were not changed."))
            self.problem.show()
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.changed = False
        self.accept()
