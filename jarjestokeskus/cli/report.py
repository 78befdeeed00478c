"""The `report` command: print a report (PDF) in Finnish or Swedish on a terminal."""

from __future__ import annotations

import argparse
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.cli.common import OK, USER_ERROR, without_garbage_collection
from jarjestokeskus.cli.parser_texts import days, year
from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.i18n import _
from jarjestokeskus.reports.catalogue import COUNTERPARTY, KINDS, ORGANISATION, ReportOptions

# The reports whose rows come from plain SQL (db.plain.reader): a file is read without SQLAlchemy.
PLAIN_SQL = frozenset({"members"})


class ReportProblem(Exception):
    """A user error: the message is shown as it is."""


def add_report_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `report KIND` on the main parser's subcommands."""
    text = _("write a report into a PDF file, in Finnish or Swedish")
    report = commands.add_parser("report", help=text, description=text, parents=[shared], add_help=False)
    report.add_argument(
        "kind",
        choices=tuple(KINDS),
        metavar=_("KIND"),
        help=_("the report: {kinds}").format(kinds=", ".join(KINDS)),
    )
    report.add_argument("--year", type=year, metavar=_("YYYY"), help=_("the year the report is about"))
    report.add_argument(
        "--organisation",
        metavar=_("NAME"),
        help=_("the organisation (its Finnish or Swedish name or abbreviation) of the organisation card"),
    )
    report.add_argument(
        "--counterparty",
        metavar=_("NAME"),
        help=_("the city or wellbeing services county whose agreements are reported"),
    )
    report.add_argument(
        "--group-by",
        choices=("municipality", "field"),
        default="municipality",
        help=_("group the member register by municipality (default) or by field"),
    )
    report.add_argument(
        "--without-names",
        action="store_true",
        help=_("leave persons' names out of the employment report (statistics only)"),
    )
    report.add_argument(
        "--days",
        type=days,
        default=30,
        metavar=_("DAYS"),
        help=_("how many days ahead the deadlines report looks (default 30)"),
    )
    area = report.add_mutually_exclusive_group()
    area.add_argument(
        "--municipality", metavar=_("NAME"), help=_("the welfare contribution of one municipality")
    )
    area.add_argument(
        "--county", metavar=_("NAME"), help=_("the welfare contribution of a wellbeing services county")
    )
    report.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the PDF file to write")
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Write the report, the garbage collector paused (a report's rows stay in its tables until
    the PDF is written: see `without_garbage_collection`)."""
    with without_garbage_collection():
        return _run_report(args)


def _run_report(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import Progress, open_existing, open_to_read
    from jarjestokeskus.reports.catalogue import build_report

    language = getattr(args, "lang", None) or i18n.current_language()
    buffer = BytesIO()
    db = open_to_read(args) if args.kind in PLAIN_SQL else open_existing(args)
    try:
        needs = KINDS[args.kind].needs
        options = ReportOptions(
            year=args.year,
            organisation_id=_organisation(db, args.organisation) if ORGANISATION in needs else None,
            counterparty_id=_counterparty(db, args.counterparty) if COUNTERPARTY in needs else None,
            group_by=args.group_by,
            without_names=args.without_names,
            days=args.days,
            area=args.county or args.municipality or "",
        )
        with Progress(_("Building the report…")) as progress:
            build_report(db, args.kind, language, buffer, options, progress)
    except ReportProblem as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    try:
        args.output.write_bytes(buffer.getvalue())
    except OSError as error:
        print(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=os_reason(error)),
            file=sys.stderr,
        )
        return USER_ERROR
    print(_("The report was written to {path}.").format(path=args.output))
    return OK


def _organisation(db: Any, name: str | None) -> Any:
    from jarjestokeskus.services.organisations.report_data import find_organisations_by_name

    if not name:
        raise ReportProblem(_("Name the organisation with --organisation NAME."))
    return _one(find_organisations_by_name(db, name), name)


def _counterparty(db: Any, name: str | None) -> Any:
    from jarjestokeskus.services.agreements.report_data import agreement_counterparties, find_counterparty
    from jarjestokeskus.services.organisations.report_data import find_organisations_by_name

    choices = agreement_counterparties(db)
    if not name:
        listed = "\n".join(f"  {fi or sv} / {sv or fi}" for _id, fi, sv in choices[:20])
        raise ReportProblem(
            _("Name the counterparty with --counterparty NAME. The counterparties:") + "\n" + listed
        )
    named = {found[0] for found in find_organisations_by_name(db, name)}
    exact = [choice for choice in choices if choice[0] in named]
    partial = find_counterparty(db, name)  # a unique part of a name is enough
    return _one(exact, name) if exact or partial is None else partial


def _one(found: list[tuple[Any, str, str]], name: str) -> Any:
    if not found:
        raise ReportProblem(_("No organisation is called {name}.").format(name=name))
    if len(found) > 1:
        lines = "\n".join(f"  {fi or sv} / {sv or fi}" for _id, fi, sv in found[:20])
        raise ReportProblem(_("Several organisations are called {name}:").format(name=name) + "\n" + lines)
    return found[0][0]
