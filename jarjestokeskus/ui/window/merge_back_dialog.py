"""File ▸ Bring back a meeting copy…: a notebook's changes shown, its conflicts decided, then merged."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.i18n import _, format_datetime
from jarjestokeskus.services.database.merge_back import Decision, MergeItem, MergePlan, merge_back, plan_merge
from jarjestokeskus.services.history.fields import entity_label, field_label, format_value
from jarjestokeskus.ui.widgets.closed_year import NotConfirmed, confirming
from jarjestokeskus.ui.window.settings_dialog import DATABASE_FILTER_HINT


def _title(item: MergeItem) -> str:
    return _("{record}: {name}").format(record=entity_label(item.entity), name=item.name)


def _table(rows: list[tuple[str, ...]], headers: list[str]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            table.setItem(index, column, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setMaximumHeight(table.horizontalHeader().height() + 26 * max(1, len(rows)) + 4)
    return table


class MergeBackDialog(QDialog):
    """What the notebook brings: new and changed records, and each conflict side by side to decide."""

    def __init__(self, plan: MergePlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Bring back a meeting copy"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        conflicts = plan.conflicts
        summary = _(
            "{file}, taken {taken}, recorded by {recorder}: {new} new, {changed} changed, "
            "{conflicts} changed in the register meanwhile."
        ).format(
            file=file_name,
            taken=format_datetime(plan.taken_at),
            recorder=plan.recorder,
            new=sum(i.new for i in plan.items),
            changed=sum(not i.new and not i.conflict for i in plan.items),
            conflicts=len(conflicts),
        )
        layout.addWidget(QLabel(summary, wordWrap=True))
        plain = [i for i in plan.items if not i.conflict]
        if plain:
            self.changes = _table(
                [
                    (
                        _title(i),
                        ", ".join(
                            _("{field}: {value}").format(
                                field=field_label(i.entity, d.key),
                                value=format_value(i.entity, d.key, d.notebook),
                            )
                            for d in i.differences
                        ),
                    )
                    for i in plain
                ],
                [_("Record"), _("From the notebook")],
            )
            self.changes.setObjectName("changes")
            layout.addWidget(self.changes)
        self.choices: dict[uuid.UUID, QButtonGroup] = {}
        if conflicts:
            layout.addWidget(
                QLabel(
                    _(
                        "These were changed in the register after the copy was taken. Choose for each "
                        "which to keep; the other side stays in the record's history."
                    ),
                    wordWrap=True,
                )
            )
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            inner = QWidget()
            column = QVBoxLayout(inner)
            for item in conflicts:
                column.addWidget(self._conflict(item))
            column.addStretch(1)
            scroll.setWidget(inner)
            layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(_("&Bring back"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def _conflict(self, item: MergeItem) -> QGroupBox:
        box = QGroupBox(_title(item))
        box.setObjectName(f"conflict_{item.record_id}")
        inner = QVBoxLayout(box)
        rows = [
            (
                field_label(item.entity, d.key),
                format_value(item.entity, d.key, d.register),
                format_value(item.entity, d.key, d.notebook),
            )
            for d in item.differences
        ]
        inner.addWidget(_table(rows, [_("Field"), _("In the register"), _("In the notebook")]))
        group = QButtonGroup(box)
        for decision, text in (
            (Decision.REGISTER, _("Keep the register's")),
            (Decision.NOTEBOOK, _("Take the notebook's")),
        ):
            button = QRadioButton(text)
            button.setObjectName(decision.value)
            button.setProperty("decision", decision.value)
            group.addButton(button)
            inner.addWidget(button)
        group.buttonToggled.connect(lambda *_args: self._update())
        self.choices[item.record_id] = group
        return box

    def decisions(self) -> dict[uuid.UUID, Decision]:
        return {
            record_id: Decision(group.checkedButton().property("decision"))
            for record_id, group in self.choices.items()
            if group.checkedButton() is not None
        }

    def _update(self) -> None:
        self.merge_button.setEnabled(len(self.decisions()) == len(self.choices))


def bring_back(window: QWidget, db: Database) -> bool:
    """Ask for a notebook, show what it brings, merge it as decided; True when merged."""
    title = _("Bring back a meeting copy")
    if db.read_only:
        holder = db.holder.describe() if db.holder else ""
        QMessageBox.warning(window, title, ReadOnlyDatabase(holder).user_message())
        return False
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getOpenFileName(
        window, title, folder or str(Path.home()), _("Järjestökeskus databases") + f" {DATABASE_FILTER_HINT}"
    )
    if not chosen:
        return False
    path = Path(chosen)
    try:
        plan = plan_merge(db, path)
    except DatabaseProblem as problem:
        QMessageBox.warning(window, title, problem.user_message())
        return False
    if not plan.items:
        QMessageBox.information(
            window, title, _("Nothing to bring back: the notebook's changes are in the register.")
        )
        return False
    dialog = MergeBackDialog(plan, path.name, window)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    decisions = dialog.decisions()
    dialog.deleteLater()
    if not accepted:
        return False
    try:
        result = confirming(window, lambda: merge_back(db, path, decisions))
    except NotConfirmed:
        return False
    except DatabaseProblem as problem:
        QMessageBox.warning(window, title, problem.user_message())
        return False
    QMessageBox.information(
        window,
        title,
        _("Brought back: {created} new, {updated} changed, {not_taken} kept as in the register.").format(
            created=result.created, updated=result.updated, not_taken=result.not_taken
        ),
    )
    return True
