"""The small tables of the project editor: status changes, partners, instalments, reports."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import LabelledEnum, PartnerRole, ProjectStatus, ReportKind
from jarjestokeskus.domain.projects import (
    InstalmentForm,
    ObligationForm,
    PartnerForm,
    StatusChangeForm,
    label,
)
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.form_table import VALUE_ROLE, ChoiceDelegate, DateDelegate, FormTable
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

MONEY_KEYS = {"amount", "paid_amount"}
DATE_KEYS = {"changed_on", "due_date", "paid_on", "submitted_on"}


def format_amount(amount: Decimal | None) -> str:
    """Euros with two decimals as typed in Finland and Sweden: 1 234,50 (no-break space)."""
    if amount is None:
        return ""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


class ProjectFormTable(FormTable):
    """A form table with the project's labels, one optional enum column, date and money cells."""

    enum_key = ""
    enum_type: type[LabelledEnum] | None = None
    enum_default: LabelledEnum | None = None

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(keys, parent)
        for key in keys:
            if key in DATE_KEYS:
                self.table.setItemDelegateForColumn(keys.index(key), DateDelegate(self.table))
        if self.enum_type is not None:
            self.table.setItemDelegateForColumn(
                keys.index(self.enum_key), ChoiceDelegate(list(self.enum_type), self.table)
            )

    def header_text(self, key: str) -> str:
        if key in MONEY_KEYS:
            return _("{field} (€)").format(field=label(key))
        return label(key)

    def alignment(self, key: str) -> Qt.AlignmentFlag:
        if key in MONEY_KEYS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(key)

    def column_samples(self) -> dict[str, str]:
        samples = {key: "30.12.2000" for key in self.keys if key in DATE_KEYS}
        samples.update({key: "100\u00a0000,00" for key in self.keys if key in MONEY_KEYS})
        if self.enum_type is not None:
            samples[self.enum_key] = max((m.label for m in self.enum_type), key=len) + "    "
        return samples

    def retranslate(self) -> None:
        super().retranslate()
        if self.enum_type is None:
            return
        column = self.keys.index(self.enum_key)
        for row in range(self.row_count()):
            item = self.table.item(row, column)
            if item is not None:
                self._filling = True
                try:
                    item.setText(self.enum_type(item.data(VALUE_ROLE)).label)
                finally:
                    self._filling = False

    def new_row_values(self) -> dict[str, str]:
        return {self.enum_key: self.enum_default.label} if self.enum_default is not None else {}

    def append(self, values: dict[str, str], ids: object = None) -> int:
        if self.enum_type is None:
            return super().append(values, ids)
        member = self.enum_type(values.get("enum_value") or self.enum_default)
        row = super().append({**values, self.enum_key: member.label}, ids)
        self.set_member(row, member, signal=False)
        return row

    def member(self, row: int) -> LabelledEnum:
        assert self.enum_type is not None
        item = self.table.item(row, self.keys.index(self.enum_key))
        value = item.data(VALUE_ROLE) if item is not None else None
        return self.enum_type(value) if value else self.enum_default  # type: ignore[return-value]

    def set_member(self, row: int, member: LabelledEnum, signal: bool = True) -> None:
        """As choosing `member` in the cell's combo does."""
        item = self.table.item(row, self.keys.index(self.enum_key))
        assert item is not None
        self._filling = not signal
        try:
            item.setData(VALUE_ROLE, member.value)
            item.setText(member.label)
        finally:
            self._filling = False

    def add_row(self) -> None:
        # A new row's enum cell needs its value too, not only the label.
        if self.read_only:
            return
        super().add_row()
        if self.enum_type is not None and self.enum_default is not None:
            self.set_member(self.row_count() - 1, self.enum_default, signal=False)


class StatusChangeTable(ProjectFormTable):
    enum_key, enum_type, enum_default = "status", ProjectStatus, ProjectStatus.APPLIED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("status", "changed_on"), parent)
        self.retranslate()

    def button_texts(self) -> tuple[str, str]:
        return _("Add status &change"), _("Remove status change")

    def set_changes(self, changes: list[StatusChangeForm]) -> None:
        self.clear()
        for c in changes:
            self.append({"changed_on": c.changed_on, "enum_value": c.status.value}, c.change_id)

    def changes(self) -> list[StatusChangeForm]:
        return [
            StatusChangeForm(self.member(r), self.text(r, "changed_on"), _uuid(self.ids(r)))  # type: ignore[arg-type]
            for r in range(self.row_count())
        ]


class InstalmentTable(ProjectFormTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("due_date", "amount", "paid_on", "paid_amount"), parent)
        self.retranslate()

    def button_texts(self) -> tuple[str, str]:
        return _("Add &instalment"), _("Remove instalment")

    def set_instalments(self, rows: list[InstalmentForm]) -> None:
        self.clear()
        for i in rows:
            values = {
                "due_date": i.due_date,
                "amount": i.amount,
                "paid_on": i.paid_on,
                "paid_amount": i.paid_amount,
            }
            self.append(values, i.instalment_id)

    def instalments(self) -> list[InstalmentForm]:
        return [
            InstalmentForm(*(self.text(r, key) for key in self.keys), instalment_id=_uuid(self.ids(r)))
            for r in range(self.row_count())
        ]


class ObligationTable(ProjectFormTable):
    enum_key, enum_type, enum_default = "kind", ReportKind, ReportKind.ANNUAL_GRANT_REPORT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("kind", "due_date", "submitted_on"), parent)
        self.retranslate()

    def button_texts(self) -> tuple[str, str]:
        return _("Add &report"), _("Remove report")

    def set_obligations(self, rows: list[ObligationForm]) -> None:
        self.clear()
        for o in rows:
            values = {"due_date": o.due_date, "submitted_on": o.submitted_on, "enum_value": o.kind.value}
            self.append(values, o.obligation_id)

    def obligations(self) -> list[ObligationForm]:
        return [
            ObligationForm(
                self.member(r),  # type: ignore[arg-type]
                self.text(r, "due_date"),
                self.text(r, "submitted_on"),
                _uuid(self.ids(r)),
            )
            for r in range(self.row_count())
        ]


class PartnerTable(ProjectFormTable):
    """Partners are added with the picker above the table; their role is chosen in the table."""

    enum_key, enum_type, enum_default = "role", PartnerRole, PartnerRole.PARTNER

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(("organisation", "role"), parent)
        self.picker = OrganisationPicker(db)
        self.picker.returnPressed.connect(self.add_row)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        self.retranslate()

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd partner"), _("Re&move partner")

    def column_samples(self) -> dict[str, str]:
        return {
            **super().column_samples(),
            "organisation": "Pohjanmaan Yhdistykset ry – Österbottens Föreningar",
        }

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "picker"):
            self.picker.retranslate()

    def add_row(self) -> None:
        """Add the organisation chosen in the picker; without one, go to the picker."""
        if self.read_only:
            return
        organisation_id = self.picker.organisation_id()
        if organisation_id is None:
            self.picker.setFocus()
            return
        row = self._append_partner(PartnerForm(organisation_id), self.picker.text())
        self.picker.set_choice(None)
        self.changed.emit()
        self.table.setCurrentCell(row, 1)

    def _append_partner(self, partner: PartnerForm, name: str) -> int:
        row = self.append({"organisation": name, "enum_value": partner.role.value}, partner.partner_id)
        item = self.table.item(row, 0)
        assert item is not None
        self._filling = True
        try:
            item.setData(VALUE_ROLE, partner.organisation_id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        finally:
            self._filling = False
        return row

    def set_partners(self, partners: list[PartnerForm], names: dict[uuid.UUID, str]) -> None:
        self.clear()
        for p in partners:
            self._append_partner(p, names.get(p.organisation_id, "") if p.organisation_id else "")

    def partners(self) -> list[PartnerForm]:
        forms = []
        for r in range(self.row_count()):
            item = self.table.item(r, 0)
            organisation = item.data(VALUE_ROLE) if item is not None else None
            forms.append(PartnerForm(organisation, self.member(r), _uuid(self.ids(r))))  # type: ignore[arg-type]
        return forms

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        if hasattr(self, "picker"):
            self.picker.setReadOnly(read_only)


def _uuid(value: object) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None
