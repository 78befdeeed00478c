"""PySide 6.12 on Python 3.11 loses a reference to `None` at every call that returns nothing; the
program's workaround (ui/signal_references.py) must keep a long session from aborting."""

from __future__ import annotations

import os
import subprocess
import sys

SESSION = """
import jarjestokeskus.ui
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
app = QApplication([])
label, combo = QLabel(), QComboBox()
for number in range(30000):  # about six times the references None has after start
    label.setText(str(number))
    combo.addItem(str(number))
print("done", combo.count())
"""


def test_thirty_thousand_calls_that_return_nothing_do_not_abort_python() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SESSION],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done 30000"
