"""Every released schema's sample database opens (upgraded to head, after a copy) and reads right."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command

from jarjestokeskus.db import migrate
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.migrate import MIGRATIONS, backup_before_upgrade, current_revision, head_revision
from jarjestokeskus.domain.enums import MembershipStatus, RoleKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.calendar.year_clock import list_tasks, set_done
from jarjestokeskus.services.history.record import record_history
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    get_organisation,
    home_organisation,
    list_organisations,
    municipalities,
    save_organisation,
)

SAMPLES = sorted((Path(__file__).parent / "samples").glob("schema_*.sqlite"))


def revision_in_file(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def backup_name(path: Path, revision: str) -> Path:
    return path.with_name(f"{path.stem}.before-upgrade-{revision}{path.suffix}")


def test_there_is_a_sample_of_the_first_released_schema() -> None:
    assert [p.name for p in SAMPLES][:1] == ["schema_0001.sqlite"]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_upgrades_and_its_data_reads_right(sample: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    shutil.copyfile(sample, path)
    old_revision = revision_in_file(path)
    assert sample.stem == f"schema_{old_revision}"

    db = open_database(path)
    try:
        assert not db.read_only
        assert current_revision(db.engine) == head_revision()
        # An upgrade copies the file first; a database already at head is left as it is.
        assert backup_name(path, old_revision).exists() == (old_revision != head_revision())

        home = home_organisation(db)
        assert home is not None and home.name("sv") == "Österbottens Organisationscentrum rf"

        rows = list_organisations(db, OrganisationQuery(language="fi"))
        assert [r.name("fi") for r in rows] == [
            "Närpes Byaförening rf",  # Swedish name shown when there is no Finnish one
            "Pohjanmaan Järjestökeskus ry",
            "Vaasan Omaishoitajat ry",
        ]
        found = list_organisations(db, OrganisationQuery(text="omaishoit"))
        assert [r.name_fi for r in found] == ["Vaasan Omaishoitajat ry"]
        archived = list_organisations(db, OrganisationQuery(archived=True))
        assert [r.name_fi for r in archived] == ["Lakannut Kerho ry"]
        assert municipalities(db) == ["Närpiö", "Vaasa"]

        member = next(r for r in rows if r.name_fi == "Vaasan Omaishoitajat ry")
        detail = get_organisation(db, member.id)
        assert detail.business_id == "0211675-2"
        assert detail.register_number == "123.456"
        assert detail.membership_status is MembershipStatus.MEMBER
        assert detail.member_since == date(2019, 1, 1)
        assert detail.member_count == 240
        assert [(f.year, f.amount, f.paid_on) for f in detail.fees] == [
            (2024, Decimal("150.00"), date(2024, 3, 15))
        ]
        assert [(r.full_name, r.kind, r.start_date) for r in detail.roles] == [
            ("Anna Virtanen", RoleKind.CHAIR, date(2024, 1, 1))
        ]
        history = record_history(db, member.id)
        assert {(h.entity, h.action) for h in history} >= {
            ("Organisation", "create"),
            ("MembershipFee", "create"),
            ("Role", "create"),
        }

        check_year_clock(db, old_revision)

        # The upgraded database takes changes, with the version check still working.
        form = OrganisationForm(name_fi=detail.name_fi, municipality="Mustasaari")
        saved = save_organisation(db, form, detail.id, detail.version)
        assert saved.version == detail.version + 1
    finally:
        db.close()


def migration_0003():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "migration_0003", MIGRATIONS / "versions" / "0003_year_clock.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_year_clock(db, old_revision: str) -> None:  # type: ignore[no-untyped-def]
    """Schema 0003 seeds the year clock; a sample made at 0003 or later keeps the user's changes."""
    tasks = {row.title_fi: row for row in list_tasks(db, 2025)}
    archived = {row.title_fi: row for row in list_tasks(db, 2025, archived=True)}
    defaults = {fi for _m, _d, _c, fi, _sv, _n in migration_0003().DEFAULTS}
    if old_revision < "0003":
        assert set(tasks) == defaults and not archived
        assert not any(row.done for row in tasks.values())
    else:
        assert set(tasks) == (defaults - {"STEA: avustusehdotus julkaistaan"}) | {"Hallituksen kesäkokous"}
        assert set(archived) == {"STEA: avustusehdotus julkaistaan"}
        own = tasks["Hallituksen kesäkokous"]
        assert (own.title_sv, own.due_date, own.done_on) == (
            "Styrelsens sommarmöte",
            date(2025, 6, 15),
            date(2025, 6, 1),
        )
        assert tasks["STEA: vuosiselvitys edellisen vuoden avustuksista"].done
        assert not {row.title_fi: row for row in list_tasks(db, 2026)}["Hallituksen kesäkokous"].done
    assert all(row.title_sv for row in tasks.values())
    first = next(iter(tasks.values()))
    set_done(db, first.id, 2025, not first.done)  # the upgraded year clock takes changes


def test_backup_before_upgrade_copies_with_the_revision_in_its_name(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        save_organisation(db, OrganisationForm(name_fi="Vielä WAL-tiedostossa ry"))
        # The database is open and its last write may still be in the WAL file: the copy has it.
        copy = backup_before_upgrade(db_path, head_revision())
    finally:
        db.close()
    assert copy == db_path.with_name(f"register.before-upgrade-{head_revision()}.sqlite")
    connection = sqlite3.connect(copy)
    try:
        names = [n for (n,) in connection.execute("SELECT name_fi FROM organisation")]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()
    assert names == ["Vielä WAL-tiedostossa ry"]
    assert revision == head_revision()


def test_upgrade_from_an_older_revision_copies_the_file_before_it_migrates(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pretends the program knows a newer head, so the sample's revision is an old one."""
    shutil.copyfile(SAMPLES[0], db_path)
    old_revision = revision_in_file(db_path)
    backup = backup_name(db_path, old_revision)
    seen: list[bool] = []
    real_upgrade = command.upgrade

    def spy(config, target):  # type: ignore[no-untyped-def]
        seen.append(backup.exists())
        return real_upgrade(config, target)

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_newer")
    monkeypatch.setattr(command, "upgrade", spy)  # migrate imports alembic when it upgrades
    db = open_database(db_path)
    db.close()
    assert seen == [True]
    assert revision_in_file(backup) == old_revision


def test_a_new_database_needs_no_backup(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    assert [p.name for p in db_path.parent.glob("*before-upgrade*")] == []


def test_a_failing_upgrade_leaves_the_database_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every step of an upgrade is in one transaction; table rebuilds run with foreign keys off."""
    shutil.copyfile(SAMPLES[0], db_path)
    seen: dict[str, object] = {}

    def half_done(config, target):  # type: ignore[no-untyped-def]
        connection = config.attributes["connection"]
        seen["foreign_keys"] = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        connection.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_newer'")
        raise RuntimeError("step 2 failed")

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_newer")
    monkeypatch.setattr(command, "upgrade", half_done)
    with pytest.raises(RuntimeError, match="step 2 failed"):
        open_database(db_path)
    assert seen["foreign_keys"] == 0
    monkeypatch.undo()

    connection = sqlite3.connect(db_path)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        connection.close()
    assert "half_done" not in tables
    assert revision_in_file(db_path) == revision_in_file(SAMPLES[0])
    db = open_database(db_path)  # the lock was released; the file opens as before
    try:
        assert not db.read_only
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
