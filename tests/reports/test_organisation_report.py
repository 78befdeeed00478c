"""The organisation card PDF on the demo data, in Finnish and Swedish, and with hostile text."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import organisation as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.organisations.report_data import (
    find_organisations_by_name,
    home_names,
    organisation_card,
)
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b> ry"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("organisation"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, organisation_id: uuid.UUID) -> bytes:
    out = BytesIO()
    report.build_organisation(db, language, out, organisation_id=organisation_id)
    return out.getvalue()


def the_one(db: Database, name: str) -> uuid.UUID:
    found = find_organisations_by_name(db, name)
    assert len(found) == 1
    return found[0][0]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_card_of_a_member(demo: Database, language: str) -> None:
    organisation_id = the_one(demo, "Vasanejdens närståendevårdare rf")  # any case, either language
    card = organisation_card(demo, organisation_id)
    assert card.detail.roles and card.detail.fees and card.agreements and card.projects
    pages = pdf_pages(build(demo, language, organisation_id))
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    for source in (report.DATA, report.PERSONS, report.FEES, report.AGREEMENTS, report.PROJECTS):
        assert flat(t(source)) in text
    assert flat(card.detail.name(language)) in pages[0]
    assert (home_names(demo)[1 if language == "sv" else 0]) in pages[0]
    for role in card.detail.roles:
        assert role.full_name in text
    total = sum(fee.amount for fee in card.detail.fees)
    assert flat(i18n.format_money(total, language)) in text
    for agreement in card.agreements:
        first = agreement.title_sv if language == "sv" and agreement.title_sv else agreement.title_fi
        assert flat(first) in text
    for project in card.projects:
        assert flat(project.name(language)) in text
    assert flat(t(PAGE).format(page=1, pages=len(pages))) in pages[0]


def test_card_of_the_city_lists_its_agreements(demo: Database) -> None:
    city = the_one(demo, "Vasa stad")
    card = organisation_card(demo, city)
    assert len(card.agreements) >= 5
    text = pdf_text(build(demo, "sv", city))
    assert "Vasa stad" in text
    for agreement in card.agreements:
        assert flat(agreement.title_sv or agreement.title_fi) in text


def test_hostile_text_prints_as_typed(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    saved = save_organisation(
        db,
        OrganisationForm(
            name_fi=HOSTILE,
            street_address="Kuja 1 & <2>",
            notes="x < y > z & \"w\" 'v'",
        ),
    )
    for language in ("fi", "sv"):  # no Swedish name: the Finnish one is the fallback
        text = pdf_text(build(db, language, saved.id))
        assert HOSTILE in text and "Kuja 1 & <2>" in text and "x < y > z & \"w\" 'v'" in text
        assert flat(i18n.catalog(language).gettext(report.NONE)) in text
