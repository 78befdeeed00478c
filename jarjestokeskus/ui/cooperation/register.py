"""A cooperation register on the shared register view: its columns over frozen rows, sorted by a
proxy, and its editor beside the list (the title is the Cooperation view's, above the tabs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.cooperation.common import ID_ROLE, SORT_ROLE, Column, RowsTableModel
from jarjestokeskus.ui.widgets.register_view import RegisterView, list_table

MAX_COLUMN_WIDTH = 240


class CooperationRegister(RegisterView):
    id_role = ID_ROLE
    lazy = True
    splitter_sizes = (640, 560)
    columns: Sequence[Column] = ()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self._sized = False
        self.model = RowsTableModel(self.columns)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        super().__init__(db, parent)
        self.model.setParent(self)
        self.proxy.setParent(self)
        self.title.setVisible(False)

    def build_table(self) -> QAbstractItemView:
        table = list_table(self.proxy)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    def rows(self) -> list[Any]:
        """The records for the search, filters and archive box as they are now."""
        raise NotImplementedError

    def reload(self) -> None:
        self.model.set_rows(self.rows())
        if not self._sized and self.model.rows:  # once: the user's own widths stay
            self._sized = True
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def retranslate(self) -> None:
        self.model.retranslate()
        self.editor.retranslate()
        self.show_count()
