"""The members' list read in chunks for `export members` (issue 18): every member once, in
collation order of the export's language, with its contact; written to a file as it is read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.plain import open_for_reading
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.exports import members as stream
from jarjestokeskus.services.exports.files import write_table
from jarjestokeskus.services.exports.tables import export_rows
from jarjestokeskus.services.organisations.member_register import count_members
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import demo_database

# (Finnish name, Swedish name, status); Ä and Ö sort after Z in both languages.
ORGANISATIONS = [
    ("Öjan Martat ry", "", MembershipStatus.MEMBER),
    ("Ähtärin Kyläyhdistys ry", "Etseri Byaförening rf", MembershipStatus.MEMBER),
    ("Vaasan Kuoro ry", "Vasa Kör rf", MembershipStatus.MEMBER),
    ("Aallon Seura ry", "Östra Sällskapet rf", MembershipStatus.MEMBER),
    ("Zetan Seura ry", "", MembershipStatus.MEMBER),
    ("Eronnut ry", "", MembershipStatus.RESIGNED),
]


@pytest.fixture
def members(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(stream, "CHUNK", 2)  # several chunks even in a short list
    save_organisation(db, OrganisationForm(name_fi="Kattojärjestö ry"), is_home=True)
    for number, (fi, sv, status) in enumerate(ORGANISATIONS):
        form = OrganisationForm(
            name_fi=fi,
            name_sv=sv,
            membership_status=status,
            abbreviation=f"A{number}",
            municipality="Vaasa",
            post_office="VAASA",
            email=f"info{number}@example.fi",
            member_count=str(10 + number),
        )
        save_organisation(db, form)
    return db


@pytest.mark.parametrize(
    ("language", "order"),
    [
        (
            "fi",
            [
                "Aallon Seura ry",
                "Vaasan Kuoro ry",
                "Zetan Seura ry",
                "Ähtärin Kyläyhdistys ry",
                "Öjan Martat ry",
            ],
        ),
        # In Swedish the Swedish name where there is one, else the Finnish one.
        (
            "sv",
            [
                "Etseri Byaförening rf",
                "Vasa Kör rf",
                "Zetan Seura ry",
                "Öjan Martat ry",
                "Östra Sällskapet rf",
            ],
        ),
    ],
)
def test_members_in_collation_order_in_chunks(members: Database, language: str, order: list[str]) -> None:
    assert count_members(members)[0] == 5
    rows = list(stream.member_rows(members, language))
    shown = [(row[1] or row[0]) if language == "sv" else row[0] for row in rows]
    assert shown == order
    aallon = next(row for row in rows if row[0] == "Aallon Seura ry")
    assert list(aallon[:6]) == ["Aallon Seura ry", "Östra Sällskapet rf", "A3", "", "Vaasa", ""]
    assert list(aallon[6:]) == ["info3@example.fi", "", "", "VAASA", "", 13]
    assert [row[-1] for row in rows if row[0] == "Zetan Seura ry"] == [14]
    # For a CSV file every cell is text, the same rows in the same order.
    as_text = list(stream.member_rows(members, language, text_only=True))
    assert [list(row) for row in as_text] == [[*row[:-1], str(row[-1])] for row in rows]
    assert all(type(cell) is str for row in as_text for cell in row)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("member-rows"), migrated_template)
    yield db
    db.close()


def test_contacts_are_the_register_editors_ones(demo: Database) -> None:
    from jarjestokeskus.services.organisations.report_data import member_register

    by_name = {(row[0], row[1]): row[5] for row in stream.member_rows(demo, "fi")}
    register = member_register(demo)
    assert len(by_name) == len(register)
    with_contact = [r for r in register if r.contact_name]
    assert with_contact
    for r in register:
        assert by_name[r.name_fi, r.name_sv] == r.contact_name


def test_a_long_list_goes_to_xlsx_as_it_is_read(tmp_path: Path) -> None:
    def rows() -> Iterator[list[object]]:
        for number in range(2500):
            yield [f"Yhdistys {number}", "" if number % 2 else "=SUM(A1)", number]

    calls: list[tuple[int, int]] = []
    path = tmp_path / "members.xlsx"
    header = ["Nimi", "Huom", "Jäseniä"]
    written = write_table(path, header, rows(), "xlsx", "Jäsenet", lambda d, t: calls.append((d, t)), 2500)
    assert written == 2500
    assert calls[-1] == (2500, 2500) and (500, 2500) in calls
    sheet = load_workbook(path).active
    assert sheet.max_row == 2501
    assert sheet.auto_filter.ref == "A1:C2501"
    assert sheet["A2501"].value == "Yhdistys 2499"
    assert sheet["C2501"].value == 2499 and sheet["C2501"].data_type == "n"
    assert sheet["B2"].value == "=SUM(A1)" and sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix
    assert sheet["B3"].value is None


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_file_is_the_same_read_with_sqlite_alone(demo: Database, tmp_path: Path, language: str) -> None:
    """`export members` reads a file with db.plain: the same bytes as through SQLAlchemy."""
    assert demo.path is not None
    reading = open_for_reading(demo.path)
    written = []
    try:
        for number, db in enumerate((demo, reading)):
            title, header, rows = export_rows(db, "members", language, "csv")
            path = tmp_path / f"members-{number}.csv"
            total = write_table(path, header, rows, "csv", title)
            written.append(path.read_bytes())
    finally:
        reading.close()
    assert total > 10 and b"Vaasa" in written[0]
    assert written[0] == written[1]
