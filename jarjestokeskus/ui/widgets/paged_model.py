"""A table model over a long list read a page at a time: the first page and a count at once,
the next pages as the user scrolls, everything at once for an export."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jarjestokeskus.i18n import _

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Holds the rows fetched so far; subclasses give `data` and, if their pager wants more than
    (query, offset, limit), `_more`."""

    def __init__(
        self,
        first_page: Callable[[Any, int], Any],
        page: Callable[..., list[Any]],
        query: Any,
        headers: Sequence[str],
        page_size: int,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._first_page = first_page
        self._page = page
        self._query = query
        self._headers = headers  # marked with N_, shown in the window's language
        self._page_size = page_size
        self._rows: list[Any] = []
        self._total = 0

    @property
    def query(self) -> Any:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: Any) -> None:
        """Show another search, filter or sort: count the matches, load the first page."""
        self.beginResetModel()
        self._query = query
        first = self._first_page(query, self._page_size)
        self._total = first.total
        self._rows = list(first.rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        last = len(self._headers) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self._headers[section])
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not parent.isValid():
            self._fetch(self._page_size)

    def fetch_all(self) -> None:
        """Every row of the list at once (for an export): one query for the rest."""
        if len(self._rows) < self._total:
            self._fetch(self._total - len(self._rows))

    def export_texts(self, columns: Sequence[int]) -> tuple[int, Callable[[], Iterator[list[str]]]]:
        """The whole list as shown (its search, filters and order) for an export: how many rows,
        and a reader of their `columns`' texts. Nothing is read now, and the reader touches no Qt:
        it runs off the GUI thread, where the query cannot hold up the window."""
        query, total = self._query, self._total

        def texts() -> Iterator[list[str]]:
            for row in self._all(query, total):
                yield [self._display(row, column) for column in columns]

        return total, texts

    def _display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _all(self, query: Any, total: int) -> list[Any]:
        return self._page(query, 0, total)

    def _more(self, offset: int, limit: int) -> list[Any]:
        return self._page(self._query, offset, limit)

    def _fetch(self, limit: int) -> None:
        more = self._more(len(self._rows), limit)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
