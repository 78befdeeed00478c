"""The `import members` command: read member organisations from a CSV or XLSX file on a terminal."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USAGE, USER_ERROR
from jarjestokeskus.i18n import _


def add_import_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `import members FILE` on the main parser's subcommands."""
    text = _("import data from a CSV or XLSX file")
    parser = commands.add_parser("import", help=text, description=text, parents=[shared], add_help=False)
    kinds = parser.add_subparsers(dest="import_kind", title=_("what to import"), metavar=_("KIND"))
    parser.set_defaults(run=lambda _args: _usage(parser))
    text = _("import member organisations; the columns are recognised from the header row")
    members = kinds.add_parser("members", help=text, description=text, parents=[shared], add_help=False)
    members.add_argument("file", metavar=_("FILE"), type=Path, help=_("the CSV or XLSX file"))
    members.add_argument(
        "--dry-run", action="store_true", help=_("check the file and show what would be done; save nothing")
    )
    members.add_argument(
        "--on-match",
        choices=("update", "skip"),
        default="update",
        help=_(
            "an organisation already in the register (same business ID, else same name): "
            "update it from the file (default) or skip the row"
        ),
    )
    members.set_defaults(run=run_import)
    from jarjestokeskus.cli.fees import add_payments_import

    add_payments_import(kinds, shared)
    from jarjestokeskus.cli.cooperation import add_grants_import

    add_grants_import(kinds, shared)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return USAGE


def run_import(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import without_garbage_collection

    # The file's rows live from reading to saving: no garbage-collector pass in between (each
    # would walk all of them, a second and a half at 100,000 rows; none of them is a cycle), nor
    # one over the database layer when the process ends.
    with without_garbage_collection():
        return _import(args)


def _import(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_existing
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.errors import ReadOnlyDatabase
    from jarjestokeskus.services.database.server_lock import one_at_a_time
    from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table
    from jarjestokeskus.services.organisations.import_mapping import NAME_FIELDS, guess_mapping

    name = str(args.file)
    try:
        table = read_table(args.file)
    except ImportFileProblem as problem:
        print(f"{name}: {problem}", file=sys.stderr)
        return USER_ERROR
    mapping = guess_mapping(table.header)
    _print_mapping(table, mapping)
    if not any(key in NAME_FIELDS for key in mapping.values()):
        print(
            _("{file}: no column for the name was found; name one column Nimi, Namn or Name.").format(
                file=name
            ),
            file=sys.stderr,
        )
        return USER_ERROR
    if args.dry_run:
        db = open_existing(args)
    else:
        from jarjestokeskus.cli.common import database_target
        from jarjestokeskus.db.engine import database_url, sqlite_path
        from jarjestokeskus.services.database.maintenance import require_database_file

        url = database_url(database_target(args))
        path = sqlite_path(url)
        if path is not None:
            require_database_file(path)
        db = open_database(url)
    try:
        if not args.dry_run and db.read_only:
            raise ReadOnlyDatabase(db.holder.describe() if db.holder else "")
        # On a server, a second import waits here and then plans against what the first saved.
        with one_at_a_time(db, "import members") if not args.dry_run else nullcontext():
            return _plan_and_apply(db, table, mapping, args, name)
    finally:
        db.close()


def _plan_and_apply(db: Any, table: Any, mapping: dict[int, str], args: argparse.Namespace, name: str) -> int:
    from jarjestokeskus.cli.common import Progress
    from jarjestokeskus.services.organisations.member_import import RowStatus, apply_import, plan_import

    with Progress(_("Checking the rows…")) as progress:
        plan = plan_import(db, table, mapping, args.on_match, progress)
    for error in plan.errors:
        print(f"{name}:{error.row}: {error.column}: {error.reason}", file=sys.stderr)
    counts = (plan.count(RowStatus.NEW), plan.count(RowStatus.UPDATE), plan.count(RowStatus.SKIP))
    if not plan.ok:
        _print_summary(*counts, errors=plan.count(RowStatus.ERROR))
        print(_("The file has errors; nothing was saved."), file=sys.stderr)
        return USER_ERROR
    if args.dry_run:
        _print_summary(*counts)
        print(_("Dry run: nothing was saved."))
        return OK
    from jarjestokeskus.services.organisations.import_saving import written_once

    # Nothing else here uses the database meanwhile (the window reads it while it imports).
    with written_once(db, plan.count(RowStatus.NEW)), Progress(_("Saving…")) as progress:
        result = apply_import(db, plan, progress)
    _print_summary(result.created, result.updated, result.skipped)
    return OK


def _print_mapping(table: Any, mapping: dict[int, str]) -> None:
    from jarjestokeskus.domain.organisation import label

    for column in range(len(table.header)):
        heading = table.column_name(column)
        if column in mapping:
            print(_("Column {column} → {field}").format(column=heading, field=label(mapping[column])))
        else:
            print(_("Column {column} is not imported").format(column=heading))


def _print_summary(created: int, updated: int, skipped: int, errors: int | None = None) -> None:
    print(_("New organisations: {count}").format(count=created))
    print(_("Updated organisations: {count}").format(count=updated))
    print(_("Skipped rows: {count}").format(count=skipped))
    if errors is not None:
        print(_("Rows with errors: {count}").format(count=errors))
