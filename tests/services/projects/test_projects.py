"""Projects on a temporary database: save with everything under it, list and filter, stale saves."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import Funding, Instalment, Project, ReportingObligation
from jarjestokeskus.domain.enums import FundingInstrument, PartnerRole, ProjectStatus, ReportKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import (
    FundingForm,
    InstalmentForm,
    ObligationForm,
    PartnerForm,
    ProjectForm,
    StatusChangeForm,
)
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import organisation_choices, save_organisation
from jarjestokeskus.services.projects.register import (
    ProjectQuery,
    archive_project,
    funders,
    funding_years,
    get_project,
    list_projects,
    project_history,
    restore_project,
    save_project,
)


def _org(db: Database, name: str) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(name_fi=name)).id


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def orgs(db: Database) -> dict[str, uuid.UUID]:
    return {name: _org(db, name) for name in ("Yhdistys", "STEA", "Vaasan kaupunki", "Seurakunta")}


def _form(orgs: dict[str, uuid.UUID], **changes: object) -> ProjectForm:
    values: dict[str, object] = dict(
        code="C-1",
        name_fi="Yhdessä",
        name_sv="Tillsammans",
        owner_id=orgs["Yhdistys"],
        status=ProjectStatus.RUNNING,
        start_date="1.1.2026",
        status_changes=[StatusChangeForm(ProjectStatus.APPLIED, "1.9.2025")],
        partners=[PartnerForm(orgs["Yhdistys"], PartnerRole.LEAD), PartnerForm(orgs["Seurakunta"])],
        fundings=[
            FundingForm(
                FundingInstrument.STEA_C,
                orgs["STEA"],
                "2026",
                amount_applied="120000",
                amount_granted="100000",
                instalments=[InstalmentForm("1.2.2026", "50000", "3.2.2026", "50000")],
                obligations=[ObligationForm(ReportKind.RESULTS_REPORT, "31.3.2027")],
            )
        ],
    )
    values.update(changes)
    return ProjectForm(**values)  # type: ignore[arg-type]


def test_save_stores_everything_and_reads_it_back(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = save_project(db, _form(orgs))
    again = get_project(db, detail.id)
    assert again == detail
    assert again.owner_name_fi == "Yhdistys"
    assert [p.role for p in again.partners] == [PartnerRole.LEAD, PartnerRole.PARTNER]
    (funding,) = again.fundings
    assert funding.funder_name_fi == "STEA" and funding.amount_granted == Decimal("100000.00")
    assert funding.instalments[0].paid_amount == Decimal("50000.00")
    assert funding.obligations[0].kind == ReportKind.RESULTS_REPORT
    assert again.status_changes[0].status == ProjectStatus.APPLIED
    entities = {h.entity for h in project_history(db, detail.id)}
    assert {"Project", "Funding", "Instalment", "ReportingObligation", "ProjectPartner"} <= entities


def test_editing_a_row_keeps_the_others_and_removing_archives(
    db: Database, orgs: dict[str, uuid.UUID]
) -> None:
    detail = save_project(db, _form(orgs))
    funding = detail.fundings[0]
    form = _form(orgs, partners=[PartnerForm(orgs["Yhdistys"], PartnerRole.LEAD, detail.partners[0].id)])
    form.fundings[0].funding_id = funding.id
    form.fundings[0].instalments[0].instalment_id = funding.instalments[0].id
    form.fundings[0].obligations = []
    updated = save_project(db, form, detail.id, detail.version)
    assert updated.version > detail.version
    assert updated.fundings[0].id == funding.id
    assert updated.fundings[0].instalments[0].id == funding.instalments[0].id
    assert updated.fundings[0].obligations == ()
    assert len(updated.partners) == 1
    assert _count(db, ReportingObligation) == 1  # archived, not deleted


def test_a_change_below_the_project_moves_its_version(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = save_project(db, _form(orgs))
    form = _form(orgs)
    form.fundings[0].funding_id = detail.fundings[0].id
    form.fundings[0].instalments[0].instalment_id = detail.fundings[0].instalments[0].id
    form.fundings[0].obligations[0].obligation_id = detail.fundings[0].obligations[0].id
    form.partners = [PartnerForm(p.organisation_id, p.role, p.id) for p in detail.partners]
    form.status_changes = [StatusChangeForm(ProjectStatus.APPLIED, "1.9.2025", detail.status_changes[0].id)]
    form.fundings[0].instalments[0].paid_on = "4.2.2026"
    updated = save_project(db, form, detail.id, detail.version)
    assert updated.version == detail.version + 1
    with pytest.raises(StaleRecord):
        save_project(db, form, detail.id, detail.version)


def test_a_stale_save_is_refused_and_changes_nothing(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = save_project(db, _form(orgs))
    save_project(db, _form(orgs, name_fi="Toinen"), detail.id, detail.version)
    with pytest.raises(StaleRecord):
        save_project(db, _form(orgs, name_fi="Kolmas"), detail.id, detail.version)
    assert get_project(db, detail.id).name_fi == "Toinen"


def test_validation_saves_nothing(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    form = _form(orgs)
    form.fundings[0].instalments.append(InstalmentForm("1.5.2026", "60000"))
    with pytest.raises(ValidationFailed) as caught:
        save_project(db, form)
    assert [e.field for e in caught.value.errors] == ["fundings[0].instalments[1].amount"]
    assert _count(db, Project) == 0 and _count(db, Funding) == 0 and _count(db, Instalment) == 0


def test_list_search_and_filters(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    first = save_project(db, _form(orgs))
    city = _form(orgs, code="KOKE", name_fi="Kokemusasiantuntijat", name_sv="", status=ProjectStatus.APPLIED)
    city.fundings[0].funder_id = orgs["Vaasan kaupunki"]
    city.fundings[0].instrument = FundingInstrument.MUNICIPAL_PARTNERSHIP
    city.fundings[0].year = "2025"
    second = save_project(db, city)
    save_project(
        db, _form(orgs, code="X", name_fi="Idea", name_sv="", fundings=[], status=ProjectStatus.IDEA)
    )

    def ids(**query: object) -> set[uuid.UUID]:
        return {r.id for r in list_projects(db, ProjectQuery(**query))}  # type: ignore[arg-type]

    assert len(ids()) == 3
    assert ids(text="tillsam") == {first.id}
    assert ids(text="koke") == {second.id}
    assert ids(text="yhdistys koke") == {second.id}  # the owner's name is searched too
    assert ids(status=ProjectStatus.APPLIED) == {second.id}
    assert ids(funder_id=orgs["STEA"]) == {first.id}
    assert ids(instrument=FundingInstrument.MUNICIPAL_PARTNERSHIP) == {second.id}
    assert ids(year=2026) == {first.id}
    assert funding_years(db) == [2026, 2025]
    assert {f[0] for f in funders(db)} == {orgs["STEA"], orgs["Vaasan kaupunki"]}
    (row,) = [r for r in list_projects(db) if r.id == first.id]
    assert row.amount_applied == Decimal("120000.00") and row.amount_granted == Decimal("100000.00")


def test_archive_and_restore(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    detail = save_project(db, _form(orgs))
    archive_project(db, detail.id, detail.version)
    assert list_projects(db) == []
    assert [r.id for r in list_projects(db, ProjectQuery(archived=True))] == [detail.id]
    with pytest.raises(StaleRecord):
        restore_project(db, detail.id, detail.version)
    restore_project(db, detail.id, get_project(db, detail.id).version)
    assert [r.id for r in list_projects(db)] == [detail.id]


def test_organisation_choices_for_the_picker(db: Database, orgs: dict[str, uuid.UUID]) -> None:
    assert [o.id for o in organisation_choices(db, "vaasan")] == [orgs["Vaasan kaupunki"]]
    assert len(organisation_choices(db, "", limit=2)) == 2
