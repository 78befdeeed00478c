"""Rows of the agreements report: which agreements, in what order, latest follow-up, in-kind value,
and the counterparties to choose from."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, MonitoringForm, PartyForm
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, MonitoringStatus, OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services.agreements.followup import add_monitoring_entry, in_kind_value
from jarjestokeskus.services.agreements.register import archive_agreement, save_agreement
from jarjestokeskus.services.agreements.report_data import (
    agreement_counterparties,
    agreement_report,
    agreements_in_force,
    find_counterparty,
)
from jarjestokeskus.services.organisations.register import save_organisation


@pytest.fixture
def orgs(db: Database) -> dict[str, uuid.UUID]:
    def org(fi: str, sv: str = "", kind: OrganisationKind = OrganisationKind.ASSOCIATION) -> uuid.UUID:
        return save_organisation(db, OrganisationForm(name_fi=fi, name_sv=sv, kind=kind)).id

    home = save_organisation(db, OrganisationForm(name_fi="Kattojärjestö ry"), is_home=True).id
    return {
        "home": home,
        "city": org("Vaasan kaupunki", "Vasa stad", OrganisationKind.MUNICIPALITY),
        "county": org(
            "Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde", OrganisationKind.WELLBEING_COUNTY
        ),
        "assoc": org("Ähtärin yhdistys ry"),
        "archived_only": org("Arkistoitu kumppani ry"),
        "nothing": org("Ei sopimuksia ry"),
    }


def _agreement(db: Database, orgs: dict[str, uuid.UUID], other: str, **changes: object) -> uuid.UUID:
    values: dict[str, object] = dict(
        kind=AgreementKind.FRAMEWORK_COOPERATION,
        title_fi="Puitesopimus",
        status=AgreementStatus.IN_FORCE,
        valid_from="1.1.2024",
        valid_to="31.12.2027",
        parties=[PartyForm(orgs[other], "vastapuoli"), PartyForm(orgs["home"], "sopijaosapuoli")],
    )
    values.update(changes)
    return save_agreement(db, AgreementForm(**values)).id  # type: ignore[arg-type]


def test_counterparties_leave_out_home_and_archived_agreements(
    db: Database, orgs: dict[str, uuid.UUID]
) -> None:
    _agreement(db, orgs, "city")
    _agreement(db, orgs, "county", title_fi="Palveluostot")
    _agreement(db, orgs, "assoc", title_fi="Tilat")
    archive_agreement(db, _agreement(db, orgs, "archived_only", title_fi="Vanha"))
    choices = agreement_counterparties(db)
    assert {c[0] for c in choices} == {orgs["city"], orgs["county"], orgs["assoc"]}
    names = [c[1] for c in choices]
    assert names == sorted(names, key=sort_key)
    assert names[-1] == "Ähtärin yhdistys ry"  # ä after z
    assert find_counterparty(db, "vasa STAD") == orgs["city"]
    assert find_counterparty(db, "hyvinvointi") == orgs["county"]
    assert find_counterparty(db, "ry") == orgs["assoc"]
    assert find_counterparty(db, "kaupunki x") is None
    assert find_counterparty(db, "a") is None  # several match
    assert find_counterparty(db, "  ") is None


def test_report_rows_order_year_follow_up_and_in_kind(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    framework = _agreement(
        db, orgs, "city", valid_from="1.1.2017", valid_to="31.12.2019", status=AgreementStatus.EXPIRED
    )
    newer = _agreement(db, orgs, "city", title_fi="Puitesopimus 2024")
    child = _agreement(
        db,
        orgs,
        "city",
        kind=AgreementKind.IMPLEMENTATION,
        title_fi="Toimeenpano",
        parent_id=newer,
        goals=[GoalForm(title_fi="Tavoite A"), GoalForm(title_fi="Tavoite B")],
    )
    premises = _agreement(
        db,
        orgs,
        "city",
        kind=AgreementKind.PREMISES,
        title_fi="Tilat",
        valid_from="1.7.2026",
        valid_to="",
        premises_free_of_charge=True,
        premises_estimated_value="36500",
    )
    draft = _agreement(db, orgs, "city", title_fi="Luonnos", status=AgreementStatus.DRAFT)
    archive_agreement(db, _agreement(db, orgs, "city", title_fi="Arkistossa"))
    _agreement(db, orgs, "county", title_fi="Muu vastapuoli")
    goal_a = next(
        g for g in agreement_report(db, orgs["city"], 2026).agreements if g.detail.id == child
    ).goals[0]
    for day, status in (("1.3.2026", MonitoringStatus.ON_TRACK), ("1.9.2026", MonitoringStatus.DELAYED)):
        add_monitoring_entry(db, MonitoringForm(goal_a.goal.id, day, status, "huom"), today=date(2026, 10, 1))

    everything = agreement_report(db, orgs["city"], today=date(2026, 5, 5))
    ids = [a.detail.id for a in everything.agreements]
    assert set(ids) == {framework, newer, child, premises, draft}
    assert ids.index(child) == ids.index(newer) + 1  # the implementation agreement under its framework
    assert ids[0] == framework  # oldest first
    assert {a.detail.id: a.level for a in everything.agreements}[child] == 1
    assert everything.in_kind_year == 2026 and everything.year is None
    assert everything.counterparty("sv") == "Vasa stad"

    in_2026 = agreement_report(db, orgs["city"], 2026)
    assert {a.detail.id for a in in_2026.agreements} == {newer, child, premises}  # no draft, no 2019
    implementation = next(a for a in in_2026.agreements if a.detail.id == child)
    latest = implementation.goals[0].latest
    assert latest is not None and latest.status == MonitoringStatus.DELAYED
    assert implementation.goals[1].latest is None
    assert in_2026.goal_statuses() == {MonitoringStatus.DELAYED: 1, None: 1}
    value = in_kind_value(Decimal("36500"), date(2026, 7, 1), None, 2026)
    assert value == Decimal("18400.00")
    assert in_2026.in_kind_total == value
    assert [a.in_kind for a in in_2026.agreements if a.detail.id == premises] == [value]
    assert agreement_report(db, orgs["city"], 2018).agreements[0].detail.id == framework
    assert agreement_report(db, orgs["nothing"]).agreements == ()
    with pytest.raises(RecordNotFound):
        agreement_report(db, uuid.uuid4())


def test_agreements_in_force_in_a_year(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    old = _agreement(
        db, orgs, "city", valid_from="1.1.2017", valid_to="31.12.2019", status=AgreementStatus.EXPIRED
    )
    new = _agreement(db, orgs, "county", valid_from="1.1.2026", valid_to="")
    _agreement(db, orgs, "city", status=AgreementStatus.NEGOTIATING)
    assert {r.id for r in agreements_in_force(db, 2018)} == {old}
    assert {r.id for r in agreements_in_force(db, 2030)} == {new}
    assert agreements_in_force(db, 2020) == []
