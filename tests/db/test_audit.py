"""The audit trail: who (OS user), what entity, which fields old → new, for every kind of change."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from jarjestokeskus.db import audit
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry
from jarjestokeskus.domain.enums import MembershipStatus, RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.services.history.record import record_history
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    get_organisation,
    restore_organisation,
    save_organisation,
)


@pytest.fixture(autouse=True)
def os_user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "sihteeri")
    return "sihteeri"


def entries(db: Database, entity_id: uuid.UUID) -> list[SimpleNamespace]:
    """The audit rows of one record, oldest first, as plain values."""
    columns = ("user", "action", "entity", "entity_id", "owner_id", "changes")
    with db.reading() as session:
        stmt = select(AuditEntry).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.at)
        return [SimpleNamespace(**{c: getattr(e, c) for c in columns}) for e in session.scalars(stmt)]


def test_create_records_the_user_entity_and_set_fields(db: Database) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Kylä ry", municipality="Vaasa", member_count="12"))
    [entry] = entries(db, org.id)
    assert (entry.user, entry.action, entry.entity, entry.entity_id, entry.owner_id) == (
        "sihteeri",
        "create",
        "Organisation",
        org.id,
        org.id,
    )
    assert entry.changes["name_fi"] == [None, "Kylä ry"]
    assert entry.changes["municipality"] == [None, "Vaasa"]
    assert entry.changes["member_count"] == [None, 12]
    assert entry.changes["membership_status"] == [None, "not_member"]
    # Bookkeeping and derived columns are not history.
    assert not {"id", "version", "created_at", "updated_at", "search_text", "name_fi_key"} & set(
        entry.changes
    )
    assert "name_sv" not in entry.changes  # empty values are not listed as set


def test_update_records_only_the_changed_fields_old_and_new(db: Database) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Kylä ry", municipality="Vaasa"))
    form = OrganisationForm(
        name_fi="Kylä ry", municipality="Mustasaari", membership_status=MembershipStatus.MEMBER
    )
    save_organisation(db, form, org.id, org.version)
    create, update = entries(db, org.id)
    assert create.action == "create"
    assert update.action == "update" and update.user == "sihteeri"
    assert update.changes == {
        "municipality": ["Vaasa", "Mustasaari"],
        "membership_status": ["not_member", "member"],
    }


def test_saving_without_changes_writes_no_entry(db: Database) -> None:
    form = OrganisationForm(name_fi="Kylä ry")
    org = save_organisation(db, form)
    save_organisation(db, form, org.id, org.version)
    assert [e.action for e in entries(db, org.id)] == ["create"]


def test_archive_and_restore_are_recorded(db: Database) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Kylä ry"))
    archive_organisation(db, org.id)
    restore_organisation(db, org.id)
    assert [e.action for e in entries(db, org.id)] == ["create", "archive", "restore"]
    assert all(e.user == "sihteeri" and e.entity == "Organisation" for e in entries(db, org.id))


def test_fees_and_roles_are_recorded_under_their_organisation(db: Database) -> None:
    form = OrganisationForm(
        name_fi="Kylä ry",
        fees=[FeeForm(year="2025", amount="100")],
        roles=[RoleForm(first_name="Anna", last_name="Virtanen", kind=RoleKind.CHAIR)],
    )
    org = save_organisation(db, form)
    fee, role = org.fees[0], org.roles[0]
    [fee_entry] = entries(db, fee.id)
    assert (fee_entry.entity, fee_entry.action, fee_entry.owner_id) == ("MembershipFee", "create", org.id)
    assert fee_entry.changes["amount"] == [None, "100.00"]
    assert fee_entry.changes["year"] == [None, 2025]
    [role_entry] = entries(db, role.id)
    assert (role_entry.entity, role_entry.owner_id) == ("Role", org.id)
    assert role_entry.changes["kind"] == [None, "chair"]

    # Change the fee, drop the role: both appear in the organisation's history.
    form.fees = [FeeForm(year="2025", amount="120,50", paid_on="1.2.2025", fee_id=fee.id)]
    form.roles = []
    save_organisation(db, form, org.id, org.version)
    history = record_history(db, org.id)
    by_kind = {(h.entity, h.action): h for h in history}
    assert by_kind[("MembershipFee", "update")].changes == {
        "amount": ["100.00", "120.50"],
        "paid_on": [None, "2025-02-01"],
    }
    assert by_kind[("Role", "archive")].entity_id == role.id
    assert {("Organisation", "create"), ("MembershipFee", "create"), ("Role", "create")} <= set(by_kind)
    assert all(h.user == "sihteeri" for h in history)


def test_history_is_newest_first_and_only_of_that_record(db: Database) -> None:
    mine = save_organisation(db, OrganisationForm(name_fi="Oma ry"))
    other = save_organisation(db, OrganisationForm(name_fi="Muu ry", fees=[FeeForm("2025", "5")]))
    save_organisation(db, OrganisationForm(name_fi="Oma ry", notes="Uusi"), mine.id, mine.version)
    archive_organisation(db, mine.id)
    history = record_history(db, mine.id)
    assert [h.action for h in history] == ["archive", "update", "create"]
    assert {h.entity_id for h in history} == {mine.id}
    assert history[1].changes == {"notes": ["", "Uusi"]}
    assert other.id not in {h.entity_id for h in history}
    assert history == sorted(history, key=lambda h: h.at, reverse=True)


def test_session_user_overrides_the_os_user(db: Database) -> None:
    from jarjestokeskus.db.models import Person

    with db.transaction() as session:
        session.info["user"] = "import"
        person = Person(first_name="Anna", last_name="Virtanen")
        session.add(person)
    [entry] = entries(db, person.id)
    assert entry.user == "import"


def test_version_goes_up_on_each_change(db: Database) -> None:
    org = save_organisation(db, OrganisationForm(name_fi="Kylä ry"))
    assert org.version == 1
    updated = save_organisation(db, OrganisationForm(name_fi="Kylä rf"), org.id, org.version)
    assert updated.version == 2
    assert get_organisation(db, org.id).version == 2


def test_a_persons_corrected_name_is_in_the_organisations_history(db) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.domain.organisation import OrganisationForm, RoleForm
    from jarjestokeskus.services.history.record import record_history
    from jarjestokeskus.services.organisations.register import save_organisation

    saved = save_organisation(
        db, OrganisationForm(name_fi="Yhdistys ry", roles=[RoleForm("Maija", "Virtanen")])
    )
    role = saved.roles[0]
    form = OrganisationForm(
        name_fi="Yhdistys ry",
        roles=[RoleForm("Maija", "Korhonen", role_id=role.id, person_id=role.person_id)],
    )
    save_organisation(db, form, saved.id, saved.version)
    changes = [
        h.changes for h in record_history(db, saved.id) if h.entity == "Person" and h.action == "update"
    ]
    assert changes == [{"last_name": ["Virtanen", "Korhonen"]}]
