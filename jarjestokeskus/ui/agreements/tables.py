"""The parties, goals and documents of the agreement editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreement_roles import PartyRole
from jarjestokeskus.domain.agreements import GoalForm, PartyForm, label
from jarjestokeskus.i18n import _, format_date, format_number
from jarjestokeskus.services.agreements.rows import DocumentRow
from jarjestokeskus.ui.widgets.form_table import VALUE_ROLE, ChoiceDelegate, FormTable
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

GOAL_KEYS = (
    "title_fi",
    "title_sv",
    "our_commitment",
    "counterparty_commitment",
    "indicator",
    "follow_up_method",
)


class _NoRole:
    """The empty choice of a party's role (the role not given)."""

    value = ""
    label = ""


NO_ROLE = _NoRole()


def _uuid(value: object) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None


class PartyTable(FormTable):
    """Parties are added with the picker above the table; role and signatory are typed in the table."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(("organisation", "role_kind", "role", "signatory"), parent)
        column = self.keys.index("role_kind")
        self.table.setItemDelegateForColumn(column, ChoiceDelegate([NO_ROLE, *PartyRole], self.table))
        self.picker = OrganisationPicker(db)
        self.picker.returnPressed.connect(self.add_row)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        self.retranslate()

    def header_text(self, key: str) -> str:
        return _("Role") if key == "role_kind" else _("Note") if key == "role" else label(key)

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd party"), _("Re&move party")

    def column_samples(self) -> dict[str, str]:
        return {
            "organisation": "Pohjanmaan Yhdistykset ry – Österbottens",
            "role_kind": max((m.label for m in PartyRole), key=len) + "    ",
            "role": "Järjestökeskus",
        }

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "picker"):
            self.picker.retranslate()
        for row in range(self.row_count()):
            self._show_role(row, self.role_kind(row))

    def role_kind(self, row: int) -> PartyRole | None:
        item = self.table.item(row, self.keys.index("role_kind"))
        value = item.data(VALUE_ROLE) if item is not None else None
        return PartyRole(value) if value else None

    def _show_role(self, row: int, role: PartyRole | None) -> None:
        item = self.table.item(row, self.keys.index("role_kind"))
        if item is None:
            return
        self._filling = True
        try:
            item.setData(VALUE_ROLE, role.value if role else "")
            item.setText(role.label if role else "")
        finally:
            self._filling = False

    def add_row(self) -> None:
        """Add the organisation chosen in the picker; without one, go to the picker."""
        if self.read_only:
            return
        organisation_id = self.picker.organisation_id()
        if organisation_id is None:
            self.picker.setFocus()
            return
        row = self._append_party(PartyForm(organisation_id), self.picker.text())
        self.picker.set_choice(None)
        self.changed.emit()
        self.table.setCurrentCell(row, 1)

    def _append_party(self, party: PartyForm, name: str) -> int:
        row = self.append(
            {"organisation": name, "role_kind": "", "role": party.role, "signatory": party.signatory},
            party.party_id,
        )
        self._show_role(row, party.role_kind)
        item = self.table.item(row, 0)
        assert item is not None
        self._filling = True
        try:
            item.setData(VALUE_ROLE, party.organisation_id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        finally:
            self._filling = False
        return row

    def set_parties(self, parties: list[PartyForm], names: dict[uuid.UUID, str]) -> None:
        self.clear()
        for p in parties:
            self._append_party(p, names.get(p.organisation_id, "") if p.organisation_id else "")

    def parties(self) -> list[PartyForm]:
        forms = []
        for r in range(self.row_count()):
            item = self.table.item(r, 0)
            organisation = item.data(VALUE_ROLE) if item is not None else None
            forms.append(
                PartyForm(
                    organisation,
                    self.text(r, "role"),
                    self.text(r, "signatory"),
                    _uuid(self.ids(r)),
                    self.role_kind(r),
                )
            )
        return forms

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        if hasattr(self, "picker"):
            self.picker.setReadOnly(read_only)


class GoalTable(FormTable):
    """One row a goal: its title, what each side commits to, the indicator and how it is followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(GOAL_KEYS, parent)
        self.table.setWordWrap(True)
        self.retranslate()

    def header_text(self, key: str) -> str:
        if key == "title_fi":
            return _("Goal in Finnish")
        if key == "title_sv":
            return _("Goal in Swedish")
        return label(key)

    def button_texts(self) -> tuple[str, str]:
        return _("Add &goal"), _("Remove go&al")

    def column_samples(self) -> dict[str, str]:
        return {key: "Kohtaamispaikka järjestöille" for key in GOAL_KEYS}

    def set_goals(self, goals: list[GoalForm]) -> None:
        self.clear()
        for g in goals:
            self.append({key: getattr(g, key) for key in GOAL_KEYS}, g.goal_id)

    def goals(self) -> list[GoalForm]:
        return [
            GoalForm(**{key: self.text(r, key) for key in GOAL_KEYS}, goal_id=_uuid(self.ids(r)))  # type: ignore[arg-type]
            for r in range(self.row_count())
            if not self.is_blank(r)
        ]

    def form_rows(self) -> list[int]:
        """The table row of each goal in `goals()` (blank rows are left out)."""
        return [r for r in range(self.row_count()) if not self.is_blank(r)]


class DocumentList(QWidget):
    """The attached documents; the editor does the attaching, opening and removing."""

    attach_requested = Signal()
    open_requested = Signal(object)  # document id
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.itemActivated.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(self.attach_requested)  # a signal: `checked` is dropped
        self.open_button = QPushButton(clicked=lambda: self.open_requested.emit(self.current_id()))
        self.remove_button = QPushButton(clicked=lambda: self.remove_requested.emit(self.current_id()))
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.read_only = False
        self._saved = False
        self._rows: tuple[DocumentRow, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.attach_button.setText(_("A&ttach…"))
        self.open_button.setText(_("&Open"))
        self.remove_button.setText(_("Remo&ve"))
        self.set_rows(self._rows, self._saved)

    def set_rows(self, rows: tuple[DocumentRow, ...], saved: bool) -> None:
        self._rows = rows
        self._saved = saved
        self.list.clear()
        for row in rows:
            text = _("{name} ({size} kB, added {date})").format(
                name=row.file_name,
                size=format_number(max(1, round(row.size_bytes / 1024))),
                date=format_date(row.created_at.date()),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        self._update_buttons()

    def current_id(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.attach_button.setEnabled(not self.read_only and self._saved)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self.read_only)
