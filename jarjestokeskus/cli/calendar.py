"""The `calendar` command: the deadlines and the year clock as an iCalendar (.ics) file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.cli.common import OK, USER_ERROR
from jarjestokeskus.cli.parser_texts import days
from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.i18n import _


def add_calendar_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `calendar` on the main parser's subcommands."""
    text = _(
        "write the deadlines and the year clock into an iCalendar file (.ics) for Outlook or Thunderbird"
    )
    calendar = commands.add_parser("calendar", help=text, description=text, parents=[shared], add_help=False)
    calendar.add_argument(
        "--days",
        type=days,
        default=365,
        metavar=_("DAYS"),
        help=_("how many days ahead the calendar reaches (default 365)"),
    )
    what = calendar.add_mutually_exclusive_group()
    what.add_argument(
        "--only-deadlines", action="store_true", help=_("leave the year clock out of the calendar")
    )
    what.add_argument(
        "--only-year-clock", action="store_true", help=_("leave the other deadlines out of the calendar")
    )
    calendar.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the .ics file to write")
    )
    calendar.set_defaults(run=run_calendar)


def run_calendar(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_existing
    from jarjestokeskus.db.migrate import current_revision, head_revision
    from jarjestokeskus.services.calendar.ical import write_calendar

    language = getattr(args, "lang", None) or i18n.current_language()
    db = open_existing(args)
    try:
        if current_revision(db.engine) != head_revision():
            # Opened read-only without an upgrade: an older schema has no year clock yet.
            print(
                _("The database has an older schema. Open it once in the program to upgrade it."),
                file=sys.stderr,
            )
            return USER_ERROR
        count = write_calendar(
            db,
            language,
            args.output,
            days=args.days,
            include_deadlines=not args.only_year_clock,
            include_year_clock=not args.only_deadlines,
        )
    except OSError as error:
        print(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=os_reason(error)),
            file=sys.stderr,
        )
        return USER_ERROR
    finally:
        db.close()
    print(_("Calendar entries written to {path}: {count}").format(path=args.output, count=count))
    return OK
