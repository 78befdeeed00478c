"""The command line's entry: the language, the parser (of the one command asked, or of every
command), and running one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from jarjestokeskus import __version__, i18n
from jarjestokeskus.cli.common import OK, USAGE, USER_ERROR
from jarjestokeskus.i18n import _

# The commands as --help lists them: the module of cli/ that adds them, its function, their names.
COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "maintenance",
        "add_maintenance_commands",
        ("gui", "demo", "check", "backup", "restore", "server-roles"),
    ),
    ("person", "add_person_command", ("person",)),
    ("report", "add_report_command", ("report",)),
    ("export", "add_export_command", ("export",)),
    ("imports", "add_import_command", ("import",)),
    ("calendar", "add_calendar_command", ("calendar",)),
    ("meeting", "add_meeting_copy_command", ("meeting-copy",)),
    ("merge_back", "add_merge_back_command", ("merge-back",)),
    ("fees", "add_invoice_command", ("invoice",)),
    ("mailing", "add_mailing_list_command", ("mailing-list",)),
    ("survey", "add_survey_command", ("survey",)),
    ("close_year", "add_close_year_command", ("close-year",)),
    ("events", "add_events_command", ("events",)),
)


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
    parser = build_parser(chosen_command(arguments))
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


def chosen_command(arguments: Sequence[str]) -> str | None:
    """The command `arguments` name, unless something before it (help, an option the scan does
    not know) needs the parser with every command; then None."""
    rest = iter(arguments)
    for argument in rest:
        if argument in ("--db", "--lang"):
            next(rest, None)
        elif not argument.startswith(("--db=", "--lang=")):
            known = not argument.startswith("-") and any(argument in names for *_, names in COMMANDS)
            return argument if known else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser, its texts in the current language; shared options work on either side of a
    command. With `only`, the parser of that one command: the others' modules are not loaded."""
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
    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, parents=[shared], add_help=False
        )
        sub.set_defaults(run=run)
        return sub

    for module, function, names in COMMANDS:
        if only is None or only in names:
            add = getattr(import_module(f"jarjestokeskus.cli.{module}"), function)
            if module == "maintenance":
                add(command)
            else:
                add(commands, shared)
    return parser
