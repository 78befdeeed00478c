"""The import's bulk insert: on SQLite its rows go to the driver as tuples, on PostgreSQL through
SQLAlchemy Core; both must store what the other (and the form's save) stores."""

from __future__ import annotations

import csv
import json
import uuid
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from jarjestokeskus.db.audit import ascending_uuid4_hexes
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry, Organisation
from jarjestokeskus.services.organisations import import_saving
from jarjestokeskus.services.organisations.import_files import read_table
from jarjestokeskus.services.organisations.import_mapping import guess_mapping
from jarjestokeskus.services.organisations.member_import import RowStatus, apply_import, plan_import

TODAY = date(2025, 6, 1)
HEADER = [
    "Nimi", "Nimi ruotsiksi", "Y-tunnus", "Kunta", "Sähköposti", "Jäsenmäärä", "Tyyppi",
    "Henkilöstö", "Jäsen alkaen", "Käyttää kunnan tiloja", "Lisätiedot", "Postinumero",
]  # fmt: skip
ROWS = [
    ["Vaasan Martat ry", "Vasa Martha rf", "0242746-2", "Korsholm", "m@example.fi", "120", "ry",
     "employs_staff", "1.2.2003", "kyllä", "Rivi \"yksi\"\\ ja ääkköset", "65100"],
    ["Östra Korsholms byaförening", "", "", "Mustasaari", "", "", "oy", "", "", "ei", "", ""],
    ["Laihian Nuorisoseura ry", "", "0211675-2", "Nowhere", "", "0", "", "", "2024-12-31", "", "", ""],
]  # fmt: skip


def _import(db: Database, tmp_path: Path, name: str, suffix: str, *, alone: bool = False) -> None:
    path = tmp_path / name
    rows = [HEADER] + [[row[0] + suffix, row[1] + suffix if row[1] else "", *row[2:]] for row in ROWS]
    if suffix:  # other business IDs, valid ones
        rows[1][2], rows[3][2] = "2000000-8", "2000001-6"
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    table = read_table(path)
    plan = plan_import(db, table, guess_mapping(table.header), today=TODAY)
    assert [row.status for row in plan.rows] == [RowStatus.NEW] * 3, plan.errors
    with import_saving.written_once(db, 3) if alone else nullcontext():
        apply_import(db, plan)


def _stored(db: Database, table: str, order: str) -> list[dict[str, object]]:
    """The rows as the database holds them (the driver's own values: text, numbers, NULL)."""
    with db.engine.connect() as connection:
        result = connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY {order}")  # noqa: S608
        return [dict(row._mapping) for row in result]


def test_the_driver_insert_stores_what_a_core_insert_stores(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(db, tmp_path, "driver.csv", "")
    monkeypatch.setattr(import_saving, "_driver_insert", import_saving._core_insert)
    _import(db, tmp_path, "core.csv", " x")
    organisations = _stored(db, "organisation", "name_fi")
    assert len(organisations) == 6
    by_name = {row["name_fi"]: row for row in organisations}
    different = {"id", "name_fi", "name_sv", "business_id", "created_at", "updated_at"}
    different |= {"name_fi_key", "name_sv_key", "search_text"}
    for row in ROWS:
        ours, theirs = by_name[row[0]], by_name[row[0] + " x"]
        assert {k: v for k, v in ours.items() if k not in different} == {
            k: v for k, v in theirs.items() if k not in different
        }
        for key in ("id", "created_at", "updated_at"):  # the same form of stored value
            assert type(ours[key]) is type(theirs[key]) and len(str(ours[key])) == len(str(theirs[key]))
    entries = {row["entity_id"]: row for row in _stored(db, "audit_entry", "entity_id")}
    assert len(entries) == 6
    with db.reading() as session:
        ids = {org.name_fi: org.id for org in session.scalars(select(Organisation))}
        history = {
            e.entity_id: (e.action, e.entity, e.owner_id, e.changes)
            for e in session.scalars(select(AuditEntry))
        }
    for row in ROWS:
        ours, theirs = history[ids[row[0]]], history[ids[row[0] + " x"]]
        assert ours[:3] == ("create", "Organisation", ids[row[0]])
        assert ours[3].keys() == theirs[3].keys() and ours[3]["kind"] == theirs[3]["kind"]
    first = history[ids["Vaasan Martat ry"]][3]
    assert first["member_since"] == [None, "2003-02-01"] and first["staff_profile"] == [None, "employs_staff"]
    assert first["notes"] == [None, 'Rivi "yksi"\\ ja ääkköset'] and first["member_count"] == [None, 120]
    assert first["uses_municipal_premises"] == [None, True] and first["municipality"] == [None, "Korsholm"]
    for entry in entries.values():  # as Core's JSON type writes it
        text = entry["changes"]
        assert not isinstance(text, str) or text == json.dumps(json.loads(text))


@pytest.mark.parametrize("shared", ["O'Brien \"x\" ''; ä", "7", ""])
def test_a_value_every_row_shares_is_stored_as_a_bound_one(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: str
) -> None:
    def imported(suffix: str) -> list[dict[str, object]]:
        rows = [["Nimi", "Lisätiedot", "Jäsenmäärä", "Postinumero"]]
        rows += [
            [f"Seura {n}{suffix}", shared, shared if shared.isdigit() else "3", f"{n}0100"] for n in range(3)
        ]
        with (tmp_path / "shared.csv").open("w", encoding="utf-8", newline="") as file:
            csv.writer(file, delimiter=";").writerows(rows)
        table = read_table(tmp_path / "shared.csv")
        apply_import(db, plan_import(db, table, guess_mapping(table.header), today=TODAY))
        rows = [row for row in _stored(db, "organisation", "name_fi") if str(row["name_fi"]).endswith(suffix)]
        different = {"id", "name_fi", "name_fi_key", "name_sv_key", "search_text", "created_at", "updated_at"}
        return [{k: v for k, v in row.items() if k not in different} for row in rows]

    ours = imported(" a")  # the shared values written into the statement
    monkeypatch.setattr(import_saving, "_driver_insert", import_saving._core_insert)
    assert ours == imported(" b") and len(ours) == 3
    assert all(row["notes"] == shared and type(row["member_count"]) is int for row in ours)


def test_new_ids_ascend_and_are_uuid4s() -> None:
    hexes = ascending_uuid4_hexes(1000)
    ids = [uuid.UUID(text) for text in hexes]
    assert ids == sorted(ids) and len(set(ids)) == 1000
    assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in ids)
    assert hexes == [i.hex for i in ids]  # as the Uuid column writes them
    assert ascending_uuid4_hexes(0) == []


def _indexes(db: Database) -> list[tuple[str, str]]:
    with db.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            pytest.skip("the indexes are made again on SQLite only")
        return connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).all()


def test_a_large_import_makes_the_indexes_again_and_a_failed_one_leaves_them(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jarjestokeskus.services.organisations.register import OrganisationQuery, count_organisations

    before = _indexes(db)
    assert any(name == "uq_organisation_business_id" for name, _sql in before)
    monkeypatch.setattr(import_saving, "_REBUILD_FROM", 2)  # three rows count as a large import here
    monkeypatch.setattr(import_saving, "creation_entries", lambda *_args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        _import(db, tmp_path, "failing.csv", "")
    assert _indexes(db) == before
    monkeypatch.undo()
    monkeypatch.setattr(import_saving, "_REBUILD_FROM", 2)
    _import(db, tmp_path, "rows.csv", "")
    assert _indexes(db) == before
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM organisation WHERE business_id = '0242746-2'"
        ).all()
        assert "INDEX" in str(plan)
        hashsize = "SELECT v FROM organisation_search_config WHERE k = 'hashsize'"
        assert connection.exec_driver_sql(hashsize).scalar() in (None, 1024 * 1024)  # FTS5's default again
    assert count_organisations(db, OrganisationQuery(text="martat")) == 1


@pytest.mark.parametrize("lookup", [1, 500])  # many IDs: one query of the register's; few: IN (…)
def test_a_business_id_taken_meanwhile_is_found_either_way(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookup: int
) -> None:
    from jarjestokeskus.domain.organisation import OrganisationForm
    from jarjestokeskus.services.organisations.member_import import ImportConflict
    from jarjestokeskus.services.organisations.register import archive_organisation, save_organisation

    monkeypatch.setattr(import_saving, "_LOOKUP", lookup)
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(";".join(row) for row in [HEADER, *ROWS]) + "\n", encoding="utf-8")
    table = read_table(path)
    plan = plan_import(db, table, guess_mapping(table.header), today=TODAY)
    other = save_organisation(db, OrganisationForm(name_fi="Joku muu", business_id="0211675-2"), today=TODAY)
    archive_organisation(db, other.id)  # an archived one holds it too
    with pytest.raises(ImportConflict):
        apply_import(db, plan)
    with db.reading() as session:
        assert [org.name_fi for org in session.scalars(select(Organisation))] == ["Joku muu"]


def _journal_modes(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journal mode the import's inserts ran in, recorded as they run."""
    if db.path is None:
        pytest.skip("the journal mode is SQLite's")
    seen: list[str] = []
    insert = import_saving.insert_organisations

    def recording(session, *args):  # type: ignore[no-untyped-def]
        seen.append(session.connection().exec_driver_sql("PRAGMA journal_mode").scalar())
        insert(session, *args)

    monkeypatch.setattr("jarjestokeskus.services.organisations.member_import.insert_organisations", recording)
    monkeypatch.setattr(import_saving, "_REBUILD_FROM", 2)  # three rows count as a large import here
    return seen


def _mode(db: Database) -> str:
    with db.engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA journal_mode").scalar())


def test_a_large_import_is_written_once_with_a_rollback_journal_then_wal_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _journal_modes(db, monkeypatch)
    assert _mode(db) == "wal"
    _import(db, tmp_path, "rows.csv", "", alone=True)
    assert seen == ["delete"] and _mode(db) == "wal"
    with db.reading() as session:
        assert len(list(session.scalars(select(Organisation)))) == 3
        assert len(list(session.scalars(select(AuditEntry)))) == 3


def test_the_window_s_large_import_stays_in_wal(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _journal_modes(db, monkeypatch)
    _import(db, tmp_path, "rows.csv", "")  # the window reads the database meanwhile
    assert seen == ["wal"] and _mode(db) == "wal"


def test_a_failed_large_import_leaves_nothing_and_wal_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _journal_modes(db, monkeypatch)
    monkeypatch.setattr(import_saving, "creation_entries", lambda *_args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        _import(db, tmp_path, "rows.csv", "", alone=True)
    assert seen == ["delete"] and _mode(db) == "wal"
    with db.reading() as session:
        assert list(session.scalars(select(Organisation))) == []
        assert list(session.scalars(select(AuditEntry))) == []


def test_with_a_reader_on_the_database_a_large_import_stays_in_wal_without_waiting(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time

    seen = _journal_modes(db, monkeypatch)
    reader = sqlite3.connect(db.path)  # another program reading the register
    try:
        assert reader.execute("SELECT count(*) FROM organisation").fetchone() == (0,)
        started = time.monotonic()
        _import(db, tmp_path, "rows.csv", "", alone=True)
        assert time.monotonic() - started < 4  # not the 5 s busy timeout
        assert seen == ["wal"] and _mode(db) == "wal"
        assert reader.execute("SELECT count(*) FROM organisation").fetchone() == (3,)
    finally:
        reader.close()


def test_the_history_text_of_a_bulk_insert_is_what_the_json_column_writes(db: Database) -> None:
    from jarjestokeskus.db.audit import ENTRY_COLUMNS, creation_entries, recorded_columns
    from jarjestokeskus.domain.enums import MembershipStatus, OrganisationKind

    keys = ("id", "name_fi", "name_sv", "notes", "kind", "member_count", "member_since", "is_home")
    keys += ("membership_status", "business_id", "search_text")
    tricky = 'Quote " backslash \\ tab \t newline \n NUL-free \x01 ä Å € \u2028 😀 </script>'
    org_id = uuid.uuid4()
    row = (org_id, tricky, "", "x" * 300, OrganisationKind.COMPANY, 0, date(2003, 2, 1), False)
    row += (MembershipStatus.MEMBER, None, "not recorded")
    with db.reading() as session:
        (entry,) = creation_entries(session, Organisation, keys, [row])
    found = dict(zip(ENTRY_COLUMNS, entry, strict=True))
    assert (found["action"], found["entity"], found["entity_id"], found["owner_id"]) == (
        "create", "Organisation", org_id, org_id,
    )  # fmt: skip
    expected = {  # the order of the model's columns; "" and None are left out, derived columns too
        "name_fi": [None, tricky],
        "kind": [None, "company"],
        "member_count": [None, 0],
        "member_since": [None, "2003-02-01"],
        "membership_status": [None, "member"],
        "is_home": [None, False],
        "notes": [None, "x" * 300],
    }
    assert json.loads(found["changes"]) == expected
    in_order = {key: expected[key] for key in recorded_columns(Organisation) if key in expected}
    assert found["changes"] == json.dumps(in_order) and len(in_order) == len(expected)


@pytest.mark.parametrize("bulk_from", [2, 1000])  # indexes and search index filled after the rows, or not
def test_a_bulk_import_has_one_history_entry_per_organisation_and_the_search_finds_each(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    from jarjestokeskus.services.organisations.register import OrganisationQuery, list_organisations

    monkeypatch.setattr(import_saving, "_REBUILD_FROM", bulk_from)
    path = tmp_path / "many.csv"
    lines = ["Nimi;Y-tunnus;Kunta"] + [f"Seura numero {n:03d} ry;;Vaasa" for n in range(40)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    apply_import(db, plan_import(db, table, guess_mapping(table.header), today=TODAY))
    with db.reading() as session:
        ids = {org.name_fi: org.id for org in session.scalars(select(Organisation))}
        entries = [(e.entity_id, e.owner_id, e.action) for e in session.scalars(select(AuditEntry))]
    assert len(ids) == 40 and len(entries) == 40
    assert sorted(entity for entity, _owner, _action in entries) == sorted(ids.values())
    assert all(action == "create" and owner == entity for entity, owner, action in entries)
    for n in (0, 7, 39):
        found = list_organisations(db, OrganisationQuery(text=f"numero {n:03d}"))
        assert [row.id for row in found] == [ids[f"Seura numero {n:03d} ry"]]
    assert len(list_organisations(db, OrganisationQuery(text="seura"), limit=None)) == 40
