"""Qt calls that return nothing do not use up None (PySide 6.12 on Python 3.11 loses a reference each)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    calls = sys.getrefcount(None) + 1000  # more calls than None has references
    if sys.argv[1] == "installed":
        import jarjestokeskus.ui  # noqa: F401  (installs the spare references)
    app = QApplication([])
    label = QLabel()
    for _ in range(calls):
        label.setText("x")
    print("done", flush=True)
    """
)


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CALLS, mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )


def test_many_calls_end_cleanly() -> None:
    done = _run("installed")
    assert (done.returncode, done.stdout.strip()) == (0, "done"), done.stderr


def test_the_probe_finds_what_it_fixes() -> None:
    """Without the spare references this PySide aborts; a fixed one (or Python 3.12) does not."""
    from jarjestokeskus.ui.none_references import SPARE_REFERENCES

    done = _run("bare")
    if done.returncode != 0:
        assert "none_dealloc" in done.stderr
        assert sys.getrefcount(None) > SPARE_REFERENCES // 2  # installed in this process
