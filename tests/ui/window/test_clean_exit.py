"""The program ends cleanly: the demo opened from the welcome dialog, the window closed, exit status 0."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QObject, Signal

# Run as the program runs: `run_gui` on an empty database; a timer plays the user.
USER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from jarjestokeskus.services.organisations import register
    from jarjestokeskus.ui.app import application, run_gui
    from jarjestokeskus.ui.main_window import MainWindow
    from jarjestokeskus.ui.window.welcome import WelcomeDialog

    app = application()
    steps = []

    def play():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WelcomeDialog) and "demo" not in steps:
            steps.append("demo")
            QTest.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        opened = windows and windows[0].database is not None  # the window shows before it opens
        demo = opened and windows[0].database.path.name == "demo.sqlite"
        if "demo" in steps and "close" not in steps and dialog is None and demo:
            steps.append("close")
            query = register.OrganisationQuery()
            print("organisations:", register.count_organisations(windows[0].database, query), flush=True)
            windows[0].close()
        else:
            QTimer.singleShot(100, play)

    QTimer.singleShot(100, play)
    code = run_gui(sys.argv[1], "fi")
    print("steps:", steps, flush=True)
    sys.exit(code)
    """
)


def test_closing_the_window_after_opening_the_demo_exits_cleanly(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        [sys.executable, "-c", USER, str(tmp_path / "empty.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "steps: ['demo', 'close']" in done.stdout, done.stderr
    assert "organisations: 0" not in done.stdout
    assert "Fatal Python error" not in done.stderr
    assert done.returncode == 0, done.stderr


class _Sender(QObject):
    sent = Signal(int)


def test_emitting_keeps_every_reference_to_true() -> None:
    """The cause of the crash: PySide 6.12's emit() took a reference from True at every call."""
    import jarjestokeskus.ui  # noqa: F401 - installs the work-around

    sender = _Sender()
    received: list[int] = []
    sender.sent.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(1000):
        sender.sent.emit(number)
    assert len(received) == 1000
    assert sys.getrefcount(True) >= before
