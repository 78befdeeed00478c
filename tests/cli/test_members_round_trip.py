"""`export members` is the members with what one needs to reach them, and importing the program's
own CSV or XLSX back into the same database changes nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.domain.enums import MembershipStatus, OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import demo_database
from tests.reports.scenario import scenario

HOSTILE = ("=SUMMA(1;2) ry", "+Plus ry", "-Miinus ry", "@Ät ry")


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> Path | str:
    """The demo scenario with members whose names a spreadsheet would take for formulas, a
    member with a Swedish name only and a parish that is a member."""
    db = demo_database(tmp_path, migrated_template)
    member = MembershipStatus.MEMBER
    for name in HOSTILE:
        save_organisation(
            db,
            OrganisationForm(
                name_fi=name, municipality="Vaasa", membership_status=member, phone="+358 40 123 4567"
            ),
        )
    save_organisation(
        db, OrganisationForm(name_sv="=Svenska Föreningen rf", municipality="Vasa", membership_status=member)
    )
    save_organisation(
        db,
        OrganisationForm(
            name_sv="Replot församling",
            kind=OrganisationKind.PARISH,
            municipality="Korsholm",
            membership_status=member,
        ),
    )
    target = db.path or db.url
    db.close()
    return target


def members_by_hand() -> int:
    return sum(
        1 for o in scenario()["organisations"] if o["membership_status"] == "member" and not o.get("is_home")
    )


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_members_then_import_changes_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    expected = members_by_hand() + len(HOSTILE) + 2
    assert members_by_hand() == 41
    out = tmp_path / f"jäsenet.{suffix}"
    assert main(["export", "members", "--db", str(database), "-o", str(out)]) == 0
    if suffix == "csv":
        with out.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file, delimiter=";"))
    else:
        rows = [
            [("" if v is None else str(v)) for v in r]
            for r in load_workbook(out).active.iter_rows(values_only=True)
        ]
    t = i18n.catalog("fi").gettext
    assert rows[0][:7] == [
        t(h)
        for h in (
            "Name in Finnish",
            "Name in Swedish",
            "Abbreviation",
            "Business ID",
            "Municipality",
            "Contact person",
            "Email",
        )
    ]
    assert (
        len(rows) - 1 == expected
    )  # the members only: no home, funders, parishes that are not members, applicants
    names = {r[0] or r[1] for r in rows[1:]}
    assert "Vaasan kaupunki" not in names and "Pohjanmaan Yhdistykset ry" not in names
    capsys.readouterr()
    assert main(["import", "members", str(out), "--dry-run", "--db", str(database)]) == 0
    printed = capsys.readouterr().out
    assert _("New organisations: {count}").format(count=0) in printed
    assert _("Updated organisations: {count}").format(count=0) in printed
