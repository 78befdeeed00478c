"""Light or dark: the system's colour scheme followed (Qt 6.5+), or one chosen in View ▸ Appearance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.settings import load_settings, save_settings

APPEARANCES = {"system": N_("&System"), "light": N_("&Light"), "dark": N_("&Dark")}
_state = {"choice": "system", "watching": False}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """Dark colours for a platform that has none of its own (Fusion's roles, as Qt's dark themes)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#2f6fb0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6fb3ff",
        QPalette.ColorRole.LinkVisited: "#c49cff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def apply_appearance(choice: str) -> None:
    """'system', 'light' or 'dark' for the whole program, now."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    choice = choice if choice in APPEARANCES else "system"
    hints = app.styleHints()
    if not _state["watching"]:  # the system switching between light and dark while the window is open
        hints.colorSchemeChanged.connect(_system_changed)
        _state["watching"] = True
    _state["choice"] = choice
    if choice == "system":
        hints.unsetColorScheme()
        wanted = hints.colorScheme()
    else:
        wanted = Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)  # the platform's own light or dark, where it has them
    app.setPalette(QPalette())  # nothing of ours: the platform's palette for the scheme
    if wanted == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
    elif wanted == Qt.ColorScheme.Light and is_dark(app.palette()):
        app.setPalette(light_palette())
    # A widget with a style sheet keeps the palette it was polished with: polish it again.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def light_palette() -> QPalette:
    """Fusion's light colours, for a dark platform theme when Light is chosen."""
    palette = QPalette(QColor("#efefef"), QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def _system_changed(_scheme: object = None) -> None:
    if _state["choice"] == "system":
        apply_appearance("system")


class AppearanceActions:
    """View ▸ Appearance: System, Light, Dark; the choice is applied at once and remembered."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for choice in APPEARANCES:
            action = QAction(window, checkable=True)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
            self.group.addAction(action)
            self.actions[choice] = action
        self.menu = QMenu(window)
        self.menu.addActions(list(self.actions.values()))

    def add_to(self, view_menu: QMenu) -> None:
        """At the end of the View menu, in the current language."""
        view_menu.addSeparator()
        view_menu.addMenu(self.menu)
        self.menu.setTitle(_("&Appearance"))
        chosen = load_settings().appearance
        for choice, action in self.actions.items():
            action.setText(_(APPEARANCES[choice]))
            action.setChecked(choice == chosen)

    def choose(self, choice: str) -> None:
        apply_appearance(choice)
        save_settings(load_settings().with_(appearance=choice))
