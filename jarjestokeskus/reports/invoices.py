"""Membership-fee invoices and reminders as PDF: one A4 page each, in the member's own language.

The recipient's address sits where a C5/C65 window envelope shows it (left 20 mm, top 45 mm); the
payment details carry the bank barcode (virtuaaliviivakoodi) as Code 128 and as digits, and an EPC
QR code with the RF form of the reference, which Finnish banking apps read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from jarjestokeskus.domain.payments import (
    BarcodeInput,
    compact,
    format_iban,
    format_reference,
    rf_reference,
    virtual_barcode,
)
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import BOLD, FONT, Progress, ReportWriter
from jarjestokeskus.services.fees.invoicing import InvoiceRow, Sender
from jarjestokeskus.services.fees.terms import FeeYearRow

WIDTH, HEIGHT = A4
LEFT = 20 * mm
INVOICE, REMINDER = N_("INVOICE"), N_("PAYMENT REMINDER")
FEE_OF_YEAR = N_("Membership fee {year}")
NUMBER, DATE, DUE, REFERENCE = N_("Invoice number"), N_("Date"), N_("Due date"), N_("Reference number")
RECIPIENT_ID = N_("Business ID")
TOTAL, ALREADY_PAID, TO_PAY = N_("Total"), N_("Paid already"), N_("To pay")
REMINDER_TEXT = N_(
    "According to our records the invoice {number} of {date} is still unpaid. Please pay it by {due}. "
    "If you have paid it already, this reminder can be ignored."
)
ACCOUNT, BIC, PAYEE, AMOUNT = N_("Payee's account"), N_("BIC"), N_("Payee"), N_("Amount")
BARCODE = N_("Bank barcode")
QR_NOTE = N_("Scan with your banking app")


def epc_qr_text(payee: str, iban: str, bic: str, amount: object, reference: str) -> str:
    """The EPC069-12 "SEPA credit transfer" QR content, with the RF creditor reference."""
    rf = reference if reference.startswith("RF") else rf_reference(reference)
    return "\n".join(["BCD", "002", "1", "SCT", bic, payee[:70], compact(iban), f"EUR{amount}", "", rf, ""])


def build_invoices(
    invoices: Sequence[InvoiceRow],
    terms: FeeYearRow,
    sender: Sender,
    out: Path | BinaryIO,
    *,
    reminder: bool = False,
    printed: date | None = None,
    progress: Progress | None = None,
) -> None:
    """All `invoices` into one PDF, a page each, each in its own language."""
    canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=A4, pageCompression=1)
    canvas.setAuthor(sender.name("fi"))
    canvas.setCreator("Järjestökeskus")
    for index, invoice in enumerate(invoices, start=1):
        w = ReportWriter(invoice.language)
        _page(canvas, w, invoice, terms, sender, reminder, printed or date.today())
        canvas.showPage()
        if progress:
            progress(index, len(invoices))
    canvas.save()


def file_name(invoice: InvoiceRow) -> str:
    """The invoice's file: its number and the organisation's name (20270001-Aalto-ry.pdf)."""
    slug = re.sub(r"[^\w-]+", "-", invoice.name()).strip("-")[:40]
    return f"{invoice.number}-{slug}.pdf" if slug else f"{invoice.number}.pdf"


def write_invoice_files(
    invoices: Sequence[InvoiceRow],
    terms: FeeYearRow,
    sender: Sender,
    folder: Path,
    *,
    reminder: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """One PDF per invoice into `folder` (made when missing); returns the files. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, invoice in enumerate(invoices, start=1):
        path = folder / file_name(invoice)
        build_invoices([invoice], terms, sender, path, reminder=reminder)
        written.append(path)
        if progress:
            progress(index, len(invoices))
    return written


def _page(
    c: Canvas,
    w: ReportWriter,
    invoice: InvoiceRow,
    terms: FeeYearRow,
    sender: Sender,
    reminder: bool,
    printed: date,
) -> None:
    language = invoice.language
    top = HEIGHT - 18 * mm
    c.setFont(BOLD, 11)
    c.drawString(LEFT, top, sender.name(language))
    c.setFont(FONT, 8.5)
    lines = [sender.street_address, f"{sender.postal_code} {sender.post_office}".strip(), sender.email]
    lines.append(f"{w.text(RECIPIENT_ID)} {sender.business_id}" if sender.business_id else "")
    for offset, line in enumerate(x for x in lines if x):
        c.drawString(LEFT, top - (5 + offset * 4) * mm, line)

    # The recipient, in the envelope's window.
    c.setFont(FONT, 10.5)
    address = [invoice.name(), invoice.street_address, f"{invoice.postal_code} {invoice.post_office}".strip()]
    for offset, line in enumerate(x for x in address if x):
        c.drawString(LEFT, HEIGHT - (52 + offset * 5) * mm, line)

    # The invoice's own data, top right.
    x_label, x_value = 115 * mm, 152 * mm
    c.setFont(BOLD, 14)
    c.drawString(x_label, top, w.text(REMINDER if reminder else INVOICE))
    due = invoice.reminder_due_date if reminder and invoice.reminder_due_date else invoice.due_date
    pairs = [
        (w.text(NUMBER), str(invoice.number)),
        (w.text(DATE), w.date(invoice.reminded_on if reminder and invoice.reminded_on else printed)),
        (w.text(DUE), w.date(due)),
        (w.text(REFERENCE), format_reference(invoice.reference)),
        (w.text(RECIPIENT_ID), invoice.business_id),
    ]
    for offset, (label, value) in enumerate(p for p in pairs if p[1]):
        y = top - (8 + offset * 5) * mm
        c.setFont(FONT, 8.5)
        c.drawString(x_label, y, label)
        c.setFont(BOLD, 9)
        c.drawString(x_value, y, value)

    # The fee.
    y = HEIGHT - 95 * mm
    c.setFont(BOLD, 12)
    c.drawString(LEFT, y, w.text(FEE_OF_YEAR, year=invoice.year))
    c.setFont(FONT, 10)
    text = c.beginText(LEFT, y - 8 * mm)
    text.setFont(FONT, 10)
    body = terms.message(language)
    if reminder:
        body = w.text(REMINDER_TEXT, number=invoice.number, date=w.date(invoice.issued_on), due=w.date(due))
    for paragraph in body.splitlines():
        for line in _wrap(c, paragraph, FONT, 10, WIDTH - 2 * LEFT):
            text.textLine(line)
    c.drawText(text)
    rows_y = y - 40 * mm
    rows = [(w.text(FEE_OF_YEAR, year=invoice.year), w.money(invoice.amount))]
    if invoice.paid_amount:
        rows.append((w.text(ALREADY_PAID), w.money(-invoice.paid_amount)))
    rows.append((w.text(TO_PAY), w.money(invoice.open_amount)))
    c.setStrokeColor(colors.lightgrey)
    for offset, (label, value) in enumerate(rows):
        row_y = rows_y - offset * 6 * mm
        last = offset == len(rows) - 1
        c.setFont(BOLD if last else FONT, 10)
        c.drawString(LEFT, row_y, label)
        c.drawRightString(WIDTH - LEFT, row_y, value)
        if last:
            c.line(LEFT, row_y + 4.5 * mm, WIDTH - LEFT, row_y + 4.5 * mm)

    _payment_slip(c, w, invoice, terms, sender, due)


def _payment_slip(
    c: Canvas, w: ReportWriter, invoice: InvoiceRow, terms: FeeYearRow, sender: Sender, due: date
) -> None:
    """The payment details at the foot of the page: account, payee, reference, due date, sum, codes."""
    base = 62 * mm
    c.setStrokeColor(colors.black)
    c.setDash(3, 2)
    c.line(LEFT, base + 40 * mm, WIDTH - LEFT, base + 40 * mm)
    c.setDash()
    pairs = [
        (w.text(ACCOUNT), format_iban(terms.account_iban)),
        (w.text(BIC), terms.account_bic),
        (w.text(PAYEE), sender.name(invoice.language)),
        (w.text(REFERENCE), format_reference(invoice.reference)),
        (w.text(DUE), w.date(due)),
        (w.text(AMOUNT), w.money(invoice.open_amount)),
    ]
    for offset, (label, value) in enumerate(p for p in pairs if p[1]):
        y = base + (33 - offset * 5.5) * mm
        c.setFont(FONT, 8.5)
        c.drawString(LEFT, y, label)
        c.setFont(BOLD, 10)
        c.drawString(LEFT + 46 * mm, y, value)
    payment = BarcodeInput(terms.account_iban, invoice.open_amount, invoice.reference, due)
    digits = virtual_barcode(payment)
    barcode = code128.Code128(digits, barHeight=13 * mm, barWidth=0.27 * mm, quiet=True)
    barcode.drawOn(c, LEFT, base - 22 * mm)
    c.setFont(FONT, 7.5)
    c.drawString(LEFT, base - 26 * mm, f"{w.text(BARCODE)}: {digits}")
    qr = QrCodeWidget(
        epc_qr_text(
            sender.name(invoice.language),
            terms.account_iban,
            terms.account_bic,
            invoice.open_amount,
            invoice.reference,
        ),
        barLevel="M",
    )
    x1, y1, x2, y2 = qr.getBounds()
    size = 32 * mm
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, c, WIDTH - LEFT - size, base + 4 * mm)
    c.setFont(FONT, 7)
    c.drawCentredString(WIDTH - LEFT - size / 2, base + 2 * mm, w.text(QR_NOTE))


def _wrap(c: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if c.stringWidth(candidate, font, size) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line or not lines else lines
