"""Agreements on a temporary database: tree, search, renewal, conditions, in-kind value, follow-up, documents."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database, data_dir
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import Agreement, AgreementGoal, AgreementParty, Funding, Project
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, MonitoringForm, PartyForm
from jarjestokeskus.domain.enums import (
    AgreementKind,
    AgreementStatus,
    FundingInstrument,
    MonitoringStatus,
    OrganisationKind,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.agreements.documents import (
    attach_document,
    document_path,
    list_documents,
    remove_document,
)
from jarjestokeskus.services.agreements.followup import (
    add_monitoring_entry,
    follow_up,
    in_kind_totals,
    in_kind_value,
)
from jarjestokeskus.services.agreements.register import (
    AgreementQuery,
    agreement_history,
    agreement_tree,
    archive_agreement,
    get_agreement,
    list_agreements,
    renew_agreement,
    save_agreement,
)
from jarjestokeskus.services.agreements.rows import FundingState
from jarjestokeskus.services.organisations.register import save_organisation


@pytest.fixture
def orgs(db: Database) -> dict[str, uuid.UUID]:
    return {
        "city": save_organisation(
            db,
            OrganisationForm(
                name_fi="Vaasan kaupunki", name_sv="Vasa stad", kind=OrganisationKind.MUNICIPALITY
            ),
        ).id,
        "us": save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Yhdistykset")).id,
        "assoc": save_organisation(db, OrganisationForm(name_fi="Muistiyhdistys")).id,
    }


def _framework(db: Database, orgs: dict[str, uuid.UUID], **changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = dict(
        kind=AgreementKind.FRAMEWORK_COOPERATION,
        title_fi="Yhteistyösopimus 2014–2016",
        title_sv="Samarbetsavtal 2014–2016",
        status=AgreementStatus.IN_FORCE,
        valid_from="1.1.2014",
        valid_to="31.12.2016",
        renewal_notice_date="30.6.2016",
        parties=[
            PartyForm(orgs["city"], "Kaupunki", "Kaupunginjohtaja"),
            PartyForm(orgs["us"], "Järjestökeskus"),
        ],
        goals=[
            GoalForm(
                title_fi="Kohtaamispaikka",
                our_commitment="Ylläpidämme järjestötaloa",
                counterparty_commitment="Kaupunki antaa tilat maksutta",
                indicator="kävijämäärä",
                follow_up_method="vuosiraportti",
            )
        ],
    )
    values.update(changes)
    return save_agreement(db, AgreementForm(**values))  # type: ignore[arg-type]


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_save_and_read_back(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = _framework(db, orgs)
    again = get_agreement(db, detail.id)
    assert again.title_sv == "Samarbetsavtal 2014–2016"
    assert {p.name_fi for p in again.parties} == {"Vaasan kaupunki", "Pohjanmaan Yhdistykset"}
    assert again.goals[0].counterparty_commitment == "Kaupunki antaa tilat maksutta"
    assert agreement_history(db, detail.id)


def test_the_tree_hangs_implementation_agreements_under_their_framework(
    db: Database, orgs: dict[str, uuid.UUID]
) -> None:
    framework = _framework(db, orgs)
    child = _framework(
        db, orgs, kind=AgreementKind.IMPLEMENTATION, title_fi="Toimeenpano", parent_id=framework.id
    )
    other = _framework(db, orgs, kind=AgreementKind.PREMISES, title_fi="Tilat", goals=[])
    tree = agreement_tree(list_agreements(db))
    assert [n.row.id for n in tree] == [framework.id, other.id] or {n.row.id for n in tree} == {
        framework.id,
        other.id,
    }
    top = next(n for n in tree if n.row.id == framework.id)
    assert [c.row.id for c in top.children] == [child.id]
    with pytest.raises(ValidationFailed):
        _framework(db, orgs, kind=AgreementKind.IMPLEMENTATION, title_fi="Väärä", parent_id=other.id)


def test_search_finds_goal_text_commitments_and_parties(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    framework = _framework(db, orgs)
    _framework(db, orgs, title_fi="Muu", title_sv="Annat", parties=[PartyForm(orgs["assoc"])], goals=[])

    def ids(**query: object) -> set[uuid.UUID]:
        return {r.id for r in list_agreements(db, AgreementQuery(**query))}  # type: ignore[arg-type]

    assert ids(text="järjestötaloa") == {framework.id}  # our commitment
    assert ids(text="maksutta") == {framework.id}  # the city's commitment
    assert ids(text="kävijämäärä") == {framework.id}  # indicator
    assert ids(text="kaupunki") == {framework.id}  # a party's name
    assert ids(text="vasa stad") == {framework.id}  # a party's Swedish name
    assert ids(counterparty_id=orgs["assoc"]) != {framework.id}
    assert ids(year=2015) == ids(year=2016) and framework.id in ids(year=2015)
    assert framework.id not in ids(year=2017)
    assert ids(kind=AgreementKind.PREMISES) == set()
    assert framework.id in ids(status=AgreementStatus.IN_FORCE)


def test_renewal_links_the_predecessor_and_carries_the_goals(
    db: Database, orgs: dict[str, uuid.UUID]
) -> None:
    old = _framework(db, orgs)
    new = renew_agreement(db, old.id)
    assert new.predecessor_id == old.id and new.id != old.id
    assert new.status == AgreementStatus.DRAFT
    assert (new.valid_from, new.valid_to) == (date(2017, 1, 1), date(2019, 12, 31))
    assert new.renewal_notice_date == date(2019, 6, 30)
    assert [g.our_commitment for g in new.goals] == [g.our_commitment for g in old.goals]
    assert {g.id for g in new.goals}.isdisjoint({g.id for g in old.goals})
    assert {p.organisation_id for p in new.parties} == {p.organisation_id for p in old.parties}
    assert get_agreement(db, old.id).goals == old.goals  # the old one is untouched


def test_a_stale_save_is_refused(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = _framework(db, orgs)
    save_agreement(db, AgreementForm(title_fi="Uusi nimi"), detail.id, detail.version)
    with pytest.raises(StaleRecord):
        save_agreement(db, AgreementForm(title_fi="Vanha lomake"), detail.id, detail.version)
    assert get_agreement(db, detail.id).title_fi == "Uusi nimi"


def test_a_change_to_a_goal_moves_the_version(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = _framework(db, orgs, goals=[GoalForm(title_fi="A")])
    form = AgreementForm(
        kind=detail.kind,
        title_fi=detail.title_fi,
        title_sv=detail.title_sv,
        status=detail.status,
        valid_from="1.1.2014",
        valid_to="31.12.2016",
        renewal_notice_date="30.6.2016",
        parties=[PartyForm(p.organisation_id, p.role, p.signatory, p.id) for p in detail.parties],
        goals=[GoalForm(title_fi="B", goal_id=detail.goals[0].id)],
    )
    saved = save_agreement(db, form, detail.id, detail.version)
    assert saved.version > detail.version and saved.goals[0].title_fi == "B"


def test_validation_saves_nothing(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    with pytest.raises(ValidationFailed):
        _framework(db, orgs, valid_to="1.1.2000", goals=[GoalForm(title_fi="x")])
    assert _count(db, Agreement) == _count(db, AgreementGoal) == _count(db, AgreementParty) == 0


def _funding(db: Database, orgs: dict[str, uuid.UUID], **values: object) -> uuid.UUID:
    with db.transaction() as session:
        project = Project(id=uuid.uuid4(), code="P", name_fi="Hanke", owner_id=orgs["us"])
        session.add(project)
        session.flush()
        funding = Funding(
            id=uuid.uuid4(), project_id=project.id, instrument=FundingInstrument.STEA_C, year=2026, **values
        )
        session.add(funding)
        session.flush()
        return funding.id


@pytest.mark.parametrize(
    ("values", "state"),
    [
        ({}, FundingState.WAITING),
        ({"amount_granted": Decimal("50000")}, FundingState.BORN),
        ({"decision_date": date(2026, 12, 1), "amount_granted": Decimal(0)}, FundingState.NOT_BORN),
    ],
)
def test_a_conditional_agreement_shows_whether_it_was_born(
    db: Database, orgs: dict[str, uuid.UUID], values: dict[str, object], state: FundingState
) -> None:
    funding_id = _funding(db, orgs, **values)
    detail = _framework(db, orgs, kind=AgreementKind.PROJECT, conditional_on_funding_id=funding_id)
    assert detail.funding_state == state
    assert _framework(db, orgs).funding_state is None


def test_in_kind_value_is_prorated_by_days() -> None:
    assert in_kind_value(Decimal("36500"), date(2026, 1, 1), date(2026, 12, 31), 2026) == Decimal("36500.00")
    assert in_kind_value(Decimal("36500"), date(2026, 7, 1), None, 2026) == Decimal("18400.00")  # 184 days
    assert in_kind_value(Decimal("36600"), date(2024, 1, 1), date(2024, 1, 10), 2024) == Decimal("1000.00")
    assert in_kind_value(Decimal("1000"), date(2027, 1, 1), None, 2026) == Decimal("0.00")


def test_in_kind_totals_per_counterparty_and_year(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    for start in ("1.1.2026", "1.7.2026"):
        _framework(
            db,
            orgs,
            kind=AgreementKind.PREMISES,
            valid_from=start,
            valid_to="31.12.2027",
            renewal_notice_date="",
            premises_free_of_charge=True,
            premises_estimated_value="36500",
            goals=[],
        )
    _framework(db, orgs, kind=AgreementKind.PREMISES, premises_rent="100", goals=[])  # rented: not in kind
    rows = in_kind_totals(db, 2026)
    assert [(r.organisation_id, r.amount) for r in rows] == [(orgs["city"], Decimal("54900.00"))]
    assert in_kind_totals(db, 2028) == []


def test_follow_up_shows_the_latest_status_and_what_stands_out(
    db: Database, orgs: dict[str, uuid.UUID]
) -> None:
    today = date(2026, 6, 1)
    detail = _framework(
        db,
        orgs,
        valid_from="1.1.2024",
        valid_to="30.8.2026",  # ends in 90 days: just within
        renewal_notice_date="1.3.2026",  # already passed: not "soon"
        goals=[GoalForm(title_fi="A"), GoalForm(title_fi="B"), GoalForm(title_fi="C")],
    )
    a, b, _c = (g.id for g in detail.goals)
    add_monitoring_entry(db, MonitoringForm(a, "1.1.2025", MonitoringStatus.DELAYED), today=today)
    row = add_monitoring_entry(
        db, MonitoringForm(a, "3.12.2025", MonitoringStatus.ON_TRACK, "hyvin"), today=today
    )
    assert row.written_by
    add_monitoring_entry(db, MonitoringForm(b, "2.1.2025", MonitoringStatus.ACHIEVED), today=today)
    result = follow_up(db, orgs["city"], 2026, today=today)
    by_goal = {g.goal_id: g for g in result.goals}
    assert by_goal[a].latest_status == MonitoringStatus.ON_TRACK and by_goal[a].latest_date == date(
        2025, 12, 3
    )
    # 180 days before 1.6.2026 is 3.12.2025: an entry on that day is recent, the day before is not.
    assert [g.stale for g in result.goals] == [False, False, True]  # B was achieved: it needs no more entries
    add_monitoring_entry(db, MonitoringForm(b, "1.6.2026", MonitoringStatus.DELAYED), today=today)
    add_monitoring_entry(db, MonitoringForm(b, "2.12.2025", MonitoringStatus.ACHIEVED), today=today)
    result = follow_up(db, orgs["city"], 2026, today=today, stale_days=1)
    assert [(g.latest_status, g.stale) for g in result.goals][:2] == [
        (MonitoringStatus.ON_TRACK, True),
        (MonitoringStatus.DELAYED, False),  # the latest by date, not the last written
    ]
    assert [(x.agreement_id, x.ends_soon, x.notice_soon) for x in result.alerts] == [(detail.id, True, False)]
    assert follow_up(db, orgs["city"], 2026, today=today, notice_days=89).alerts == ()
    assert follow_up(db, orgs["assoc"], 2026, today=today).goals == ()
    assert follow_up(db, orgs["city"], 2027, today=today).goals == ()


def test_documents_are_stored_with_hash_and_never_overwritten(
    db: Database, orgs: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    detail = _framework(db, orgs)
    source = tmp_path / "sopimus.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    first = attach_document(db, detail.id, source)
    source.write_bytes(b"%PDF-1.4 second scan")
    second = attach_document(db, detail.id, source)
    first_path, second_path = document_path(db, first.id), document_path(db, second.id)
    # Beside a database file; from a server's row, written out to the user's own data folder.
    folder = db.path.parent / "documents" if db.path else data_dir() / "server-documents"
    assert first_path != second_path and first_path.parent == folder
    assert first_path.read_bytes() == b"%PDF-1.4 signed"
    assert first.sha256 == hashlib.sha256(b"%PDF-1.4 signed").hexdigest() and first.size_bytes == 15
    assert first.file_name == "sopimus.pdf" and first.content_type == "application/pdf"
    remove_document(db, first.id)
    assert [d.id for d in list_documents(db, detail.id)] == [second.id]
    assert first_path.exists()  # the file is kept
    assert [d.id for d in get_agreement(db, detail.id).documents] == [second.id]


def test_archive_leaves_the_register(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = _framework(db, orgs)
    archive_agreement(db, detail.id, detail.version)
    assert list_agreements(db) == []
    assert [r.id for r in list_agreements(db, AgreementQuery(archived=True))] == [detail.id]


def test_an_oral_agreement_can_be_renewed(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    oral = _framework(
        db, orgs, kind=AgreementKind.ORAL, oral_agreed_by="Kirkkoherra", signed_on="1.9.2025", valid_to=""
    )
    renewal = renew_agreement(db, oral.id)
    assert renewal.oral_agreed_by == "Kirkkoherra" and renewal.signed_on is not None
