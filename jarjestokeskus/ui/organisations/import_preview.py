"""The import's last step: what each row of the file would do, with the counts and the errors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from jarjestokeskus.i18n import N_, _, format_number
from jarjestokeskus.services.organisations.member_import import ImportPlan, PlannedRow, RowStatus

COL_ROW, COL_STATUS, COL_NAME, COL_DETAILS = range(4)
HEADERS = (N_("Row"), N_("Status"), N_("Organisation"), N_("Details"))
STATUS_LABELS = {
    RowStatus.NEW: N_("New"),
    RowStatus.UPDATE: N_("Update"),
    RowStatus.SKIP: N_("Skip"),
    RowStatus.ERROR: N_("Error"),
}
STATUS_COLOURS = {RowStatus.NEW: "#1b5e20", RowStatus.UPDATE: "#0d47a1", RowStatus.ERROR: "#b00020"}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
ROWS_FITTED = 2000
Index = QModelIndex | QPersistentModelIndex


def details(row: PlannedRow) -> str:
    """What happens to the row, in words: the changed fields, the errors, or why it is skipped."""
    if row.status == RowStatus.ERROR:
        return "\n".join(f"{error.column}: {error.reason}" for error in row.errors)
    if row.status == RowStatus.UPDATE:
        return "\n".join(
            _("{field}: {old} → {new}").format(field=c.label, old=c.old or "–", new=c.new or "–")
            for c in row.changes
        )
    return row.note


class ImportPreviewTableModel(QAbstractTableModel):
    """The planned rows of an import, one line each."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PlannedRow] = []

    def set_rows(self, rows: list[PlannedRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.row), _(STATUS_LABELS[row.status]), row.name, details(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DETAILS:
            return details(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and row.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == STATUS_ROLE:
            return row.status.value
        return None


class PreviewPage(QWizardPage):
    """Shows the plan; complete (the Import button enabled) only when it has no errors."""

    def __init__(self) -> None:
        super().__init__()
        self.plan: ImportPlan | None = None
        self.can_save = True
        self.summary = QLabel(wordWrap=True, objectName="importSummary")
        self.notice = QLabel(wordWrap=True, objectName="importNotice")
        self.notice.setStyleSheet("color: #b00020;")
        self.only_errors = QCheckBox()
        self.only_errors.toggled.connect(self._filter)
        self.model = ImportPreviewTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(STATUS_ROLE)
        self.proxy.setFilterKeyColumn(COL_STATUS)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for column in (COL_ROW, COL_STATUS, COL_NAME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.only_errors)
        layout.addWidget(self.view, 1)
        self.setTitle(_("Preview"))
        self.only_errors.setText(_("Show only the rows with errors"))

    def show_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.model.set_rows(list(plan.rows) if plan else [])
        if plan is None:
            self.summary.setText("")
            self.notice.setText(_("The preview was cancelled. Go back and try again."))
        else:
            counts = {status: format_number(plan.count(status)) for status in RowStatus}
            self.summary.setText(
                _(
                    "New organisations: {new} · to update: {update} · rows skipped: {skip} · rows with errors: {error}"
                ).format(**{status.value: text for status, text in counts.items()})
                + "\n"
                + _("Nothing has been saved yet. Nothing is saved before you press Import.")
            )
            self.notice.setText(self._notice(plan))
        self.only_errors.setEnabled(bool(plan and not plan.ok))
        self.only_errors.setChecked(bool(plan and not plan.ok))
        self._filter()
        self.completeChanged.emit()

    def _notice(self, plan: ImportPlan) -> str:
        if not plan.ok:
            return _(
                "The file has errors, so nothing can be imported. Correct the rows listed in the file "
                "and choose it again."
            )
        if not self.can_save:
            return _("The database is open read-only; nothing can be imported.")
        if not plan.count(RowStatus.NEW) and not plan.count(RowStatus.UPDATE):
            return _("There is nothing to import: every row is skipped.")
        return ""

    def _filter(self) -> None:
        self.proxy.setFilterFixedString(RowStatus.ERROR.value if self.only_errors.isChecked() else "")
        self.view.resizeColumnToContents(COL_NAME)
        if self.proxy.rowCount() <= ROWS_FITTED:  # fitting every row is slow on long files
            self.view.resizeRowsToContents()

    def isComplete(self) -> bool:  # noqa: N802
        plan = self.plan
        return bool(
            plan is not None
            and plan.ok
            and self.can_save
            and (plan.count(RowStatus.NEW) or plan.count(RowStatus.UPDATE))
        )
