"""A renamed organisation is shown by the name it had at a paper's date (issue 16): the 2024
ESF+ decision of today's "Etelä-Pohjanmaan elinvoimakeskus" was made by the ELY centre."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import FundingInstrument
from jarjestokeskus.domain.organisation import FormerNameForm, OrganisationForm
from jarjestokeskus.services.demo.scenario import create_demo
from jarjestokeskus.services.organisations.names import names_on, save_former_names
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.report_data import projects_year


def test_the_name_on_a_day_is_the_first_name_used_until_then_or_later(db: Database) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Uusi virasto", name_sv="Nytt verk")).id
    other = save_organisation(db, OrganisationForm(name_fi="Ei nimetty uudelleen")).id
    earlier = [
        FormerNameForm("Vanhin virasto", "Äldsta verket", valid_until="31.12.2019"),
        FormerNameForm("Vanha virasto", "Gamla verket", valid_until="31.12.2025"),
    ]
    save_former_names(db, org, earlier)
    days = [date(2018, 5, 1), date(2019, 12, 31), date(2020, 1, 1), date(2025, 12, 31), date(2026, 1, 1)]
    with db.reading() as session:
        found = names_on(session, {(org, day) for day in days} | {(other, date(2020, 1, 1))})
    assert [found.get((org, day)) for day in days] == [
        ("Vanhin virasto", "Äldsta verket"),
        ("Vanhin virasto", "Äldsta verket"),
        ("Vanha virasto", "Gamla verket"),
        ("Vanha virasto", "Gamla verket"),
        None,  # today's name
    ]
    assert (other, date(2020, 1, 1)) not in found


def test_the_2024_esf_decision_shows_the_ely_centre(db: Database) -> None:
    create_demo(db)
    with db.reading() as session:
        today = session.scalar(
            select(Organisation.name_fi).where(Organisation.name_fi.like("%elinvoimakeskus"))
        )
    assert today == "Etelä-Pohjanmaan elinvoimakeskus"
    (esf,) = [f for f in projects_year(db, 2024).fundings if f.instrument == FundingInstrument.ESF_PLUS]
    assert (esf.funder_name("fi"), esf.funder_name("sv")) == (
        "Etelä-Pohjanmaan ELY-keskus",
        "NTM-centralen i Södra Österbotten",
    )
