"""argparse's own texts (usage, option errors) in the chosen language, and option value types
whose errors are worded for the user: every usage error a message in Finnish or Swedish.

argparse looks its texts up with `gettext` of its own module at the time it prints them; the
command line points that lookup at the program's catalogue. The texts are listed here with N_
so that they are extracted and translated like every other message.
"""

from __future__ import annotations

import argparse

from jarjestokeskus import i18n
from jarjestokeskus.i18n import N_, _

FIRST_YEAR, LAST_YEAR = 1900, 2100
MOST_DAYS = 3660

ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("show this help message and exit"),
)


def translate_argparse() -> None:
    """argparse's texts through the program's catalogue, in the language chosen now."""
    argparse._ = lambda message: i18n.catalog(i18n.current_language()).gettext(message)  # type: ignore[attr-defined]


def year(text: str) -> int:
    """A year between FIRST_YEAR and LAST_YEAR, written as digits."""
    value = _whole(text)
    if value is None or not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a year: give a year from {first} to {last}").format(
                value=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return value


def days(text: str) -> int:
    """A number of days from 0 to MOST_DAYS."""
    value = _whole(text)
    if value is None or not 0 <= value <= MOST_DAYS:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a number of days: give a whole number from 0 to {most}").format(
                value=text, most=MOST_DAYS
            )
        )
    return value


def _whole(text: str) -> int | None:
    stripped = text.strip()
    if stripped.lstrip("-").isascii() and stripped.lstrip("-").isdigit():
        return int(stripped)
    return None
