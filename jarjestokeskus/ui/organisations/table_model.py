"""The organisations list as a Qt table model: rows arrive page by page from the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import format_number
from jarjestokeskus.services.exports.columns import ORGANISATION_HEADERS as HEADERS
from jarjestokeskus.services.organisations.register import SORT_COLUMNS, OrganisationPage, OrganisationQuery
from jarjestokeskus.services.rows import OrganisationRow
from jarjestokeskus.ui.widgets.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

(
    COL_NAME,
    COL_ABBREVIATION,
    COL_BUSINESS_ID,
    COL_MUNICIPALITY,
    COL_STATUS,
    COL_FIELD,
    COL_KIND,
    COL_MEMBERS,
) = range(8)
# The service's sort key for each column, in the columns' order.
SORT_KEYS = SORT_COLUMNS
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200

FirstPage = Callable[[OrganisationQuery, int], OrganisationPage]
Pager = Callable[[OrganisationQuery, int, int, int], list[OrganisationRow]]


class OrganisationTableModel(PagedTableModel):
    """Holds the rows fetched so far; the view asks for more as the user scrolls."""

    def __init__(self, first_page: FirstPage, page: Pager, parent: Any = None) -> None:
        super().__init__(first_page, page, OrganisationQuery(), HEADERS, PAGE_SIZE, parent)
        self._active = False

    # --- what the view shows -------------------------------------------------------------
    def set_query(self, query: OrganisationQuery) -> None:
        self._active = True
        super().set_query(query)

    def reload(self) -> None:
        self.set_query(self._query)

    def row_of(self, organisation_id: object) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), -1)

    def _more(self, offset: int, limit: int) -> list[OrganisationRow]:
        return self._page(self._query, offset, limit, self._total)

    def _all(self, query: OrganisationQuery, total: int) -> list[OrganisationRow]:
        return self._page(query, 0, total, total)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            other = row.name_sv if self._query.language == "fi" else row.name_fi
            return other or None
        return None

    def _display(self, row: OrganisationRow, column: int) -> str:
        if column == COL_NAME:
            return row.name(self._query.language)
        if column == COL_ABBREVIATION:
            return row.abbreviation
        if column == COL_BUSINESS_ID:
            return row.business_id or ""
        if column == COL_MUNICIPALITY:
            return row.municipality
        if column == COL_STATUS:
            return row.membership_status.label
        if column == COL_FIELD:
            return row.field.label
        if column == COL_KIND:
            return row.kind.label
        return format_number(row.member_count) if row.member_count is not None else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if not self._active:  # nothing shown yet (a restored header): remember, read nothing
            self._query = self._query.with_(sort=key, descending=descending)
        elif key != self._query.sort or descending != self._query.descending:
            self.set_query(self._query.with_(sort=key, descending=descending))
