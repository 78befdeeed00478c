"""The persons of an organisation in the editor: name, contact data, role and its dates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from jarjestokeskus.domain.enums import RoleKind
from jarjestokeskus.domain.organisation import RoleForm
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.form_table import VALUE_ROLE, ChoiceDelegate, DateDelegate, FormTable

ROLE_KEYS = ("first_name", "last_name", "role", "email", "phone", "start_date", "end_date")
DEFAULT_ROLE = RoleKind.CONTACT_PERSON


@dataclass(frozen=True)
class RoleIds:
    """The stored role and person a row edits (a plain object, so Qt keeps it as it is)."""

    role_id: uuid.UUID | None
    person_id: uuid.UUID | None


class RoleTable(FormTable):
    """Removing a row only removes it from the form; saving the form archives the stored role."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ROLE_KEYS, parent)
        self.table.setItemDelegateForColumn(
            ROLE_KEYS.index("role"), ChoiceDelegate(list(RoleKind), self.table)
        )
        for key in ("start_date", "end_date"):
            self.table.setItemDelegateForColumn(ROLE_KEYS.index(key), DateDelegate(self.table))
        self.retranslate()

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd person"), _("Re&move person")

    def column_samples(self) -> dict[str, str]:
        longest_role = max((kind.label for kind in RoleKind), key=len)
        return {
            "first_name": "Marja-Liisa",
            "last_name": "Lindqvist",
            "role": longest_role + "    ",
            "email": "etunimi.suku@yhdistys.fi",
            "phone": "040 123 4567",
            "start_date": "30.12.2000",
            "end_date": "30.12.2000",
        }

    def retranslate(self) -> None:
        super().retranslate()
        column = ROLE_KEYS.index("role")
        for row in range(self.row_count()):
            item = self.table.item(row, column)
            if item is not None:
                self._filling = True
                try:
                    item.setText(RoleKind(item.data(VALUE_ROLE)).label)
                finally:
                    self._filling = False
        delegate = self.table.itemDelegateForColumn(column)
        if isinstance(delegate, ChoiceDelegate):
            delegate.members = list(RoleKind)

    def new_row_values(self) -> dict[str, str]:
        return {"role": DEFAULT_ROLE.label}

    def append(self, values: dict[str, str], ids: object = None) -> int:
        kind = RoleKind(values.get("role_value", DEFAULT_ROLE.value))
        row = super().append({**values, "role": kind.label}, ids)
        item = self.table.item(row, ROLE_KEYS.index("role"))
        assert item is not None
        self._filling = True
        try:
            item.setData(VALUE_ROLE, kind.value)
        finally:
            self._filling = False
        return row

    def kind(self, row: int) -> RoleKind:
        item = self.table.item(row, ROLE_KEYS.index("role"))
        value = item.data(VALUE_ROLE) if item is not None else None
        return RoleKind(value) if value else DEFAULT_ROLE

    def set_kind(self, row: int, kind: RoleKind) -> None:
        """As choosing `kind` in the cell's combo does."""
        item = self.table.item(row, ROLE_KEYS.index("role"))
        assert item is not None
        item.setData(VALUE_ROLE, kind.value)
        item.setText(kind.label)

    def is_blank(self, row: int) -> bool:
        texts = (self.text(row, key).strip() for key in ROLE_KEYS if key != "role")
        return self.ids(row) is None and not any(texts)

    def set_roles(self, roles: list[RoleForm]) -> None:
        self.clear()
        for role in roles:
            values = {key: getattr(role, key) for key in ROLE_KEYS if key != "role"}
            self.append({**values, "role_value": role.kind.value}, RoleIds(role.role_id, role.person_id))

    def roles(self) -> tuple[list[RoleForm], list[int]]:
        """The rows as typed, and for each the table row it came from (blank rows are left out)."""
        forms: list[RoleForm] = []
        rows: list[int] = []
        for row in range(self.row_count()):
            if self.is_blank(row):
                continue
            ids = self.ids(row)
            ids = ids if isinstance(ids, RoleIds) else RoleIds(None, None)
            texts = {key: self.text(row, key) for key in ROLE_KEYS if key != "role"}
            forms.append(RoleForm(**texts, kind=self.kind(row), role_id=ids.role_id, person_id=ids.person_id))
            rows.append(row)
        return forms, rows
