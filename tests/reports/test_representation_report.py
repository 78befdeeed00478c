"""Who represents us where, as a PDF in Finnish and Swedish."""

from __future__ import annotations

from io import BytesIO

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind, SeatRole
from jarjestokeskus.reports.catalogue import KINDS, ReportOptions, build_report
from jarjestokeskus.reports.representation import build_representation
from jarjestokeskus.services.cooperation.bodies import BodyForm, SeatForm, save_body, save_seat
from tests.reports.pdf_text import pdf_text
from tests.services.cooperation.scenario import TODAY, region


def _region(db: Database) -> None:
    ids = region(db)
    board = save_body(
        db,
        BodyForm(
            BodyKind.ADVISORY_BOARD,
            "Vaasan järjestöneuvottelukunta",
            "Vasa organisationsdelegation",
            AreaKind.MUNICIPALITY,
            "Vaasa",
            "1.6.2025",
            "31.5.2029",
        ),
    )
    save_seat(db, board.id, SeatForm("Anna", "Aho", ids["A"], SeatRole.CHAIR, "1.6.2025"))
    save_seat(db, board.id, SeatForm("Dan", "Dahl", ids["D"], SeatRole.MEMBER, "1.6.2023", "31.5.2025"))
    save_body(db, BodyForm(BodyKind.FORUM, "Laihian järjestöfoorumi", "", AreaKind.MUNICIPALITY, "Laihia"))


def _pdf(db: Database, language: str) -> str:
    out = BytesIO()
    build_representation(db, language, out, today=TODAY)
    return pdf_text(out.getvalue())


def test_the_seats_in_force_per_body_in_finnish(db: Database) -> None:
    _region(db)
    text = _pdf(db, "fi")
    assert "Kuka edustaa meitä missä" in text
    assert "2 toimielintä, 1 voimassa olevaa paikkaa" in text
    assert "Vaasan järjestöneuvottelukunta (Järjestöneuvottelukunta, Vaasa)" in text
    assert "Puheenjohtaja Anna Aho Aalto ry 1.6.2025 –" in text
    assert "Dan Dahl" not in text  # ended in 2025
    assert "Laihian järjestöfoorumi (Foorumi, Laihia) Ei voimassa olevaa edustajaa." in text


def test_the_same_in_swedish_with_swedish_names(db: Database) -> None:
    _region(db)
    text = _pdf(db, "sv")
    assert "Vem representerar oss var" in text
    # The area from the municipality register, in Swedish.
    assert "Vasa organisationsdelegation (Organisationsdelegation, Vasa)" in text
    assert "Ordförande Anna Aho Aalto rf" in text


def test_the_kind_is_in_the_catalogue(db: Database) -> None:
    _region(db)
    out = BytesIO()
    build_report(db, "representation", "fi", out, ReportOptions())
    assert KINDS["representation"].needs == ()
    assert "Anna Aho" in pdf_text(out.getvalue())
