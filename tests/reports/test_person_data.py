"""The person-data PDF: a real PDF, in the language asked for, with ä, ö and å intact."""

from __future__ import annotations

import uuid
from io import BytesIO

import pytest
from pypdf import PdfReader

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports.person_data import TEXTS, person_data_pdf
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.person_data import export_person
from jarjestokeskus.services.staff.employment import save_person


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def person(db: Database) -> uuid.UUID:
    save_organisation(
        db,
        OrganisationForm(name_fi="Pohjanmaan Yhdistykset ry", name_sv="Österbottens Föreningar rf"),
        is_home=True,
    )
    form = PersonForm(
        "Åsa",
        "Öhman-Mäkelä",
        "asa@example.fi",
        employments=[
            EmploymentForm(
                EmploymentScheme.WORK_TRIAL,
                "Työkokeilija",
                "3.3.2025",
                "29.8.2025",
                days_per_week="4",
                hours_per_day="6",
            )
        ],
    )
    return save_person(db, form).id


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_pdf_in_the_chosen_language(db: Database, person: uuid.UUID, language: str) -> None:
    pdf = person_data_pdf(export_person(db, person), language)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    t = i18n.catalog(language).gettext
    for key in ("title", "person", "employments", "history"):
        assert t(TEXTS[key]) in text
    assert "Åsa" in text and "Öhman-Mäkelä" in text
    assert t("Work trial") in text
    assert "3.3.2025" in text
    home = "Österbottens Föreningar rf" if language == "sv" else "Pohjanmaan Yhdistykset ry"
    assert home in text.replace("\n", " ")


def test_report_language_does_not_follow_the_ui(db: Database, person: uuid.UUID) -> None:
    i18n.set_language("fi")
    swedish = text_of(person_data_pdf(export_person(db, person), "sv"))
    assert i18n.catalog("sv").gettext("Work trial") in swedish
    assert i18n.current_language() == "fi"


def test_empty_sections(db: Database) -> None:
    from jarjestokeskus.db.models import Person

    with db.transaction() as session:
        session.add(Person(id=(pid := uuid.uuid4()), first_name="Pia"))
    text = text_of(person_data_pdf(export_person(db, pid), "fi"))
    assert i18n.catalog("fi").gettext(TEXTS["none"]) in text
