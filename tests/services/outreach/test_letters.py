"""Letters from templates: fields filled per member in its language, wrong fields named, PDFs and labels."""

from __future__ import annotations

import uuid
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.outreach import RecipientFilter
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.reports.letters import build_labels, build_letters
from jarjestokeskus.services.outreach.letters import TemplateForm, letters, save_template, templates
from tests.reports.pdf_text import pdf_pages
from tests.services.outreach.test_mailing import build_register

SENDER = ("Pohjanmaan Yhdistykset ry", "Österbottens Föreningar rf")
TODAY = date(2027, 2, 1)


@pytest.fixture
def ids(db: Database) -> dict[str, uuid.UUID]:
    return build_register(db)


def test_the_shipped_templates(db: Database) -> None:
    names = [t.name for t in templates(db)]
    assert names == [
        "Jäsenyyden vahvistus / Bekräftelse av medlemskap",
        "Kevätkokouskutsu / Kallelse till vårmötet",
    ]


def test_letters_filled_in_each_language(db: Database, ids: dict[str, uuid.UUID]) -> None:
    template = save_template(
        db,
        TemplateForm(
            "Testi",
            "Hei {organisation}",
            "Hej {organisation}",
            "Hyvä {contact_person}, maksu {fee} vuodelle {year}.",
            "Bästa {contact_person}, avgiften {fee} för {year}.",
        ),
    )
    got = letters(db, template, RecipientFilter(), SENDER, 2027, TODAY)
    by_org = {letter.organisation_id: letter for letter in got}
    assert len(got) == 4  # the members Aalto, Björkby, Cello and Eka; Delta resigned
    aalto = by_org[ids["aalto"]]
    assert (aalto.language, aalto.title) == ("fi", "Hei Aalto ry")
    # Aalto has no contact person: the chair Anna Aalto; no fee recorded for 2027: empty
    assert aalto.body == "Hyvä Anna Aalto, maksu  vuodelle 2027."
    bjork = by_org[ids["bjork"]]
    assert (bjork.language, bjork.title, bjork.body) == (
        "sv",
        "Hej Björkby förening rf",
        "Bästa Bo Berg, avgiften  för 2027.",
    )
    assert by_org[ids["cello"]].body == "Hyvä Cello ry, maksu  vuodelle 2027."  # nobody: the organisation


def test_unknown_fields_are_named(db: Database) -> None:
    with pytest.raises(ValidationFailed) as raised:
        save_template(db, TemplateForm("", "Hei {nimi}", "", "Maksu {fee", ""))
    fields = [e.field for e in raised.value.errors]
    assert fields == ["name", "title_fi", "body_fi"]
    assert "{nimi}" in raised.value.errors[1].message


def test_pdf_and_labels(db: Database, ids: dict[str, uuid.UUID]) -> None:
    template = templates(db)[1]  # the annual meeting invitation
    got = letters(db, template, RecipientFilter(), SENDER, 2027, TODAY)
    out = BytesIO()
    build_letters(got, SENDER, out, printed=TODAY)
    pages = pdf_pages(out.getvalue())
    assert len(pages) == 4
    assert "Kutsu kevätkokoukseen" in pages[0] and "Aalto ry" in pages[0] and "2026" in pages[0]
    assert "Kallelse till vårmötet" in pages[1] and "Österbottens Föreningar rf" in pages[1]
    labels = BytesIO()
    build_labels(got * 7, labels)  # 28 labels: two sheets of 24
    assert len(PdfReader(BytesIO(labels.getvalue())).pages) == 2
