"""The change history of a record (an organisation with its fees and roles, a project, an agreement…)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.i18n import N_, _, format_datetime
from jarjestokeskus.services.history.fields import EMPTY, entity_label, field_label, format_value, is_shown
from jarjestokeskus.services.rows import HistoryRow

ACTIONS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "archive": N_("Archived"),
    "restore": N_("Restored"),
    "erase": N_("Erased (anonymised)"),
    "reduce": N_("Attendance reduced to counts"),
    "not-taken": N_("Not taken from a meeting notebook"),
}
# Not worth a line when a record is created with them off.
QUIET_WHEN_FALSE = {"is_home", "anonymised", "shares_business_id"}
__all__ = ["ACTIONS", "EMPTY", "HistoryPanel", "change_lines", "local_time"]


def local_time(value: datetime) -> datetime:
    """The audit trail keeps UTC (SQLite hands it back without a zone); show the computer's time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def change_lines(row: HistoryRow) -> list[str]:
    lines = []
    for key, pair in row.changes.items():
        if not is_shown(row.entity, key):
            continue
        if row.action == "create" and key in QUIET_WHEN_FALSE and not pair[-1]:
            continue
        old, new = (list(pair) + [None, None])[:2]
        field = field_label(row.entity, key)
        new_text = format_value(row.entity, key, new)
        if row.action == "create":
            lines.append(_("{field}: {value}").format(field=field, value=new_text))
        else:
            old_text = format_value(row.entity, key, old)
            lines.append(_("{field}: {old} → {new}").format(field=field, old=old_text, new=new_text))
    return lines


class HistoryPanel(QWidget):
    """One line per change (when, who, action, what), the changed fields under it."""

    def __init__(
        self,
        unsaved_text: str = N_("The history begins when the organisation is saved."),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unsaved_text = unsaved_text
        self._rows: list[HistoryRow] = []
        self._saved = False
        self._names: dict[uuid.UUID, str] = {}
        self.empty = QLabel(wordWrap=True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def set_rows(
        self, rows: list[HistoryRow], saved: bool = True, names: dict[uuid.UUID, str] | None = None
    ) -> None:
        """`saved` is False for a new organisation; `names` tells which fee or role a line is about."""
        self._rows = list(rows)
        self._saved = saved
        self._names = dict(names or {})
        self._fill()

    def _recorded_names(self) -> dict[uuid.UUID, str]:
        """For fees and roles no longer in the form: the year or the role the trail recorded."""
        names: dict[uuid.UUID, str] = {}
        for row in reversed(self._rows):  # oldest first, so the latest value wins
            if row.entity == "MembershipFee" and "year" in row.changes:
                names[row.entity_id] = format_value(row.entity, "year", row.changes["year"][-1])
            elif row.entity == "Role" and "kind" in row.changes:
                names[row.entity_id] = format_value(row.entity, "kind", row.changes["kind"][-1])
        return names

    def _what(self, row: HistoryRow, recorded: dict[uuid.UUID, str]) -> str:
        entity = entity_label(row.entity)
        name = self._names.get(row.entity_id) or recorded.get(row.entity_id, "")
        return _("{record}: {name}").format(record=entity, name=name) if name else entity

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([_("When"), _("Who"), _("Action"), _("What")])
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        recorded = self._recorded_names()
        for row in self._rows:
            action = _(ACTIONS[row.action]) if row.action in ACTIONS else row.action
            item = QTreeWidgetItem(
                [format_datetime(local_time(row.at)), row.user, action, self._what(row, recorded)]
            )
            for line in change_lines(row):
                child = QTreeWidgetItem(item, [line])
                child.setToolTip(0, line)
            self.tree.addTopLevelItem(item)
            child_count = item.childCount()
            for index in range(child_count):
                item.child(index).setFirstColumnSpanned(True)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if not self._saved:
            self.empty.setText(_(self._unsaved_text))
        elif not self._rows:
            self.empty.setText(_("No changes recorded."))
        self.empty.setVisible(not self._saved or not self._rows)
        self.tree.setVisible(bool(self._rows))

    def entries(self) -> list[tuple[list[str], list[str]]]:
        """What the panel shows: for each entry its columns and its change lines (for tests)."""
        shown = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            columns = [item.text(column) for column in range(4)]
            lines = [item.child(c).text(0) for c in range(item.childCount())]
            shown.append((columns, lines))
        return shown
