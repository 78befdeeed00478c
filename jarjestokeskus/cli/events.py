"""The `events` command: an event's participants into a CSV or XLSX file, feedback imported from
a web form's export, and old attendance lists reduced to counts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus import i18n
from jarjestokeskus.cli.common import OK, USER_ERROR
from jarjestokeskus.i18n import _


def add_events_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `events participants|feedback|reduce` on the main parser's subcommands."""
    text = _("events: export participants, import feedback, reduce old attendance lists to counts")
    events = commands.add_parser("events", help=text, description=text, parents=[shared], add_help=False)
    actions = events.add_subparsers(dest="events_action", title=_("actions"), metavar=_("ACTION"))
    events.set_defaults(run=lambda _args: events.print_usage(sys.stderr) or 2)
    text = _("write an event's participants into a CSV or XLSX file")
    export = actions.add_parser("participants", help=text, description=text, parents=[shared], add_help=False)
    export.add_argument("event", metavar=_("EVENT"), help=_("the event's title or identifier"))
    export.add_argument(
        "--to-share",
        action="store_true",
        help=_("a list to pass on: only those who consented to be listed, without email or needs"),
    )
    export.add_argument("--needs", action="store_true", help=_("include dietary and accessibility needs"))
    export.add_argument("--format", choices=("csv", "xlsx"), help=_("by default from the file's ending"))
    export.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the file to write")
    )
    export.set_defaults(run=run_participants)
    text = _("add the answers of a web form's export (CSV or XLSX) to an event's feedback")
    feedback = actions.add_parser("feedback", help=text, description=text, parents=[shared], add_help=False)
    feedback.add_argument("event", metavar=_("EVENT"), help=_("the event's title or identifier"))
    feedback.add_argument("file", metavar=_("FILE"), type=Path, help=_("the form's export"))
    feedback.add_argument(
        "--column",
        action="append",
        default=[],
        metavar=_("HEADING=FIELD"),
        help=_("what a column is where the guess is wrong: score, comment or none, e.g. Tilat=score"),
    )
    feedback.set_defaults(run=run_feedback)
    text = _("reduce the attendance lists of old events to counts")
    reduce = actions.add_parser("reduce", help=text, description=text, parents=[shared], add_help=False)
    reduce.add_argument(
        "--years", type=int, metavar=_("YEARS"), help=_("events that ended more than this many years ago")
    )
    reduce.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    reduce.set_defaults(run=run_reduce)


def run_participants(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_existing, table_format
    from jarjestokeskus.domain.validation import ValidationFailed
    from jarjestokeskus.services.events.participants import ParticipantsChoice, find_event, participants_table
    from jarjestokeskus.services.exports.files import ExportFailed, write_table

    language = getattr(args, "lang", None) or i18n.current_language()
    chosen = table_format(args)
    if chosen is None:
        return USER_ERROR
    db = open_existing(args)
    try:
        choice = ParticipantsChoice(own_use=not args.to_share, needs=args.needs)
        title, header, rows = participants_table(db, find_event(db, args.event), choice, language)
        written = write_table(args.output, header, rows, chosen, title)
    except ValidationFailed as failed:
        print("\n".join(e.message for e in failed.errors), file=sys.stderr)
        return USER_ERROR
    except ExportFailed as problem:
        print(problem.user_message(), file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    print(_("Rows written to {path}: {count}").format(path=args.output, count=written))
    return OK


def run_feedback(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_for_writing
    from jarjestokeskus.domain.validation import ValidationFailed
    from jarjestokeskus.services.events.feedback_import import (
        guess_feedback_columns,
        import_feedback,
        read_feedback_file,
    )
    from jarjestokeskus.services.events.participants import find_event
    from jarjestokeskus.services.organisations.import_files import ImportFileProblem

    try:
        table = read_feedback_file(args.file)
        kinds = _kinds(table.header, guess_feedback_columns(table), args.column)
    except (ImportFileProblem, ValueError) as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    db = open_for_writing(args)
    try:
        rows = import_feedback(db, find_event(db, args.event), table, kinds, args.file.name)
    except ValidationFailed as failed:
        print("\n".join(e.message for e in failed.errors), file=sys.stderr)
        print(_("Nothing was imported."), file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    for row in rows:
        average = "" if row.average is None else i18n.format_number(row.average)
        print(
            _("{question}: answers {answers}, average {average}").format(
                question=row.question, answers=row.answers, average=average or "–"
            )
        )
    return OK


def _kinds(header: tuple[str, ...], guessed: dict[int, str], columns: list[str]) -> dict[int, str]:
    """The guessed {column: kind} with the user's HEADING=score|comment|none over it."""
    from jarjestokeskus.services.events.feedback_import import COMMENT, SCORE

    kinds = dict(guessed)
    headings = [heading.strip().casefold() for heading in header]
    for choice in columns:
        heading, _sep, kind = choice.partition("=")
        kind = kind.strip()
        if kind not in (SCORE, COMMENT, "none"):
            fields = ", ".join((SCORE, COMMENT, "none"))
            raise ValueError(
                _("--column {choice}: FIELD is one of {fields}").format(choice=choice, fields=fields)
            )
        if heading.strip().casefold() not in headings:
            raise ValueError(
                _("--column {choice}: the file has no column {heading}").format(
                    choice=choice, heading=heading.strip()
                )
            )
        column = headings.index(heading.strip().casefold())
        kinds.pop(column, None)
        if kind != "none":
            kinds[column] = kind
    return kinds


def run_reduce(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_for_writing
    from jarjestokeskus.services.database.erased_copies import copies_failed_notice
    from jarjestokeskus.services.events.reduction import reduce_to_counts, reducible
    from jarjestokeskus.services.settings import load_settings

    years = args.years if args.years is not None else load_settings().attendance_years
    if years < 1:
        print(_("--years: at least 1"), file=sys.stderr)
        return USER_ERROR
    db = open_for_writing(args)
    try:
        found = reducible(db, years)
        if not found.events:
            print(
                _("No event that ended before {date} has an attendance list.").format(
                    date=i18n.format_date(found.cutoff)
                )
            )
            return OK
        question = _(
            "Reduce the attendance lists of events that ended before {date} to counts? Events: {events}; "
            "persons' registrations that go for good: {persons}. The figures stay the same."
        ).format(events=found.events, date=i18n.format_date(found.cutoff), persons=found.persons)
        if not args.yes:
            if not sys.stdin.isatty():
                print(question, file=sys.stderr)
                print(_("This cannot be undone: confirm it with --yes."), file=sys.stderr)
                return USER_ERROR
            if input(question + " [yes/no] ").strip().lower() not in {_("yes"), "yes", "y"}:
                print(_("Nothing was changed."))
                return USER_ERROR
        done = reduce_to_counts(db, years)
    finally:
        db.close()
    print(
        _("Attendance lists reduced to counts. Events: {events}; registrations removed: {persons}.").format(
            events=done.events, persons=done.persons
        )
    )
    if done.copies_failed:
        print(copies_failed_notice(done.copies_failed), file=sys.stderr)
    return OK
