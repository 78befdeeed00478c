"""A refused project save: each error marked at its field or cell and listed; and the history."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QTabWidget, QTreeWidgetItem, QWidget

from jarjestokeskus.domain.enums import (
    FundingInstrument,
    LabelledEnum,
    PartnerRole,
    ProjectStatus,
    ReportKind,
)
from jarjestokeskus.domain.projects import LABELS, label
from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import N_, _, format_date, format_datetime
from jarjestokeskus.services.rows import HistoryRow
from jarjestokeskus.ui.history.panel import ACTIONS, EMPTY, HistoryPanel, local_time
from jarjestokeskus.ui.projects.basic import ProjectFields
from jarjestokeskus.ui.projects.funding_panel import FundingPanel
from jarjestokeskus.ui.projects.tables import PartnerTable, format_amount
from jarjestokeskus.ui.widgets.field_errors import ErrorList

_ROW_KEY = re.compile(r"^(status_changes|partners)\[(\d+)\]\.(\w+)$")
_FUNDING_KEY = re.compile(r"^fundings\[(\d+)\]\.(.+)$")


class ProjectErrorList(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The project was not saved. Correct these and save again:"))


class ProjectErrors:
    """The shown errors of the project form; a click in the list goes to the field."""

    def __init__(
        self,
        fields: ProjectFields,
        partners: PartnerTable,
        fundings: FundingPanel,
        error_list: ProjectErrorList,
        tabs: QTabWidget,
    ) -> None:
        self.fields = fields
        self.tables = {"status_changes": fields.status_table, "partners": partners}
        self.fundings = fundings
        self.error_list = error_list
        self.tabs = tabs
        self._shown: list[FieldError] = []
        error_list.field_chosen.connect(self.go_to)

    def __bool__(self) -> bool:
        return bool(self._shown)

    def keys(self) -> set[str]:
        return {e.field for e in self._shown}

    def messages(self) -> list[str]:
        return self.error_list.message_texts()

    def show(self, errors: list[FieldError], go_to_first: bool) -> None:
        self.clear()
        self._shown = list(errors)
        per_funding: dict[int, list[tuple[str, str]]] = {}
        items = []
        for error in errors:
            message = error.message
            if error.field in self.fields.boxes:
                self.fields.boxes[error.field].show_error(message)
            elif match := _ROW_KEY.match(error.field):
                name, row, key = match.group(1), int(match.group(2)), match.group(3)
                table = self.tables[name]
                if row < table.row_count():
                    table.mark_error(row, key, message)
                where = _("Status changes") if name == "status_changes" else _("Partners")
                message = _("{table}, row {row}: {message}").format(table=where, row=row + 1, message=message)
            elif match := _FUNDING_KEY.match(error.field):
                index = int(match.group(1))
                per_funding.setdefault(index, []).append((match.group(2), message))
                message = _("Funding {number}: {message}").format(number=index + 1, message=message)
            items.append((error.field, message))
        self.fundings.set_errors(per_funding)
        self.error_list.set_items(items)
        if go_to_first and errors:
            self.go_to(errors[0].field)

    def go_to(self, key: str) -> None:
        if key in self.fields.inputs:
            self._show_tab_of(self.fields.inputs[key])
            self.fields.inputs[key].setFocus()
        elif match := _ROW_KEY.match(key):
            table = self.tables[match.group(1)]
            self._show_tab_of(table)
            table.focus_cell(int(match.group(2)), match.group(3))
        elif match := _FUNDING_KEY.match(key):
            self._show_tab_of(self.fundings)
            self.fundings.focus(int(match.group(1)), match.group(2))

    def _show_tab_of(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is widget or page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                return

    def clear(self) -> None:
        self._shown = []
        self.fields.clear_errors()
        for table in self.tables.values():
            table.clear_errors()
        self.fundings.set_errors({})
        self.error_list.set_items([])

    def field_edited(self, key: str) -> None:
        """The user changed the field: its error goes from the list (cells clear themselves)."""
        before = len(self._shown)
        self._shown = [e for e in self._shown if e.field != key]
        if len(self._shown) != before:
            self.error_list.set_items([(k, m) for k, m in self.error_list.items() if k != key])


ENTITIES = {
    "Project": N_("Project"),
    "ProjectStatusChange": N_("Status change"),
    "ProjectPartner": N_("Partner"),
    "Funding": N_("Funding"),
    "Instalment": N_("Instalment"),
    "ReportingObligation": N_("Reporting obligation"),
}
ENUMS: dict[str, type[LabelledEnum]] = {
    "status": ProjectStatus,
    "role": PartnerRole,
    "instrument": FundingInstrument,
    "kind": ReportKind,
}
HIDDEN = {"project_id", "funding_id", "organisation_id", "owner_id", "funder_id"}
DATES = {"start_date", "end_date", "changed_on", "applied_on", "decision_date", "use_from", "use_until"}
DATES |= {"due_date", "paid_on", "submitted_on"}
MONEY = {"amount", "paid_amount", "amount_applied", "amount_granted", "own_contribution"}


def show_value(key: str, value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    try:
        if key in ENUMS:
            return ENUMS[key](value).label
        if key in DATES:
            return format_date(date.fromisoformat(str(value)))
        if key in MONEY:
            return format_amount(Decimal(str(value)))
    except (ValueError, InvalidOperation):
        return str(value)
    return " / ".join(str(value).splitlines())


class ProjectHistoryPanel(HistoryPanel):
    """The history panel with the project's records and labels."""

    def _fill(self) -> None:
        self.tree.clear()
        for row in self._rows:
            action = _(ACTIONS[row.action]) if row.action in ACTIONS else row.action
            what = _(ENTITIES[row.entity]) if row.entity in ENTITIES else row.entity
            item = QTreeWidgetItem([format_datetime(local_time(row.at)), row.user, action, what])
            for line in self._lines(row):
                QTreeWidgetItem(item, [line]).setToolTip(0, line)
            self.tree.addTopLevelItem(item)
            for index in range(item.childCount()):
                item.child(index).setFirstColumnSpanned(True)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if not self._saved:
            self.empty.setText(_("The history begins when the project is saved."))
        elif not self._rows:
            self.empty.setText(_("No changes recorded."))
        self.empty.setVisible(not self._saved or not self._rows)
        self.tree.setVisible(bool(self._rows))

    @staticmethod
    def _lines(row: HistoryRow) -> list[str]:
        lines = []
        for key, pair in row.changes.items():
            if key in HIDDEN:
                continue
            old, new = (list(pair) + [None, None])[:2]
            field = label(key) if key in LABELS else key
            if row.action == "create":
                lines.append(_("{field}: {value}").format(field=field, value=show_value(key, new)))
            else:
                lines.append(
                    _("{field}: {old} → {new}").format(
                        field=field, old=show_value(key, old), new=show_value(key, new)
                    )
                )
        return lines
