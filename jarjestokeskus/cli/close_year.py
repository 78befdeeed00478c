"""The `close-year` command: keep a reported year's reports as sent, reprint them, see what has
changed since, or reopen the year with a reason."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.cli.common import OK, USER_ERROR, Progress, open_existing, open_for_writing
from jarjestokeskus.cli.parser_texts import year
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.i18n import _


def add_close_year_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `close-year YEAR` on the main parser's subcommands."""
    text = _("close a reported year: its reports as sent are kept in the database")
    command = commands.add_parser("close-year", help=text, description=text, parents=[shared], add_help=False)
    command.add_argument("year", type=year, metavar=_("YYYY"), help=_("the year"))
    what = command.add_mutually_exclusive_group()
    what.add_argument("--reopen", action="store_true", help=_("reopen the closed year (give --reason)"))
    what.add_argument(
        "--status",
        action="store_true",
        help=_("show the closing and the reports whose figures changed since"),
    )
    what.add_argument(
        "--reprint",
        choices=("annual", "projects", "employment", "agreements"),
        metavar=_("KIND"),
        help=_("write a report of the closed year again, exactly as it was sent (with -o)"),
    )
    command.add_argument("--reason", metavar=_("TEXT"), default="", help=_("why the year is reopened"))
    command.add_argument(
        "--counterparty", metavar=_("NAME"), help=_("the counterparty of the agreements report")
    )
    command.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("the PDF file to write"))
    command.set_defaults(run=run_close_year)


def run_close_year(args: argparse.Namespace) -> int:
    from jarjestokeskus.domain.validation import ValidationFailed
    from jarjestokeskus.services import closed_years

    if args.reprint and args.output is None:
        print(_("Give the file to write with -o FILE."), file=sys.stderr)
        return USER_ERROR
    language = getattr(args, "lang", None) or i18n.current_language()
    reading = args.status or args.reprint
    db = open_existing(args) if reading else open_for_writing(args)
    try:
        if args.reopen:
            closed_years.reopen_year(db, args.year, args.reason)
            print(_("The year {year} was reopened.").format(year=args.year))
        elif args.status:
            _status(db, args.year)
        elif args.reprint:
            counterparty = _counterparty(db, args.counterparty) if args.reprint == "agreements" else None
            pdf = closed_years.reprint(db, args.year, args.reprint, language, counterparty)
            args.output.write_bytes(pdf)
            print(_("The report as sent was written to {path}.").format(path=args.output))
        else:
            with Progress(_("Building the reports…")) as progress:
                closing = closed_years.close_year(db, args.year, progress=progress)
            count = i18n.format_number(len(closing.reports), language)
            print(_("The year {year} was closed; reports kept: {count}").format(year=args.year, count=count))
    except ValidationFailed as failed:
        for error in failed.errors:
            print(error.message, file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        print(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=os_reason(error)),
            file=sys.stderr,
        )
        return USER_ERROR
    finally:
        db.close()
    return OK


def _status(db: Any, year_: int) -> None:
    from jarjestokeskus.services import closed_years

    closing = closed_years.closed_year(db, year_)
    if closing is None:
        raise closed_years.YearNotClosed(year_)
    print(
        _("The year {year} was closed on {date} by {user}.").format(
            year=year_, date=i18n.format_date(closing.closed_on), user=closing.closed_by
        )
    )
    changed = closed_years.changes_since_closing(db, year_)
    if not changed:
        print(_("The figures are as they were sent."))
        return
    print(_("These reports' figures have changed since they were sent:"))
    for row in changed:
        print(f"  {row.title}")


class NoSuchCounterparty(DatabaseProblem):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def user_message(self) -> str:
        return _("Name one counterparty with --counterparty NAME (no counterparty is called {name}).").format(
            name=self.name
        )


def _counterparty(db: Any, name: str | None) -> Any:
    from jarjestokeskus.services.agreements.report_data import find_counterparty

    found = find_counterparty(db, name or "")
    if found is None:
        raise NoSuchCounterparty(name or "")
    return found
