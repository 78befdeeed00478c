"""The member register's rows from its one query: who is a member, which contact each shows,
in name order of the asked language (issue 18: Core, no ORM models)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import Field, MembershipStatus, RoleKind
from jarjestokeskus.domain.organisation import OrganisationForm, RoleForm
from jarjestokeskus.services.organisations.member_register import home_names, member_register
from jarjestokeskus.services.organisations.register import archive_organisation, save_organisation

TODAY = date(2026, 6, 1)
MEMBER = MembershipStatus.MEMBER


def _save(db: Database, name_fi: str, **values: object) -> object:
    form = OrganisationForm(name_fi=name_fi, membership_status=MEMBER, **values)  # type: ignore[arg-type]
    return save_organisation(db, form, today=TODAY)


def test_members_with_the_contact_of_the_first_role_in_force(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Koti ry", name_sv="Hem rf"), is_home=True)
    _save(
        db,
        "Öjan Martat ry",
        name_sv="Öja Marthaförening rf",
        member_count="12",
        field=Field.CULTURE,
        roles=[
            RoleForm("Sanna", "Sihteeri", kind=RoleKind.SECRETARY),
            RoleForm("Pekka", "Puheenjohtaja", kind=RoleKind.CHAIR, start_date="1.1.2020"),
            RoleForm("Kalle", "Kassa", kind=RoleKind.TREASURER),  # not a contact role
        ],
    )
    _save(
        db,
        "Alajärven Nuoret ry",
        roles=[
            RoleForm("Ville", "Vanha", kind=RoleKind.CHAIR, end_date="31.12.2025"),  # ended
            RoleForm("Sirpa", "Sihteeri", kind=RoleKind.SECRETARY),
        ],
    )
    _save(db, "Björkby Byaförening rf", name_sv="Björkby Byaförening rf", email="bb@example.fi")
    gone = _save(db, "Arkistoitu ry")
    archive_organisation(db, gone.id)  # type: ignore[attr-defined]
    save_organisation(db, OrganisationForm(name_fi="Ei jäsen ry"), today=TODAY)

    rows = member_register(db, TODAY, sorted_for="fi")

    assert [r.name_fi for r in rows] == ["Alajärven Nuoret ry", "Björkby Byaförening rf", "Öjan Martat ry"]
    nuoret, byaforening, martat = rows
    assert (nuoret.contact_name, nuoret.contact_role) == ("Sirpa Sihteeri", RoleKind.SECRETARY)
    assert (martat.contact_name, martat.contact_role) == ("Pekka Puheenjohtaja", RoleKind.CHAIR)
    assert (byaforening.contact_name, byaforening.contact_role) == ("", None)
    assert byaforening.email == "bb@example.fi"
    assert (
        martat.member_count == 12
        and martat.field is Field.CULTURE
        and martat.name("sv") == "Öja Marthaförening rf"
    )
    assert nuoret.name("sv") == "Alajärven Nuoret ry"  # no Swedish name: the Finnish one
    # In Swedish order by the Swedish names ("Ö" after "B").
    assert [r.name("sv") for r in member_register(db, TODAY, sorted_for="sv")] == [
        "Alajärven Nuoret ry",
        "Björkby Byaförening rf",
        "Öja Marthaförening rf",
    ]
    assert home_names(db) == ("Koti ry", "Hem rf")


def test_the_register_of_a_day_goes_by_the_membership_dates(db: Database) -> None:
    _save(db, "Uusi ry", member_since="1.3.2026")
    _save(db, "Vanha ry", member_since="1.1.2010")
    left = OrganisationForm(
        name_fi="Eronnut ry",
        membership_status=MembershipStatus.RESIGNED,
        member_since="1.1.2010",
        member_until="30.6.2025",
    )
    save_organisation(db, left, today=TODAY)

    assert [r.name_fi for r in member_register(db, TODAY, date(2024, 12, 31), "fi")] == [
        "Eronnut ry",
        "Vanha ry",
    ]
    assert [r.name_fi for r in member_register(db, TODAY, date(2025, 12, 31), "fi")] == ["Vanha ry"]
    assert home_names(db) == ("", "")


def test_the_report_command_loads_no_orm_models_for_the_register() -> None:
    """The member register's modules read through Core: importing them loads no model."""
    code = (
        "import sys, jarjestokeskus.reports.members; "
        "print(sorted(m for m in sys.modules if m.startswith('jarjestokeskus.db.models')))"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert found.stdout.strip() == "[]"
