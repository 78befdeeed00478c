"""The `person` command: export one person's data (JSON or PDF), erase (anonymise) a person, and
list the persons kept in no role."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jarjestokeskus.db.errors import os_reason
from jarjestokeskus.i18n import _

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

from jarjestokeskus.cli.common import OK, USER_ERROR


class PersonNotFound(Exception):
    pass


def add_person_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `person export` and `person erase` on the main parser's subcommands."""
    text = _("a person's data: export it or erase the person")
    person = commands.add_parser("person", help=text, description=text, parents=[shared], add_help=False)
    actions = person.add_subparsers(dest="person_action", title=_("actions"), metavar=_("ACTION"))
    person.set_defaults(run=lambda _args: _usage(person))
    text = _("write everything stored about a person into a JSON or PDF file")
    export = actions.add_parser("export", help=text, description=text, parents=[shared], add_help=False)
    export.add_argument("person", metavar=_("ID|NAME"), help=_("the person's identifier or name"))
    export.add_argument(
        "--format", choices=("json", "pdf"), default="json", help=_("the file's format (default: json)")
    )
    export.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path, required=True, help=_("the file to write")
    )
    export.set_defaults(run=run_export)
    text = _("erase (anonymise) a person; their periods stay in the statistics")
    erase = actions.add_parser("erase", help=text, description=text, parents=[shared], add_help=False)
    erase.add_argument("person", metavar=_("ID"), help=_("the person's identifier"))
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.set_defaults(run=run_erase)
    text = _("list the persons who are in no role and no employment (to erase those not needed)")
    unattached = actions.add_parser(
        "unattached", help=text, description=text, parents=[shared], add_help=False
    )
    unattached.set_defaults(run=run_unattached)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def _open(args: argparse.Namespace, *, write: bool) -> Database:
    from jarjestokeskus.cli.common import database_target
    from jarjestokeskus.db.engine import database_url, open_database, sqlite_path
    from jarjestokeskus.services.database.maintenance import require_database_file

    url = database_url(database_target(args))
    path = sqlite_path(url)
    if path is not None:
        require_database_file(path)
    return open_database(url) if write else open_database(url, migrate=False, read_only=True)


def _resolve(db: Database, text: str, *, by_name: bool) -> tuple[uuid.UUID, str]:
    from jarjestokeskus.db.errors import RecordNotFound
    from jarjestokeskus.services.staff.employment import find_persons, get_person

    try:
        person_id = uuid.UUID(text)
    except ValueError:
        if not by_name:
            raise PersonNotFound(_("Not a person's identifier: {text}").format(text=text)) from None
        found = find_persons(db, text)
        if not found:
            raise PersonNotFound(_("No person is called {name}.").format(name=text)) from None
        if len(found) > 1:
            lines = "\n".join(f"  {pid}  {name}" for pid, name in found[:20])
            raise PersonNotFound(
                _("Several persons match {name}; give the identifier:").format(name=text) + "\n" + lines
            ) from None
        return found[0]
    try:
        return person_id, get_person(db, person_id).name
    except RecordNotFound:
        raise PersonNotFound(_("No person has the identifier {id}.").format(id=person_id)) from None


def run_export(args: argparse.Namespace) -> int:
    from jarjestokeskus import i18n
    from jarjestokeskus.services.organisations.report_data import home_names
    from jarjestokeskus.services.person_data import export_person

    db = _open(args, write=False)
    try:
        person_id, name = _resolve(db, args.person, by_name=True)
        data = export_person(db, person_id)
        home = home_names(db)
    except PersonNotFound as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    try:
        if args.format == "pdf":
            from jarjestokeskus.reports.person_data import person_data_pdf

            args.output.write_bytes(person_data_pdf(data, i18n.current_language(), home))
        else:
            args.output.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as error:
        print(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=os_reason(error)),
            file=sys.stderr,
        )
        return USER_ERROR
    from jarjestokeskus.services.database.written_files import remember_written

    remember_written(db.path or db.url, args.output, "person-export")
    print(_("The data of {name} was written to {path}.").format(name=name, path=args.output))
    return OK


def run_erase(args: argparse.Namespace) -> int:
    from jarjestokeskus.db.errors import ReadOnlyDatabase
    from jarjestokeskus.services.person_data import erase_person

    db = _open(args, write=True)
    try:
        if db.read_only:
            raise ReadOnlyDatabase(db.holder.describe() if db.holder else "")
        try:
            person_id, name = _resolve(db, args.person, by_name=False)
        except PersonNotFound as problem:
            print(problem, file=sys.stderr)
            return USER_ERROR
        if not args.yes:
            if not sys.stdin.isatty():
                print(_("Erasing cannot be undone: confirm it with --yes."), file=sys.stderr)
                return USER_ERROR
            answer = input(
                _("Erase {name} for good? Their periods stay in the statistics. [yes/no] ").format(name=name)
            )
            if answer.strip().lower() not in {_("yes"), "yes", "y"}:
                print(_("Nothing was erased."))
                return USER_ERROR
        result = erase_person(db, person_id)
    finally:
        db.close()
    print(_("{name} was erased; their periods stay in the statistics.").format(name=name))
    print(_("Backups rewritten without the person: {count}").format(count=len(result.rewritten)))
    if result.failed:
        print(_("These backups could not be rewritten; delete them yourself:"), file=sys.stderr)
        for path in result.failed:
            print(f"  {path}", file=sys.stderr)
    if result.unreachable:
        print(
            _(
                "The program wrote these files earlier (backups saved elsewhere, meeting copies, "
                "exports). They may still hold the person's data; delete them yourself:"
            )
        )
        for path in result.unreachable:
            print(f"  {path}")
    return OK


def run_unattached(args: argparse.Namespace) -> int:
    from jarjestokeskus.services.person_data import persons_without_role

    db = _open(args, write=False)
    try:
        persons = persons_without_role(db)
    finally:
        db.close()
    for person in persons:
        print(f"{person.id}  {person.name}")
    if not persons:
        print(_("Every person has a role or an employment."))
    return OK
