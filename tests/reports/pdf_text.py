"""Helpers for the report tests: the demo database built once, and a PDF's text made comparable."""

from __future__ import annotations

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


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, flattened."""
    return [flat(page.extract_text()) for page in PdfReader(BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))
