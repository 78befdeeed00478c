"""What the commands share: exit statuses, the chosen database, opening it to read, progress."""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from jarjestokeskus.i18n import _

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

OK, USER_ERROR, USAGE = 0, 1, 2


def database_target(args: argparse.Namespace) -> str | None:
    """--db, else $JARJESTOKESKUS_DB, else the database chosen in the window's settings."""
    if getattr(args, "db", None):
        return str(args.db)
    from jarjestokeskus.services.settings import load_settings, start_database

    return start_database(load_settings())


def open_existing(args: argparse.Namespace) -> Database:
    """Open without changing anything: no upgrade, no lock (another user may have it open)."""
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.places import database_url, sqlite_path
    from jarjestokeskus.db.plain import require_database_file

    url = database_url(database_target(args))
    path = sqlite_path(url)
    if path is not None:
        require_database_file(path)
    return open_database(url, migrate=False, read_only=True)


def open_to_read(args: argparse.Namespace) -> PlainDatabase | Database:
    """As `open_existing`, for a command whose queries are plain SQL (db.plain.reader): a file is
    opened with sqlite3 alone, which spares loading SQLAlchemy; a server's through SQLAlchemy."""
    from jarjestokeskus.db.places import database_url, sqlite_path
    from jarjestokeskus.db.plain import open_for_reading

    path = sqlite_path(database_url(database_target(args)))
    return open_for_reading(path) if path is not None else open_existing(args)


def where(db: PlainDatabase | Database) -> str:
    if db.path is not None:
        return str(db.path)
    from sqlalchemy.engine import make_url

    return make_url(db.url).render_as_string(hide_password=True)


class Progress:
    """Progress on stderr: one updating line on a terminal, a few plain lines otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.terminal = sys.stderr.isatty()
        self.shown = -1
        self.written = False

    def __call__(self, done: int, total: int) -> None:
        line = _("{label} {done}/{total}").format(label=self.label, done=done, total=total)
        if self.terminal:
            sys.stderr.write("\r" + line)
            self.written = True
        else:
            quarter = 4 * done // total if total else 4
            if quarter > self.shown:
                self.shown = quarter
                print(line, file=sys.stderr)
        sys.stderr.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.written:
            sys.stderr.write("\n")
            sys.stderr.flush()


def open_for_writing(args: argparse.Namespace) -> Database:
    """Open an existing database to change it (upgraded when needed); refused when read-only."""
    from jarjestokeskus.db.engine import database_url, open_database, sqlite_path
    from jarjestokeskus.db.errors import ReadOnlyDatabase
    from jarjestokeskus.db.plain import FileMissing

    url = database_url(database_target(args))
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise FileMissing(str(path))
    db = open_database(url)
    if db.read_only:
        holder = db.holder.describe() if db.holder else ""
        db.close()
        raise ReadOnlyDatabase(holder)
    return db


def table_format(args: argparse.Namespace) -> str | None:
    """csv or xlsx: `--format`, else the output file's ending; None (and why, on stderr) if neither."""
    from jarjestokeskus.services.exports.files import format_from_suffix

    chosen = args.format or format_from_suffix(args.output)
    if chosen is None:
        print(
            _("Choose the format with --format csv or --format xlsx, or end the file name in .csv or .xlsx."),
            file=sys.stderr,
        )
    return chosen


@contextmanager
def without_garbage_collection() -> Iterator[None]:
    """A command that reads or writes many rows, with the garbage collector paused: loading the
    database layer or reportlab, and the rows themselves, are many objects and no garbage; going
    through them again and again finds nothing to free (a sixth of a long member register PDF's
    time, ~6 % of a 100,000-row export). Nor does it go through them all once more when the
    process ends (frozen at exit): they go with the process."""
    atexit.unregister(gc.freeze)  # once, however many commands one process runs
    atexit.register(gc.freeze)
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
