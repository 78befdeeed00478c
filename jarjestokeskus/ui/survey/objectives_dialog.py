"""A municipality's welfare-plan objectives for a council term: their titles in both languages,
the survey themes that speak to each and the agreement goals that serve it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.survey import DEFAULT_QUESTIONS, THEMES
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, localized
from jarjestokeskus.services.survey.questions import questions
from jarjestokeskus.services.survey.welfare_plan import (
    FIRST_TERM,
    TERM_YEARS,
    ObjectiveDraft,
    council_term,
    goal_choices,
    municipality_choices,
    objectives,
    save_objectives,
    term_label,
)
from jarjestokeskus.ui.survey.drafts import DraftsDialog


def _theme_options(db: Database, year: int) -> tuple[tuple[str, str, str], ...]:
    for question in questions(db, year):
        if question.key == THEMES:
            return question.options
    return next(spec.options for spec in DEFAULT_QUESTIONS if spec.key == THEMES)


class ObjectivesDialog(DraftsDialog):
    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        language = current_language()
        self.drafts: list[ObjectiveDraft] = []
        self.changed = False
        self.setWindowTitle(_("Welfare-plan objectives"))
        self.discard_question = _("Discard the changes to the objectives?")
        self.municipality = QComboBox()
        for choice in municipality_choices(db, language):
            self.municipality.addItem(choice.label, choice.key)
        self.municipality.setCurrentIndex(
            max(0, self.municipality.findText("Vaasa" if language == "fi" else "Vasa"))
        )
        self.term = QComboBox()
        for start in range(FIRST_TERM, council_term(date.today().year) + 2 * TERM_YEARS, TERM_YEARS):
            self.term.addItem(term_label(start), start)
        self.term.setCurrentIndex(self.term.findData(council_term(year)))
        top = QFormLayout()
        top.addRow(_("&Municipality"), self.municipality)
        top.addRow(_("Council &term"), self.term)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Objectives"))
        self.title_fi, self.title_sv = QLineEdit(), QLineEdit()
        self.title_fi.textEdited.connect(lambda text: self._edited("title_fi", text))
        self.title_sv.textEdited.connect(lambda text: self._edited("title_sv", text))
        self.themes = QListWidget()
        self.themes.setAccessibleName(_("Survey themes"))
        for key, fi, sv in _theme_options(db, year):
            item = QListWidgetItem(localized(fi, sv, language))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.goals = QListWidget()
        self.goals.setAccessibleName(_("Agreement goals"))
        for goal_id, label in goal_choices(db, language):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, goal_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.goals.addItem(item)
        self.themes.itemChanged.connect(lambda _item: self._checked())
        self.goals.itemChanged.connect(lambda _item: self._checked())
        form = QFormLayout()
        form.addRow(_("Objective in &Finnish"), self.title_fi)
        form.addRow(_("Objective in &Swedish"), self.title_sv)
        form.addRow(_("Survey t&hemes"), self.themes)
        form.addRow(_("Agreement &goals"), self.goals)
        self.editor = QWidget()
        self.editor.setLayout(form)
        self.add_button = QPushButton(_("&Add an objective"), clicked=self.add)
        self.remove_button = QPushButton(_("&Remove"), clicked=self.remove)
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        side.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(side, 2)
        body.addWidget(self.editor, 3)
        self.problem = QLabel(objectName="formError", wordWrap=True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.municipality.activated.connect(lambda _i: self._switch())
        self.term.activated.connect(lambda _i: self._switch())
        self._shown = (self.municipality.currentData(), self.term.currentData())
        self.load()
        self.resize(980, 620)

    def load(self) -> None:
        found = objectives(self.db, [self.municipality.currentData()], self.term.currentData())
        self.drafts = [
            ObjectiveDraft(o.title_fi, o.title_sv, list(o.themes), list(o.goal_ids), o.id) for o in found
        ]
        self.changed = False
        self.problem.hide()
        self._fill_list()
        self.list.setCurrentRow(0 if self.drafts else -1)
        self._show(self.list.currentRow())

    def _switch(self) -> None:
        wanted = (self.municipality.currentData(), self.term.currentData())
        if wanted == self._shown:
            return
        if not self.may_discard():
            self.municipality.setCurrentIndex(self.municipality.findData(self._shown[0]))
            self.term.setCurrentIndex(self.term.findData(self._shown[1]))
            return
        self._shown = wanted
        self.load()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        language = current_language()
        self.list.addItems(
            [localized(d.title_fi, d.title_sv, language) or _("(no text)") for d in self.drafts]
        )
        self.list.blockSignals(False)

    def _show(self, _row: int) -> None:
        draft = self._current()
        self.editor.setEnabled(draft is not None)
        self.title_fi.setText(draft.title_fi if draft else "")
        self.title_sv.setText(draft.title_sv if draft else "")
        for box, chosen in (
            (self.themes, draft.themes if draft else []),
            (self.goals, draft.goal_ids if draft else []),
        ):
            box.blockSignals(True)
            for index in range(box.count()):
                item = box.item(index)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            box.blockSignals(False)

    def _edited(self, key: str, text: str) -> None:
        draft = self._current()
        if draft is None:
            return
        setattr(draft, key, text)
        self.changed = True
        item = self.list.currentItem()
        if item is not None:
            item.setText(localized(draft.title_fi, draft.title_sv, current_language()) or _("(no text)"))

    def _checked(self) -> None:
        draft = self._current()
        if draft is None:
            return

        def chosen(box: QListWidget) -> list:  # type: ignore[type-arg]
            items = (box.item(i) for i in range(box.count()))
            return [
                i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
            ]

        draft.themes, draft.goal_ids = chosen(self.themes), chosen(self.goals)
        self.changed = True

    def add(self) -> None:
        self.drafts.append(ObjectiveDraft())
        self.changed = True
        self._fill_list()
        self.list.setCurrentRow(len(self.drafts) - 1)
        self.title_fi.setFocus()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.changed = True
            self._fill_list()
            self.list.setCurrentRow(min(row, len(self.drafts) - 1))
            self._show(self.list.currentRow())

    def save(self) -> None:
        try:
            save_objectives(self.db, self.municipality.currentData(), self.term.currentData(), self.drafts)
        except ValidationFailed as failed:
            self.problem.setText("\n".join(e.message for e in failed.errors[:8]))
            self.problem.show()
            first = failed.errors[0].field
            if first.startswith("objectives["):
                self.list.setCurrentRow(int(first[len("objectives[") : first.index("]")]))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            return
        self.load()
        self.problem.setText(_("Saved."))
        self.problem.show()
