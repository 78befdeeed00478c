"""Feedback from a web form's export: the mapping, figures worked out by hand, bad cells named by
row and column with nothing saved, and the same answers never counted twice."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.events.feedback import FeedbackForm, feedback, save_feedback
from jarjestokeskus.services.events.feedback_import import (
    COMMENT,
    SCORE,
    guess_feedback_columns,
    import_feedback,
    import_feedback_file,
    read_feedback_file,
)
from jarjestokeskus.services.events.register import save_event

HEADER = ["Aikaleima", "Nimi", "Sisältö (1-5)", "Järjestelyt", "Terveiset"]
ROWS = [
    ["8.10.2026 12:00", "Anna", "5", "4", "Hyvä päivä"],
    ["8.10.2026 12:05", "Bertil", "4", "", ""],
    ["8.10.2026 12:09", "Cilla", "3", "5", "Lisää tällaisia"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def event(db: Database) -> uuid.UUID:
    return save_event(db, EventForm("Foorumi", "Forum", EventKind.FORUM, "8.10.2026")).id


def figures(db: Database, event_id: uuid.UUID) -> list[tuple[str, int, Decimal | None, str]]:
    return [(r.question, r.answers, r.average, r.comments) for r in feedback(db, event_id)]


def test_the_guessed_mapping_leaves_names_and_times_out(tmp_path: Path) -> None:
    table = read_feedback_file(write_csv(tmp_path / "palaute.csv", ROWS))
    assert guess_feedback_columns(table) == {2: SCORE, 3: SCORE, 4: COMMENT}


def test_figures_by_hand_and_the_same_file_twice(db: Database, tmp_path: Path) -> None:
    event_id = event(db)
    import_feedback_file(db, event_id, write_csv(tmp_path / "palaute.csv", ROWS))
    # By hand: content 5, 4, 3 -> 3 answers, 4.00; arrangements 4, 5 -> 2 answers, 4.50; two comments.
    expected = [
        ("Sisältö (1-5)", 3, Decimal("4.00"), ""),
        ("Järjestelyt", 2, Decimal("4.50"), ""),
        ("Terveiset", 2, None, "Hyvä päivä\nLisää tällaisia"),
    ]
    assert figures(db, event_id) == expected
    with pytest.raises(ValidationFailed) as failed:
        import_feedback_file(db, event_id, write_csv(tmp_path / "palaute-kopio.csv", ROWS))
    assert "palaute.csv" in failed.value.errors[0].message
    # The same answers saved as a workbook are the same content: refused too.
    book = openpyxl.Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append([int(c) if c.isdigit() else c for c in row])
    book.save(tmp_path / "palaute.xlsx")
    with pytest.raises(ValidationFailed):
        import_feedback_file(db, event_id, tmp_path / "palaute.xlsx")
    assert figures(db, event_id) == expected


def test_added_to_figures_entered_by_hand(db: Database, tmp_path: Path) -> None:
    event_id = event(db)
    save_feedback(db, event_id, [FeedbackForm("Sisältö (1-5)", "2", "3", "paperilta")])
    table = read_feedback_file(write_csv(tmp_path / "palaute.csv", ROWS))
    import_feedback(db, event_id, table, {2: SCORE}, "palaute.csv")
    # By hand: 2 answers averaging 3 and 3 averaging 4: (2*3 + 3*4) / 5 = 3.60.
    assert figures(db, event_id) == [("Sisältö (1-5)", 5, Decimal("3.60"), "paperilta")]
    # A column forgotten in the mapping can be taken from the same file later; a column taken
    # already cannot, not even beside a new one.
    with pytest.raises(ValidationFailed) as failed:
        import_feedback(db, event_id, table, {2: SCORE, 3: SCORE}, "palaute.csv")
    assert failed.value.errors[0].message.endswith("(palaute.csv): Sisältö (1-5). Mitään ei lisätty.")
    import_feedback(db, event_id, table, {3: SCORE}, "palaute.csv")
    assert figures(db, event_id) == [
        ("Sisältö (1-5)", 5, Decimal("3.60"), "paperilta"),
        ("Järjestelyt", 2, Decimal("4.50"), ""),
    ]


def test_a_bad_score_names_row_and_column_and_saves_nothing(db: Database, tmp_path: Path) -> None:
    event_id = event(db)
    rows = [*ROWS[:2], ["8.10.2026 12:09", "Cilla", "viisi", "11", ""]]
    table = read_feedback_file(write_csv(tmp_path / "palaute.csv", rows))
    with pytest.raises(ValidationFailed) as failed:
        import_feedback(db, event_id, table, {2: SCORE, 3: SCORE, 4: COMMENT}, "palaute.csv")
    messages = [e.message for e in failed.value.errors]
    assert messages == [
        "Rivi 4, sarake Sisältö (1-5): viisi ei ole arvosana 0–10",
        "Rivi 4, sarake Järjestelyt: 11 ei ole arvosana 0–10",
    ]
    assert figures(db, event_id) == []
    with pytest.raises(ValidationFailed):
        import_feedback(db, event_id, table, {}, "palaute.csv")
    # Corrected, the same event takes the file: nothing of the failed try was kept.
    import_feedback(db, event_id, table, {4: COMMENT}, "palaute.csv")
    assert figures(db, event_id) == [("Terveiset", 1, None, "Hyvä päivä")]


def test_swedish_headings_are_guessed_too(tmp_path: Path) -> None:
    export = tmp_path / "svar.csv"
    export.write_text(
        "Namn;E-post;Innehåll;Hälsningar\nAnna;a@x.fi;5;Bra dag\nBo;b@x.fi;4;\n", encoding="utf-8"
    )
    assert guess_feedback_columns(read_feedback_file(export)) == {2: SCORE, 3: COMMENT}
