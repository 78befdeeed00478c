"""Property tests of the import: any text reads back as written, and any cell is planned or refused."""

from __future__ import annotations

import csv
import io
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, Table, read_table
from jarjestokeskus.services.organisations.import_mapping import IMPORT_FIELDS, guess_mapping
from jarjestokeskus.services.organisations.member_import import RowStatus, apply_import, plan_import

HEADER = (
    "Nimi",
    "Nimi ruotsiksi",
    "Y-tunnus",
    "Kunta",
    "Jäsenmäärä",
    "Tyyppi",
    "Jäsen alkaen",
    "Postinumero",
)
# Text that can be stored: anything but lone surrogates (they cannot be encoded).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
# Cells that look like what people type, mixed with anything at all.
LIKELY = st.sampled_from(
    ["", " ", "0242746-2", "2077474-1", "0211675-2", "Vaasa", "ry", "säätiö", "12", "-1", "1.2.2020", "31.2.2020",
     "65100", "100", "Vaasan Martat ry", "x" * 250, "kyllä", "\n", ";", '"']
)  # fmt: skip
# What a CSV file may hold: a NUL marks a binary file and is refused (tests/robustness).
CSV_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
CELL = st.one_of(st.just(""), LIKELY, ANY_TEXT)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(rows=st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=6))
def test_any_cells_are_planned_or_refused_never_crash(db: Database, rows: list[list[str]]) -> None:
    table = Table(HEADER, tuple(tuple(row) for row in rows), tuple(range(2, len(rows) + 2)))
    mapping = guess_mapping(HEADER)
    assert len(mapping) == len(HEADER)
    plans = {}
    for on_match in ("skip", "update"):
        plan = plans[on_match] = plan_import(db, table, mapping, on_match, today=date(2025, 6, 1))
        assert [row.row for row in plan.rows] == list(table.numbers)
        for row in plan.rows:
            assert (row.status == RowStatus.ERROR) == bool(row.errors)
            assert all(e.row == row.row and e.column and e.reason for e in row.errors)
            assert (row.values is not None) == (row.status in (RowStatus.NEW, RowStatus.UPDATE))
    event("accepted" if plans["update"].ok else "refused")
    if plans["update"].ok:  # what the planner accepts, the database stores
        result = apply_import(db, plans["update"])
        assert result.created + result.updated + result.skipped == len(rows)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.lists(CSV_TEXT, min_size=3, max_size=3), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_csv_written_by_the_csv_module_reads_back_equal(
    tmp_path_factory, rows: list[list[str]], delimiter: str, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    header = ["Nimi", "Y-tunnus", "Kunta"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    path: Path = tmp_path_factory.mktemp("csv") / "members.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    kept = [(number, tuple(row)) for number, row in enumerate(rows, start=2) if any(c.strip() for c in row)]
    if not kept:  # only the header: refused, not an empty import that says nothing
        with pytest.raises(ImportFileProblem):
            read_table(path)
        return
    table = read_table(path)
    assert table.header == tuple(header)
    assert list(zip(table.numbers, table.rows, strict=True)) == kept


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.lists(st.text(string.ascii_letters + " åäöÅÄÖ,;\"'\n", max_size=10), min_size=2, max_size=2),
        max_size=6,
    )
)
def test_cp1252_written_by_old_excel_reads_back_equal(tmp_path_factory, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows([["Nimi", "Kotipaikka"], *rows])
    path: Path = tmp_path_factory.mktemp("cp") / "old.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    kept = tuple(tuple(row) for row in rows if any(c.strip() for c in row))
    if not kept:
        with pytest.raises(ImportFileProblem):
            read_table(path)
        return
    assert read_table(path).rows == kept


def test_every_field_can_be_named_by_its_own_label() -> None:
    from jarjestokeskus.domain.organisation import label

    assert guess_mapping([label(key) for key in IMPORT_FIELDS]) == dict(enumerate(IMPORT_FIELDS))


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("inside", ["", "\v\f\x1c\x1d\x1e\x85\u2028\u2029"])
def test_a_line_ends_only_where_the_csv_module_ends_it(tmp_path: Path, end: str, inside: str) -> None:
    rows = [
        ["Nimi", "Kunta"],
        [f"Alpha{inside} ry", "Vaasa"],
        [f'Beta "{end}" ry', f"Laihia{end}"],
        ["Gamma", "x"],
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator=end).writerows(rows)
    (tmp_path / "breaks.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    table = read_table(tmp_path / "breaks.csv")
    assert (table.header, table.rows) == (("Nimi", "Kunta"), tuple(tuple(row) for row in rows[1:]))
    assert table.numbers == (2, 3, 4)
