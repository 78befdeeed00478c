"""Rows of the speed table for lists in and out: the member register PDF and `export members`.

- Member register PDF (`jarjestokeskus report members`) against LibreOffice converting the same
  list's CSV to PDF with the CSV filter options (semicolons, double quotes, UTF-8), so that it
  really lays out a table of separate columns (checked with pdftotext before it is timed).
- `jarjestokeskus export members --format csv|xlsx` against `sqlite3 -csv` selecting the same
  columns of the same organisations in the same order (the CSV file checked to have every member).

Run alone: `python bench/io_rows.py` (BENCH_SIZES=1000,10000 for the smaller sizes only).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import databases  # noqa: E402
import harness  # noqa: E402
from harness import PYTHON, Measure, Row  # noqa: E402

# The import's column names the CSV has (databases.CSV_COLUMNS), as LibreOffice must show them.
LIBREOFFICE_FILTER = "CSV:59,34,76"  # separator ";", text in double quotes, UTF-8
EXPORTED = (
    "name_fi, name_sv, abbreviation, business_id, municipality, email, street_address, postal_code,"
    " post_office, phone, member_count"
)
MEMBERS_SQL = (
    f"select {EXPORTED} from organisation where archived_at is null and not is_home"
    " and membership_status = 'member' order by name_fi_key, id"
)


def rows(sizes: tuple[int, ...]) -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="bench-io-"))
    try:
        pdf = {size: _member_pdf(folder, size) for size in sizes}
        found = _pdf_rows(pdf)
        for size in sizes:
            found += _export_rows(folder, size)
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- the member register PDF -----------------------------------------------------------------
def _member_pdf(folder: Path, size: int) -> tuple[Measure, Measure | None]:
    database = databases.database(size)
    out = folder / f"members-{size}.pdf"
    repeat = 3 if size <= 10000 else 1
    program = harness.run(
        [
            PYTHON,
            "-m",
            "jarjestokeskus",
            "report",
            "members",
            "--lang",
            "fi",
            "--db",
            str(database),
            "-o",
            str(out),
        ],
        repeat=repeat,
    )
    _check_every_member(out, size)
    return program, _libreoffice(folder, databases.csv_file(size), repeat)


def _check_every_member(pdf: Path, size: int) -> None:
    """The program's PDF has every member organisation (each name ends in its own number)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    joined = text.replace("-\n", "").replace("\n", " ")
    found = {int(number) for number in re.findall(r" (\d+) r[yf]\b", joined)}
    missing = sorted(set(range(size)) - found)
    if missing:
        raise RuntimeError(f"{pdf.name}: {len(missing)} members missing, e.g. number {missing[0]}")


def _libreoffice(folder: Path, csv: Path, repeat: int) -> Measure | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed (apt-get install libreoffice-calc-nogui): no reference")
        return None
    profile = folder / "libreoffice-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        f"--infilter={LIBREOFFICE_FILTER}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(csv),
    ]
    subprocess.run(command, check=True, capture_output=True)  # the first start makes the profile
    _check_columns(folder / f"{csv.stem}.pdf")
    return harness.run(command, repeat=repeat)


def _check_columns(pdf: Path) -> None:
    """LibreOffice read the CSV as a table: the header's names side by side, no semicolons."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    header = next((line for line in text.splitlines() if "name_fi" in line), "")
    columns = header.split()
    if ";" in text or columns[:3] != list(databases.CSV_COLUMNS[:3]):
        raise RuntimeError(f"LibreOffice did not lay out the CSV in columns: {header!r}")


def _pdf_rows(measured: dict[int, tuple[Measure, Measure | None]]) -> list[Row]:
    found = []
    for size, (program, reference) in measured.items():
        if size == 1000:
            goal = "≤ 0.5× LibreOffice"
            met = reference is not None and program.seconds <= 0.5 * reference.seconds
        elif size == 100000:
            goal = "≤ 30 s, ≤ 300 MiB"
            met = program.seconds <= 30 and program.peak_mib <= 300
        else:
            goal = "linear growth to 100k"
            bigger = measured.get(100000)
            met = bigger is None or bigger[0].seconds <= 10.5 * program.seconds
        found.append(Row("Member register PDF", size, program, reference, goal, met))
    return found


# --- export members ----------------------------------------------------------------------------
def _export_rows(folder: Path, size: int) -> list[Row]:
    database = databases.database(size)
    reference = harness.run(["sqlite3", "-csv", str(database), MEMBERS_SQL])
    found = []
    for format, limit in (("csv", 1.0), ("xlsx", 6.0)):
        out = folder / f"members-{size}.{format}"
        command = [PYTHON, "-m", "jarjestokeskus", "export", "members", "--lang", "fi", "--format", format]
        program = harness.run([*command, "--db", str(database), "-o", str(out)])
        if format == "csv":
            _check_every_row(out, size)
        goal = f"≤ {limit:g} s"
        found.append(
            Row(
                f"Export members ({format.upper()})", size, program, reference, goal, program.seconds <= limit
            )
        )
    return found


def _check_every_row(exported: Path, size: int) -> None:
    """The CSV file has a header and one row for each member (every organisation of the
    benchmark's database is one)."""
    with exported.open(encoding="utf-8-sig", newline="") as file:
        rows = sum(1 for _row in csv.reader(file, delimiter=";"))
    if rows != size + 1:
        raise RuntimeError(f"{exported.name}: {rows - 1} rows, not {size}")


if __name__ == "__main__":
    found = rows(databases.SIZES)
    print(harness.table(found))
    print("\n".join(harness.growth(found)))
