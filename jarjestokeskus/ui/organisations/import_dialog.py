"""Importing member organisations: choose a file, say what its columns are, look, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.organisation import label
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.database.server_lock import one_at_a_time
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, Table, read_table
from jarjestokeskus.services.organisations.import_mapping import IMPORT_FIELDS, NAME_FIELDS, guess_mapping
from jarjestokeskus.services.organisations.member_import import (
    ImportPlan,
    ImportResult,
    apply_import,
    plan_import,
)
from jarjestokeskus.ui.organisations.import_preview import PreviewPage
from jarjestokeskus.ui.widgets.background import Cancelled, Progress, run_with_progress

FILE_FILTER = N_("Spreadsheets (*.csv *.xlsx *.txt);;All files (*)")
COL_HEADING, COL_EXAMPLE, COL_FIELD = range(3)
EXAMPLES = 3  # values shown of each column


def _error_label() -> QLabel:
    text = QLabel(wordWrap=True)
    text.setStyleSheet("color: #b00020;")
    return text


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Choose the file"))
        intro = QLabel(
            _(
                "Choose a CSV or Excel (XLSX) file with one member organisation on each row and the "
                "names of the columns on the first row. CSV files may use commas or semicolons, and "
                "UTF-8 or the Windows encoding of older Excel versions."
            ),
            wordWrap=True,
        )
        self.path = QLineEdit()
        self.path.textChanged.connect(self.completeChanged)
        self.path.textChanged.connect(lambda: self.error.clear())
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        caption = QLabel(_("File:"))
        caption.setBuddy(self.path)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import member organisations"), self.path.text(), _(FILE_FILTER)
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip())
        try:
            table = run_with_progress(self, _("Reading the file…"), lambda _progress: read_table(path))
        except ImportFileProblem as problem:
            self.error.setText(str(problem))
            return False
        except Cancelled:
            return False
        if not table.rows:
            self.error.setText(_("The file has only the header row; there is nothing to import."))
            return False
        self.owner.set_table(path, table)
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Columns"))
        intro = QLabel(
            _(
                "Choose what each column of the file holds. The choices were guessed from the "
                "column names; columns left as “Not imported” are ignored."
            ),
            wordWrap=True,
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Column in the file"), _("Example values"), _("Imported as")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos take the focus, not the cells
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_HEADING, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EXAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        matches = QGroupBox(_("Organisations already in the register (same business ID, else the same name)"))
        self.update_existing = QRadioButton(
            _("Update them from the file; empty cells keep the stored values")
        )
        self.skip_existing = QRadioButton(_("Leave them as they are and skip their rows"))
        self.update_existing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_existing)
        group.addButton(self.skip_existing)
        box = QVBoxLayout(matches)
        box.addWidget(self.update_existing)
        box.addWidget(self.skip_existing)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(matches)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        table = self.owner.table
        assert table is not None
        guessed = guess_mapping(table.header)
        self.table.setRowCount(len(table.header))
        self.combos = []
        for column in range(len(table.header)):
            self.table.setItem(column, COL_HEADING, QTableWidgetItem(table.column_name(column)))
            examples = [table.cell(i, column).strip() for i in range(min(len(table.rows), 50))]
            shown = ", ".join([text for text in examples if text][:EXAMPLES])
            self.table.setItem(column, COL_EXAMPLE, QTableWidgetItem(shown))
            combo = QComboBox()
            combo.addItem(_("Not imported"), None)
            for key in IMPORT_FIELDS:
                combo.addItem(label(key), key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(column))))
            combo.currentIndexChanged.connect(lambda _index: self.error.clear())
            self.table.setCellWidget(column, COL_FIELD, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(COL_FIELD)
        self.error.clear()

    def mapping(self) -> dict[int, str]:
        return {
            column: combo.currentData() for column, combo in enumerate(self.combos) if combo.currentData()
        }

    def on_match(self) -> str:
        return "skip" if self.skip_existing.isChecked() else "update"

    def validatePage(self) -> bool:  # noqa: N802
        chosen = [combo.currentData() for combo in self.combos if combo.currentData()]
        twice = sorted({key for key in chosen if chosen.count(key) > 1}, key=IMPORT_FIELDS.index)
        if twice:
            names = ", ".join(label(key) for key in twice)
            self.error.setText(_("Each field can come from one column only: {fields}").format(fields=names))
            return False
        if not any(key in NAME_FIELDS for key in chosen):
            self.error.setText(_("Choose the column of the name in Finnish or in Swedish."))
            return False
        return True


class ImportWizard(QWizard):
    """After `exec()`, `result` tells what was saved (None when nothing was)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table: Table | None = None
        self.path: Path | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(_("Import member organisations"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage()
        self.preview_page.can_save = not db.read_only
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
        self.currentIdChanged.connect(self._page_changed)
        self._page_changed()
        self.resize(820, 560)

    def set_table(self, path: Path, table: Table) -> None:
        self.path, self.table = path, table

    def _page_changed(self) -> None:
        on_preview = self.currentPage() is self.preview_page
        # The preview is the dry run: leaving it saves nothing, so its button closes.
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Close") if on_preview else _("Cancel"))
        if on_preview:
            self.make_preview()

    def make_preview(self) -> None:
        assert self.table is not None
        table, mapping, on_match = self.table, self.mapping_page.mapping(), self.mapping_page.on_match()
        try:
            plan = run_with_progress(
                self,
                _("Checking the rows…"),
                lambda progress: plan_import(self.db, table, mapping, on_match, progress),
            )
        except Cancelled:
            plan = None
        self.preview_page.show_plan(plan)

    def accept(self) -> None:
        plan = self.preview_page.plan
        if plan is None or not self.preview_page.isComplete():
            return
        assert self.table is not None
        table, mapping, on_match = self.table, self.mapping_page.mapping(), self.mapping_page.on_match()

        def import_alone(progress: Progress) -> ImportResult | ImportPlan:
            # As `import members`: on a server a second import waits here, then plans against what
            # the first saved; a plan that differs from the preview is shown, not saved.
            # Waiting for another program's import can be cancelled from the progress dialog.
            with one_at_a_time(self.db, "import members", waiting=lambda: progress(0, 0)):
                fresh = plan_import(self.db, table, mapping, on_match, progress)
                if _outcome(fresh) != _outcome(plan):
                    return fresh
                return apply_import(self.db, fresh, progress)

        try:
            done = run_with_progress(self, _("Importing…"), import_alone)
        except Cancelled:
            QMessageBox.information(
                self, self.windowTitle(), _("The import was cancelled; nothing was saved.")
            )
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, self.windowTitle(), problem.user_message())
            self.make_preview()  # the register changed: show what the file would do now
            return
        if isinstance(done, ImportPlan):
            self.preview_page.show_plan(done)
            QMessageBox.warning(
                self,
                self.windowTitle(),
                _(
                    "The register changed while the preview was open (another import, say); nothing "
                    "was saved. The preview now shows what the file would do: check it and import again."
                ),
            )
            return
        self.result = done
        QMessageBox.information(
            self,
            self.windowTitle(),
            _(
                "The import is done: {created} new organisations, {updated} updated, {skipped} rows skipped."
            ).format(created=self.result.created, updated=self.result.updated, skipped=self.result.skipped),
        )
        super().accept()


def _outcome(plan: ImportPlan) -> list[tuple[object, ...]]:
    """What a plan would do to the register, row by row."""
    return [(r.row, r.status, r.organisation_id, r.expected_version, r.changes) for r in plan.rows]


def open_import_dialog(parent: QWidget | None, db: Database) -> bool:
    """Run the import wizard; True when something was saved (the list should be refreshed)."""
    wizard = ImportWizard(db, parent)
    wizard.exec()
    result = wizard.result
    wizard.deleteLater()
    return result is not None and (result.created + result.updated) > 0
