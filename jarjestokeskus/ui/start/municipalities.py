"""The start page's member organisations by municipality, grouped by the municipality register
(either name typed is one municipality, shown in the user's language); a row opens the
Organisations list filtered to it. Texts that name no municipality are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidgetItem, QVBoxLayout

from jarjestokeskus.i18n import _, current_language, format_number
from jarjestokeskus.services.municipalities import MunicipalityCount
from jarjestokeskus.ui.start.row_table import RowTable

WARNING_SIGN = "⚠"


class MembersByMunicipality(QGroupBox):
    """`municipality_chosen(name)`: the user asked for the members of that municipality."""

    municipality_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MunicipalityCount] = []
        self.table = RowTable(2, (0,))
        self.table.row_chosen.connect(self._choose)
        # Room for a few rows: in a low window the page scrolls rather than squeezing the list
        # until its scroll bar no longer fits.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 5 * rows)
        self.hint = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Member organisations by municipality"))
        self.table.setHorizontalHeaderLabels([_("Municipality"), _("Members")])
        self.hint.setText(_("Double-click a municipality, or press Enter on it, to list its members."))
        self.set_rows(self.rows)

    def set_rows(self, rows: list[MunicipalityCount]) -> None:
        self.rows = rows
        language = current_language()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = row.name or _("No municipality given")
            tip = name
            if not row.in_register and row.name:
                name = f"{WARNING_SIGN} {name}"
                tip = _(
                    "{name}: not a municipality of the register; correct it in the organisation's form"
                ).format(name=row.name)
            place = QTableWidgetItem(name)
            place.setToolTip(tip)
            count = QTableWidgetItem(format_number(row.members, language))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, 0, place)
            self.table.setItem(index, 1, count)
        height = self.table.verticalHeader().defaultSectionSize()
        shown = min(max(len(rows), 1), 8)  # about eight rows; the table scrolls past them
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown * height + 4)
        self.hint.setVisible(bool(rows))

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.rows) and self.rows[index].name:
            self.municipality_chosen.emit(self.rows[index].name)
