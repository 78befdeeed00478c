"""The `report` command: print a report (PDF) in Finnish or Swedish on a terminal."""

from __future__ import annotations

import argparse
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.i18n import _

OK, USER_ERROR = 0, 1
KINDS = ("members", "organisation")


class ReportProblem(Exception):
    """A user error: the message is shown as it is."""


def add_report_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `report KIND` on the main parser's subcommands."""
    text = _("write a report into a PDF file, in Finnish or Swedish")
    report = commands.add_parser("report", help=text, description=text, parents=[shared], add_help=False)
    report.add_argument(
        "kind",
        choices=KINDS,
        metavar=_("KIND"),
        help=_("the report: members or organisation"),
    )
    report.add_argument("--year", type=int, metavar=_("YYYY"), help=_("the year the report is about"))
    report.add_argument(
        "--organisation",
        metavar=_("NAME"),
        help=_("the organisation (its Finnish or Swedish name or abbreviation) of the organisation card"),
    )
    report.add_argument(
        "--group-by",
        choices=("municipality", "field"),
        default="municipality",
        help=_("group the member register by municipality (default) or by field"),
    )
    report.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the PDF file to write")
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli import _open_existing, _Progress

    language = getattr(args, "lang", None) or i18n.current_language()
    buffer = BytesIO()
    db = _open_existing(args)
    try:
        with _Progress(_("Building the report…")) as progress:
            if args.kind == "members":
                from jarjestokeskus.reports.members import build_members

                build_members(db, language, buffer, group_by=args.group_by, progress=progress)
            else:
                from jarjestokeskus.reports.organisation import build_organisation

                organisation_id = _organisation(db, args.organisation)
                build_organisation(db, language, buffer, organisation_id=organisation_id, progress=progress)
    except ReportProblem as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    try:
        args.output.write_bytes(buffer.getvalue())
    except OSError as error:
        print(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=error.strerror),
            file=sys.stderr,
        )
        return USER_ERROR
    print(_("The report was written to {path}.").format(path=args.output))
    return OK


def _organisation(db: Any, name: str | None) -> Any:
    from jarjestokeskus.services.report_data import find_organisations_by_name

    if not name:
        raise ReportProblem(_("Name the organisation with --organisation NAME."))
    found = find_organisations_by_name(db, name)
    if not found:
        raise ReportProblem(_("No organisation is called {name}.").format(name=name))
    if len(found) > 1:
        lines = "\n".join(f"  {fi or sv} / {sv or fi}" for _id, fi, sv in found[:20])
        raise ReportProblem(_("Several organisations are called {name}:").format(name=name) + "\n" + lines)
    return found[0][0]
