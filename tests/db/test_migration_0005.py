"""Migration 0005 on the demo scenario taken back to the revision before it: typed party roles become coded roles
(other text stays a note), and premises lent to a member become in-kind support given."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.migrate import alembic_config
from tests.reports.pdf_text import demo_database


def migrate(db: Database, revision: str, *, down: bool = False) -> None:
    """As `migrate.upgrade` does: on SQLite without foreign keys while tables are rebuilt."""
    config = alembic_config()
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
            connection.commit()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def roles(db: Database) -> dict[str, tuple[str | None, str]]:
    with db.engine.connect() as c:
        return {
            str(r.id): (r.role_kind, r.role)
            for r in c.execute(text("SELECT id, role_kind, role FROM agreement_party"))
        }


def test_roles_and_directions_are_mapped(tmp_path: Path, migrated_template: Path) -> None:
    db = demo_database(tmp_path, migrated_template)
    try:
        before = roles(db)
        # Two of the many counterparties (ids are random: a party of a rarer role might be its only one).
        first, second = sorted(k for k, (kind, _note) in before.items() if kind == "counterparty")[:2]
        with db.engine.begin() as c:
            c.execute(
                text("UPDATE agreement_party SET role_kind = NULL, role = ' Motpart ' WHERE id = :id"),
                {"id": first},
            )
            c.execute(
                text("UPDATE agreement_party SET role_kind = NULL, role = 'vuokranantaja' WHERE id = :id"),
                {"id": second},
            )
        migrate(db, "0012", down=True)  # the revision before 0005
        with db.engine.connect() as c:
            typed = {r[0] for r in c.execute(text("SELECT DISTINCT role FROM agreement_party"))}
        assert {"vastapuoli", "sopijaosapuoli", "kumppani", "rahoittaja"} <= typed  # as before 0005
        migrate(db, "head")
        after = roles(db)
        assert after[first] == ("counterparty", "")
        assert after[second] == (None, "vuokranantaja")  # unknown text stays, as a note
        assert {k: v for k, v in after.items() if k not in (first, second)} == {
            k: v for k, v in before.items() if k not in (first, second)
        }
        with db.engine.connect() as c:
            given = (
                c.execute(text("SELECT title_fi FROM agreement WHERE premises_direction = 'given'"))
                .scalars()
                .all()
            )
        assert given == ["Muistikahvilan tilat"]  # the home organisation and a member only
    finally:
        db.close()
