"""What the database itself keeps: one home organisation; imports and demos on a server one at a
time (the concurrency tests need the test server, JK_TEST_POSTGRES)."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from tests import databases

server = pytest.mark.skipif(
    not databases.on_postgres(), reason="needs JK_TEST_POSTGRES (tools/postgres-test)"
)


def count(db: Database, *where) -> int:  # type: ignore[no-untyped-def]
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Organisation).where(*where)) or 0)


def test_a_second_home_organisation_is_refused_by_the_database(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry"), is_home=True)
    with pytest.raises(IntegrityError), db.transaction() as session:  # past every check of the program
        session.add(
            Organisation(
                id=uuid.uuid4(), name_fi="Toinen koti", kind=OrganisationKind.ASSOCIATION, is_home=True
            )
        )
    assert count(db, Organisation.is_home) == 1
    save_organisation(db, OrganisationForm(name_fi="Jäsen ry"))  # ordinary ones are not affected
    save_organisation(db, OrganisationForm(name_fi="Toinen jäsen ry"))
    assert count(db) == 3


def _race(target: str, commands: list[list[str]]) -> list[int]:
    results: list[int] = [0] * len(commands)
    start = threading.Barrier(len(commands))

    def run(index: int) -> None:
        start.wait()
        results[index] = main(["--db", target, *commands[index]])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(commands))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


@server
def test_two_imports_at_once_on_a_server_do_not_duplicate(tmp_path: Path, migrated_template: Path) -> None:
    db = databases.new_database(tmp_path, migrated_template)
    target = db.url
    db.close()
    rows = "\n".join(f"Yhdistys {n} ry;Vaasa" for n in range(300))
    members = tmp_path / "jäsenet.csv"
    members.write_text(f"Nimi;Kunta\n{rows}\n", encoding="utf-8")
    results = _race(target, [["import", "members", str(members)], ["import", "members", str(members)]])
    assert results == [0, 0]
    db = open_database(target)
    try:
        assert count(db) == 300  # the second one found the first one's rows and updated or skipped
    finally:
        db.close()


@server
def test_two_demos_at_once_on_a_server_give_one_home(tmp_path: Path, migrated_template: Path) -> None:
    db = databases.new_database(tmp_path, migrated_template)
    target = db.url
    db.close()
    results = _race(target, [["demo"], ["demo"]])
    assert sorted(results) == [0, 1]  # the second is told the database is not empty
    db = open_database(target)
    try:
        assert count(db, Organisation.is_home) == 1
    finally:
        db.close()
