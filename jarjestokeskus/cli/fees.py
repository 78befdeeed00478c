"""Membership fees on a terminal: `invoice fees` (invoices and reminders as PDF) and `import payments`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR, Progress, open_existing, open_for_writing
from jarjestokeskus.i18n import _


def add_invoice_command(commands: Any, shared: argparse.ArgumentParser) -> None:
    """Register `invoice fees --year YEAR -o FOLDER [--reminders | --again]`."""
    text = _("membership-fee invoices and reminders as PDF files")
    parser = commands.add_parser("invoice", help=text, description=text, parents=[shared], add_help=False)
    kinds = parser.add_subparsers(dest="invoice_kind", title=_("what to invoice"), metavar=_("KIND"))
    parser.set_defaults(run=lambda _args: (parser.print_usage(sys.stderr), 2)[1])
    text = _("issue the year's membership-fee invoices to the members not invoiced yet, one PDF each")
    fees = kinds.add_parser("fees", help=text, description=text, parents=[shared], add_help=False)
    fees.add_argument("--year", type=int, required=True, metavar=_("YEAR"), help=_("the fees' year"))
    fees.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=_("FOLDER"),
        help=_("the folder for the PDF files"),
    )
    what = fees.add_mutually_exclusive_group()
    what.add_argument(
        "--reminders",
        action="store_true",
        help=_("remind of the invoices unpaid after their due date, with a new due date"),
    )
    what.add_argument("--again", action="store_true", help=_("print every invoice of the year again"))
    fees.set_defaults(run=run_invoice_fees)


def add_payments_import(kinds: Any, shared: argparse.ArgumentParser) -> None:
    """Register `import payments FILE [--dry-run]` under the `import` command."""
    text = _("mark fees paid from the bank's reference-payment file (camt.054 or camt.053)")
    payments = kinds.add_parser("payments", help=text, description=text, parents=[shared], add_help=False)
    payments.add_argument("file", metavar=_("FILE"), type=Path, help=_("the bank's XML file"))
    payments.add_argument(
        "--dry-run", action="store_true", help=_("check the file and show what would be done; save nothing")
    )
    payments.set_defaults(run=run_import_payments)


def run_invoice_fees(args: argparse.Namespace) -> int:
    from jarjestokeskus.reports.invoices import write_invoice_files
    from jarjestokeskus.services.fees.invoicing import (
        NoFeeTerms,
        NoHomeOrganisation,
        issue_invoices,
        list_invoices,
        plan_invoices,
        send_reminders,
        sender,
    )
    from jarjestokeskus.services.fees.terms import get_fee_year

    db = open_existing(args) if args.again else open_for_writing(args)
    try:
        terms = get_fee_year(db, args.year)
        if terms is None:
            raise NoFeeTerms(args.year)
        home = sender(db)
        if args.reminders:
            invoices = send_reminders(db, args.year)
        elif args.again:
            invoices = list_invoices(db, args.year)
        else:
            for item in plan_invoices(db, args.year).without_class:
                print(_("No fee class fits {name}: not invoiced.").format(name=item.name), file=sys.stderr)
            invoices = issue_invoices(db, args.year)
    except (NoFeeTerms, NoHomeOrganisation) as problem:
        print(problem.user_message(), file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    try:
        with Progress(_("Writing the invoices…")) as progress:
            write_invoice_files(
                invoices, terms, home, args.output, reminder=args.reminders, progress=progress
            )
    except OSError as error:
        from jarjestokeskus.db.errors import os_reason

        print(
            _("The files cannot be written to {folder}: {reason}").format(
                folder=args.output, reason=os_reason(error)
            ),
            file=sys.stderr,
        )
        return USER_ERROR
    if args.reminders:
        print(_("Reminders written: {count}").format(count=len(invoices)))
    else:
        print(_("Invoices written: {count}").format(count=len(invoices)))
    total = sum(invoice.open_amount for invoice in invoices)
    from jarjestokeskus.i18n import format_money

    print(_("Total: {amount}").format(amount=format_money(total)))
    return OK


def run_import_payments(args: argparse.Namespace) -> int:
    from jarjestokeskus.domain.fees import PaymentOutcome
    from jarjestokeskus.i18n import format_date, format_money
    from jarjestokeskus.services.fees.payments import NotAPaymentFile, import_payments

    db = open_existing(args) if args.dry_run else open_for_writing(args)
    try:
        result = import_payments(db, args.file, dry_run=args.dry_run)
    except NotAPaymentFile as problem:
        print(problem.user_message(), file=sys.stderr)
        return USER_ERROR
    finally:
        db.close()
    for line in result.lines:
        entry = line.entry
        outcome = line.outcome.label if line.outcome else _("imported earlier")
        print(
            "\t".join(
                (
                    format_date(entry.booked_on),
                    format_money(entry.amount),
                    entry.reference or "-",
                    str(line.invoice_number or "-"),
                    line.organisation or entry.payer,
                    outcome,
                )
            )
        )
    for outcome in PaymentOutcome:
        print(_("{outcome}: {count}").format(outcome=outcome.label, count=result.count(outcome)))
    print(_("Imported earlier: {count}").format(count=result.count(None)))
    if args.dry_run:
        print(_("Dry run: nothing was saved."))
    return OK
