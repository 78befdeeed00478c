"""The `meeting-copy` command: a read-only SQLite snapshot of the register for a meeting with no network."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jarjestokeskus.i18n import _

OK = 0


def add_meeting_copy_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `meeting-copy [-o FILE]` on the main parser's subcommands."""
    text = _("write a read-only copy of the database for a meeting with no network (a SQLite file)")
    command = commands.add_parser(
        "meeting-copy", help=text, description=text, parents=[shared], add_help=False
    )
    command.add_argument(
        "-o",
        "--output",
        metavar=_("FILE"),
        type=Path,
        help=_("the copy to write (default: a dated file in the current folder); an existing file is kept"),
    )
    command.add_argument(
        "--include",
        metavar=_("PARTS"),
        type=_parts,
        default=frozenset(),
        help=_(
            "add what a meeting copy leaves out, comma-separated: contacts (persons' emails and "
            "phones), staff (employment periods), documents, history (the change history)"
        ),
    )
    command.add_argument(
        "--notebook",
        action="store_true",
        help=_(
            "a notebook copy: attendance, registrations, event notes, the agendas and decisions of "
            "bodies' meetings and new contact-log entries can be written in it, and merge-back brings "
            "them into the register"
        ),
    )
    command.add_argument(
        "--recorder",
        metavar=_("NAME"),
        help=_("who records in the notebook, as the history names them (default: your user name)"),
    )
    command.set_defaults(run=run_meeting_copy)


def _parts(text: str) -> frozenset[str]:
    from jarjestokeskus.services.database.meeting_copy import INCLUDE_CHOICES

    parts = frozenset(p.strip() for p in text.split(",") if p.strip())
    unknown = sorted(parts - set(INCLUDE_CHOICES))
    if unknown:
        raise argparse.ArgumentTypeError(
            _("unknown part {part}; choose from {choices}").format(
                part=", ".join(unknown), choices=", ".join(INCLUDE_CHOICES)
            )
        )
    return parts


def run_meeting_copy(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import Progress, open_existing
    from jarjestokeskus.services.database.meeting_copy import suggested_file_name, take_meeting_copy

    target = args.output or Path.cwd() / suggested_file_name()
    db = open_existing(args)
    try:
        with Progress(_("Taking a copy for the meeting…")) as progress:
            made = take_meeting_copy(
                db,
                target,
                progress=progress,
                include=args.include,
                notebook=args.notebook,
                recorder=args.recorder,
            )
    finally:
        db.close()
    if args.notebook:
        print(
            _(
                "The notebook copy was saved to {path}. The meeting's parts can be written in it; "
                "bring it back with merge-back."
            ).format(path=made)
        )
        return OK
    print(_("The meeting copy was saved to {path}. It opens read-only.").format(path=made))
    return OK
