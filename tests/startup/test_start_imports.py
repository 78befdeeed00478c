"""What starting loads: `--version` no database layer, the window no report engine or migrations,
an up-to-date database no Alembic. Each is a fresh process, as a user starts the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import open_database

HEAVY = ("PySide6", "sqlalchemy", "jarjestokeskus.services", "jarjestokeskus.db", "babel")


def loaded_after(
    code: str, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[set[str], str]:
    """The modules imported once `code` has run in a new interpreter, and what it printed."""
    script = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)), file=sys.stderr)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=cwd, check=True
    )
    return set(done.stderr.split()), done.stdout


def own_settings(folder: Path) -> dict[str, str]:
    """The environment of a window started with settings of its own, not the user's."""
    return {"XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data")}


def test_version_loads_no_database_layer_and_no_qt() -> None:
    code = "from jarjestokeskus.cli.main import main\nassert main(['--version']) == 0"
    modules, printed = loaded_after(code)
    assert printed.startswith("jarjestokeskus ")
    assert not [name for name in modules if name.startswith(HEAVY)]


def test_the_window_module_loads_no_view_report_engine_or_migrations() -> None:
    modules, _printed = loaded_after("import jarjestokeskus.ui.main_window")
    assert not [name for name in modules if name.startswith(("reportlab", "alembic", "openpyxl"))]
    assert "jarjestokeskus.ui.organisations.view" not in modules  # views come when first shown


def test_opening_an_up_to_date_database_loads_no_alembic(db_path: Path) -> None:
    open_database(db_path).close()  # created and migrated here
    code = "from jarjestokeskus.db.engine import open_database\nopen_database(sys.argv[1]).close()"
    modules, _printed = loaded_after(code, str(db_path))
    assert "jarjestokeskus.db.models" in modules  # it was really opened
    assert not [name for name in modules if name.startswith("alembic")]


def test_the_window_shows_before_the_database_layer_loads(db_path: Path, tmp_path: Path) -> None:
    """`python -m jarjestokeskus --db FILE` at the event loop's first turn: no SQLAlchemy, no
    models, no command-line parser; the start page is filled from the file still without them
    (a file at the newest schema), and then the database opens."""
    open_database(db_path).close()
    shown = (
        "import os\nos.environ['JK_QUIT_WHEN_SHOWN'] = '1'\n"
        "from jarjestokeskus.__main__ import run\nassert run(['--db', sys.argv[1]]) == 0"
    )
    env = own_settings(tmp_path)
    modules, _printed = loaded_after(shown, str(db_path), env=env)
    assert "jarjestokeskus.ui.main_window" in modules
    assert not [
        name
        for name in modules
        if name.startswith(
            (
                "sqlalchemy",
                "jarjestokeskus.db.engine",
                "jarjestokeskus.db.models",
                "babel.dates",
                "babel.numbers",
            )
        )
    ]
    assert not [
        name for name in modules if name.startswith(("jarjestokeskus.cli", "jarjestokeskus.ui.start"))
    ]
    filled = shown.replace("JK_QUIT_WHEN_SHOWN", "JK_QUIT_WHEN_FILLED").replace(
        "from jarjestokeskus.__main__",
        "from jarjestokeskus.ui.start import page\nread, show = [], page.StartPage.show_read\n"
        "page.StartPage.show_read = lambda self, shown: (read.append(shown.figures), show(self, shown))\n"
        "from jarjestokeskus.__main__",
    )
    modules, printed = loaded_after(
        filled + "\nprint(len(read), type(read[0].members).__name__)", str(db_path), env=env
    )
    assert printed.split() == ["1", "int"]  # the start page was read and shown, once
    assert not [name for name in modules if name.startswith(("sqlalchemy", "jarjestokeskus.db.models"))]
    opened = shown.replace("JK_QUIT_WHEN_SHOWN", "JK_QUIT_WHEN_OPEN")
    modules, _printed = loaded_after(opened, str(db_path), env=env)
    assert {"jarjestokeskus.db.models", "jarjestokeskus.ui.start.page"} <= modules


def test_the_window_loads_without_pyside_reading_the_sources(db_path: Path, tmp_path: Path) -> None:
    """PySide's import reads the source of every module imported after it (for its `__feature__`
    switches, which nothing here uses): the window's package puts Python's import back, so neither
    the window's modules nor the database layer's (loaded in the start's thread) are read."""
    open_database(db_path).close()
    opened = (
        "import builtins, os\nos.environ['JK_QUIT_WHEN_OPEN'] = '1'\n"
        "from jarjestokeskus.__main__ import run\nassert run(['--db', sys.argv[1]]) == 0\n"
        "from shibokensupport.feature import pyside_feature_dict\n"
        "print(builtins.__import__ is builtins.__orig_import__)\n"
        "read = ('sqlalchemy.orm.mapper', 'sqlalchemy.sql.compiler', 'jarjestokeskus.db.models.organisations',\n"
        "        'jarjestokeskus.ui.main_window', 'jarjestokeskus.ui.start.page')\n"
        "print([name for name in read if name in pyside_feature_dict])"
    )
    env = own_settings(tmp_path)
    modules, printed = loaded_after(opened, str(db_path), env=env)
    assert {"jarjestokeskus.db.models", "jarjestokeskus.ui.start.page"} <= modules
    assert printed.split("\n")[:2] == ["True", "[]"]


def test_the_garbage_collector_is_off_while_the_window_starts_and_on_once_the_database_is_open(
    db_path: Path, tmp_path: Path
) -> None:
    """Off from the start until the database layer has loaded (its rounds over the start's lasting
    objects cost ~13 ms); then on again, with what the start made left out of its rounds."""
    open_database(db_path).close()
    code = (
        "import gc, os\nos.environ['JK_QUIT_WHEN_OPEN'] = '1'\n"
        "from jarjestokeskus.ui.window import start_up\n"
        "seen = []\n"
        "loaded = start_up.DeferredStart._loaded\n"
        "start_up.DeferredStart._loaded = lambda self: (seen.append(gc.isenabled()), loaded(self))\n"
        "from jarjestokeskus.__main__ import run\nassert run(['--db', sys.argv[1]]) == 0\n"
        "print(seen, gc.isenabled(), gc.get_freeze_count() > 10000)"
    )
    env = own_settings(tmp_path)
    _modules, printed = loaded_after(code, str(db_path), env=env)
    assert printed.split("\n")[0] == "[False] True True"


@pytest.mark.parametrize(
    ("arguments", "options"),
    [
        ([], {}),
        (["--db", "r.sqlite", "--lang=sv"], {"--db": "r.sqlite", "--lang": "sv"}),
        (["gui", "--db=r.sqlite"], {"--db": "r.sqlite"}),
        (["check", "--db", "r.sqlite"], None),  # a command: the command line
        (["--db", "r.sqlite", "--help"], None),
        (["--lang", "en"], None),  # the parser's usage error
        (["--db"], None),
        (["--db", "a.sqlite", "--db", "b.sqlite"], None),
    ],
)
def test_only_a_plain_window_start_skips_the_command_line(
    arguments: list[str], options: dict[str, str] | None
) -> None:
    from jarjestokeskus.__main__ import window_options

    assert window_options(arguments) == options
