"""The `mailing-list` command: the members a filter reaches, as BCC batches, a table or vCards."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR, open_existing, open_for_writing
from jarjestokeskus.domain.enums import Field, MembershipStatus, RoleKind, StaffProfile, WorkingLanguage
from jarjestokeskus.i18n import _


def add_mailing_list_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    text = _("the email addresses of the organisations or people a filter chooses")
    parser = commands.add_parser(
        "mailing-list", help=text, description=text, parents=[shared], add_help=False
    )
    many = {"action": "append", "default": []}
    parser.add_argument(
        "--status",
        choices=[s.value for s in MembershipStatus],
        help=_("membership status (default: member)"),
        **many,
    )
    parser.add_argument("--field", choices=[f.value for f in Field], help=_("field of activity"), **many)
    parser.add_argument("--municipality", metavar=_("NAME"), help=_("municipality"), **many)
    parser.add_argument(
        "--language", choices=[w.value for w in WorkingLanguage], help=_("working language"), **many
    )
    parser.add_argument(
        "--staff-profile", choices=[s.value for s in StaffProfile], help=_("staff profile"), **many
    )
    parser.add_argument(
        "--role",
        choices=[r.value for r in RoleKind],
        help=_("people in this role instead of the organisation"),
        **many,
    )
    parser.add_argument("--list", metavar=_("NAME"), help=_("a saved list instead of the filters"))
    parser.add_argument("--save", metavar=_("NAME"), help=_("save the filters as a list under this name"))
    parser.add_argument(
        "--format", choices=("text", "csv", "vcf"), default="text", help=_("the file's format")
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("FILE"), help=_("the file to write")
    )
    parser.add_argument(
        "--log", metavar=_("SUBJECT"), help=_("log a message with this subject as sent to each organisation")
    )
    parser.set_defaults(run=run_mailing_list)


def run_mailing_list(args: argparse.Namespace) -> int:
    from jarjestokeskus.domain.outreach import RecipientFilter
    from jarjestokeskus.domain.validation import ValidationFailed
    from jarjestokeskus.services.exports.files import ExportFailed
    from jarjestokeskus.services.outreach.contact_log import log_mailing
    from jarjestokeskus.services.outreach.files import write_mailing_list
    from jarjestokeskus.services.outreach.mailing import find_saved_list, recipients, save_list

    writing = bool(args.save or args.log)
    db = open_for_writing(args) if writing else open_existing(args)
    try:
        saved = find_saved_list(db, args.list) if args.list else None
        if args.list and saved is None:
            print(_("No saved list is called {name}.").format(name=args.list), file=sys.stderr)
            return USER_ERROR
        chosen = (
            saved.filters
            if saved is not None
            else RecipientFilter(
                statuses=tuple(MembershipStatus(s) for s in args.status) or (MembershipStatus.MEMBER,),
                fields=tuple(Field(f) for f in args.field),
                municipalities=tuple(args.municipality),
                languages=tuple(WorkingLanguage(w) for w in args.language),
                staff_profiles=tuple(StaffProfile(s) for s in args.staff_profile),
                roles=tuple(RoleKind(r) for r in args.role),
            )
        )
        try:
            if args.save:
                saved = save_list(db, args.save, chosen)
            result = recipients(db, chosen)
            write_mailing_list(result, args.output, args.format)
            if args.log:
                log_mailing(db, result.organisation_ids, args.log, date.today(), saved.id if saved else None)
        except ValidationFailed as failed:
            for error in failed.errors:
                print(error.message, file=sys.stderr)
            return USER_ERROR
        except ExportFailed as failed:
            print(failed.user_message(), file=sys.stderr)
            return USER_ERROR
    finally:
        db.close()
    print(_("Recipients: {count}").format(count=len(result.addresses)))
    for _id, name, why in result.without_address:
        print(
            _("No address: {organisation} ({reason})").format(organisation=name, reason=why), file=sys.stderr
        )
    return OK
