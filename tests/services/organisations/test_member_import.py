"""Importing member organisations: reading CSV and XLSX, guessing columns, planning, all-or-nothing."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import AuditEntry, MembershipFee, Organisation
from jarjestokeskus.domain.enums import MembershipStatus, OrganisationKind, WorkingLanguage
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table
from jarjestokeskus.services.organisations.import_mapping import guess_mapping
from jarjestokeskus.services.organisations.member_import import (
    ImportConflict,
    ImportHasErrors,
    RowError,
    RowStatus,
    apply_import,
    plan_import,
)
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation

TODAY = date(2025, 6, 1)
HEADER = ["Nimi", "Nimi ruotsiksi", "Y-tunnus", "Kunta", "Sähköposti", "Jäsenmäärä"]
ROWS = [
    ["Vaasan Martat ry", "Vasa Martha rf", "0242746-2", "Vaasa", "martat@example.fi", "120"],
    ["Östra Korsholms byaförening", "", "", "Mustasaari", "", ""],
    ["Pohjanmaan Yhdistykset ry", "Österbottens Föreningar rf", "0211675-2", "Vaasa", "", "13"],
]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def organisations(db: Database) -> list[Organisation]:
    with db.reading() as session:
        rows = session.scalars(select(Organisation).order_by(Organisation.name_fi)).all()
        session.expunge_all()
        return list(rows)


def count(db: Database, model: type = Organisation) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def plan_file(db: Database, path: Path, on_match: str = "update"):  # type: ignore[no-untyped-def]
    table = read_table(path)
    return plan_import(db, table, guess_mapping(table.header), on_match, today=TODAY)


# --- reading ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (";", "utf-8"),
        (",", "utf-8"),
        (";", "utf-8-sig"),
        (",", "utf-8-sig"),
        ("\t", "utf-8"),
        (";", "cp1252"),
    ],
)
def test_csv_delimiters_and_encodings_read_the_same(tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = write_csv(tmp_path / "members.csv", [HEADER, *ROWS], delimiter, encoding)
    table = read_table(path)
    assert table.header == tuple(HEADER)  # no byte order mark left in "Nimi"
    assert table.rows == tuple(tuple(row) for row in ROWS)
    assert table.numbers == (2, 3, 4)
    assert table.rows[1][0] == "Östra Korsholms byaförening"


def test_cp1252_letters_of_old_excel(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(
        "Nimi;Kunta\nÅbo Akademis vänner;Pietarsaari\nKäpylän ystävät ry;Närpiö\n".encode("cp1252")
    )
    table = read_table(path)
    assert table.rows == (("Åbo Akademis vänner", "Pietarsaari"), ("Käpylän ystävät ry", "Närpiö"))


def test_quoted_cells_blank_rows_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text('Nimi,Muistiinpanot\n"Kylä, ry","rivi 1\nrivi 2"\n\n,,\nToinen ry,""\n', encoding="utf-8")
    table = read_table(path)
    assert table.rows == (("Kylä, ry", "rivi 1\nrivi 2"), ("Toinen ry", ""))
    assert table.numbers == (2, 5)  # the blank record (3) and the one of empty cells (4) are left out


def test_xlsx_first_sheet_with_dates_and_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Namn", "FO-nummer", "Medlem sedan", "Antal medlemmar", "Postnummer", None])
    sheet.append(["Vasa Martha rf", "0242746-2", datetime(2019, 3, 5), 120, "00100", None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Korsholms byaförening", None, date(2020, 1, 31), 45.0, 65610, None])
    book.create_sheet("Toinen").append(["ei tämä"])
    path = tmp_path / "members.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.header == ("Namn", "FO-nummer", "Medlem sedan", "Antal medlemmar", "Postnummer")
    assert table.rows == (
        ("Vasa Martha rf", "0242746-2", "5.3.2019", "120", "00100"),
        ("Korsholms byaförening", "", "31.1.2020", "45", "65610"),
    )
    assert table.numbers == (2, 4)


def test_unreadable_files_are_a_user_problem(tmp_path: Path) -> None:
    with pytest.raises(ImportFileProblem):
        read_table(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImportFileProblem):
        read_table(tmp_path / "empty.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileProblem):
        read_table(tmp_path / "broken.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    with pytest.raises(ImportFileProblem, match="XLSX"):
        read_table(tmp_path / "old.xls")


# --- mapping ----------------------------------------------------------------------------------------


def test_guess_mapping_in_finnish() -> None:
    header = [
        "Nimi",
        "Nimi ruotsiksi",
        "Lyhenne",
        "Y-tunnus",
        "Kotipaikka",
        "Postinumero",
        "Puhelin",
        "Jäsen alkaen",
    ]
    assert guess_mapping(header) == {
        0: "name_fi", 1: "name_sv", 2: "abbreviation", 3: "business_id", 4: "municipality",
        5: "postal_code", 6: "phone", 7: "member_since",
    }  # fmt: skip


def test_guess_mapping_in_swedish() -> None:
    header = ["Namn på finska", "Namn på svenska", "FO-nummer", "Kommun", "E-post", "Typ", "Verksamhetsspråk"]
    assert guess_mapping(header) == {
        0: "name_fi", 1: "name_sv", 2: "business_id", 3: "municipality", 4: "email", 5: "kind",
        6: "working_language",
    }  # fmt: skip


def test_guess_mapping_in_english_and_loose_headings() -> None:
    header = ["Name", "Business ID", "E-mail", "Website", "Yhdistyksen sähköpostiosoite", "Whatever", ""]
    # Each field goes to one column: the second email heading stays unused, as do unknown ones.
    assert guess_mapping(header) == {0: "name_fi", 1: "business_id", 2: "email", 3: "website"}
    assert guess_mapping(["Yhdistyksen Y-tunnus", "Verkko-osoite"]) == {0: "business_id", 1: "website"}


# --- planning ---------------------------------------------------------------------------------------


def test_plan_and_apply_create_members(db: Database, tmp_path: Path) -> None:
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *ROWS]))
    assert [row.status for row in plan.rows] == [RowStatus.NEW] * 3
    assert count(db) == 0  # planning saves nothing
    result = apply_import(db, plan)
    assert (result.created, result.updated, result.skipped) == (3, 0, 0)
    stored = organisations(db)
    assert {o.name_fi for o in stored} == {row[0] for row in ROWS}
    assert all(o.membership_status == MembershipStatus.MEMBER for o in stored)
    martat = next(o for o in stored if o.business_id == "0242746-2")
    assert (martat.name_sv, martat.member_count, martat.email) == ("Vasa Martha rf", 120, "martat@example.fi")
    assert count(db, AuditEntry) >= 3


def test_bad_business_id_names_row_and_column(db: Database, tmp_path: Path) -> None:
    rows = [ROWS[0], ["Huono ry", "", "2077474-1", "Vaasa", "", "kymmenen"]]
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *rows]))
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.ERROR]
    assert plan.errors[0] == RowError(3, "Y-tunnus", "virheellinen Y-tunnus (esimerkiksi 0242746-2)")
    assert (plan.errors[1].row, plan.errors[1].column) == (3, "Jäsenmäärä")
    assert not plan.ok


def test_errors_are_in_the_users_language(db: Database, tmp_path: Path) -> None:
    i18n.set_language("sv")
    path = write_csv(tmp_path / "m.csv", [["Namn", "FO-nummer", "Typ"], ["X rf", "2077474-1", "klubb"]])
    errors = plan_file(db, path).errors
    assert [(e.row, e.column) for e in errors] == [(2, "Typ"), (2, "FO-nummer")]
    assert "Förening" in errors[0].reason and "FO-nummer" in errors[1].reason


def test_an_error_anywhere_saves_nothing(db: Database, tmp_path: Path) -> None:
    rows = [*ROWS, ["", "", "", "Vaasa", "x@example.fi", ""]]  # no name in the last row
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *rows]))
    assert plan.count(RowStatus.NEW) == 3 and plan.errors[0].row == 5
    with pytest.raises(ImportHasErrors):
        apply_import(db, plan)
    assert count(db) == 0


def test_failure_while_saving_rolls_back_every_row(db: Database, tmp_path: Path) -> None:
    existing = save_organisation(
        db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2"), today=TODAY
    )
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, ROWS[1], ROWS[2], ROWS[0]]))
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.NEW, RowStatus.UPDATE]
    # Someone saves the matched organisation after the preview: the import refuses as a whole.
    save_organisation(
        db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0242746-2", phone="1"), existing.id
    )
    with pytest.raises(StaleRecord):
        apply_import(db, plan)
    assert count(db) == 1 and get_organisation(db, existing.id).email == ""


def test_new_business_id_taken_meanwhile_is_a_conflict(db: Database, tmp_path: Path) -> None:
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *ROWS]))
    save_organisation(db, OrganisationForm(name_fi="Joku muu", business_id="0211675-2"), today=TODAY)
    with pytest.raises(ImportConflict):
        apply_import(db, plan)
    assert count(db) == 1


def test_dry_run_is_a_plan_without_apply(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [HEADER, *ROWS])
    plan_file(db, path)
    plan_file(db, path, "skip")
    assert count(db) == 0 and count(db, AuditEntry) == 0


def test_update_changes_only_given_cells_and_keeps_fees(db: Database, tmp_path: Path) -> None:
    form = OrganisationForm(
        name_fi="Vaasan Martat ry", business_id="0242746-2", phone="06 123", municipality="Vaasa",
        kind=OrganisationKind.ASSOCIATION, fees=[FeeForm("2024", "100", "1.3.2024")],
    )  # fmt: skip
    existing = save_organisation(db, form, today=TODAY)
    header = ["Y-tunnus", "Kunta", "Puhelin", "Toimintakieli", "Jäsenmäärä"]
    path = write_csv(tmp_path / "m.csv", [header, ["0242746-2", "Mustasaari", "", "kaksikielinen", "150"]])
    plan = plan_file(db, path)
    (row,) = plan.rows
    assert row.status == RowStatus.UPDATE and row.organisation_id == existing.id
    assert {c.field: (c.old, c.new) for c in row.changes} == {
        "municipality": ("Vaasa", "Mustasaari"),
        "working_language": ("Suomi", "Suomi ja ruotsi"),
        "member_count": ("", "150"),
    }
    assert apply_import(db, plan).updated == 1
    after = get_organisation(db, existing.id)
    assert (after.municipality, after.phone, after.member_count) == ("Mustasaari", "06 123", 150)
    assert after.working_language == WorkingLanguage.BILINGUAL
    assert after.membership_status == MembershipStatus.NOT_MEMBER  # an update leaves membership alone
    assert [(f.year, f.paid_on) for f in after.fees] == [(2024, date(2024, 3, 1))]
    assert count(db, MembershipFee) == 1


def test_skip_leaves_matches_alone(db: Database, tmp_path: Path) -> None:
    existing = save_organisation(db, OrganisationForm(name_fi="Östra Korsholms byaförening"), today=TODAY)
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *ROWS]), "skip")
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.SKIP, RowStatus.NEW]
    assert plan.rows[1].organisation_id == existing.id  # matched by its exact name
    result = apply_import(db, plan)
    assert (result.created, result.updated, result.skipped) == (2, 0, 1)
    assert get_organisation(db, existing.id).municipality == ""


def test_unchanged_match_is_skipped_and_name_match_with_other_business_id_is_an_error(
    db: Database, tmp_path: Path
) -> None:
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry", business_id="0207669-0"), today=TODAY)
    save_organisation(db, OrganisationForm(name_fi="Sama ry", municipality="Vaasa"), today=TODAY)
    path = write_csv(
        tmp_path / "m.csv",
        [["Nimi", "Y-tunnus", "Kunta"], ["Vaasan Martat ry", "0242746-2", ""], ["Sama ry", "", "Vaasa"]],
    )
    plan = plan_file(db, path)
    assert plan.rows[0].status == RowStatus.ERROR and plan.rows[0].errors[0].column == "Y-tunnus"
    assert "0207669-0" in plan.rows[0].errors[0].reason
    assert plan.rows[1].status == RowStatus.SKIP


def test_repeated_rows_in_the_file_are_errors(db: Database, tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        ["Toinen nimi ry", "", "0242746-2", "", "", ""],
        ["Vaasan Martat ry", "", "", "", "", ""],
    ]
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, *rows]))
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.ERROR, RowStatus.ERROR]
    assert [(e.row, e.column) for e in plan.errors] == [(3, "Y-tunnus"), (4, "Nimi")]
    assert "2" in plan.errors[0].reason


def test_archived_business_id_is_not_silently_duplicated(db: Database, tmp_path: Path) -> None:
    from jarjestokeskus.services.organisations.register import archive_organisation

    old = save_organisation(db, OrganisationForm(name_fi="Vanha ry", business_id="0242746-2"), today=TODAY)
    archive_organisation(db, old.id)
    plan = plan_file(db, write_csv(tmp_path / "m.csv", [HEADER, ROWS[0]]))
    assert plan.rows[0].status == RowStatus.ERROR and plan.errors[0].column == "Y-tunnus"


def test_choices_in_any_language_and_progress(db: Database, tmp_path: Path) -> None:
    header = ["Nimi", "Tyyppi", "Käyttää kunnan tiloja", "Jäsenyys", "Jäsen alkaen"]
    rows = [
        ["A ry", "säätiö", "kyllä", "Ansökt om medlemskap", "2020-01-02"],
        ["B ry", "Foundation", "nej", "", "1.2.2021"],
    ]
    calls: list[tuple[int, int]] = []
    table = read_table(write_csv(tmp_path / "m.csv", [header, *rows]))
    plan = plan_import(
        db, table, guess_mapping(table.header), progress=lambda d, t: calls.append((d, t)), today=TODAY
    )
    assert plan.ok and calls[-1] == (2, 2)
    apply_import(db, plan)
    a, b = organisations(db)
    assert (a.kind, a.uses_municipal_premises, a.membership_status) == (
        OrganisationKind.FOUNDATION, True, MembershipStatus.APPLIED,
    )  # fmt: skip
    assert (b.kind, b.uses_municipal_premises, b.membership_status) == (
        OrganisationKind.FOUNDATION, False, MembershipStatus.MEMBER,
    )  # fmt: skip
    assert (a.member_since, b.member_since) == (date(2020, 1, 2), date(2021, 2, 1))


def test_row_without_mapped_values_is_skipped(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nimi", "Jotain muuta"], ["", "vain tämä"], ["C ry", ""]])
    plan = plan_file(db, path)
    assert [row.status for row in plan.rows] == [RowStatus.SKIP, RowStatus.NEW]
    assert plan.ok and uuid.UUID(int=0) != plan.rows[1].organisation_id


def test_same_name_in_another_municipality_is_another_association(db: Database, tmp_path: Path) -> None:
    vaasa = save_organisation(
        db, OrganisationForm(name_fi="Kyläyhdistys ry", municipality="Vaasa"), today=TODAY
    )
    laihia = save_organisation(
        db, OrganisationForm(name_fi="Kyläyhdistys ry", municipality="Laihia"), today=TODAY
    )
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["Nimi", "Kunta", "Jäsenmäärä"],
            ["Kyläyhdistys ry", "laihia", "40"],
            ["Kyläyhdistys ry", "Isokyrö", "25"],
            ["Kyläyhdistys ry", "Vaasa", "60"],
        ],
    )
    plan = plan_file(db, path)
    assert [row.status for row in plan.rows] == [RowStatus.UPDATE, RowStatus.NEW, RowStatus.UPDATE]
    assert [plan.rows[0].organisation_id, plan.rows[2].organisation_id] == [laihia.id, vaasa.id]
    result = apply_import(db, plan)
    assert (result.created, result.updated) == (1, 2)
    assert get_organisation(db, laihia.id).member_count == 40


def test_an_imported_organisation_is_stored_and_recorded_as_the_form_saves_it(
    db: Database, tmp_path: Path
) -> None:
    """The import inserts new organisations in bulk: the row, its derived keys and its history
    entry must be those the editor's save writes for the same values."""
    row = [
        "Itä-Mustasaaren kyläyhdistys",
        "Östra Korsholms byaförening",
        "0242746-2",
        "Korsholm",
        "by@example.fi",
        "13",
    ]
    apply_import(db, plan_file(db, write_csv(tmp_path / "one.csv", [HEADER, row])))
    form = OrganisationForm(
        name_fi="Itä-Mustasaaren kyläyhdistys x",
        name_sv="Östra Korsholms byaförening x",
        business_id="0211675-2",
        municipality="Korsholm",
        email="by@example.fi",
        member_count="13",
        membership_status=MembershipStatus.MEMBER,
    )
    saved = save_organisation(db, form, today=TODAY)
    with db.reading() as session:
        imported = session.scalars(select(Organisation).where(Organisation.id != saved.id)).one()
        by_form = session.get(Organisation, saved.id)
        entries = {e.entity_id: e for e in session.scalars(select(AuditEntry))}
        assert {e.action for e in entries.values()} == {"create"}
        skipped = {"id", "created_at", "updated_at", "name_fi", "name_sv", "business_id"}
        skipped |= {"name_fi_key", "name_sv_key", "search_text"}
        for column in Organisation.__table__.columns.keys():  # noqa: SIM118 (names, not Column objects)
            if column not in skipped:
                assert getattr(imported, column) == getattr(by_form, column), column
        assert imported.name_fi_key == "it|-mustasaaren kyl|yhdistys"  # ä sorts after z
        assert imported.name_sv_key == "}stra korsholms byaf}rening"
        assert imported.municipality_code == by_form.municipality_code is not None
        assert "mustasaari" in imported.search_text and "0242746-2" in imported.search_text
        ours, theirs = entries[imported.id].changes, entries[by_form.id].changes
        assert ours.keys() == theirs.keys()
        assert {k: v for k, v in ours.items() if k not in skipped} == {
            k: v for k, v in theirs.items() if k not in skipped
        }
        assert entries[imported.id].owner_id == imported.id and entries[imported.id].entity == "Organisation"


def test_a_bulk_import_keeps_the_search_index_in_step_and_a_failed_one_leaves_it_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jarjestokeskus.db import search_index
    from jarjestokeskus.services.organisations import import_saving
    from jarjestokeskus.services.organisations.register import OrganisationQuery, count_organisations

    save_organisation(db, OrganisationForm(name_fi="Laihian Martat ry"), today=TODAY)
    apply_import(db, plan_file(db, write_csv(tmp_path / "rows.csv", [HEADER, *ROWS])))
    for word, found in (("byaför", 1), ("yhdistykset", 1), ("martat", 2), ("laihia", 1)):
        assert count_organisations(db, OrganisationQuery(text=word)) == found, word

    def broken(*_args: object) -> list[object]:
        raise RuntimeError("the disk is full")

    more = [["Kyrön Nuorisoseura ry", "", "", "Isokyrö", "", ""]]
    plan = plan_file(db, write_csv(tmp_path / "more.csv", [HEADER, *more]))
    monkeypatch.setattr(import_saving, "creation_entries", broken)
    with pytest.raises(RuntimeError):
        apply_import(db, plan)
    with db.engine.connect() as connection:
        assert connection.dialect.name != "sqlite" or search_index.present(connection)
    monkeypatch.undo()
    save_organisation(db, OrganisationForm(name_fi="Kyrön Nuorisoseura ry"), today=TODAY)
    assert count_organisations(db, OrganisationQuery(text="nuorisoseura")) == 1  # the trigger is back
