"""The main window's menu bar in the current language: File, Edit, View, Language and Help.

While the window is still opening its database (the shell at start) the File and Edit menus
have no database actions yet; they are added when the database is open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from jarjestokeskus import __version__, i18n
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.widgets.mnemonics import mnemonic


def build_menus(window: Any) -> list[str]:  # noqa: ANN401 - the MainWindow, which imports this module
    """The action texts and the menus, made again (a language switch, a database opened); returns
    the menus' mnemonic letters."""
    window.new_action.setText(_("&New"))
    window.backup_action.setText(_("&Back up now"))
    window.restore_action.setText(_("&Restore from a backup…"))
    window.import_action.setText(_("Import member organisations…"))
    window.export_action.setText(_("Export &list…"))
    window.save_action.setText(_("&Save"))
    window.find_action.setText(_("&Find"))
    window.quit_action.setText(_("&Quit"))
    window.about_action.setText(_("&About Järjestökeskus"))
    for code, action in window.language_actions.items():
        action.setChecked(code == i18n.current_language())
    database_actions = getattr(window, "database_actions", None)
    person_actions = getattr(window, "person_actions", None)
    menu_bar = window.menuBar()
    menu_bar.clear()
    file_menu = menu_bar.addMenu(_("&File"))
    file_menu.addActions([window.new_action, window.save_action])
    file_menu.addSeparator()
    if database_actions is not None:
        database_actions.retranslate()
        file_menu.addAction(database_actions.open_action)
        file_menu.addMenu(database_actions.recent_menu)
        file_menu.addActions(database_actions.copy_actions)
        file_menu.addSeparator()
    file_menu.addActions([window.export_action, window.import_action])
    if person_actions is not None:
        person_actions.retranslate()
        file_menu.addAction(person_actions.unattached_action)
    file_menu.addSeparator()
    file_menu.addActions([window.backup_action, window.restore_action])
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menu_bar.addMenu(_("&Edit"))
    edit_menu.addAction(window.find_action)
    if database_actions is not None:
        edit_menu.addSeparator()
        edit_menu.addAction(database_actions.settings_action)
    view_menu = menu_bar.addMenu(_("&View"))
    view_menu.addActions(window.view_actions)
    window.appearance.add_to(view_menu)
    language_menu = menu_bar.addMenu(_("&Language"))
    language_menu.addActions(list(window.language_actions.values()))
    help_menu = menu_bar.addMenu(_("&Help"))
    help_menu.addAction(window.about_action)
    return [mnemonic(action.text()) or "" for action in menu_bar.actions()]


def show_about(window: QWidget) -> None:
    """Help ▸ About Järjestökeskus."""
    QMessageBox.about(
        window,
        _("About Järjestökeskus"),
        _("Järjestökeskus {version}\nThe register of an umbrella organisation of associations.").format(
            version=__version__
        ),
    )
