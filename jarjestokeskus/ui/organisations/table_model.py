"""The organisations list as a Qt table model: every row counted, pages read where the user looks.

The model knows how many rows the list has, so the scroll bar is true from the start; a page is
read when the view first asks for one of its rows, by key from the nearest page already read
(the next or previous rows of the list) or from the nearer end, so Ctrl+End reads the last page
and nothing between.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, format_number
from jarjestokeskus.services.exports.columns import ORGANISATION_HEADERS as HEADERS
from jarjestokeskus.services.organisations import listing
from jarjestokeskus.services.organisations.listing import (
    SORT_COLUMNS,
    OrganisationPage,
    OrganisationQuery,
    Position,
)
from jarjestokeskus.services.rows import OrganisationRow

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
PAGE_SIZE = 100
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ID_ROLE,
        ROW_ROLE,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowSource(Protocol):
    """Where the rows come from (the service; a fake in tests)."""

    def first(self, query: OrganisationQuery, limit: int) -> OrganisationPage: ...
    def count(self, query: OrganisationQuery) -> int: ...
    def after(
        self, query: OrganisationQuery, place: Position | None, limit: int | None, skip: int
    ) -> OrganisationPage: ...
    def before(
        self, query: OrganisationQuery, place: Position | None, limit: int, skip: int
    ) -> OrganisationPage: ...


class ServiceRows:
    """The organisations register's list service on one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def first(self, query: OrganisationQuery, limit: int) -> OrganisationPage:
        return listing.first_page(self.db, query, limit)

    def count(self, query: OrganisationQuery) -> int:
        return listing.count_organisations(self.db, query)

    def after(
        self, query: OrganisationQuery, place: Position | None, limit: int | None, skip: int
    ) -> OrganisationPage:
        return listing.next_rows(self.db, query, place, limit, skip)

    def before(
        self, query: OrganisationQuery, place: Position | None, limit: int, skip: int
    ) -> OrganisationPage:
        return listing.previous_rows(self.db, query, place, limit, skip)


class OrganisationTableModel(QAbstractTableModel):
    """All the list's rows by number; each page read once, when first shown."""

    def __init__(self, source: RowSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._query = OrganisationQuery()
        self._active = False
        self._labels: dict[tuple[int, object], str] = {}  # status, field, kind, count as shown
        self._clear()

    def _clear(self) -> None:
        self._total = 0
        self._more = False
        self._rows: dict[int, OrganisationRow] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # each row's texts as shown, made once
        self._places: dict[int, Position] = {}
        self._pages: list[int] = []  # the pages read, in order

    # --- what the view shows -------------------------------------------------------------
    @property
    def query(self) -> OrganisationQuery:
        return self._query

    @property
    def total(self) -> int:
        """The rows of the list; with `more`, the count stopped there and there are more."""
        return self._total

    @property
    def more(self) -> bool:
        return self._more

    @property
    def loaded(self) -> int:
        """How many rows have been read so far."""
        return len(self._rows)

    def set_query(self, query: OrganisationQuery) -> None:
        """Show another search, filter or sort: count the matches, read the first page."""
        self._active = True
        self.beginResetModel()
        self._query = query
        self._clear()
        first = self._source.first(query, PAGE_SIZE)
        self._total, self._more = first.total, first.more
        self._store(0, first)
        self._pages = [0]
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self._query)

    def complete_count(self) -> None:
        """A search with more matches than were counted: count them all (before going to the end)."""
        if not self._more:
            return
        total = self._source.count(self._query)
        self._more = False
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Every row of the list at once (for an export): one query for all of them."""
        self.complete_count()
        if len(self._rows) < self._total:
            self._store(0, self._source.after(self._query, None, None, 0))
            self._pages = list(range(self._page_count()))

    def row_at(self, row: int) -> OrganisationRow | None:
        if not 0 <= row < self._total:
            return None
        if row not in self._rows:
            self._read_page(row // PAGE_SIZE)
        return self._rows.get(row)

    def row_of(self, organisation_id: object) -> int:
        return next((i for i, r in self._rows.items() if r.id == organisation_id), -1)

    def retranslate(self) -> None:
        self._texts.clear()  # the labels of status, field and kind, and the numbers' format
        self._labels.clear()
        last = len(HEADERS) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, last))

    # --- reading pages ---------------------------------------------------------------------
    def _page_count(self) -> int:
        return (self._total + PAGE_SIZE - 1) // PAGE_SIZE

    def _store(self, start: int, page: OrganisationPage) -> None:
        for offset, (row, place) in enumerate(zip(page.rows, page.positions, strict=True)):
            if start + offset < self._total:
                self._rows[start + offset] = row
                self._places[start + offset] = place

    def _read_page(self, page: int) -> None:
        """Read `page` from the nearest page read before it, after it, or the nearer end."""
        if page in self._pages:
            return
        start, end = page * PAGE_SIZE, min(self._total, (page + 1) * PAGE_SIZE)
        at = bisect.bisect_left(self._pages, page)
        below_end = (self._pages[at - 1] + 1) * PAGE_SIZE if at > 0 else 0
        above_start = self._pages[at] * PAGE_SIZE if at < len(self._pages) else self._total
        from_below, from_above = start - below_end, above_start - end
        if from_below <= from_above or self._more:  # a count that stopped has no known end
            place = self._places.get(below_end - 1) if below_end else None
            found = self._source.after(self._query, place, end - start, from_below)
        else:
            place = self._places.get(above_start) if above_start < self._total else None
            found = self._source.before(self._query, place, end - start, from_above)
        self._store(start, found)
        bisect.insort(self._pages, page)

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def export_texts(self, columns: Sequence[int]) -> tuple[int, Callable[[], Iterator[list[str]]]]:
        """The whole list as shown (search, filters, order) for an export: how many rows, and a
        reader of their `columns`' texts that touches no Qt, so the export runs it, query and
        all, off the GUI thread. A capped count is completed first: the export is of every row."""
        from jarjestokeskus.services.organisations import register

        if self._more:
            self.complete_count()
        query, total, db = self._query, self._total, getattr(self._source, "db", None)

        def texts() -> Iterator[list[str]]:
            for row in register.list_organisations(db, query, 0, None, total):
                yield [self._display(row, column) for column in columns]

        return total, texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked many times for every cell shown or measured: the roles not answered leave first.
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[index.column()] if 0 <= index.row() < self._total else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() == COL_MEMBERS else None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if index.column() == COL_NAME:  # the tooltip: the name in the other language
            other = row.name_sv if self._query.language == "fi" else row.name_fi
            return other or None
        return None

    def texts(self, row: int) -> tuple[str, ...]:
        """The row's texts as shown, column by column ("" for a row not in the list)."""
        found = self._texts.get(row)
        if found is None:
            record = self.row_at(row)
            if record is None:
                return ("",) * len(HEADERS)
            found = self._texts[row] = tuple(self._text(record, c) for c in range(len(HEADERS)))
        return found

    def _text(self, record: OrganisationRow, column: int) -> str:
        """As shown; the few labels of status, field and kind and the counts made once."""
        if column < COL_STATUS:
            return self._display(record, column)
        values = (record.membership_status, record.field, record.kind, record.member_count)
        key = (column, values[column - COL_STATUS])
        if key not in self._labels:
            self._labels[key] = self._display(record, column)
        return self._labels[key]

    def loaded_texts(self, column: int) -> set[str]:
        """The different texts of `column` among the rows read so far."""
        return {self.texts(row)[column] for row in self._rows}

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
