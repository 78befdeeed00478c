"""The events of the year in the annual overview, in Finnish and Swedish: by kind the events held,
those who attended, the organisations they came from and the feedback's average; the figures are
worked out here by hand from the rows the test registers, marks and imports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.reports.annual import build_annual
from jarjestokeskus.services.events.feedback import FeedbackForm, save_feedback
from jarjestokeskus.services.events.feedback_import import import_feedback_file
from jarjestokeskus.services.events.reduction import reduce_to_counts
from jarjestokeskus.services.events.register import archive_event, save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register
from jarjestokeskus.services.events.year_review import KindFigures, events_of_year
from tests.reports.pdf_text import pdf_text

TODAY = date(2026, 12, 6)


def held(db: Database, title: str, kind: EventKind, day: str, people: list[tuple[str, str, bool]]) -> object:
    event = save_event(db, EventForm(title, "", kind, day))
    rows = register(
        db, event.id, [RegistrationForm(first, "X", organisation=org) for first, org, _came in people]
    )
    mark_attendance(db, {r.id: came for r, (_f, _o, came) in zip(rows, people, strict=True)})
    return event


@pytest.fixture
def year(db: Database, tmp_path: Path) -> Database:
    a = held(
        db,
        "Kevätfoorumi",
        EventKind.FORUM,
        "10.3.2026",
        [("Anna", "Aalto ry", True), ("Bertil", "Björkby rf", True), ("Cilla", "Aalto ry", False)],
    )
    save_feedback(
        db,
        a.id,
        [
            FeedbackForm("Sisältö", "4", "4,5"),
            FeedbackForm("Tilat", "2", "3"),
            FeedbackForm("Terveiset", "3", "", "Kiitos"),
        ],
    )  # type: ignore[attr-defined]
    b = held(
        db, "Syysfoorumi", EventKind.FORUM, "5.9.2026", [("Dan", "Cello ry", True), ("Eva", "Aalto ry", True)]
    )
    export = tmp_path / "palaute.csv"
    export.write_text("Nimi;Sisältö\nDan;3\nEva;4\n", encoding="utf-8")
    import_feedback_file(db, b.id, export)  # type: ignore[attr-defined]
    held(db, "Koulutus", EventKind.TRAINING, "1.6.2026", [("Fia", "", True), ("Gus", "Björkby rf", True)])
    held(db, "Kurssi", EventKind.COURSE, "1.6.2025", [("Hanna", "Dora ry", True)])
    gone = held(db, "Peruttu", EventKind.SEMINAR, "1.7.2026", [("Ilse", "Eka ry", True)])
    archive_event(db, gone.id)  # type: ignore[attr-defined]
    return db


# By hand, 2026 (the 2025 course and the archived seminar left out):
# forums: 2 events; attended Anna, Bertil, Dan, Eva = 4; from Aalto, Björkby, Cello = 3;
#   scored answers 4 (4.5) + 2 (3) + 2 imported (3 and 4: 3.5) = 8, average (18 + 6 + 7) / 8 = 3.875 -> 3.88
#   (the comments-only question has no score and is not in the average);
# training: 1 event; Fia and Gus = 2; Björkby only (Fia gave none) = 1; no feedback;
# all: 3 events, 6 participants, Aalto, Björkby, Cello = 3 organisations, 8 answers, 3.88.
EXPECTED = [
    KindFigures(EventKind.FORUM, 2, 4, 3, 8, Decimal("3.88")),
    KindFigures(EventKind.TRAINING, 1, 2, 1, 0, None),
    KindFigures(None, 3, 6, 3, 8, Decimal("3.88")),
]


def test_the_years_events_by_kind(year: Database) -> None:
    assert events_of_year(year, 2026) == EXPECTED
    # Reduced to counts, the figures stay.
    assert reduce_to_counts(year, 0, date(2027, 1, 1)).persons == 9
    assert events_of_year(year, 2026) == EXPECTED


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "fi",
            [
                "Tapahtumat 2026 tyypeittäin",
                "Foorumi 2 4 3 8 3,88",
                "Koulutus 1 2 1 0 –",
                "Kaikki tapahtumat 3 6 3 8 3,88",
            ],
        ),
        (
            "sv",
            [
                "Evenemang 2026 per typ",
                "Forum 2 4 3 8 3,88",
                "Utbildning 1 2 1 0 –",
                "Alla evenemang 3 6 3 8 3,88",
            ],
        ),
    ],
)
def test_in_the_annual_overview(year: Database, language: str, lines: list[str]) -> None:
    out = BytesIO()
    build_annual(year, language, out, year=2026, today=TODAY)
    text = pdf_text(out.getvalue())
    for line in lines:
        assert line in text


def test_a_year_without_events(db: Database) -> None:
    out = BytesIO()
    build_annual(db, "sv", out, year=2026, today=TODAY)
    assert "Inga evenemang hölls 2026." in pdf_text(out.getvalue())
