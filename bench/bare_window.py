"""The window-start reference: a bare PySide6 window with a table, shown, quitting at its first
event-loop turn (what `python -m jarjestokeskus` does under JK_QUIT_WHEN_SHOWN=1).

With `--painted` it quits at the turn after its table is first painted instead (what the program
does under JK_QUIT_WHEN_FILLED=1 once its start page is first painted): the reference for content
on the screen. Painting costs a window its fonts, glyphs and style (~20 ms of this one), which the
first turn comes before.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8))
    window.setCentralWidget(table)
    window.resize(1350, 800)
    if "--painted" in sys.argv[1:]:
        painted = quit_when_painted()
        table.viewport().installEventFilter(painted)
    window.show()
    if "--painted" not in sys.argv[1:]:
        QTimer.singleShot(0, app.quit)
    return app.exec()


def quit_when_painted():  # type: ignore[no-untyped-def]  # only --painted loads these classes
    from PySide6.QtCore import QEvent, QObject

    class QuitWhenPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.quit)
            return False

    return QuitWhenPainted()


if __name__ == "__main__":
    sys.exit(main())
