"""Making things fit a small window: list columns as wide as their values, filter rows that wrap."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QLayout, QLayoutItem, QTableView, QTreeView, QWidget

# A column of free text (names, notes) may end in "…" past this width; the tooltip or the editor
# shows the whole text. Shorter values (dates, sums, kinds, statuses) are always shown whole.
WIDE_COLUMN = 240


def fit_columns(view: QAbstractItemView, widest: int = WIDE_COLUMN) -> None:
    """Widen each column that is narrower than its values (at most `widest`); never narrows one
    (the user's own widths stay). A stretching last column still stretches: the list scrolls
    sideways only when the window is too narrow for it."""
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        header = view.header()
    else:
        return
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    # A list read page by page (100,000 organisations) is measured by the rows it has read: it
    # must not be read whole to fit its columns.
    loaded = getattr(model, "loaded", None)
    headers = [header] + ([view.verticalHeader()] if isinstance(view, QTableView) else [])
    precisions = [h.resizeContentsPrecision() for h in headers]
    if isinstance(loaded, int):
        for each in headers:
            each.setResizeContentsPrecision(max(1, loaded))
    try:
        _widen(view, header, widest)
    finally:
        for each, precision in zip(headers, precisions, strict=True):
            each.setResizeContentsPrecision(precision)


def _widen(view: QAbstractItemView, header, widest: int) -> None:  # type: ignore[no-untyped-def]
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        if header.sectionResizeMode(column) != header.ResizeMode.Interactive:
            continue
        needed = min(max(view.sizeHintForColumn(column), header.sectionSizeHint(column)), widest)
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


class FlowLayout(QLayout):
    """Widgets left to right, on as many rows as the width needs (filters in a narrow list)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        """As wide as the widest widget: the others go on rows of their own."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize()).expandedTo(item.sizeHint())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(rect.width(), 10_000)) if rect.width() else item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()
