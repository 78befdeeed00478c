"""Rows: search as you type, and Ctrl+End to the last row, in the program's window at each size.

Each is measured inside a window process started as a separate program (`python search_rows.py
window DB`): the program's Organisations view shown as a window on the database (not the whole
main window: its start is another row's, and its other views do not take part; the garbage
collector paused while it loads and what loaded frozen, as the program does), then for every
prefix of the typed words the time from setting the search text to the model updated (counted and
its first page read; the debounce delay left out: it is a wait, not work; painted afterwards,
outside the time), the median of three rounds per prefix; and Ctrl+End on the list until the true last row is current and painted. The search's
reference is the bare FTS5 trigram query of the same job in sqlite3 (count, and the first 200
rows in name order) on the same data, in its own process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = ("Öjan", "Ähtärin", "vaasan om", "zzz")
ROUNDS = 3


def prefixes() -> list[str]:
    return [word[:n] for word in WORDS for n in range(1, len(word) + 1)]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


# --- inside the window process -----------------------------------------------------------------
def _window(path: str) -> dict[str, object]:
    import gc

    gc.disable()  # as `python -m jarjestokeskus` does while the window and the database load
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.ui.app import application
    from jarjestokeskus.ui.organisations.table_model import COL_NAME
    from jarjestokeskus.ui.organisations.view import OrganisationsView
    from jarjestokeskus.ui.window.start_up import collect_garbage

    app = application()
    db = open_database(path)
    collect_garbage()  # as the program does once the database is open: what loaded is frozen
    view = window = OrganisationsView(db)  # the main window's Organisations view, on its own
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    times: dict[str, list[float]] = {p: [] for p in prefixes()}
    for _round in range(ROUNDS):
        for word in WORDS:
            for n in range(1, len(word) + 1):
                started = time.perf_counter()
                view.search.setText(word[:n])
                view.apply_filters()  # what the debounce timer calls
                times[word[:n]].append(time.perf_counter() - started)
                app.processEvents()  # painted before the next key, outside the time
            view.search.clear()
            view.apply_filters()
    app.processEvents()
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    started = time.perf_counter()
    QTest.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    view.table.viewport().repaint()
    to_end = time.perf_counter() - started
    current = view.table.currentIndex()
    shown = view.table.model().index(current.row(), COL_NAME).data()
    top = view.table.rowViewportPosition(current.row())
    window.close()
    db.close()
    return {
        "search": {p: statistics.median(t) for p, t in times.items()},
        "to_end": to_end,
        "last_row": current.row(),
        "last_shown": shown if 0 <= top < view.table.viewport().height() else None,
    }


def _reference(path: str) -> dict[str, object]:
    """The same job in bare sqlite3 with an FTS5 trigram index of the same text."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.execute("CREATE VIRTUAL TABLE temp.reference USING fts5(t, tokenize='trigram')")
    connection.execute("INSERT INTO temp.reference(rowid, t) SELECT rowid, search_text FROM organisation")
    from jarjestokeskus.i18n import sort_key

    times: dict[str, list[float]] = {p: [] for p in prefixes()}
    for _round in range(ROUNDS):
        for prefix in times:
            started = time.perf_counter()
            words = sort_key(prefix).split()
            matches = " AND ".join(f"t LIKE '%{w}%'" for w in words)  # trigram-indexed from 3 letters
            found = f"SELECT rowid FROM temp.reference WHERE {matches}"
            connection.execute(f"SELECT count(*) FROM ({found})").fetchone()
            connection.execute(
                "SELECT id, name_fi, name_sv, abbreviation, municipality FROM organisation "
                f"WHERE archived_at IS NULL AND rowid IN ({found}) ORDER BY name_fi_key, id LIMIT 200"
            ).fetchall()
            times[prefix].append(time.perf_counter() - started)
    last = connection.execute(
        "SELECT name_fi, name_sv FROM organisation WHERE archived_at IS NULL "
        "ORDER BY name_fi_key DESC, id DESC LIMIT 1"
    ).fetchone()
    count = connection.execute("SELECT count(*) FROM organisation WHERE archived_at IS NULL").fetchone()[0]
    return {
        "search": {p: statistics.median(t) for p, t in times.items()},
        "last_name": last[0] or last[1],
        "rows": count,
    }


# --- the rows ------------------------------------------------------------------------------------
def _child(mode: str, path: Path) -> tuple[dict, float]:  # type: ignore[type-arg]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, __file__, mode, str(path)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    output = process.stdout.read() if process.stdout else b""
    errors = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"search_rows {mode} failed:\n{errors.decode(errors='replace')[-2000:]}")
    return json.loads(output), usage.ru_maxrss / 1024


def rows(sizes: tuple[int, ...]) -> list:  # type: ignore[type-arg]
    import databases
    import harness

    found = []
    for size in sizes:
        path = databases.database(size)
        window, window_mib = _child("window", path)
        reference, reference_mib = _child("reference", path)
        typed = list(window["search"].values())
        bare = list(reference["search"].values())
        p95, worst = _percentile(typed, 0.95), max(typed)
        found += [
            harness.Row(
                "Search as you type at each prefix, set text → model updated (p95)",
                size,
                harness.Measure(p95, window_mib),
                harness.Measure(_percentile(bare, 0.95), reference_mib),
                "p95 ≤ 30 ms",
                p95 <= 0.030,
            ),
            harness.Row(
                "Search as you type at each prefix, set text → model updated (max)",
                size,
                harness.Measure(worst, window_mib),
                harness.Measure(max(bare), reference_mib),
                "max ≤ 60 ms",
                worst <= 0.060,
            ),
        ]
        real_end = (
            window["last_row"] == reference["rows"] - 1 and window["last_shown"] == reference["last_name"]
        )
        found.append(
            harness.Row(
                "Ctrl+End to the last row, shown",
                size,
                harness.Measure(window["to_end"], window_mib),
                None,
                "≤ 1 s, the real last row",
                window["to_end"] <= 1.0 and real_end,
            )
        )
    return found


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("window", "reference"):
        print(json.dumps((_window if sys.argv[1] == "window" else _reference)(sys.argv[2])))
    else:
        sys.path.insert(0, str(HERE))
        import databases
        import harness

        measured = rows(databases.SIZES)
        print(harness.table(measured))
