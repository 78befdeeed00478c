"""The `merge-back` command: a meeting notebook's changes brought into the register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR
from jarjestokeskus.i18n import _, ngettext


def add_merge_back_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `merge-back FILE [--dry-run] [--take-notebook | --keep-register]`."""
    text = _("bring a meeting notebook's changes into the register (matched by record and version)")
    command = commands.add_parser(
        "merge-back",
        help=text,
        description=text,
        epilog=_(
            "A record changed in the register since the notebook was taken is a conflict: it is "
            "listed, and merged only when --take-notebook or --keep-register decides it. Either way "
            "the side not taken stays in the history. Bringing the same notebook back again changes "
            "nothing."
        ),
        parents=[shared],
        add_help=False,
    )
    command.add_argument("file", metavar=_("FILE"), type=Path, help=_("the notebook copy"))
    command.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, and change nothing")
    )
    sides = command.add_mutually_exclusive_group()
    sides.add_argument(
        "--take-notebook",
        action="store_true",
        help=_("decide every conflict for the notebook: its changes replace the register's values"),
    )
    sides.add_argument(
        "--keep-register",
        action="store_true",
        help=_("decide every conflict for the register: the notebook's changes go into the history only"),
    )
    command.set_defaults(run=run_merge_back)


def _value(entity: str, key: str, value: object) -> str:
    from jarjestokeskus.services.history.fields import format_value

    return format_value(entity, key, value)


def print_plan(plan: Any) -> None:
    from jarjestokeskus.services.history.fields import entity_label, field_label

    for item in plan.items:
        what = _("{record}: {name}").format(record=entity_label(item.entity), name=item.name)
        if item.new:
            print(_("new  {what}").format(what=what))
        elif item.conflict:
            print(_("CONFLICT  {what} (changed in the register since the copy was taken)").format(what=what))
        else:
            print(_("changed  {what}").format(what=what))
        for d in item.differences:
            field = field_label(item.entity, d.key)
            if item.new:
                print(
                    "    "
                    + _("{field}: {value}").format(field=field, value=_value(item.entity, d.key, d.notebook))
                )
            else:
                print(
                    "    "
                    + _("{field}: register {register}, notebook {notebook}").format(
                        field=field,
                        register=_value(item.entity, d.key, d.register),
                        notebook=_value(item.entity, d.key, d.notebook),
                    )
                )
    if plan.already_merged:
        print(_("Already brought back before: {count}").format(count=plan.already_merged))
    if not plan.items:
        print(_("Nothing to bring back."))


def run_merge_back(args: argparse.Namespace) -> int:
    from jarjestokeskus.cli.common import open_existing, open_for_writing
    from jarjestokeskus.services.database.merge_back import Decision, merge_back, plan_merge

    if args.dry_run:
        db = open_existing(args)
        try:
            plan = plan_merge(db, args.file)
        finally:
            db.close()
        print_plan(plan)
        print(_("Dry run: nothing was changed."))
        return OK
    otherwise = Decision.NOTEBOOK if args.take_notebook else Decision.REGISTER if args.keep_register else None
    db = open_for_writing(args)
    try:
        plan = plan_merge(db, args.file)
        print_plan(plan)
        result = merge_back(db, args.file, otherwise=otherwise)
    finally:
        db.close()
    print(
        _("Brought back: {created} new, {updated} changed, {not_taken} kept as in the register.").format(
            created=result.created, updated=result.updated, not_taken=result.not_taken
        )
    )
    if result.undecided:
        print(
            ngettext(
                "{count} conflict was not merged: decide it with --take-notebook or --keep-register "
                "(or in the window: File, Bring back a meeting copy).",
                "{count} conflicts were not merged: decide them with --take-notebook or --keep-register "
                "(or in the window: File, Bring back a meeting copy).",
                result.undecided,
            ).format(count=result.undecided),
            file=sys.stderr,
        )
        return USER_ERROR
    return OK
