"""Reference payments from the bank (ISO 20022 camt.054, or the camt.053 statement) onto fee invoices.

Each credited transaction is matched by its reference number to an invoice. The bank's archive id
of the transaction (AcctSvcrRef) is kept, so importing the same file again marks nothing twice.
The XML is read with defusedxml: a bank file is outside data and is never trusted to be benign.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as parse_xml
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import BankPayment, FeeInvoice, MembershipFee, Organisation
from jarjestokeskus.domain.fees import PaymentOutcome
from jarjestokeskus.domain.payments import compact
from jarjestokeskus.i18n import _

MAX_FILE_BYTES = 50 * 1024 * 1024


class NotAPaymentFile(Exception):
    """The file is not a camt.054/053 file this program can read."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason

    def user_message(self) -> str:
        return _("{file} is not a bank's payment file (camt.054 or camt.053): {reason}").format(
            file=self.path.name, reason=self.reason
        )


@dataclass(frozen=True)
class BankEntry:
    """One credited transaction as the bank reported it."""

    entry_reference: str
    reference: str
    amount: Decimal
    booked_on: date
    payer: str


@dataclass(frozen=True)
class PaymentLine:
    entry: BankEntry
    outcome: PaymentOutcome | None  # None: imported from an earlier file already
    invoice_number: int | None
    organisation: str


@dataclass(frozen=True)
class PaymentImport:
    lines: list[PaymentLine]
    written: bool

    def count(self, outcome: PaymentOutcome | None) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child.tag) == name)


def _find(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


def _text(element: Element | None, *path: str) -> str:
    found = _find(element, *path)
    return (found.text or "").strip() if found is not None else ""


def _walk(element: Element, name: str) -> Iterator[Element]:
    return (e for e in element.iter() if _local(e.tag) == name)


def _amount(text: str) -> Decimal:
    try:
        return Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def _date(entry: Element) -> date:
    text = (
        _text(entry, "BookgDt", "Dt") or _text(entry, "BookgDt", "DtTm")[:10] or _text(entry, "ValDt", "Dt")
    )
    return date.fromisoformat(text)


def read_payment_file(path: Path) -> list[BankEntry]:
    """The credited reference payments of a camt.054 or camt.053 file, transaction by transaction."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise NotAPaymentFile(path, _("the file is larger than 50 MB"))
        root = parse_xml(str(path)).getroot()
    except (ParseError, DefusedXmlException) as exc:
        raise NotAPaymentFile(path, _("the XML cannot be read")) from exc
    kind = _local(root.tag) if root is not None else ""
    document = next(iter(root), None) if kind == "Document" else None
    if document is None or _local(document.tag) not in ("BkToCstmrDbtCdtNtfctn", "BkToCstmrStmt"):
        raise NotAPaymentFile(path, _("no camt.054 notification or camt.053 statement in it"))
    entries: list[BankEntry] = []
    try:
        for entry in _walk(document, "Ntry"):
            if _text(entry, "CdtDbtInd") != "CRDT" or _text(entry, "RvslInd").lower() == "true":
                continue
            booked = _date(entry)
            details = list(_walk(entry, "TxDtls"))
            for index, tx in enumerate(details or [entry]):
                reference = _text(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref")
                archive = _text(tx, "Refs", "AcctSvcrRef") or (
                    f"{_text(entry, 'AcctSvcrRef') or _text(entry, 'NtryRef')}/{index + 1}"
                )
                amount_text = _text(tx, "AmtDtls", "TxAmt", "Amt") or _text(tx, "Amt") or _text(entry, "Amt")
                payer = _text(tx, "RltdPties", "Dbtr", "Nm") or _text(tx, "RltdPties", "Dbtr", "Pty", "Nm")
                entries.append(BankEntry(archive, compact(reference), _amount(amount_text), booked, payer))
    except ValueError as exc:
        raise NotAPaymentFile(path, _("an amount or a date cannot be read")) from exc
    return entries


def _match_key(reference: str) -> str:
    return compact(reference).lstrip("0")


def import_payments(db: Database, path: Path, *, dry_run: bool = False) -> PaymentImport:
    """Match the file's payments to invoices and, unless a dry run, record them in one transaction.

    A dry run reads only (a meeting copy or a register open elsewhere can be checked too).
    """
    entries = read_payment_file(path)
    context = db.reading() if dry_run else db.transaction()
    with context as session:
        known = set(session.scalars(select(BankPayment.entry_reference)))
        invoices = {
            _match_key(i.reference): i
            for i in session.scalars(select(FeeInvoice).where(FeeInvoice.archived_at.is_(None)))
        }
        paid = {invoice.id: invoice.paid_amount for invoice in invoices.values()}
        lines: list[PaymentLine] = []
        for entry in entries:
            invoice = invoices.get(_match_key(entry.reference)) if entry.reference else None
            org = session.get(Organisation, invoice.organisation_id) if invoice is not None else None
            name = (org.name_fi or org.name_sv) if org is not None else ""
            number = invoice.number if invoice is not None else None
            if entry.entry_reference in known:
                lines.append(PaymentLine(entry, None, number, name))
                continue
            known.add(entry.entry_reference)
            outcome = PaymentOutcome.UNKNOWN
            if invoice is not None:
                outcome = _outcome(invoice.amount - paid[invoice.id], entry.amount)
                paid[invoice.id] += entry.amount
            lines.append(PaymentLine(entry, outcome, number, name))
            if not dry_run:
                _record(session, invoice, entry, outcome, path.name)
    return PaymentImport(lines, written=not dry_run)


def _outcome(open_amount: Decimal, amount: Decimal) -> PaymentOutcome:
    if open_amount <= 0:
        return PaymentOutcome.AGAIN
    if amount < open_amount:
        return PaymentOutcome.PARTIAL
    return PaymentOutcome.PAID if amount == open_amount else PaymentOutcome.OVERPAID


def _record(  # type: ignore[no-untyped-def]
    session, invoice: FeeInvoice | None, entry: BankEntry, outcome: PaymentOutcome, source: str
) -> None:
    session.add(
        BankPayment(
            id=uuid.uuid4(),
            entry_reference=entry.entry_reference,
            reference=entry.reference,
            amount=entry.amount,
            booked_on=entry.booked_on,
            payer=entry.payer[:140],
            invoice_id=invoice.id if invoice is not None else None,
            outcome=outcome,
            source_file=source[:260],
        )
    )
    if invoice is None:
        return
    invoice.paid_amount = invoice.paid_amount + entry.amount
    if outcome in (PaymentOutcome.PAID, PaymentOutcome.OVERPAID):
        invoice.paid_on = entry.booked_on
        fee = session.get(MembershipFee, invoice.membership_fee_id) if invoice.membership_fee_id else None
        if fee is not None and fee.paid_on is None:
            fee.paid_on = entry.booked_on
