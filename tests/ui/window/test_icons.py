"""Icons beside the navigation's names and on the menus' actions, drawn in the palette's colours."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jarjestokeskus.db.engine import Database
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window import icons
from jarjestokeskus.ui.window.icons import ACTIONS, ICON_DIR, NAVIGATION

ROOT = Path(__file__).resolve().parents[3]


def ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    """The colours of the icon's drawn pixels."""
    image = icon.pixmap(24, 24, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_every_view_and_action_has_an_icon_in_the_text_colour(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    text = window.palette().color(QPalette.ColorRole.WindowText).name()
    for row in range(window.navigation.count()):
        assert ink(window.navigation.item(row).icon()) == {text}, window.navigation.item(row).text()
        assert ink(window.view_actions[row].icon()) == {text}
    for action in (window.new_action, window.save_action, window.backup_action, window.quit_action):
        assert ink(action.icon()) == {text}, action.text()
    chosen = window.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert ink(window.navigation.item(0).icon(), QIcon.Mode.Selected) == {chosen}


def test_icons_follow_a_new_palette(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: ink(window.navigation.item(1).icon()) == {"#e8e8e8"})
        assert ink(window.save_action.icon()) == {"#e8e8e8"}
    finally:
        app.setPalette(before)


def test_the_icons_and_their_licence_are_shipped() -> None:
    for name in (*NAVIGATION, *ACTIONS.values()):
        assert (ICON_DIR / f"{name}.svg").is_file(), name
    assert "ISC License" in (ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    assert '"icons"' in (ROOT / "build.spec").read_text(encoding="utf-8")


def test_a_drawn_icon_is_kept_and_loaded_from_the_cache_next_time(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next start loads each drawn icon as a PNG instead of drawing its SVG again; an icon
    drawn otherwise (another colour, a changed SVG) is drawn anew; a cache that cannot be written
    is only not used."""
    monkeypatch.setattr(icons, "cache_folder", lambda: tmp_path / "icons")
    red, blue = QColor("#cc0000"), QColor("#0000cc")
    drawn = icons._pixmap("house", red, 24).toImage()
    assert [p.name for p in (tmp_path / "icons").iterdir()] == [
        f"house-24-{zlib.crc32(icons._svg('house').replace('currentColor', '#cc0000').encode()):08x}.png"
    ]
    readers: list[object] = []
    monkeypatch.setattr(icons, "QImageReader", lambda *args: readers.append(args) or QImageReader(*args))
    assert icons._pixmap("house", red, 24).toImage() == drawn and readers == []  # from the cache
    assert icons._pixmap("house", blue, 24).toImage() != drawn and len(readers) == 1  # drawn anew
    monkeypatch.setattr(
        icons, "_svg", lambda name: ICON_DIR.joinpath("users.svg").read_text(encoding="utf-8")
    )
    assert icons._pixmap("house", red, 24).toImage() != drawn and len(readers) == 2  # a changed icon
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(icons, "cache_folder", lambda: blocked / "icons")
    assert not icons._pixmap("save", red, 24).isNull() and len(readers) == 3
