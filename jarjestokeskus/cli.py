"""The command line: the window by default, and demo, check, backup and restore on a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jarjestokeskus import __version__, i18n
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

OK, USER_ERROR, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on a user error, 2 on a usage error."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(choose_language(arguments))
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:  # --help, --version and usage errors end here
        return exit_.code if isinstance(exit_.code, int) else (USAGE if exit_.code else OK)
    command: Callable[[argparse.Namespace], int] = getattr(args, "run", run_gui)
    try:
        return command(args)
    except DatabaseProblem as problem:
        print(problem.user_message(), file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return 130


def choose_language(arguments: Sequence[str]) -> str:
    """`--lang` (before or after the command), else the saved setting, else the system's."""
    chosen = None
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(arguments):
            chosen = arguments[index + 1]
        elif argument.startswith("--lang="):
            chosen = argument.partition("=")[2]
    if chosen is not None and chosen in i18n.LANGUAGES:
        return chosen
    from jarjestokeskus.services.settings import load_settings

    return load_settings().language or i18n.system_language()


def build_parser() -> argparse.ArgumentParser:
    """The parser, its texts in the current language; shared options work on either side of a command."""
    shared = argparse.ArgumentParser(add_help=False)
    options = shared.add_argument_group(_("common options"))
    options.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=_("show this help"))
    options.add_argument(
        "--version",
        action="version",
        version=f"jarjestokeskus {__version__}",
        default=argparse.SUPPRESS,
        help=_("show the program's version"),
    )
    options.add_argument(
        "--db",
        metavar=_("FILE|URL"),
        default=argparse.SUPPRESS,
        help=_("the database file or server URL (default: the database in your data folder)"),
    )
    options.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("language of the messages: fi (Finnish) or sv (Swedish)"),
    )
    parser = argparse.ArgumentParser(
        prog="jarjestokeskus",
        description=_("Järjestökeskus: the register of an umbrella organisation of associations."),
        epilog=_("Without a command the program opens its window."),
        parents=[shared],
        add_help=False,
    )
    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, parents=[shared], add_help=False
        )
        sub.set_defaults(run=run)
        return sub

    command("gui", _("open the window (the default)"), run_gui)
    command("demo", _("create a new database filled with the demo scenario"), run_demo)
    command("check", _("check the database's integrity and schema version"), run_check)
    backup = command("backup", _("copy the database into a backup file"), run_backup)
    target = backup.add_mutually_exclusive_group()
    target.add_argument(
        "--auto",
        action="store_true",
        help=_("make the day's automatic backup unless it exists, and remove old automatic ones"),
    )
    target.add_argument(
        "-o",
        "--output",
        metavar=_("FILE"),
        type=Path,
        help=_("the backup file (default: a dated file in the backups folder beside the database)"),
    )
    restore = command(
        "restore", _("replace the database with a backup (a safety copy is made first)"), run_restore
    )
    restore.add_argument("backup_file", metavar=_("FILE"), type=Path, help=_("the backup file to restore"))
    from jarjestokeskus.cli_person import add_person_command

    add_person_command(commands, shared)
    from jarjestokeskus.cli_calendar import add_calendar_command
    from jarjestokeskus.cli_export import add_export_command
    from jarjestokeskus.cli_import import add_import_command
    from jarjestokeskus.cli_meeting import add_meeting_copy_command
    from jarjestokeskus.cli_report import add_report_command

    add_report_command(commands, shared)
    add_export_command(commands, shared)
    add_import_command(commands, shared)
    add_calendar_command(commands, shared)
    add_meeting_copy_command(commands, shared)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from jarjestokeskus.ui.app import run_gui as open_window

    return open_window(getattr(args, "db", None), getattr(args, "lang", None))


def run_demo(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.errors import ReadOnlyDatabase
    from jarjestokeskus.services.demo import create_demo

    db = open_database(getattr(args, "db", None))
    try:
        if db.read_only:
            raise ReadOnlyDatabase(db.holder.describe() if db.holder else "")
        with _Progress(_("Creating the demo…")) as progress:
            summary = create_demo(db, progress)
        print(_("The demo scenario was created in {database}.").format(database=_where(db)))
        print(_("Organisations: {count}").format(count=summary.organisations))
        print(_("Member organisations: {count}").format(count=summary.members))
        print(_("Projects: {count}").format(count=summary.projects))
        print(_("Agreements: {count}").format(count=summary.agreements))
        print(_("Staff: {count}").format(count=summary.staff))
    finally:
        db.close()
    return OK


def run_check(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.maintenance import check_database

    db = _open_existing(args)
    try:
        result = check_database(db)
    finally:
        db.close()
    print(_("Database: {database}").format(database=_where(db)))
    print(
        _("Integrity: {result}").format(result=result.integrity.splitlines()[0] if result.integrity else "")
    )
    print(
        _("Schema version: {revision} (this program: {head})").format(
            revision=result.schema_revision or "-", head=result.head_revision
        )
    )
    for problem in result.problems:
        print("  " + problem)
    if result.ok and result.schema_revision != result.head_revision:
        print(_("The schema is older than this program's; it is upgraded when the database is next opened."))
    if result.ok:
        print(_("The database is in order."))
        return OK
    print(_("The database has problems. Restore it from a backup, or ask for help."), file=sys.stderr)
    return USER_ERROR


def run_backup(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.backups import automatic_backup
    from jarjestokeskus.services.maintenance import NotAFile, backup_database

    db = _open_existing(args)
    try:
        with _Progress(_("Backing up…")) as progress:
            if args.auto:
                if db.path is None:
                    raise NotAFile()
                path = automatic_backup(db, progress=progress)
            else:
                path = backup_database(db, args.output, progress=progress)
    finally:
        db.close()
    if path is None:
        print(_("Today's automatic backup exists already."))
        return OK
    print(_("Backup saved to {path}").format(path=path))
    return OK


def run_restore(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.engine import database_url, sqlite_path
    from jarjestokeskus.services.maintenance import NotAFile, restore_database

    path = sqlite_path(database_url(database_target(args)))
    if path is None:
        raise NotAFile()
    with _Progress(_("Restoring…")) as progress:
        safety = restore_database(path, args.backup_file, progress=progress)
    print(
        _("The database {database} was restored from {backup}.").format(
            database=path, backup=args.backup_file
        )
    )
    if safety is not None:
        print(_("The earlier content was kept in {path}").format(path=safety))
    return OK


def database_target(args: argparse.Namespace) -> str | None:
    """--db, else $JARJESTOKESKUS_DB, else the database chosen in the window's settings."""
    from jarjestokeskus.services.settings import load_settings, start_database

    return getattr(args, "db", None) or start_database(load_settings())


def _open_existing(args: argparse.Namespace) -> Database:
    """Open without changing anything: no upgrade, no lock (another user may have it open)."""
    from jarjestokeskus.db.engine import database_url, open_database, sqlite_path
    from jarjestokeskus.services.maintenance import FileMissing

    url = database_url(database_target(args))
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise FileMissing(str(path))
    return open_database(url, migrate=False, read_only=True)


def _where(db: Database) -> str:
    if db.path is not None:
        return str(db.path)
    from sqlalchemy.engine import make_url

    return make_url(db.url).render_as_string(hide_password=True)


class _Progress:
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

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.written:
            sys.stderr.write("\n")
            sys.stderr.flush()
