"""A shared PostgreSQL server: URL, opening, read-only mode, the version check, audit, sorting.

The tests marked `server` need the test server (JK_TEST_POSTGRES, see tests/databases.py and
tools/postgres-test); the others run everywhere.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.engine import Database, database_url, open_database
from jarjestokeskus.db.errors import CannotOpen, ReadOnlyDatabase, StaleRecord
from jarjestokeskus.db.migrate import current_revision, head_revision
from jarjestokeskus.db.models import AuditEntry, Organisation
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database.check import check_database
from jarjestokeskus.services.database.maintenance import NotAFile
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    get_organisation,
    list_organisations,
    save_organisation,
)
from tests import databases

server = pytest.mark.skipif(
    not databases.on_postgres(), reason="needs JK_TEST_POSTGRES (tools/postgres-test)"
)


def test_a_plain_postgresql_url_gets_the_driver_the_program_ships_with() -> None:
    assert database_url("postgresql://kk@toimisto/rekisteri") == "postgresql+psycopg://kk@toimisto/rekisteri"
    assert database_url("postgres://kk@toimisto/rekisteri") == "postgresql+psycopg://kk@toimisto/rekisteri"
    assert database_url("postgresql+psycopg://kk@toimisto/r") == "postgresql+psycopg://kk@toimisto/r"


def test_a_server_that_does_not_answer_is_reported_without_the_password() -> None:
    started = time.monotonic()
    with pytest.raises(CannotOpen) as caught:
        open_database("postgresql+psycopg://sihteeri:salainen@127.0.0.1:1/rekisteri")
    assert time.monotonic() - started < 15
    message = caught.value.user_message()
    assert "salainen" not in message
    assert "sihteeri:***@127.0.0.1:1/rekisteri" in message


@server
def test_an_empty_server_database_is_migrated_on_first_open_by_two_programs_at_once() -> None:
    url = databases.empty_database()
    program = (
        "import sys; from jarjestokeskus.db.engine import open_database; open_database(sys.argv[1]).close()"
    )
    programs = [subprocess.Popen([sys.executable, "-c", program, url]) for _ in range(2)]
    assert [p.wait(120) for p in programs] == [0, 0]
    database = open_database(url)
    try:
        assert current_revision(database.engine) == head_revision()
        assert check_database(database).ok
    finally:
        database.close()


@server
def test_read_only_mode_refuses_every_write_with_the_read_only_message(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    reader = open_database(db.url, read_only=True)
    try:
        assert reader.read_only and reader.holder is None
        with pytest.raises(ReadOnlyDatabase):
            save_organisation(reader, OrganisationForm(name_fi="Toinen"), saved.id, saved.version)
        # A write that bypasses the ORM's flush is refused by the server itself.
        with pytest.raises(ReadOnlyDatabase) as caught, reader.transaction() as session:
            session.execute(text("UPDATE organisation SET notes = 'x'"))
        assert caught.value.user_message()
        assert get_organisation(reader, saved.id).name_fi == "Vaasan Martat ry"
    finally:
        reader.close()


@server
def test_a_stale_save_of_another_user_is_refused(db: Database) -> None:
    """Two users on the server: the version column refuses the later save of an older form."""
    other = open_database(db.url)
    try:
        saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
        save_organisation(other, OrganisationForm(name_fi="Vasa Marthaförening"), saved.id, saved.version)
        with pytest.raises(StaleRecord):
            save_organisation(db, OrganisationForm(name_fi="Minun nimeni"), saved.id, saved.version)
        assert get_organisation(db, saved.id).name_fi == "Vasa Marthaförening"
    finally:
        other.close()


@server
def test_two_saves_at_the_same_moment_one_wins_and_the_other_is_refused(db: Database) -> None:
    """Both forms pass the version check; the server's row lock makes the second UPDATE find a newer row."""
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    other = open_database(db.url)
    outcome: list[object] = []
    try:
        with db.transaction() as session:
            org = session.get(Organisation, saved.id)
            assert org is not None
            org.notes = "ensimmäinen"
            session.flush()  # holds the row until this transaction ends

            def second() -> None:
                try:
                    form = OrganisationForm(name_fi="Toinen tallennus")
                    outcome.append(save_organisation(other, form, saved.id, saved.version))
                except BaseException as exc:  # noqa: BLE001
                    outcome.append(exc)

            thread = threading.Thread(target=second)
            thread.start()
            thread.join(1.0)
            assert thread.is_alive(), "the second save waits for the row"
        thread.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], StaleRecord)
        detail = get_organisation(db, saved.id)
        assert (detail.name_fi, detail.version) == ("Vaasan Martat ry", saved.version + 1)
    finally:
        other.close()


@server
def test_the_audit_names_the_user_of_the_computer(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    with db.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == saved.id)).one()
        assert (entry.user, entry.action) == (os_user(), "create")
        assert entry.changes["name_fi"] == [None, "Vaasan Martat ry"]


@server
def test_names_sort_as_on_sqlite_with_å_ä_ö_after_z(db: Database) -> None:
    names = [
        "Östra byns förening",
        "Zonta Vaasa",
        "Åbo Akademi",
        "Ähtärin Eläkeläiset",
        "aamu ry",
        "Oravais IF",
    ]
    for name in names:
        save_organisation(db, OrganisationForm(name_fi=name, abbreviation=name[:4]))
    expected = [
        "aamu ry",
        "Oravais IF",
        "Zonta Vaasa",
        "Åbo Akademi",
        "Ähtärin Eläkeläiset",
        "Östra byns förening",
    ]
    assert [r.name_fi for r in list_organisations(db, OrganisationQuery())] == expected
    by_abbreviation = list_organisations(db, OrganisationQuery(sort="abbreviation"))
    assert [r.name_fi for r in by_abbreviation] == expected
    found = list_organisations(db, OrganisationQuery(text="ÄHTÄRIN eläke"))
    assert [r.name_fi for r in found] == ["Ähtärin Eläkeläiset"]


@server
def test_backups_of_a_server_are_the_administrators_job(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for extra in ([], ["--auto"], ["-o", "kopio.sqlite"]):
        assert main(["backup", *extra, "--db", db.url]) == 1
        assert capsys.readouterr().err.strip() == NotAFile().user_message()
    assert "pg_dump" in NotAFile().user_message()


@server
def test_restore_into_a_server_database_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "kopio.sqlite"
    backup.write_bytes(b"")
    assert main(["restore", str(backup), "--db", db.url]) == 1
    assert capsys.readouterr().err.strip() == NotAFile().user_message()


def test_ids_are_uuids_on_both_databases(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    assert isinstance(saved.id, uuid.UUID)
    assert get_organisation(db, saved.id).id == saved.id


@server
def test_a_document_on_a_server_is_kept_in_the_database_for_every_user(db: Database, tmp_path: Path) -> None:
    from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
    from jarjestokeskus.services.agreements.documents import attach_document, document_path
    from jarjestokeskus.services.agreements.register import save_agreement

    city = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki")).id
    us = save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset")).id
    form = AgreementForm(title_fi="Tilasopimus", parties=[PartyForm(city, "Kaupunki"), PartyForm(us, "Me")])
    agreement = save_agreement(db, form)
    scan = tmp_path / "Sopimus.PDF"
    scan.write_bytes(b"%PDF-1.4 allekirjoitettu")
    row = attach_document(db, agreement.id, scan)
    scan.unlink()
    with db.reading() as session:
        assert (
            session.execute(
                text("SELECT count(*) FROM agreement_document WHERE content IS NOT NULL")
            ).scalar()
            == 1
        )
    copy = document_path(db, row.id)
    assert copy.suffix == ".pdf" and copy.read_bytes() == b"%PDF-1.4 allekirjoitettu"
    copy.write_bytes(b"changed on this computer")
    assert document_path(db, row.id).read_bytes() == b"%PDF-1.4 allekirjoitettu"


def test_a_nul_character_in_a_text_is_dropped_on_both_databases(db: Database) -> None:
    """PostgreSQL refuses NUL in text; a pasted one must not make a save fail there."""
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan\x00 Martat ry", notes="\x00"))
    detail = get_organisation(db, saved.id)
    assert (detail.name_fi, detail.notes) == ("Vaasan Martat ry", "")


def _drop_connections(db: Database) -> None:
    """What a server restart or a network cut does to the program's connections."""
    databases.admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{db.engine.url.database}' AND pid <> pg_backend_pid()"
    )


@server
def test_a_connection_the_server_dropped_meanwhile_is_replaced_without_a_word(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    _drop_connections(db)
    assert get_organisation(db, saved.id).name_fi == "Vaasan Martat ry"


@server
def test_a_server_lost_in_the_middle_of_a_save_is_explained_and_nothing_is_saved(db: Database) -> None:
    from jarjestokeskus.db.server_errors import ServerUnreachable

    saved = save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    with pytest.raises(ServerUnreachable) as caught, db.transaction() as session:
        org = session.get(Organisation, saved.id)
        assert org is not None
        org.notes = "puolikas"
        session.flush()
        _drop_connections(db)
        session.execute(text("SELECT 1"))
    message = caught.value.user_message()
    assert "localhost" in message and "puolikas" not in message
    assert get_organisation(db, saved.id).notes == ""
