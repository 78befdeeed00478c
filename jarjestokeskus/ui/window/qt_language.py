"""Qt's side of the language: its own qtbase catalogue and the default QLocale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jarjestokeskus import i18n

_installed: list[QTranslator] = []


def apply_language(language: str) -> None:
    """Switch gettext, Qt's own texts (buttons of standard dialogs) and QLocale together."""
    i18n.set_language(language)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Swedish if language == "sv" else QLocale.Language.Finnish,
            QLocale.Country.Finland,
        )
    )
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", path):
        app.installTranslator(translator)
        _installed.append(translator)
