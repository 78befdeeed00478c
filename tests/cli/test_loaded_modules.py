"""What a command loads before it works: the language and `--help` no SQLAlchemy, and the
read-only commands on a database file (`check`, `export members`, `report members`) neither
SQLAlchemy nor Alembic (the fixed start-up cost of every command). Each runs in a fresh
interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation

MEMBER = MembershipStatus.MEMBER


def loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nsys.stderr.write('\\n'.join(sys.modules))"  # stdout has the output
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_the_language_and_the_help_load_no_database_layer() -> None:
    loaded = loaded_after(
        "from jarjestokeskus.cli.main import choose_language, main\n"
        "choose_language([])\n"
        "assert main(['--help']) == 0"
    )
    assert "jarjestokeskus.services.settings" in loaded
    assert not {name for name in loaded if name.split(".")[0] == "sqlalchemy"}


def test_check_of_a_file_loads_no_sqlalchemy(db_path: Path) -> None:
    open_database(db_path).close()
    loaded = loaded_after(
        f"from jarjestokeskus.cli.main import main\nassert main(['check', '--db', {str(db_path)!r}]) == 0"
    )
    assert "jarjestokeskus.services.database.check" in loaded  # it did check
    assert not {name for name in loaded if name.split(".")[0] in ("sqlalchemy", "alembic")}


@pytest.mark.parametrize(
    ("command", "done"),
    [
        (
            ["export", "members", "--format", "csv", "-o", "{out}/j.csv"],
            "jarjestokeskus.services.exports.members",
        ),
        (["report", "members", "-o", "{out}/j.pdf"], "jarjestokeskus.reports.members"),
    ],
)
def test_the_members_list_and_register_of_a_file_load_no_sqlalchemy(
    db_path: Path, tmp_path: Path, command: list[str], done: str
) -> None:
    database = open_database(db_path)
    save_organisation(database, OrganisationForm(name_fi="Vaasan Martat ry", membership_status=MEMBER))
    database.close()
    arguments = ["--db", str(db_path), "--lang", "fi", *(part.format(out=tmp_path) for part in command)]
    loaded = loaded_after(f"from jarjestokeskus.cli.main import main\nassert main({arguments!r}) == 0")
    assert done in loaded
    assert not {name for name in loaded if name.split(".")[0] in ("sqlalchemy", "alembic")}
    # The parser of the one command: the other commands' modules are not loaded either.
    assert not {"jarjestokeskus.cli.person", "jarjestokeskus.cli.events"} & loaded
