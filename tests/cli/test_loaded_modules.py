"""What a command loads before it works: the language and `--help` no SQLAlchemy, and the
read-only commands on a database file (`check`, `export members`, `report members`) neither
SQLAlchemy nor Alembic (the fixed start-up cost of every command). Each runs in a fresh
interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from jarjestokeskus.db.engine import open_database


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
