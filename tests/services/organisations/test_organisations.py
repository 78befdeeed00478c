"""The organisation register service: saving with the version check, archive and restore, home."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import AuditEntry, MembershipFee, Organisation, Role
from jarjestokeskus.domain.enums import RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import (
    OrganisationQuery,
    archive_organisation,
    count_organisations,
    get_organisation,
    home_organisation,
    list_organisations,
    restore_organisation,
    save_organisation,
)

TODAY = date(2025, 6, 1)


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def table_count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- saving -----------------------------------------------------------------------------------------


def test_save_creates_an_organisation_with_fees_and_roles(db: Database) -> None:
    form = OrganisationForm(
        name_fi="Vaasan Martat ry",
        business_id="02427462",
        fees=[FeeForm("2024", "100"), FeeForm("2025", "1 200,50")],
        roles=[RoleForm(first_name="Anna", last_name="Virtanen", kind=RoleKind.CHAIR, start_date="1.1.2025")],
    )
    saved = save_organisation(db, form, today=TODAY)
    assert saved.version == 1
    loaded = get_organisation(db, saved.id)
    assert loaded == saved
    assert loaded.business_id == "0242746-2"
    assert [(f.year, f.amount) for f in loaded.fees] == [
        (2025, Decimal("1200.50")),
        (2024, Decimal("100.00")),
    ]
    assert [(r.full_name, r.kind) for r in loaded.roles] == [("Anna Virtanen", RoleKind.CHAIR)]


def test_update_with_the_right_version(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry"))
    updated = save_organisation(db, OrganisationForm(name_fi="Kylä ry", municipality="Laihia"), saved.id, 1)
    assert updated.version == 2
    assert get_organisation(db, saved.id).municipality == "Laihia"


def test_stale_expected_version_is_refused_and_changes_nothing(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "10")]))
    fees = [FeeForm("2025", "10", fee_id=saved.fees[0].id)]
    save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Uusi", fees=fees), saved.id, 1)
    before = get_organisation(db, saved.id)
    audit_before = table_count(db, AuditEntry)
    stale = OrganisationForm(name_fi="Toinen nimi", fees=[FeeForm("2025", "99", fee_id=saved.fees[0].id)])
    with pytest.raises(StaleRecord):
        save_organisation(db, stale, saved.id, expected_version=1)
    assert get_organisation(db, saved.id) == before
    assert table_count(db, AuditEntry) == audit_before


def test_two_users_racing_the_second_save_is_refused(db: Database) -> None:
    org_id = add(db, name_fi="Kylä ry")
    mine = get_organisation(db, org_id)  # both open the form at version 1
    theirs = get_organisation(db, org_id)
    save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Heidän"), org_id, theirs.version)
    with pytest.raises(StaleRecord):
        save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Minun"), org_id, mine.version)
    assert get_organisation(db, org_id).notes == "Heidän"


def test_racing_flushes_are_refused_by_the_version_column(db: Database) -> None:
    """Even when both passed the version check, the UPDATE ... WHERE version = n refuses the later."""
    org_id = add(db, name_fi="Kylä ry")
    with pytest.raises(StaleRecord), db.transaction() as mine:
        org = mine.get(Organisation, org_id)
        assert org is not None and org.version == 1
        save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Heidän"), org_id, 1)
        org.notes = "Minun"
    assert get_organisation(db, org_id).notes == "Heidän"


def test_a_change_of_fees_only_still_moves_the_version(db: Database) -> None:
    """Otherwise a form opened earlier would overwrite the new fee amount unnoticed."""
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "10")]))
    fee_id = saved.fees[0].id
    theirs = OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "20", fee_id=fee_id)])
    assert save_organisation(db, theirs, saved.id, saved.version).version == saved.version + 1
    mine = OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "30", fee_id=fee_id)])
    with pytest.raises(StaleRecord):
        save_organisation(db, mine, saved.id, saved.version)
    assert get_organisation(db, saved.id).fees[0].amount == Decimal("20.00")


def test_invalid_form_saves_nothing(db: Database) -> None:
    add(db, name_fi="Olemassa ry")
    counts = [table_count(db, m) for m in (Organisation, MembershipFee, Role, AuditEntry)]
    form = OrganisationForm(name_fi="Uusi ry", business_id="2077474-1", fees=[FeeForm("2025", "10")])
    with pytest.raises(ValidationFailed) as caught:
        save_organisation(db, form)
    assert [e.field for e in caught.value.errors] == ["business_id"]
    assert [table_count(db, m) for m in (Organisation, MembershipFee, Role, AuditEntry)] == counts


def test_unknown_organisation_is_not_found(db: Database) -> None:
    with pytest.raises(RecordNotFound):
        get_organisation(db, uuid.uuid4())
    with pytest.raises(RecordNotFound):
        save_organisation(db, OrganisationForm(name_fi="X"), uuid.uuid4(), 1)


def test_fees_and_roles_left_out_of_the_form_are_archived_not_deleted(db: Database) -> None:
    form = OrganisationForm(
        name_fi="Kylä ry",
        fees=[FeeForm("2024", "10"), FeeForm("2025", "12")],
        roles=[RoleForm(last_name="Virtanen"), RoleForm(last_name="Korhonen")],
    )
    saved = save_organisation(db, form)
    kept_fee = next(f for f in saved.fees if f.year == 2025)
    kept_role = next(r for r in saved.roles if r.last_name == "Korhonen")
    form.fees = [FeeForm("2025", "12", fee_id=kept_fee.id)]
    form.roles = [RoleForm(last_name="Korhonen", role_id=kept_role.id, person_id=kept_role.person_id)]
    updated = save_organisation(db, form, saved.id, saved.version)
    assert [f.id for f in updated.fees] == [kept_fee.id]
    assert [r.id for r in updated.roles] == [kept_role.id]
    with db.reading() as session:
        fees = session.execute(select(MembershipFee.year, MembershipFee.archived_at)).all()
        roles = session.execute(select(Role.id, Role.archived_at)).all()
    assert sorted((year, at is not None) for year, at in fees) == [(2024, True), (2025, False)]
    assert sorted((role_id == kept_role.id, at is None) for role_id, at in roles) == [
        (False, False),
        (True, True),
    ]


# --- archive, restore, home -------------------------------------------------------------------------


def test_archive_hides_and_restore_brings_back(db: Database) -> None:
    kept = add(db, name_fi="Jää ry")
    gone = add(db, name_fi="Lähtee ry", fees=[FeeForm("2025", "5")])
    archive_organisation(db, gone, expected_version=1)
    assert [r.id for r in list_organisations(db, OrganisationQuery())] == [kept]
    assert [r.id for r in list_organisations(db, OrganisationQuery(archived=True))] == [gone]
    assert count_organisations(db, OrganisationQuery(text="lähtee")) == 0
    assert count_organisations(db, OrganisationQuery(text="lähtee", archived=True)) == 1
    archived = get_organisation(db, gone)
    assert archived.archived_at is not None
    assert [f.year for f in archived.fees] == [2025]  # its own rows stay with it

    with pytest.raises(StaleRecord):
        restore_organisation(db, gone, expected_version=1)
    restore_organisation(db, gone, expected_version=archived.version)
    assert {r.id for r in list_organisations(db, OrganisationQuery())} == {kept, gone}
    assert list_organisations(db, OrganisationQuery(archived=True)) == []
    assert get_organisation(db, gone).archived_at is None


def test_home_organisation(db: Database) -> None:
    assert home_organisation(db) is None
    add(db, name_fi="Jäsen ry")
    home = save_organisation(db, OrganisationForm(name_fi="Järjestökeskus ry"), is_home=True)
    found = home_organisation(db)
    assert found is not None and found.id == home.id and found.is_home
    # Updating the home organisation keeps it the home.
    save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Järjestökeskus ry"), home.id, home.version)
    found = home_organisation(db)
    assert found is not None and found.name("fi") == "Pohjanmaan Järjestökeskus ry"
    archive_organisation(db, home.id)
    assert home_organisation(db) is None
