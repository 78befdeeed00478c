"""A refused save in the editor: each error marked at its field or table cell, listed at the top."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.organisations.fields import OrganisationFields
from jarjestokeskus.ui.widgets.field_errors import ErrorList
from jarjestokeskus.ui.widgets.form_table import FormTable

_ROW_KEY = re.compile(r"^(fees|roles)\[(\d+)\]\.(\w+)$")

# Where an error points: ("field", key) or (table name, table row, key).
Location = tuple[str, str] | tuple[str, int, str]


class EditorErrors:
    """The shown errors; each goes away when the user edits the field or cell it names."""

    def __init__(
        self,
        fields: OrganisationFields,
        fee_table: FormTable,
        role_table: FormTable,
        error_list: ErrorList,
        tabs: QTabWidget,
    ) -> None:
        self.fields = fields
        self.tables = {"fees": fee_table, "roles": role_table}
        self.error_list = error_list
        self.tabs = tabs
        self._shown: list[tuple[FieldError, Location | None]] = []
        # The table row of each fee and role in the form that was checked (blank rows are left out).
        self._rows: dict[str, list[int]] = {"fees": [], "roles": []}
        error_list.field_chosen.connect(self.go_to)
        for name, table in self.tables.items():
            table.cell_edited.connect(lambda row, key, n=name: self._forget(lambda w: w != (n, row, key)))
            table.rows_removed.connect(lambda n=name: self._forget(lambda w: w is None or w[0] != n))

    def __bool__(self) -> bool:
        return bool(self._shown)

    def keys(self) -> set[str]:
        return {error.field for error, _where in self._shown}

    def messages(self) -> list[str]:
        return self.error_list.message_texts()

    def _locate(self, key: str) -> Location | None:
        match = _ROW_KEY.match(key)
        if match:
            name, index, field = match.group(1), int(match.group(2)), match.group(3)
            rows = self._rows[name]
            return (name, rows[index], field) if index < len(rows) else None
        return ("field", key) if key in self.fields.boxes else None

    def show(
        self, errors: list[FieldError], fee_rows: list[int], role_rows: list[int], go_to_first: bool
    ) -> None:
        """Mark every error; with `go_to_first`, open the tab of the first and focus its field."""
        self.clear()
        self._rows = {"fees": list(fee_rows), "roles": list(role_rows)}
        for error in errors:
            where = self._locate(error.field)
            self._shown.append((error, where))
            if where is None:
                continue
            if where[0] == "field":
                self.fields.boxes[error.field].show_error(error.message)
            else:
                self.tables[where[0]].mark_error(int(where[1]), str(where[2]), error.message)
        self._show_list()
        if go_to_first and errors:
            self.go_to(errors[0].field)

    def _show_list(self) -> None:
        items = []
        for error, where in self._shown:
            message = error.message
            if where is not None and where[0] != "field":
                table = _("Membership fees") if where[0] == "fees" else _("Persons")
                message = _("{table}, row {row}: {message}").format(
                    table=table, row=int(where[1]) + 1, message=message
                )
            items.append((error.field, message))
        self.error_list.set_items(items)

    def go_to(self, key: str) -> None:
        """Show the tab of the field named `key` and put the cursor in it."""
        where = next((w for e, w in self._shown if e.field == key), None) or self._locate(key)
        if where is None:
            return
        if where[0] == "field":
            widget: QWidget = self.fields.inputs[str(where[1])]
            self._show_tab_of(widget)
            widget.setFocus()
        else:
            table = self.tables[where[0]]
            self._show_tab_of(table)
            table.focus_cell(int(where[1]), str(where[2]))

    def _show_tab_of(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                return

    def clear(self) -> None:
        self._shown.clear()
        self.fields.clear_errors()
        for table in self.tables.values():
            table.clear_errors()
        self.error_list.set_items([])

    def field_edited(self, key: str) -> None:
        box = self.fields.boxes.get(key)
        if box is not None:
            box.clear_error()
        self._forget(lambda w: w != ("field", key))

    def _forget(self, keep: Callable[[Location | None], bool]) -> None:
        before = len(self._shown)
        self._shown = [(e, w) for e, w in self._shown if keep(w)]
        if len(self._shown) != before:
            self._show_list()
