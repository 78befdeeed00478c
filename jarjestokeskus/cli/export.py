"""The `export` command: a list of the window into a CSV file for Excel or an XLSX workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.cli.common import OK, USER_ERROR
from jarjestokeskus.i18n import _

KINDS = ("members", "organisations", "projects", "employment", "agreements", "survey")


def add_export_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `export KIND` on the main parser's subcommands."""
    text = _("write a list into a CSV file for Excel or an Excel workbook (XLSX)")
    export = commands.add_parser("export", help=text, description=text, parents=[shared], add_help=False)
    export.add_argument(
        "kind",
        choices=KINDS,
        metavar=_("KIND"),
        help=_(
            "the list: members (the member organisations with their contacts), organisations (all), "
            "projects, employment, agreements, or survey (a year's answers, --year)"
        ),
    )
    export.add_argument("--year", type=int, metavar=_("YEAR"), help=_("the survey's year (export survey)"))
    export.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        help=_(
            "csv (semicolons, UTF-8, as Finnish Excel reads it) or xlsx; by default from the file's ending"
        ),
    )
    export.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the file to write")
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Write the list, the garbage collector paused (see `without_garbage_collection`)."""
    from jarjestokeskus.cli.common import without_garbage_collection

    with without_garbage_collection():
        return _run_export(args)


def _run_export(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_existing, open_to_read, table_format
    from jarjestokeskus.services.exports.files import ExportFailed, write_table
    from jarjestokeskus.services.exports.tables import export_rows

    language = getattr(args, "lang", None) or i18n.current_language()
    chosen = table_format(args)
    if chosen is None:
        return USER_ERROR
    db = open_to_read(args) if args.kind == "members" else open_existing(args)  # plain SQL: members
    rows: Any = ()
    try:
        if args.kind == "survey":
            from datetime import date

            from jarjestokeskus.services.survey.appendix import appendix_table

            year = args.year or date.today().year
            title = _("Survey {year}").format(year=year)
            header, rows = appendix_table(db, year, (), language)
        else:
            title, header, rows = export_rows(db, args.kind, language, chosen)
        written = write_table(args.output, header, rows, chosen, title)
    except ExportFailed as problem:
        print(problem.user_message(), file=sys.stderr)
        return USER_ERROR
    finally:
        if hasattr(rows, "close"):
            rows.close()  # a list read as it is written ends its read transaction first
        db.close()
    count = i18n.format_number(written, language)
    print(_("Rows written to {path}: {count}").format(path=args.output, count=count))
    return OK
