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
    command.set_defaults(run=run_meeting_copy)


def run_meeting_copy(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import Progress, open_existing
    from jarjestokeskus.services.database.meeting_copy import suggested_file_name, take_meeting_copy

    target = args.output or Path.cwd() / suggested_file_name()
    db = open_existing(args)
    try:
        with Progress(_("Taking a copy for the meeting…")) as progress:
            made = take_meeting_copy(db, target, progress=progress)
    finally:
        db.close()
    print(_("The meeting copy was saved to {path}. It opens read-only.").format(path=made))
    return OK
