"""An event's sign-in sheet (in the event's language): the registered people and rows for walk-ins."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import CONTENT_WIDTH, ReportWriter, build_pdf
from jarjestokeskus.services.events.register import EventRow
from jarjestokeskus.services.events.registrations import RegistrationRow

TITLE = N_("Sign-in sheet")
WHEN, WHERE = N_("Date"), N_("Place")
NUMBER, NAME, ORGANISATION, SIGNATURE = N_("No."), N_("Name"), N_("Organisation"), N_("Signature")
REGISTERED = N_("Registered: {count}")
WALK_INS = 8  # empty rows for those who come without registering


def build_sign_in_sheet(
    event: EventRow,
    people: Sequence[RegistrationRow],
    home_names: tuple[str, str],
    out: Path | BinaryIO,
) -> None:
    w = ReportWriter(event.report_language)
    present = sorted(
        (p for p in people if p.status == RegistrationStatus.REGISTERED),
        key=lambda p: (p.last_name.casefold(), p.first_name.casefold()),
    )
    when = w.period(event.starts_on, event.ends_on) if event.ends_on else w.date(event.starts_on)
    if event.time_text:
        when = f"{when} {event.time_text}"
    story: list[Flowable] = [
        w.title(event.title(w.language)),
        w.fields([(w.text(WHEN), when), (w.text(WHERE), event.place)]),
        w.p(w.text(REGISTERED, count=len(present))),
    ]
    rows = [
        [str(i), f"{p.last_name} {p.first_name}".strip(), p.organisation, ""]
        for i, p in enumerate(present, 1)
    ]
    rows += [[str(len(present) + i), "", "", ""] for i in range(1, WALK_INS + 1)]
    widths = [12 * mm, 55 * mm, 55 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [w.text(NUMBER), w.text(NAME), w.text(ORGANISATION), w.text(SIGNATURE)]
    table = w.table(header, rows, widths)
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)])
    story.append(table)
    build_pdf(w, w.text(TITLE), home_names, story, out)
