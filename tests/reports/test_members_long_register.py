"""A member register of many pages: every member is in it once, in name order within its
municipality, each page has the table's header and "page x / y" (issue 18)."""

from __future__ import annotations

import re
from io import BytesIO

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import members as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import flat, pdf_pages

# 130 in Vaasa (three pages or more of one group), 40 in Laihia, 5 without a municipality.
PLACES = [("Vaasa", 130), ("Laihia", 40), ("", 5)]
LONG_NAME = "Pohjanmaan Mielenterveysseuran Omaishoitajien Vertaistukiryhmä {number} ry"
LONG_EMAIL = "vertaistuki.{number}@mielenterveys.example"


@pytest.fixture
def register(db: Database) -> Database:
    save_organisation(db, OrganisationForm(name_fi="Kattojärjestö ry"), is_home=True)
    number = 0
    for place, count in PLACES:
        for _ in range(count):
            number += 1
            long = number % 7 == 0  # wraps in its cell; the email is set in a smaller type
            form = OrganisationForm(
                name_fi=LONG_NAME.format(number=number) if long else f"Yhdistys {number:03d} ry",
                municipality=place,
                email=LONG_EMAIL.format(number=number) if long else f"info{number}@example.fi",
                membership_status=MembershipStatus.MEMBER,
                member_count=str(number),
            )
            save_organisation(db, form)
    return db


def test_every_member_once_and_every_page_numbered(register: Database) -> None:
    out = BytesIO()
    report.build_members(register, "fi", out)
    pages = pdf_pages(out.getvalue())
    text = " ".join(pages)
    assert len(pages) >= 4
    t = i18n.catalog("fi").gettext
    for number in range(1, 176):
        long = number % 7 == 0
        name = LONG_NAME.format(number=number) if long else f"Yhdistys {number:03d} ry"
        assert text.count(name) == 1, name
        if long:
            assert LONG_EMAIL.format(number=number) in text.replace(" ", "")
    for page_number, page in enumerate(pages, start=1):
        assert flat(t(PAGE).format(page=page_number, pages=len(pages))) in page
    # The table's header on every page the list runs on, in name order within each group.
    for page in pages[:-1]:
        assert flat(t(report.CONTACT)) in page
    short = [int(n) for n in re.findall(r"Yhdistys (\d{3}) ry", text)]
    vaasa = [n for n in short if n <= 130]
    assert vaasa == sorted(vaasa) and len(vaasa) == 130 - 130 // 7
    assert flat(t(report.GROUP_TOTAL).format(group="Vaasa")) in text
    assert flat(t(report.ORGANISATIONS).format(count="130")) in text
    total_members = sum(range(1, 176))
    assert flat(t(report.OVERALL_MEMBERS).format(count=i18n.format_number(total_members, "fi"))) in text
    # Municipality not given comes last, after Laihia and Vaasa.
    laihia = text.index(flat(t(report.GROUP_TOTAL).format(group="Laihia")))
    vaasa_total = text.index(flat(t(report.GROUP_TOTAL).format(group="Vaasa")))
    nowhere = text.index(flat(t(report.NO_MUNICIPALITY)))
    assert laihia < vaasa_total < nowhere
