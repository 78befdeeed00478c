"""Starting the program, whole processes: the window against a bare PySide6 window with a table,
and `--version` / `check` against `python -c pass`.

The window runs as a user starts it (`python -m jarjestokeskus --db FILE`), in three rows:

- "Window start to first event loop" (JK_QUIT_WHEN_SHOWN=1): from the process's start until the
  first turn of the event loop after the window is shown. At that turn the window has its menus,
  its navigation and a page saying it is opening the database, and it answers the user (menus,
  the navigation, closing); the database is not open yet and SQLAlchemy is not loaded. The
  program quits at that turn (QApplication.quit, which closes the window).
- "Window start to start page filled, painted" (JK_QUIT_WHEN_FILLED=1): from the process's start
  until the start page is built, has read its figures, deadlines and charts and has been painted;
  the program then ends at the next turn of the event loop without closing the window, so no
  automatic backup is timed. A file at the newest schema opened on the start page is read with
  sqlite3 alone (ui/window/start_up.py), so this is before SQLAlchemy and the models load; the
  row below shows when they have. Its reference is the bare window ending at the turn after its
  table is first painted (`--painted`):
  content on the screen against content on the screen. (The bare window of the row above ends
  before it paints anything; painting costs it ~20 ms of fonts, glyphs and style.)
- "Window start to database open, every view ready" (JK_QUIT_WHEN_OPEN=1): until the database
  layer has loaded in its thread and the database is open with all its checks, the start page
  given it: what a user waits for before the first edit or another view. Its goal is that it
  grows no worse than linearly (the ratio says little: it measures a thread's work after the
  window answers).

The reference is bench/bare_window.py, which quits at its first event-loop turn (or, for the
filled row, at the turn after its first paint); it runs by turns with each of the program's rows
(`harness.paired`), so that both meet the same machine speed (on a shared machine it drifts by a
third over the minutes a bench takes). Each run works on a copy of the benchmark database and
with its own settings folder, so the user's settings are untouched and nothing is carried over;
one untimed run first upgrades an older file. Peak memory is the whole process's, from GNU time.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import databases
from harness import HERE, PYTHON, Measure, Row, paired, run

WINDOW_GOAL_RATIO, WINDOW_GOAL_MIB = 2.0, 100.0
OPEN_ROW = "Window start to database open, every view ready"
LINEAR = 10.5  # the most the time may grow for ten times the rows (as import_rows)
VERSION_GOAL_S, CHECK_GOAL_S = 0.2, 0.6
REPEAT = 7  # runs of each window row and of the bare window beside it, by turns


def _linear(found: list[Row], ready: Measure, size: int) -> bool:
    """No worse than linear growth from the next smaller size measured (one size alone: met)."""
    smaller = [row for row in found if row.what == OPEN_ROW and row.size < size]
    if not smaller:
        return True
    before = max(smaller, key=lambda row: row.size)
    return ready.seconds <= before.program.seconds * LINEAR * size / (10 * before.size)


def rows(sizes: tuple[int, ...]) -> list[Row]:
    found: list[Row] = []
    bare = [PYTHON, str(HERE / "bare_window.py")]
    with tempfile.TemporaryDirectory(prefix="jk-bench-start-") as folder:
        place = Path(folder)
        env = {"XDG_CONFIG_HOME": str(place / "config"), "XDG_DATA_HOME": str(place / "data")}
        for size in sizes:
            copy = place / f"organisations-{size}.sqlite"
            shutil.copyfile(databases.database(size), copy)
            window = [PYTHON, "-m", "jarjestokeskus", "--db", str(copy)]
            run(window, repeat=1, env={**env, "JK_QUIT_WHEN_FILLED": "1"})  # an older file upgrades once
            for what, quit_when, reference_argv, goal in (
                ("Window start to first event loop", "JK_QUIT_WHEN_SHOWN", bare, "≤ 2× bare window"),
                (
                    "Window start to start page filled, painted",
                    "JK_QUIT_WHEN_FILLED",
                    [*bare, "--painted"],
                    "≤ 2× bare window painted",
                ),
            ):
                environment = {**env, quit_when: "1"}
                program, reference = paired(window, reference_argv, repeat=REPEAT, env=environment)
                met = (
                    program.seconds <= WINDOW_GOAL_RATIO * reference.seconds
                    and program.peak_mib <= WINDOW_GOAL_MIB
                )
                found.append(Row(what, size, program, reference, f"{goal}, ≤ 100 MiB", met))
            ready, reference = paired(window, bare, repeat=REPEAT, env={**env, "JK_QUIT_WHEN_OPEN": "1"})
            found.append(Row(OPEN_ROW, size, ready, reference, "growth", _linear(found, ready, size)))
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
