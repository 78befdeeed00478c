"""The yearly membership fees in the editor: year, amount and payment date, typed as text."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from jarjestokeskus.domain.organisation import FeeForm, label
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.form_table import DateDelegate, FormTable

FEE_KEYS = ("year", "amount", "paid_on")


def format_amount(amount: Decimal | None) -> str:
    """Euros with two decimals as written in Finland and Sweden: 1 234,50 (no-break space)."""
    if amount is None:
        return ""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


class FeeTable(FormTable):
    """Removing a row only removes it from the form; saving the form archives the stored fee."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(FEE_KEYS, parent)
        self.table.setItemDelegateForColumn(FEE_KEYS.index("paid_on"), DateDelegate(self.table))
        self.retranslate()

    def header_text(self, key: str) -> str:
        if key == "amount":
            return _("{field} (€)").format(field=label("amount"))
        return label(key)

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd fee"), _("Re&move fee")

    def column_samples(self) -> dict[str, str]:
        return {"year": "20000", "amount": "10\u00a0000,00", "paid_on": "30.12.2000"}

    def alignment(self, key: str) -> Qt.AlignmentFlag:
        if key in ("year", "amount"):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(key)

    def new_row_values(self) -> dict[str, str]:
        """This year's fee, unless it is listed already."""
        this_year = str(date.today().year)
        listed = {self.text(row, "year").strip() for row in range(self.row_count())}
        return {"year": this_year} if this_year not in listed else {}

    def set_fees(self, fees: list[FeeForm]) -> None:
        self.clear()
        for fee in fees:
            self.append({"year": fee.year, "amount": fee.amount, "paid_on": fee.paid_on}, fee.fee_id)

    def fees(self) -> tuple[list[FeeForm], list[int]]:
        """The rows as typed, and for each the table row it came from (blank rows are left out)."""
        forms: list[FeeForm] = []
        rows: list[int] = []
        for row in range(self.row_count()):
            if self.is_blank(row):
                continue
            fee_id = self.ids(row)
            forms.append(
                FeeForm(
                    year=self.text(row, "year"),
                    amount=self.text(row, "amount"),
                    paid_on=self.text(row, "paid_on"),
                    fee_id=fee_id if isinstance(fee_id, uuid.UUID) else None,
                )
            )
            rows.append(row)
        return forms, rows
