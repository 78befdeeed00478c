"""The command line's entry: the language, the parser with every command, and running one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from jarjestokeskus import __version__, i18n
from jarjestokeskus.cli.common import OK, USAGE, USER_ERROR
from jarjestokeskus.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on a user error, 2 on a usage error."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--version" in arguments[: arguments.index("--") if "--" in arguments else None]:
        print(f"jarjestokeskus {__version__}")  # as argparse would, without the database layer
        return OK
    from jarjestokeskus.cli.parser_texts import translate_argparse
    from jarjestokeskus.db.errors import DatabaseProblem

    i18n.set_language(choose_language(arguments))
    translate_argparse()
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:  # --help, --version and usage errors end here
        return exit_.code if isinstance(exit_.code, int) else (USAGE if exit_.code else OK)
    from jarjestokeskus.cli.maintenance import run_gui

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
    from jarjestokeskus.cli.maintenance import add_maintenance_commands

    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, parents=[shared], add_help=False
        )
        sub.set_defaults(run=run)
        return sub

    add_maintenance_commands(command)
    from jarjestokeskus.cli.person import add_person_command

    add_person_command(commands, shared)
    from jarjestokeskus.cli.calendar import add_calendar_command
    from jarjestokeskus.cli.close_year import add_close_year_command
    from jarjestokeskus.cli.export import add_export_command
    from jarjestokeskus.cli.imports import add_import_command
    from jarjestokeskus.cli.meeting import add_meeting_copy_command
    from jarjestokeskus.cli.report import add_report_command

    add_report_command(commands, shared)
    add_export_command(commands, shared)
    add_import_command(commands, shared)
    add_calendar_command(commands, shared)
    add_meeting_copy_command(commands, shared)
    from jarjestokeskus.cli.merge_back import add_merge_back_command

    add_merge_back_command(commands, shared)
    from jarjestokeskus.cli.fees import add_invoice_command

    add_invoice_command(commands, shared)
    from jarjestokeskus.cli.mailing import add_mailing_list_command

    add_mailing_list_command(commands, shared)
    from jarjestokeskus.cli.survey import add_survey_command

    add_survey_command(commands, shared)
    add_close_year_command(commands, shared)
    from jarjestokeskus.cli.events import add_events_command

    add_events_command(commands, shared)
    return parser
