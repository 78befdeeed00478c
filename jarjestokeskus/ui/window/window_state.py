"""The main window's size, view, splitters and column widths, kept between sessions in QSettings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QListWidget, QMainWindow, QSplitter, QWidget


def restore_window_state(
    window: QMainWindow, navigation: QListWidget, splitter: QSplitter, views: Sequence[QWidget]
) -> None:
    settings = QSettings()
    geometry = settings.value("main/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    for key, each in _splitters(splitter, views).items():
        state = settings.value(key)
        if isinstance(state, QByteArray):
            each.restoreState(state)
    for key, header in _headers(views).items():
        state = settings.value(key)
        if isinstance(state, QByteArray):
            header.restoreState(state)
    navigation.setCurrentRow(int(settings.value("main/view", 0) or 0) % len(views))


def save_window_state(
    window: QMainWindow, navigation: QListWidget, splitter: QSplitter, views: Sequence[QWidget]
) -> None:
    settings = QSettings()
    settings.setValue("main/geometry", window.saveGeometry())
    settings.setValue("main/view", navigation.currentRow())
    for key, each in _splitters(splitter, views).items():
        settings.setValue(key, each.saveState())
    for key, header in _headers(views).items():
        settings.setValue(key, header.saveState())


def _splitters(main: QSplitter, views: Sequence[QWidget]) -> dict[str, QSplitter]:
    found = {f"main/split{i}": getattr(v, "splitter", None) for i, v in enumerate(views)}
    return {"main/splitter": main, **{k: v for k, v in found.items() if v is not None}}


def _headers(views: Sequence[QWidget]) -> dict[str, QHeaderView]:
    headers = {}
    for index, view in enumerate(views):
        table = getattr(view, "table", None)
        header = getattr(table, "horizontalHeader", None) or getattr(table, "header", None)
        if header is not None:
            headers[f"main/header{index}"] = header()
    return headers
