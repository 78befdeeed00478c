"""Builds `schema_<revision>.sqlite`, a small database of a released schema, for the upgrade tests.

Run it once per released schema, while that schema is still the program's head, and keep the file:
    .venv/bin/python tests/db/samples/make_samples.py
Later migrations must upgrade these files; never rebuild an old sample with newer code.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.db.migrate import head_revision
from jarjestokeskus.domain.enums import (
    Field,
    MembershipStatus,
    OrganisationKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.services.organisations.register import archive_organisation, save_organisation

SAMPLES = Path(__file__).resolve().parent
TODAY = date(2025, 6, 1)


def fill_year_clock(db) -> None:  # type: ignore[no-untyped-def]
    """Since schema 0003: a task of the user's own, a default archived, and tasks done for a year."""
    from jarjestokeskus.domain.year_clock import YearClockCategory, YearClockForm
    from jarjestokeskus.services.calendar.year_clock import archive_task, list_tasks, save_task, set_done

    own = save_task(
        db,
        YearClockForm(
            "Hallituksen kesäkokous", "Styrelsens sommarmöte", "6", "15", YearClockCategory.ASSOCIATION
        ),
        today=TODAY,
    )
    set_done(db, own.id, 2025, True, today=TODAY)
    defaults = {row.title_fi: row for row in list_tasks(db, 2025)}
    archive_task(db, defaults["STEA: avustusehdotus julkaistaan"].id)
    set_done(db, defaults["STEA: vuosiselvitys edellisen vuoden avustuksista"].id, 2025, True, today=TODAY)


def fill(target: Path) -> None:
    db = open_database(target)
    try:
        save_organisation(
            db,
            OrganisationForm(
                name_fi="Pohjanmaan Järjestökeskus ry",
                name_sv="Österbottens Organisationscentrum rf",
                abbreviation="PJK",
                business_id="0242746-2",
                kind=OrganisationKind.ASSOCIATION,
                working_language=WorkingLanguage.BILINGUAL,
                municipality="Vaasa",
                membership_status=MembershipStatus.NOT_MEMBER,
            ),
            is_home=True,
            today=TODAY,
        )
        save_organisation(
            db,
            OrganisationForm(
                name_fi="Vaasan Omaishoitajat ry",
                abbreviation="VOH",
                business_id="0211675-2",
                register_number="123456",
                field=Field.SOCIAL_HEALTH,
                municipality="Vaasa",
                postal_code="65100",
                email="toimisto@omaishoitajat.example.fi",
                staff_profile=StaffProfile.EMPLOYS_STAFF,
                member_count="240",
                membership_status=MembershipStatus.MEMBER,
                member_since="1.1.2019",
                fees=[FeeForm(year="2024", amount="150,00", paid_on="15.3.2024")],
                roles=[
                    RoleForm(
                        first_name="Anna",
                        last_name="Virtanen",
                        email="anna.virtanen@example.fi",
                        kind=RoleKind.CHAIR,
                        start_date="1.1.2024",
                    )
                ],
            ),
            today=TODAY,
        )
        save_organisation(
            db,
            OrganisationForm(
                name_sv="Närpes Byaförening rf",
                field=Field.RESIDENTS_VILLAGE,
                working_language=WorkingLanguage.SWEDISH,
                municipality="Närpiö",
                uses_municipal_premises=True,
                membership_status=MembershipStatus.APPLIED,
            ),
            today=TODAY,
        )
        gone = save_organisation(
            db, OrganisationForm(name_fi="Lakannut Kerho ry", municipality="Laihia"), today=TODAY
        )
        archive_organisation(db, gone.id, gone.version)
        fill_year_clock(db)
    finally:
        db.close()


def main() -> int:
    revision = head_revision()
    target = SAMPLES / f"schema_{revision}.sqlite"
    if target.exists():
        print(f"{target.name} exists; a released schema's sample is never rebuilt.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / target.name
        fill(work)
        # One self-contained file: WAL folded in, rollback journal, no free pages.
        connection = sqlite3.connect(work)
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA page_size=1024")  # small pages: mostly empty tables
        connection.execute("VACUUM")
        connection.close()
        target.write_bytes(work.read_bytes())
    print(f"wrote {target} at schema {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
