"""The main window's size, view, splitters and column widths, kept between sessions in QSettings.

Views are built when first shown: each one's splitter and columns are restored as it is built,
and only the views built this session are saved (the others keep what was saved before).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QListWidget, QMainWindow, QSplitter, QWidget


def restore_window_state(window: QMainWindow, navigation: QListWidget, splitter: QSplitter) -> None:
    """Size and main splitter; then the saved view is chosen, which builds it."""
    settings = QSettings()
    geometry = settings.value("main/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    state = settings.value("main/splitter")
    if isinstance(state, QByteArray):
        splitter.restoreState(state)
    navigation.setCurrentRow(int(settings.value("main/view", 0) or 0) % navigation.count())


def restore_view_state(index: int, view: QWidget) -> None:
    """The splitter and column widths of the view at `index` of the navigation, as last saved."""
    settings = QSettings()
    for key, each in _splitters(index, view).items():
        state = settings.value(key)
        if isinstance(state, QByteArray):
            each.restoreState(state)
    for key, header in _headers(index, view).items():
        state = settings.value(key)
        if isinstance(state, QByteArray):
            header.restoreState(state)


def save_window_state(
    window: QMainWindow, navigation: QListWidget, splitter: QSplitter, views: Sequence[QWidget | None]
) -> None:
    """`views` by navigation row, None where a view was not built."""
    settings = QSettings()
    settings.setValue("main/geometry", window.saveGeometry())
    settings.setValue("main/view", navigation.currentRow())
    settings.setValue("main/splitter", splitter.saveState())
    for index, view in enumerate(views):
        if view is None:
            continue
        for key, each in _splitters(index, view).items():
            settings.setValue(key, each.saveState())
        for key, header in _headers(index, view).items():
            settings.setValue(key, header.saveState())


def _splitters(index: int, view: QWidget) -> dict[str, QSplitter]:
    splitter = getattr(view, "splitter", None)
    return {f"main/split{index}": splitter} if splitter is not None else {}


def _headers(index: int, view: QWidget) -> dict[str, QHeaderView]:
    table = getattr(view, "table", None)
    header = getattr(table, "horizontalHeader", None) or getattr(table, "header", None)
    return {f"main/header{index}": header()} if header is not None else {}
