"""Benchmark: how long the reports take to come out, in-process (after the imports).

- the member register of 1,000 member organisations (a synthetic database, built once), in Finnish
  and Swedish;
- every report kind on the demo data, in both languages.

The member register against LibreOffice (whole processes, the CSV read in columns) is a row of
`make bench`: bench/io_rows.py. Run this one as `python bench/reports_bench.py`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from organisations_bench import build  # noqa: E402

from jarjestokeskus.db.engine import Database, open_database  # noqa: E402
from jarjestokeskus.reports.catalogue import COUNTERPARTY, KINDS, ORGANISATION, ReportOptions, build_report  # noqa: E402
from jarjestokeskus.services.demo.scenario import create_demo  # noqa: E402

REGISTER = Path(__file__).resolve().parent / "members-1000.sqlite"


def timed(label: str, action: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<58} best {best * 1000:8.0f} ms   median {median * 1000:8.0f} ms")
    return median


def pdf(db: Database, kind: str, language: str, options: ReportOptions) -> bytes:
    out = BytesIO()
    build_report(db, kind, language, out, options)
    return out.getvalue()


def main() -> int:
    build(REGISTER, 1000, members_only=True)
    register = open_database(REGISTER, read_only=True)
    print("Member register, 1,000 member organisations")
    for language in ("fi", "sv"):
        size = len(pdf(register, "members", language, ReportOptions()))
        timed(
            f"members report ({language}, {size // 1024} kB)",
            lambda lang=language: pdf(register, "members", lang, ReportOptions()),
        )
    register.close()
    folder = Path(tempfile.mkdtemp(prefix="reports-bench-"))
    try:
        demo = open_database(folder / "demo.sqlite")
        create_demo(demo)
        print("Demo data: every report kind")
        options = _demo_options(demo)
        for kind, report in KINDS.items():
            if (ORGANISATION in report.needs and options.organisation_id is None) or (
                COUNTERPARTY in report.needs and options.counterparty_id is None
            ):
                continue
            for language in ("fi", "sv"):
                timed(f"{kind} ({language})", lambda k=kind, lang=language: pdf(demo, k, lang, options))
        demo.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _demo_options(db: Database) -> ReportOptions:
    from jarjestokeskus.services.organisations.report_data import find_organisations_by_name

    found = find_organisations_by_name(db, "Vasa stad")
    city = found[0][0] if found else None
    return ReportOptions(organisation_id=city, counterparty_id=city)


if __name__ == "__main__":
    sys.exit(main())
