"""One place for the test set-up: offscreen Qt, private folders, a fresh database per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before Qt or platformdirs are imported anywhere: no display, no real user folders.
_HOME = Path(tempfile.mkdtemp(prefix="jk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
os.environ.pop("JARJESTOKESKUS_DB", None)

import pytest  # noqa: E402

from jarjestokeskus import i18n  # noqa: E402
from jarjestokeskus.db.engine import Database, open_database  # noqa: E402
from tests import databases  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL (JK_TEST_POSTGRES), skip the tests about the SQLite file itself."""
    if not databases.on_postgres():
        return
    skip = pytest.mark.skip(reason="about the SQLite file (lock, WAL, file copies): not on PostgreSQL")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def finnish() -> None:
    """Every test starts in Finnish, the default language."""
    i18n.set_language("fi")


@pytest.fixture(autouse=True)
def _other_programs_let_go():  # type: ignore[no-untyped-def]
    yield
    databases.let_other_programs_go()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrating takes most of a test's set-up: do it once and copy the file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(path).close()
    if databases.on_postgres():
        databases.make_template()
    yield path
    databases.drop_all()


@pytest.fixture
def db(db_path: Path, migrated_template: Path):  # type: ignore[no-untyped-def]
    """A fresh, migrated database: a SQLite file in a temporary folder, or on PostgreSQL."""
    database: Database = databases.new_database(db_path.parent, migrated_template, db_path.name)
    yield database
    database.close()
