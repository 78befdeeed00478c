"""The window and the database's own commands: gui, demo, check, backup and restore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from jarjestokeskus.cli.common import (
    OK,
    USER_ERROR,
    Progress,
    database_target,
    open_existing,
    open_to_read,
    where,
)
from jarjestokeskus.i18n import _

Command = Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]


def add_maintenance_commands(command: Command) -> None:
    """gui, demo, check, backup and restore, through the parser's `command(name, help, run)`."""
    command("gui", _("open the window (the default)"), run_gui)
    command("demo", _("create a new database filled with the demo scenario"), run_demo)
    check = command("check", _("check the database's integrity and schema version"), run_check)
    check.add_argument(
        "--full",
        action="store_true",
        help=_(
            "also compare every index with its table and check uniqueness (SQLite's integrity_check, "
            "slower on a large database); by default SQLite's quick_check reads every page and record"
        ),
    )
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
    from jarjestokeskus.cli.server_roles import add_server_roles_command

    add_server_roles_command(command)


def run_gui(args: argparse.Namespace) -> int:
    from jarjestokeskus.ui.app import run_gui as open_window

    return open_window(getattr(args, "db", None), getattr(args, "lang", None))


def run_demo(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.errors import ReadOnlyDatabase
    from jarjestokeskus.services.database.server_lock import one_at_a_time
    from jarjestokeskus.services.demo.scenario import create_demo

    db = open_database(getattr(args, "db", None))
    try:
        if db.read_only:
            raise ReadOnlyDatabase(db.holder.describe() if db.holder else "")
        # Two demos on one server at once: the second waits, then finds the first one's data.
        with one_at_a_time(db, "demo"), Progress(_("Creating the demo…")) as progress:
            summary = create_demo(db, progress)
        print(_("The demo scenario was created in {database}.").format(database=where(db)))
        print(_("Organisations: {count}").format(count=summary.organisations))
        print(_("Member organisations: {count}").format(count=summary.members))
        print(_("Projects: {count}").format(count=summary.projects))
        print(_("Agreements: {count}").format(count=summary.agreements))
        print(_("Staff: {count}").format(count=summary.staff))
    finally:
        db.close()
    return OK


def run_check(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.database.check import check_database
    from jarjestokeskus.services.municipalities import unmapped_municipalities

    db = open_to_read(args)
    try:
        result = check_database(db, full=args.full)
        current = result.ok and result.schema_revision == result.head_revision
        unmapped = unmapped_municipalities(db) if current else []
    finally:
        db.close()
    print(_("Database: {database}").format(database=where(db)))
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
    for name, count in unmapped:  # free text the register does not know: for the user to correct
        print(
            _(
                "Municipality not in the register: {name} (organisations: {count}); correct it in the organisation."
            ).format(name=name, count=count)
        )
    if result.ok:
        print(_("The database is in order."))
        return OK
    print(_("The database has problems. Restore it from a backup, or ask for help."), file=sys.stderr)
    return USER_ERROR


def run_backup(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.database.backup_folders import remove_stale_partials
    from jarjestokeskus.services.database.backups import automatic_backup
    from jarjestokeskus.services.database.maintenance import NotAFile, backup_database

    db = open_existing(args)
    try:
        if db.path is not None:
            remove_stale_partials(db.path)  # left by a backup or copy killed earlier
        with Progress(_("Backing up…")) as progress:
            if args.auto:
                if db.path is None:
                    raise NotAFile()
                path = automatic_backup(db, progress=progress)
            else:
                path = backup_database(db, args.output, progress=progress)
                if args.output is not None:
                    from jarjestokeskus.services.database.written_files import remember_written

                    remember_written(db.path, path, "backup")  # an erasure cannot reach it: named
    finally:
        db.close()
    if path is None:
        print(_("Today's automatic backup exists already."))
        return OK
    print(_("Backup saved to {path}").format(path=path))
    return OK


def run_restore(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.engine import database_url, sqlite_path
    from jarjestokeskus.services.database.maintenance import NotAFile, restore_database
    from jarjestokeskus.services.events.reduction import reduced_again_notice

    path = sqlite_path(database_url(database_target(args)))
    if path is None:
        raise NotAFile()
    with Progress(_("Restoring…")) as progress:
        restored = restore_database(path, args.backup_file, progress=progress)
    print(
        _("The database {database} was restored from {backup}.").format(
            database=path, backup=args.backup_file
        )
    )
    if restored.safety is not None:
        print(_("The earlier content was kept in {path}").format(path=restored.safety))
    if restored.reduced_again:
        print(reduced_again_notice(restored.reduced_again))
    return OK
