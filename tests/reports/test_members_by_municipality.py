"""The member register groups by the register's municipality, named in the report's language:
"Korsholm" and "Mustasaari" are one group (issue 16)."""

from __future__ import annotations

from io import BytesIO

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import members as report
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    list_organisations,
    municipalities,
    save_organisation,
)
from tests.reports.pdf_text import flat, pdf_text

PLACES = {
    "Korsholms Sjöräddare rf": "Korsholm",
    "Mustasaaren Eläkkeensaajat ry": "mustasaari ",
    "Vasa Kör rf": "vasa",
}


@pytest.fixture
def members(db: Database) -> Database:
    save_organisation(db, OrganisationForm(name_fi="Kattojärjestö ry"), is_home=True)
    for name, place in PLACES.items():
        form = OrganisationForm(name_fi=name, municipality=place, membership_status=MembershipStatus.MEMBER)
        save_organisation(db, form)
    return db


@pytest.mark.parametrize(
    ("language", "korsholm", "other"), [("sv", "Korsholm", "Mustasaari"), ("fi", "Mustasaari", "Korsholm")]
)
def test_korsholm_and_mustasaari_are_one_group(
    members: Database, language: str, korsholm: str, other: str
) -> None:
    out = BytesIO()
    report.build_members(members, language, out)
    text = pdf_text(out.getvalue())
    t = i18n.catalog(language).gettext
    assert flat(t(report.GROUP_TOTAL).format(group=korsholm)) in text
    assert flat(t(report.GROUP_TOTAL).format(group=other)) not in text
    two = flat(t(report.ORGANISATIONS).format(count=i18n.format_number(2, language)))
    assert two in text  # both organisations in the one group
    vaasa = "Vasa" if language == "sv" else "Vaasa"
    assert flat(t(report.GROUP_TOTAL).format(group=vaasa)) in text


def test_the_filter_knows_either_name(members: Database) -> None:
    assert municipalities(members) == ["Mustasaari", "Vaasa"]  # in the window's language (fi)
    found = list_organisations(members, OrganisationQuery(municipality="KORSHOLM"))
    assert sorted(r.name_fi for r in found) == ["Korsholms Sjöräddare rf", "Mustasaaren Eläkkeensaajat ry"]
