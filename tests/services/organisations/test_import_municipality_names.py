"""The member import knows a municipality by either official name, in any case (issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.import_files import read_table
from jarjestokeskus.services.organisations.import_mapping import guess_mapping
from jarjestokeskus.services.organisations.member_import import RowStatus, plan_import
from jarjestokeskus.services.organisations.register import save_organisation

TODAY = date(2026, 6, 15)


def test_korsholm_in_the_file_is_mustasaari_in_the_register(db: Database, tmp_path: Path) -> None:
    in_korsholm = save_organisation(
        db, OrganisationForm(name_fi="Sama ry", municipality="Mustasaari"), today=TODAY
    )
    save_organisation(db, OrganisationForm(name_fi="Sama ry", municipality="Vaasa"), today=TODAY)
    path = tmp_path / "members.csv"
    path.write_text(
        "Nimi;Kunta;Puhelin\r\nSama ry;KORSHOLM;06 555\r\nSama ry;närpes;06 777\r\n", encoding="utf-8"
    )
    table = read_table(path)
    plan = plan_import(db, table, guess_mapping(table.header), "update", today=TODAY)
    first, second = plan.rows
    assert (first.status, first.organisation_id) == (RowStatus.UPDATE, in_korsholm.id)
    assert second.status == RowStatus.NEW  # the same name in Närpiö is another association
