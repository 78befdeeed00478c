"""A refused project save: each error marked at its field or cell and listed; and the history."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTabWidget, QWidget

from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.ui.history.panel import HistoryPanel
from jarjestokeskus.ui.projects.basic import ProjectFields
from jarjestokeskus.ui.projects.funding_panel import FundingPanel
from jarjestokeskus.ui.projects.tables import PartnerTable
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


class ProjectHistoryPanel(HistoryPanel):
    """The history panel of a project, its partners, fundings, instalments and reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(N_("The history begins when the project is saved."), parent)
