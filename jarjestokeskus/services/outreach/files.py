"""A mailing list as a file: addresses in BCC batches (text), a table for a newsletter service, vCards."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal

from jarjestokeskus.domain.outreach import MailingResult, batches, vcard
from jarjestokeskus.i18n import _
from jarjestokeskus.services.exports.files import ExportFailed, write_table

ListFormat = Literal["text", "csv", "vcf"]
LIST_FORMATS: tuple[ListFormat, ...] = ("text", "csv", "vcf")


def batch_text(result: MailingResult) -> str:
    """The addresses for the BCC field, at most 50 to a line (a message each)."""
    return "\n".join("; ".join(batch) for batch in batches(result.addresses))


def write_mailing_list(result: MailingResult, path: Path, format: ListFormat) -> None:
    """Write the recipients; the file is replaced only when it is whole. Raises ExportFailed."""
    if format == "csv":
        header = [_("Organisation"), _("Person"), _("Role"), _("Email")]
        rows = [
            [r.organisation, r.person, r.role.label if r.role else "", r.email] for r in result.recipients
        ]
        write_table(path, header, rows, "csv")
        return
    if format == "vcf":
        text = "\r\n".join(vcard(r) for r in result.recipients) + "\r\n"
    else:
        text = batch_text(result) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportFailed(path, error) from error
