"""The start page's member organisations by municipality, grouped by the municipality register
(either name typed is one municipality, shown in the user's language); a row opens the
Organisations list filtered to it. Texts that name no municipality are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from jarjestokeskus.i18n import _, current_language, format_number
from jarjestokeskus.services.municipalities import MunicipalityCount

WARNING_SIGN = "⚠"


class MunicipalityTable(QTableWidget):
    """Read-only; Enter on a row is a double click."""

    row_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__(0, 2)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.cellDoubleClicked.connect(lambda row, _column: self.row_chosen.emit(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.row_chosen.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class MembersByMunicipality(QGroupBox):
    """`municipality_chosen(name)`: the user asked for the members of that municipality."""

    municipality_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MunicipalityCount] = []
        self.table = MunicipalityTable()
        self.table.row_chosen.connect(self._choose)
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
