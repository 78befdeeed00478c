"""Measuring whole processes side by side with their references, and writing RESULTS.md.

A row of the table runs the program's command and the reference's command as separate
processes in the same run and compares wall time (median of `repeat`) and peak memory (the
child's maximum resident set, from `wait4`).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Row:
    """One line of the results: what, at which size, program against reference, and the goal."""

    what: str
    size: int
    program: Measure
    reference: Measure | None
    goal: str
    met: bool

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.reference.seconds == 0:
            return None
        return self.program.seconds / self.reference.seconds


def run(
    argv: Sequence[str],
    *,
    repeat: int = int(os.environ.get("BENCH_REPEAT", "3")),
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Measure:
    """Run `argv` `repeat` times: median wall seconds and the largest peak RSS in MiB.

    The peak comes from GNU time (`/usr/bin/time -f %M`), which forks the command from its own
    small process: a child forked or vforked from this Python process would inherit this
    process's memory high-water mark into its own (Linux keeps it across exec). Without GNU time
    the child's own `wait4` figure is shown, which then includes this process's size.
    """
    command, environment = _command(argv, env, cwd)
    return _measure([_once(command, environment) for _ in range(repeat)])


def paired(
    program: Sequence[str], reference: Sequence[str], *, repeat: int, env: dict[str, str] | None = None
) -> tuple[Measure, Measure]:
    """The program and its reference run by turns, `repeat` times each, as `run` measures them: the
    machine's speed, which drifts over a run of several minutes, is then the same for both."""
    program_command, environment = _command(program, env, None)
    reference_command, _ = _command(reference, env, None)
    program_runs, reference_runs = [], []
    for _ in range(repeat):
        reference_runs.append(_once(reference_command, environment))
        program_runs.append(_once(program_command, environment))
    return _measure(program_runs), _measure(reference_runs)


def _command(
    argv: Sequence[str], env: dict[str, str] | None, cwd: Path | None
) -> tuple[list[str], dict[str, str]]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    command = [str(a) for a in argv]
    if cwd is not None:
        command = ["sh", "-c", 'cd "$0" && exec "$@"', str(cwd), *command]
    return command, environment


def _once(argv: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """One run: wall seconds and peak MiB."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        command = [str(gnu_time), "-f", "%M", "-o", peak.name, *argv] if gnu_time.exists() else argv
        actions = [
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, errors.fileno(), 2),
        ]
        started = time.perf_counter()
        pid = os.posix_spawnp(command[0], command, environment, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - started
        lines = peak.read().split() if gnu_time.exists() else []
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(argv)} failed:\n{text[-2000:]}")
    return seconds, int(lines[-1]) / 1024 if lines else usage.ru_maxrss / 1024


def _measure(runs: Sequence[tuple[float, float]]) -> Measure:
    return Measure(statistics.median(s for s, _ in runs), max(p for _, p in runs))


def machine() -> str:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
    except OSError:
        pass
    return f"{platform.platform()}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| What | Size | Program s | Program MiB | Reference s | Reference MiB | Ratio | Goal | Met |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ref = row.reference
        lines.append(
            f"| {row.what} | {row.size:,} | {row.program.seconds:.3f} | {row.program.peak_mib:.0f} | "
            f"{f'{ref.seconds:.3f}' if ref else '—'} | {f'{ref.peak_mib:.0f}' if ref else '—'} | "
            f"{f'{row.ratio:.2f}×' if row.ratio is not None else '—'} | {row.goal} | {'yes' if row.met else 'NO'} |"
        )
    return "\n".join(lines)


def growth(rows: Sequence[Row]) -> list[str]:
    """For each `what` measured at 10k and 100k: the time growth factor (linear is 10×)."""
    notes = []
    by_what: dict[str, dict[int, Row]] = {}
    for row in rows:
        by_what.setdefault(row.what, {})[row.size] = row
    for what, sizes in by_what.items():
        if 10000 in sizes and 100000 in sizes and sizes[10000].program.seconds > 0:
            factor = sizes[100000].program.seconds / sizes[10000].program.seconds
            notes.append(
                f"- {what}: 10k → 100k took {factor:.1f}× the time ({'linear or better' if factor <= 10.5 else 'WORSE than linear'})"
            )
    return notes


def write_results(rows: Sequence[Row], path: Path = HERE / "RESULTS.md") -> None:
    text = "\n".join(
        [
            "# Benchmark results (`make bench`)",
            "",
            f"Run {datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
            "",
            table(rows),
            "",
            "Growth from 10,000 to 100,000 organisations:",
            "",
            *growth(rows),
            "",
        ]
    )
    path.write_text(text, encoding="utf-8")
