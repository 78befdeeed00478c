"""The Who represents us where tab: the seats in force today, by area, body and role."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, _, current_language, format_date, ngettext
from jarjestokeskus.services.cooperation.bodies import representation
from jarjestokeskus.ui.cooperation.common import RowsTableModel, table_for


class RepresentationTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = date.today()
        self.model = RowsTableModel(
            [
                (N_("Municipality or county"), lambda r: r.area),
                (N_("Body"), lambda r: r.body),
                (N_("Role"), lambda r: r.role),
                (N_("Representative"), lambda r: r.person),
                (N_("Organisation"), lambda r: r.organisation),
                (N_("To"), lambda r: r.end_date),
            ],
            self,
        )
        self.table = table_for(self.model)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def retranslate(self) -> None:
        self.model.retranslate()
        self.refresh()

    def refresh(self) -> None:
        rows = representation(self.db, self.today, current_language())
        self.model.set_rows(rows)
        self.summary.setText(
            ngettext("{count} seat in force on {date}", "{count} seats in force on {date}", len(rows)).format(
                count=len(rows), date=format_date(self.today)
            )
            + " · "
            + _("The report Who represents us where prints this list.")
        )
