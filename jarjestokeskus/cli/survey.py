"""The `survey` command: the year's forms for the members, returned forms imported, who has answered."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR, Progress, open_existing, open_for_writing
from jarjestokeskus.i18n import _


def add_survey_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    text = _("the yearly survey of the member organisations for the welfare report")
    parser = commands.add_parser("survey", help=text, description=text, parents=[shared], add_help=False)
    actions = parser.add_subparsers(dest="survey_action", title=_("actions"), metavar=_("ACTION"))
    parser.set_defaults(run=lambda _args: (parser.print_usage(sys.stderr), 2)[1])
    text = _("write one fillable XLSX form per member organisation, in its language")
    forms = actions.add_parser("forms", help=text, description=text, parents=[shared], add_help=False)
    forms.add_argument("--year", type=int, required=True, metavar=_("YEAR"), help=_("the survey's year"))
    forms.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("FOLDER"), help=_("the folder for the forms")
    )
    forms.set_defaults(run=run_forms)
    text = _("import returned forms (each form knows its organisation and year)")
    imports = actions.add_parser("import", help=text, description=text, parents=[shared], add_help=False)
    imports.add_argument("files", nargs="+", type=Path, metavar=_("FILE"), help=_("the returned XLSX forms"))
    imports.set_defaults(run=run_import)
    text = _("who has answered the year's survey, and the addresses of those who have not")
    status = actions.add_parser("status", help=text, description=text, parents=[shared], add_help=False)
    status.add_argument("--year", type=int, required=True, metavar=_("YEAR"), help=_("the survey's year"))
    status.set_defaults(run=run_status)


def run_forms(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.errors import os_reason
    from jarjestokeskus.services.survey.forms import write_forms

    db = open_for_writing(args)  # the year's survey is made when it does not exist yet
    try:
        with Progress(_("Writing the forms…")) as progress:
            written = write_forms(db, args.year, args.output, progress)
    except OSError as error:
        print(
            _("The files cannot be written to {folder}: {reason}").format(
                folder=args.output, reason=os_reason(error)
            ),
            file=sys.stderr,
        )
        return USER_ERROR
    finally:
        db.close()
    print(_("Forms written: {count}").format(count=len(written)))
    return OK


def run_import(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.survey.forms import import_forms

    db = open_for_writing(args)
    try:
        outcomes = import_forms(db, None, args.files)
    finally:
        db.close()
    for outcome in outcomes:
        if outcome.stored:
            print(
                _("{file}: saved ({organisation})").format(
                    file=outcome.path.name, organisation=outcome.organisation
                )
            )
        for error in outcome.errors:
            print(f"{outcome.path.name}: {error}", file=sys.stderr)
    failed = sum(1 for o in outcomes if not o.stored)
    print(_("Forms saved: {saved}, not saved: {failed}").format(saved=len(outcomes) - failed, failed=failed))
    return USER_ERROR if failed else OK


def run_status(args: argparse.Namespace) -> int:
    from jarjestokeskus.i18n import current_language
    from jarjestokeskus.services.survey.responses import reminder_addresses, response_status

    db = open_existing(args)
    try:
        rows = response_status(db, args.year, current_language())
    finally:
        db.close()
    for row in rows:
        print(f"{row.state.label}\t{row.organisation}\t{row.municipality}")
    addresses = reminder_addresses(rows)
    if addresses:
        print(_("Not answered yet, to remind: {addresses}").format(addresses="; ".join(addresses)))
    return OK
