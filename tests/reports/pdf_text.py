"""Helpers for the report tests: the demo database built once, and a PDF's text made comparable."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.demo.scenario import create_demo
from tests.databases import new_database


def demo_database(folder: Path, template: Path) -> Database:
    """A migrated copy of the template filled with the demo scenario."""
    db = new_database(folder, template, "demo.sqlite")
    create_demo(db)
    return db


def flat(text: str) -> str:
    """Runs of whitespace (line breaks, no-break spaces of babel's numbers) as one space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


# A word the report hyphenated at a line's end ("Toimeenpano-" / "sopimus"), not a hyphen the
# text has before a conjunction ("sosiaali- ja terveysala").
_HYPHENATED = re.compile(r"(\w)-\n ?(?!(?:ja|tai|sekä|och|eller)\b)(?=[a-zåäö])")


def unhyphenated(text: str) -> str:
    return _HYPHENATED.sub(r"\1", text)


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, words hyphenated at a line's end joined again, flattened."""
    return [flat(unhyphenated(page.extract_text())) for page in PdfReader(BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))
