"""The three roles on a shared PostgreSQL server: staff, personnel administration, administrator.

Each member of the staff signs in with a login of their own, given one of the roles:
- `jk_staff` reads and writes the register, but sees no employment periods (schemes, subsidies,
  decisions, outcomes), no person who is only staff (their name, email, phone) and none of their
  change history; row security on the server keeps these out, not the window. Staff cannot
  rewrite the change history, so they cannot erase a person.
- `jk_personnel` (personnel administration) also sees and keeps the staff and their periods, and
  erases persons (the erasure scrubs the change history).
- `jk_admin` may do all that and gives the roles to logins (it holds them with the admin option).

`roles_sql()` is the SQL the administrator runs once (`jarjestokeskus server-roles`, or printed
with `--print` to run by hand); it is idempotent and run again after an upgrade adds tables.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from jarjestokeskus.db.errors import DatabaseProblem

STAFF, PERSONNEL, ADMIN = "jk_staff", "jk_personnel", "jk_admin"
ROLE_NAMES = {ADMIN: "admin", PERSONNEL: "personnel", STAFF: "staff"}  # the strongest first
# Rows only personnel administration sees: the employment periods and what pays them.
PERSONNEL_TABLES = ("employment", "employment_funding")
# The change history: staff add to it, only personnel administration rewrites it (an erasure).
HISTORY_TABLES = ("audit_entry", "erasure")
PERSON_FOR_STAFF = "jk_person_for_staff"


def roles_sql(tables: list[str]) -> str:
    """The statements that create or update the roles, their rights and the row security."""
    create = "\n".join(
        f"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} NOLOGIN; END IF;"
        for role in (STAFF, PERSONNEL, ADMIN)
    )
    history = ", ".join(HISTORY_TABLES)
    statements = [
        f"DO $$\nBEGIN\n{create}\nEND\n$$",
        f"GRANT {STAFF} TO {PERSONNEL}",
        f"GRANT {PERSONNEL} TO {ADMIN}",
        f"GRANT {STAFF}, {PERSONNEL} TO {ADMIN} WITH ADMIN OPTION",
        "DO $$\nBEGIN\n  EXECUTE 'GRANT CONNECT, TEMPORARY ON DATABASE ' || "
        f"quote_ident(current_database()) || ' TO {STAFF}';\nEND\n$$",
        f"GRANT USAGE ON SCHEMA public TO {STAFF}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(tables)} TO {STAFF}",
        f"REVOKE UPDATE, DELETE ON {history} FROM {STAFF}",
        f"GRANT UPDATE, DELETE ON {history} TO {PERSONNEL}",
        f"GRANT ALL ON {', '.join(tables)} TO {ADMIN}",
        # Whether staff may see a person: anyone with a role or a seat, or never employed. The
        # function reads the employment rows that staff cannot, as its owner.
        f"""CREATE OR REPLACE FUNCTION {PERSON_FOR_STAFF}(person uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM role WHERE role.person_id = person)
      OR EXISTS (SELECT 1 FROM body_seat WHERE body_seat.person_id = person)
      OR NOT EXISTS (SELECT 1 FROM employment WHERE employment.person_id = person)
$$""",
        f"REVOKE ALL ON FUNCTION {PERSON_FOR_STAFF}(uuid) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {PERSON_FOR_STAFF}(uuid) TO {STAFF}",
    ]
    for table in (*PERSONNEL_TABLES, "person", "audit_entry"):
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements.append(f"DROP POLICY IF EXISTS jk_personnel_all ON {table}")
        statements.append(
            f"CREATE POLICY jk_personnel_all ON {table} TO {PERSONNEL} USING (true) WITH CHECK (true)"
        )
    # A policy for staff on these two only: staff see no employment rows at all.
    statements += [
        "DROP POLICY IF EXISTS jk_staff_persons ON person",
        f"CREATE POLICY jk_staff_persons ON person TO {STAFF} "
        f"USING ({PERSON_FOR_STAFF}(id)) WITH CHECK ({PERSON_FOR_STAFF}(id))",
        "DROP POLICY IF EXISTS jk_staff_history ON audit_entry",
        f"CREATE POLICY jk_staff_history ON audit_entry FOR SELECT TO {STAFF} USING ("
        "entity NOT IN ('Employment', 'EmploymentFunding') "
        f"AND (entity <> 'Person' OR {PERSON_FOR_STAFF}(entity_id)))",
        "DROP POLICY IF EXISTS jk_staff_adds_history ON audit_entry",
        f"CREATE POLICY jk_staff_adds_history ON audit_entry FOR INSERT TO {STAFF} "
        "WITH CHECK (entity NOT IN ('Employment', 'EmploymentFunding'))",
    ]
    return ";\n\n".join(statements) + ";\n"


def program_tables(engine: Engine | Connection) -> list[str]:
    """The program's tables in the database (its own and Alembic's version table)."""
    from sqlalchemy import inspect

    from jarjestokeskus.db import models  # noqa: F401  (every table in the metadata)
    from jarjestokeskus.db.base import Base

    present = set(inspect(engine).get_table_names())
    return [name for name in (*Base.metadata.tables, "alembic_version") if name in present]


def apply_roles(engine: Engine) -> None:
    """Create or update the roles and rights (needs a login that may create roles)."""
    with engine.begin() as connection:
        connection.exec_driver_sql(roles_sql(program_tables(engine)))


def refresh_after_upgrade(connection: Connection) -> None:
    """After an upgrade on a server whose roles are set, the new tables get their rights too.
    Best effort: a login that may not grant them leaves it to `server-roles`; the upgrade stands."""
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": STAFF}).first() is None:
        return
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(roles_sql(program_tables(connection)))
    except (DBAPIError, DatabaseProblem):
        pass


def server_role(engine: Engine) -> str | None:
    """The program's role given to the signed-in login ("admin", "personnel", "staff"); None when
    it was given none (one login keeps the whole register, a superuser, or a SQLite file)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        held = set(
            connection.execute(
                text(
                    "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                    "JOIN pg_roles login ON login.oid = m.member "
                    "WHERE r.rolname = ANY(:names) AND login.rolname = current_user"
                ),
                {"names": list(ROLE_NAMES)},
            ).scalars()
        )
    return next((ROLE_NAMES[name] for name in ROLE_NAMES if name in held), None)
