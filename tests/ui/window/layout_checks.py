"""What a user sees as clipped: a text cut short, a widget outside the window or under another,
a tab bar with scroll arrows, a form that scrolls sideways, a list column too narrow for its values."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

SLACK = 2  # pixels of rounding
WIDE_COLUMN = 200  # a column of free text (names, notes) may end in "…" past this width


def _name(widget: QWidget) -> str:
    text = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", str)()
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 4:
        parents.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {text!r} in {'/'.join(parents)}".replace("&", "")


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and widget.window() is window and widget.width() > 0


def _in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of the window its ancestors leave for the widget, in the window's coordinates."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def too_narrow(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return False
        if widget.wordWrap():
            return widget.height() + SLACK < widget.heightForWidth(widget.width())
    elif not isinstance(widget, QAbstractButton | QComboBox):
        return False
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QTabBar | QLineEdit):
        return False
    if isinstance(widget, QComboBox):
        return widget.width() + SLACK < min(_combo_needs(widget), WIDE_COLUMN)
    hint = widget.sizeHint()
    return widget.width() + SLACK < hint.width() or widget.height() + SLACK < min(hint.height(), 40)


def _combo_needs(combo: QComboBox) -> int:
    """The width that shows the chosen text whole (a closed box shows only that)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    text = QSize(metrics.horizontalAdvance(combo.currentText()), metrics.height())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        text += QSize(combo.iconSize().width() + 4, 0)
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo).width()


def problems(window: QWidget) -> list[str]:
    """Every clipped thing in the window as it is shown now."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if too_narrow(widget):
            found.append(f"cut short: {_name(widget)} {widget.width()}<{widget.sizeHint().width()}")
        if not _in_scroll_viewport(widget) and not isinstance(widget, QHeaderView):
            full = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if _visible_rect(widget, window) != full:
                found.append(f"outside its place: {_name(widget)}")
        if isinstance(widget, QTabBar):
            arrows = [b for b in widget.findChildren(QToolButton) if b.isVisible()]
            if arrows:
                found.append(f"tab bar scrolls: {[widget.tabText(i) for i in range(widget.count())]}")
        if (
            isinstance(widget, QAbstractScrollArea)
            and not isinstance(widget, QAbstractItemView | QTextEdit | QPlainTextEdit)
            and widget.horizontalScrollBar().isVisible()
        ):
            found.append(f"form scrolls sideways: {_name(widget)}")
        if isinstance(widget, QScrollArea) and widget.widget() is not None:
            content, port = widget.widget(), widget.viewport()
            if content.width() > port.width() + SLACK and not widget.horizontalScrollBar().isVisible():
                found.append(f"cut by its scroll area: {_name(content)}")
        found += _labels_apart(widget)
        if isinstance(widget, QTableView | QTreeView):
            found += _narrow_columns(widget)
    return found


def _form_layouts(widget: QWidget) -> list[QFormLayout]:
    found, stack = [], [widget.layout()]
    while stack:
        layout = stack.pop()
        if layout is None:
            continue
        if isinstance(layout, QFormLayout):
            found.append(layout)
        stack += [layout.itemAt(i).layout() for i in range(layout.count())]
    return found


def _labels_apart(widget: QWidget) -> list[str]:
    """A form's label beside the top of its field, not floating above or below it."""
    found = []
    for form in _form_layouts(widget):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.widget() is None or not label.widget().isVisible():
                continue
            buddy = getattr(label.widget(), "buddy", lambda: None)()
            if buddy is None or not buddy.isVisible():
                continue
            text = label.widget()  # its text is drawn at its top when the row is taller
            middle = (
                text.mapTo(widget.window(), QPoint(0, 0)).y()
                + min(text.height(), text.sizeHint().height()) // 2
            )
            top = buddy.mapTo(widget.window(), QPoint(0, 0)).y()
            if not top - SLACK <= middle <= top + buddy.height() + SLACK:
                found.append(f"label away from its field: {_name(label.widget())}")
    return found


def _narrow_columns(table: QTableView | QTreeView) -> list[str]:
    model = table.model()
    header = table.horizontalHeader() if isinstance(table, QTableView) else table.header()
    found = []
    if model is None or model.rowCount() == 0:
        return found
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        needed = min(table.sizeHintForColumn(column), WIDE_COLUMN)
        if table.columnWidth(column) + SLACK < needed:
            title = model.headerData(column, header.orientation())
            found.append(f"column cut: {title!r} {table.columnWidth(column)}<{needed}")
    return found
