"""Long texts (notes, descriptions, commitments of more than 5,000 characters) flow across pages
in the reports instead of stopping the report."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, PartyForm
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports.agreements import build_agreements
from jarjestokeskus.reports.organisation import build_organisation
from jarjestokeskus.services.agreements.register import save_agreement
from jarjestokeskus.services.agreements.report_data import find_counterparty
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import demo_database, pdf_pages

SENTENCES = 120  # about 9,700 characters: more than a page in a table cell


def long_text(word: str) -> str:
    return " ".join(
        f"{word} {n} käsiteltiin jäsenyhdistysten tila- ja avustusasioita." for n in range(SENTENCES)
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_long_notes_and_descriptions_flow_across_pages(
    tmp_path: Path, migrated_template: Path, language: str
) -> None:
    db = demo_database(tmp_path, migrated_template)
    try:
        notes = long_text("Muistio")
        assert len(notes) > 5000
        org = save_organisation(db, OrganisationForm(name_fi="Pitkät muistiinpanot ry", notes=notes))
        out = BytesIO()
        build_organisation(db, language, out, organisation_id=org.id)
        pages = pdf_pages(out.getvalue())
        assert len(pages) >= 2
        assert all(f"Muistio {n} " in " ".join(pages) for n in range(SENTENCES))
        city = find_counterparty(db, "Vaasan kaupunki")
        assert city is not None
        save_agreement(
            db,
            AgreementForm(
                kind=AgreementKind.IMPLEMENTATION,
                title_fi="Pitkä sopimus",
                status=AgreementStatus.IN_FORCE,
                valid_from="1.1.2026",
                description=long_text("Kuvaus"),
                parties=[PartyForm(city)],
                goals=[GoalForm(title_fi="Pitkä tavoite", our_commitment=long_text("Sitoumus"))],
            ),
        )
        out = BytesIO()
        build_agreements(db, language, out, counterparty_id=city, year=2026)
        text = " ".join(pdf_pages(out.getvalue()))
        assert all(f"Kuvaus {n} " in text and f"Sitoumus {n} " in text for n in range(SENTENCES))
    finally:
        db.close()
