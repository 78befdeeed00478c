"""Starting the program, whole processes: the window to its first event-loop turn against a bare
PySide6 window with a table, and `--version` / `check` against `python -c pass`.

The window runs as a user starts it (`python -m jarjestokeskus --db FILE`) with
JK_QUIT_WHEN_SHOWN=1, which quits at the first turn of the event loop after the window is shown
(the start page read and painted). Each run works on a copy of the benchmark database and with
its own settings folder, so the user's settings are untouched and nothing is carried over.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import databases
from harness import HERE, PYTHON, Row, run

WINDOW_GOAL_RATIO, WINDOW_GOAL_MIB = 2.0, 100.0
VERSION_GOAL_S, CHECK_GOAL_S = 0.2, 0.6


def rows(sizes: tuple[int, ...]) -> list[Row]:
    found: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="jk-bench-start-") as folder:
        place = Path(folder)
        env = {"XDG_CONFIG_HOME": str(place / "config"), "XDG_DATA_HOME": str(place / "data")}
        bare = run([PYTHON, str(HERE / "bare_window.py")], repeat=5)
        for size in sizes:
            copy = place / f"organisations-{size}.sqlite"
            shutil.copyfile(databases.database(size), copy)
            window = [PYTHON, "-m", "jarjestokeskus", "--db", str(copy)]
            run(window, repeat=1, env={**env, "JK_QUIT_WHEN_SHOWN": "1"})  # an older file upgrades once
            program = run(window, repeat=5, env={**env, "JK_QUIT_WHEN_SHOWN": "1"})
            met = program.seconds <= WINDOW_GOAL_RATIO * bare.seconds and program.peak_mib <= WINDOW_GOAL_MIB
            found.append(
                Row(
                    "Window start to first event loop",
                    size,
                    program,
                    bare,
                    "≤ 2× bare window, ≤ 100 MiB",
                    met,
                )
            )
        largest = max(sizes)
        copy = place / f"organisations-{largest}.sqlite"
        python = run([PYTHON, "-c", "pass"], repeat=5)
        version = run([PYTHON, "-m", "jarjestokeskus", "--version"], repeat=5, env=env)
        found.append(
            Row(
                "`jarjestokeskus --version`",
                largest,
                version,
                python,
                "≤ 0.2 s",
                version.seconds <= VERSION_GOAL_S,
            )
        )
        check = run([PYTHON, "-m", "jarjestokeskus", "check", "--db", str(copy)], repeat=3, env=env)
        found.append(
            Row("`jarjestokeskus check`", largest, check, python, "≤ 0.6 s", check.seconds <= CHECK_GOAL_S)
        )
    return found
