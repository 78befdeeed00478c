"""Icons of the navigation and the menus: the Lucide SVGs in resources/icons, drawn in the palette's
text colour, and drawn again when the palette changes (light or dark)."""

from __future__ import annotations

import contextlib
import os
import zlib
from functools import cache
from pathlib import Path

import platformdirs
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QRect, QSize
from PySide6.QtGui import QAction, QColor, QIcon, QIconEngine, QImageReader, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QListWidget, QWidget

from jarjestokeskus.db.places import APP_NAME

ICON_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"
# One per entry of the navigation, in its order (main_window.VIEW_TITLES).
NAVIGATION = (
    "house",  # start page
    "building-2",  # organisations
    "archive",
    "folder-kanban",  # projects
    "coins",  # funding overview
    "file-signature",  # agreements
    "clipboard-check",  # follow-up of agreements
    "users",  # staff
    "calendar-clock",  # year clock
    "megaphone",  # reaching members
    "receipt",  # membership fees
    "calendar-days",  # events
    "clipboard-list",  # welfare survey
    "handshake",  # cooperation
    "file-chart-column",  # reports
    "history",  # change history
)


@cache
def _svg(name: str) -> str:
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(name: str, colour: QColor, size: int) -> QPixmap:
    """The icon drawn in `colour` at `size`: from the cache of drawn icons when it is there (a PNG
    loads in a fraction of the time drawing the SVG takes, and the SVG reader need not load at
    all: ~8 ms of every start for the navigation's icons), else drawn and kept there."""
    svg = _svg(name).replace("currentColor", colour.name())
    kept = cache_folder() / f"{name}-{size}-{zlib.crc32(svg.encode()):08x}.png"  # the drawn SVG's own
    pixmap = QPixmap()
    if pixmap.load(str(kept), "PNG"):
        return pixmap
    data = QByteArray(svg.encode())  # kept while the buffer reads it (QBuffer does not own it)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(size, size))
    pixmap = QPixmap.fromImage(reader.read())
    with contextlib.suppress(OSError):  # a cache that cannot be written: drawn again next time
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        if pixmap.save(str(partial), "PNG"):
            partial.replace(kept)  # whole or not there, whichever program starts meanwhile
    return pixmap


@cache
def cache_folder() -> Path:
    """The user's cache folder for drawn icons (nothing in it is the user's data)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "icons"


class _PaletteIconEngine(QIconEngine):
    """Draws an icon only when Qt asks for it, at the size asked (a window opens without drawing all)."""

    def __init__(self, name: str, colours: dict[QIcon.Mode, QColor]) -> None:
        super().__init__()
        self.name = name
        self.colours = colours
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, _state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._drawn:
            colour = self.colours.get(mode, self.colours[QIcon.Mode.Normal])
            self._drawn[key] = _pixmap(self.name, colour, min(size.width(), size.height()))
        return self._drawn[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self.name, self.colours)


def icon(name: str, palette: QPalette) -> QIcon:
    """The icon in the palette's text colour; greyed when disabled, light on a chosen row."""
    text = QPalette.ColorRole.WindowText
    active, disabled = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
    colours = {
        QIcon.Mode.Normal: palette.color(active, text),
        QIcon.Mode.Active: palette.color(active, text),
        QIcon.Mode.Disabled: palette.color(disabled, text),
        QIcon.Mode.Selected: palette.color(active, QPalette.ColorRole.HighlightedText),
    }
    return QIcon(_PaletteIconEngine(name, colours))


# The window's actions (attribute paths) and their icons.
ACTIONS = {
    "new_action": "plus",
    "save_action": "save",
    "find_action": "search",
    "quit_action": "log-out",
    "backup_action": "database-backup",
    "restore_action": "archive-restore",
    "import_action": "file-down",
    "export_action": "file-up",
    "about_action": "info",
    "database_actions.open_action": "folder-open",
    "database_actions.meeting_copy_action": "copy",
    "database_actions.settings_action": "settings",
}


class _PaletteWatcher(QObject):
    """Draws the window's icons again when its palette changes (light or dark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            set_icons(watched)
        return False


def apply_icons(window: QWidget) -> None:
    """Icons on the navigation's entries, the View menu's views and the window's actions, in the
    window's palette, and again whenever the palette changes."""
    watcher = _PaletteWatcher(window)
    window.installEventFilter(watcher)
    set_icons(window)


def set_icons(window: QWidget) -> None:
    palette = window.palette()
    navigation: QListWidget = window.navigation  # type: ignore[attr-defined]
    side = navigation.fontMetrics().height()
    navigation.setIconSize(QSize(side, side))  # as tall as the name
    for row, name in enumerate(NAVIGATION):
        each = icon(name, palette)
        navigation.item(row).setIcon(each)
        window.view_actions[row].setIcon(each)  # type: ignore[attr-defined]
    for path, name in ACTIONS.items():
        owner: object = window
        for part in path.split("."):
            owner = getattr(owner, part, None)  # the database's actions come once it is open
        if isinstance(owner, QAction):
            owner.setIcon(icon(name, palette))
