"""Roles on a shared server: staff see no employment data and no person who is only staff, not
even in the change history, because the server keeps them out; personnel administration sees all;
the change history names each login (the tests need the test server, JK_TEST_POSTGRES)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.models import AuditEntry, Employment, Person
from jarjestokeskus.db.server_errors import NoRight
from jarjestokeskus.db.server_roles import server_role
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import erase_person
from jarjestokeskus.services.staff.employment import save_person
from tests import databases
from tests.people import worker_and_contact

server = pytest.mark.skipif(
    not databases.on_postgres(), reason="needs JK_TEST_POSTGRES (tools/postgres-test)"
)


@pytest.mark.sqlite_only
def test_a_database_file_has_no_roles(db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(db.path), "server-roles"]) == 1
    message = _(
        "Roles are for a shared PostgreSQL database; a database file is kept by one user at a time "
        "and has none."
    )
    assert capsys.readouterr().err.strip() == message


@pytest.fixture
def register(db: Database) -> Database:
    """A member's contact person (Kaisa) and a worker in rehabilitative work (Ville)."""
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    member = save_organisation(db, OrganisationForm(name_fi="Jasen ry")).id
    worker_and_contact(db, member)
    assert main(["--db", db.url, "server-roles"]) == 0
    assert main(["--db", db.url, "server-roles"]) == 0  # again (after an upgrade, say): the same
    return db


@pytest.fixture
def login(register: Database) -> Iterator:  # type: ignore[type-arg]
    """`login(role)`: a Database opened by a new login given `role` (dropped afterwards)."""
    made: list[str] = []
    opened: list[Database] = []

    def sign_in(role: str) -> Database:
        name = f"jk_{role.removeprefix('jk_')}_{uuid.uuid4().hex[:8]}"
        databases.admin(f"CREATE ROLE {name} LOGIN IN ROLE {role}")
        made.append(name)
        db = open_database(make_url(register.url).set(username=name).render_as_string(hide_password=False))
        opened.append(db)
        return db

    yield sign_in
    for db in opened:
        db.close()
    for name in made:
        databases.admin(f"DROP ROLE {name}")


def _names(db: Database) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(Person.first_name)))


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@server
def test_staff_see_the_contact_persons_but_no_staff_data(register: Database, login) -> None:  # type: ignore[no-untyped-def]
    staff = login("jk_staff")
    assert server_role(staff.engine) == "staff"
    assert _names(staff) == {"Kaisa"}
    assert _count(staff, Employment) == 0
    with staff.reading() as session:
        # Not even by hand: the server keeps the rows out, whatever the query.
        assert session.execute(text("SELECT decision_number FROM employment")).all() == []
        history = session.scalars(select(AuditEntry.changes)).all()
    assert history and not any("KUNTOUTUS" in str(c) or "Ville" in str(c) for c in history)
    personnel = login("jk_personnel")
    assert server_role(personnel.engine) == "personnel"
    assert _names(personnel) == {"Kaisa", "Ville"} and _count(personnel, Employment) == 1
    admin = login("jk_admin")
    assert server_role(admin.engine) == "admin" and _count(admin, Employment) == 1


@server
def test_staff_keep_the_register_and_the_history_names_their_login(register: Database, login) -> None:  # type: ignore[no-untyped-def]
    staff = login("jk_staff")
    saved = save_organisation(staff, OrganisationForm(name_fi="Uusi ry"))
    with register.reading() as session:
        users = session.scalars(select(AuditEntry.user).where(AuditEntry.entity_id == saved.id)).all()
    assert users == [make_url(staff.url).username]


@server
def test_staff_cannot_add_an_employment_nor_erase_a_person(register: Database, login) -> None:  # type: ignore[no-untyped-def]
    staff = login("jk_staff")
    period = EmploymentForm(EmploymentScheme.WORK_TRIAL, "Kokeilija", "1.3.2026", "31.5.2026", "20")
    with pytest.raises(NoRight) as refused:
        save_person(staff, PersonForm("Uusi", "Kokeilija", employments=[period]))
    assert refused.value.user_message() == NoRight("").user_message()
    assert _count(register, Employment) == 1 and "Uusi" not in _names(register)
    with register.reading() as session:
        kaisa = session.scalar(select(Person.id).where(Person.first_name == "Kaisa"))
    with pytest.raises(DatabaseProblem):
        erase_person(staff, kaisa)
    assert "Kaisa" in _names(register)
    personnel = login("jk_personnel")
    erase_person(personnel, kaisa)
    assert "Kaisa" not in _names(register)


@server
def test_the_sql_can_be_printed_to_run_by_hand(register: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", register.url, "server-roles", "--print"]) == 0
    printed = capsys.readouterr().out
    assert "CREATE ROLE jk_staff NOLOGIN" in printed and "ENABLE ROW LEVEL SECURITY" in printed


@server
def test_an_erasure_to_repeat_waits_for_personnel_administration(register: Database, login) -> None:  # type: ignore[no-untyped-def]
    """A register restored on the server from before an erasure: staff may still open it; the
    first personnel administration login to open it erases the person again."""
    from jarjestokeskus.db import erasure
    from jarjestokeskus.db.engine import data_dir

    with register.reading() as session:
        kaisa = session.scalar(select(Person.id).where(Person.first_name == "Kaisa"))
        erasure.remember(data_dir(), erasure.identity(session), {kaisa})
    login("jk_staff")  # opens
    assert "Kaisa" in _names(register)
    login("jk_personnel")
    assert "Kaisa" not in _names(register)


@server
def test_an_upgrade_gives_the_roles_their_rights_on_new_tables(register: Database, login) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from jarjestokeskus.db.migrate import alembic_config, head_revision
    from jarjestokeskus.db.server_roles import program_tables

    config = alembic_config()
    with register.engine.connect() as connection:  # back to before the newest tables were made
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        connection.commit()
    open_database(register.url).close()  # the owner's program upgrades it again
    staff = login("jk_staff")
    with staff.reading() as session:  # every table, the newest migration's too, is theirs to read
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        for table in program_tables(staff.engine):
            session.execute(text(f"SELECT count(*) FROM {table}"))
