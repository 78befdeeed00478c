"""Which column of a web survey's export answers which question: guessed from the headings, then
shown for the user to correct before anything is imported."""

from __future__ import annotations

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

from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.organisations.import_files import Table
from jarjestokeskus.services.survey.questions import QuestionRow
from jarjestokeskus.services.survey.web_import import BUSINESS_ID, ORGANISATION, guess_mapping

IGNORED = ""


def targets(asked: list[QuestionRow], language: str) -> list[tuple[str, str]]:
    """(key, shown text) of everything a column can be: nothing, the organisation's name or business
    ID, each question, and each option of a several-choice question marked in its own column."""
    found = [
        (IGNORED, _("(not imported)")),
        (ORGANISATION, _("Organisation")),
        (BUSINESS_ID, _("Business ID")),
    ]
    for question in asked:
        text = question.text(language)
        found.append((question.key, text))
        if question.kind == QuestionKind.MULTI:
            for key, _fi, _sv in question.options:
                option = question.option_label(key, language)
                found.append((f"{question.key}:{key}", f"{text}: {option}"))
    return found


class WebMappingDialog(QDialog):
    """A row per column of the file: its heading, the first row's value, and what it is."""

    def __init__(self, table: Table, asked: list[QuestionRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Columns of the web survey"))
        self.hint = QLabel(
            _(
                "Choose what each column of the file answers. The organisation is found by its "
                "business ID or, without one, by its name."
            ),
            wordWrap=True,
        )
        self.problem = QLabel(objectName="formError", wordWrap=True)
        self.problem.hide()
        self.grid = QTableWidget(len(table.header), 3)
        self.grid.setHorizontalHeaderLabels([_("Column"), _("First row"), _("Answers to")])
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setStretchLastSection(True)
        choices = targets(asked, current_language())
        guessed = guess_mapping(table.header, asked)
        self.combos: list[QComboBox] = []
        first = table.rows[0] if table.rows else ()
        for column, heading in enumerate(table.header):
            self.grid.setItem(column, 0, QTableWidgetItem(heading))
            sample = first[column] if column < len(first) else ""
            self.grid.setItem(column, 1, QTableWidgetItem(sample[:80]))
            combo = QComboBox()
            combo.setAccessibleName(_("What column {column} answers").format(column=heading))
            for key, text in choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(column, IGNORED))))
            self.grid.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self.grid.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def mapping(self) -> dict[int, str]:
        return {
            column: combo.currentData() for column, combo in enumerate(self.combos) if combo.currentData()
        }

    def accept(self) -> None:
        """Refused (the choices stay) while no column names the organisation, or two columns claim
        the same question."""
        chosen = list(self.mapping().values())
        if ORGANISATION not in chosen and BUSINESS_ID not in chosen:
            self._refuse(_("Choose the column of the organisation's name or business ID."))
            return
        twice = sorted({key for key in chosen if chosen.count(key) > 1})
        if twice:
            names = {key: text for key, text in targets([], current_language())}
            for combo in self.combos:
                names[combo.currentData()] = combo.currentText()
            self._refuse(
                _("Two columns answer the same: {what}").format(
                    what=", ".join(names.get(k, k) for k in twice)
                )
            )
            return
        super().accept()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
