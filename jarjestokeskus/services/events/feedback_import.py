"""Feedback from a web form's export (CSV or XLSX): the user says which columns are scored
questions and which free comments; per question the answers are counted and averaged and the
comments gathered, and added to the event's feedback in one transaction. The same answers twice
are refused: the content's fingerprint (SHA-256 of the cells as read, whatever the file is called)
is kept with the columns taken, and the same content is taken again only for other columns."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Event, EventFeedback, EventFeedbackImport
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.events.feedback import FeedbackRow, feedback
from jarjestokeskus.services.events.form_import import guess_columns
from jarjestokeskus.services.organisations.import_files import Table, read_table

SCORE, COMMENT = "score", "comment"  # what a column is; any other column is left out
HIGHEST_SCORE = Decimal(10)
COMMENT_WORDS = (
    "kommentti",
    "kommentit",
    "palaute",
    "terveiset",
    "vapaa",
    "muuta",
    "kommentar",
    "hälsning",
    "synpunkt",
    "fritt",
    "övrigt",
    "comment",
    "feedback",
)


@dataclass(frozen=True)
class QuestionFigures:
    question: str
    answers: int
    average: Decimal | None
    comments: tuple[str, ...]


def read_feedback_file(path: Path | str) -> Table:
    """The export as a table (the member import's reader); raises ImportFileProblem."""
    return read_table(path)


def _score(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and Decimal(0) <= value <= HIGHEST_SCORE else None


def guess_feedback_columns(table: Table) -> dict[int, str]:
    """A first guess for the mapping: columns of scores are questions; text columns whose heading
    reads like a comment are comments; names, emails and the like are left out."""
    personal = set(guess_columns(list(table.header)))
    kinds: dict[int, str] = {}
    for column in range(len(table.header)):
        if column in personal:
            continue
        cells = [table.cell(row, column).strip() for row in range(len(table.rows))]
        filled = [c for c in cells if c]
        heading = table.header[column].casefold()
        if filled and all(_score(c) is not None for c in filled):
            kinds[column] = SCORE
        elif any(word in heading for word in COMMENT_WORDS):
            kinds[column] = COMMENT
    return kinds


def figures_from_table(table: Table, kinds: dict[int, str]) -> list[QuestionFigures]:
    """Per chosen column, in the file's order; a cell that is not a score names its row and column."""
    if not kinds:
        raise ValidationFailed([FieldError("columns", _("Choose at least one column to import."))])
    errors: list[FieldError] = []
    figures = []
    for column in sorted(kinds):
        name = table.column_name(column)
        cells = [(table.numbers[i], table.cell(i, column).strip()) for i in range(len(table.rows))]
        if kinds[column] == COMMENT:
            comments = tuple(text for _row, text in cells if text)
            figures.append(QuestionFigures(name, len(comments), None, comments))
            continue
        scores = []
        for row, text in cells:
            if not text:
                continue
            score = _score(text)
            if score is None:
                errors.append(
                    FieldError(
                        f"rows[{row}].{column}",
                        _("Row {row}, column {column}: {value} is not a score from 0 to 10").format(
                            row=row, column=name, value=text[:40]
                        ),
                    )
                )
            else:
                scores.append(score)
        average = (sum(scores) / len(scores)).quantize(Decimal("0.01")) if scores else None
        figures.append(QuestionFigures(name, len(scores), average, ()))
    if errors:
        raise ValidationFailed(errors)
    return figures


def fingerprint(table: Table) -> str:
    content = "\x1e".join("\x1f".join(cell.strip() for cell in row) for row in (table.header, *table.rows))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _combined(row: EventFeedback, new: QuestionFigures) -> None:
    """Old and new answers together: the average weighted by the answers of each."""
    if new.average is not None:
        if row.average is None or not row.answers:
            row.average = new.average
        else:
            total = row.average * row.answers + new.average * new.answers
            row.average = (total / (row.answers + new.answers)).quantize(Decimal("0.01"))
    row.answers += new.answers
    row.comments = "\n".join(part for part in (row.comments.strip(), *new.comments) if part)


@announces(changes.EVENTS)
def import_feedback(
    db: Database, event_id: uuid.UUID, table: Table, kinds: dict[int, str], file_name: str = ""
) -> list[FeedbackRow]:
    """Add the file's answers to the event's feedback (a question already there by the same text
    gets them added); all or nothing. Columns already taken from the same content are refused,
    naming when."""
    figures = figures_from_table(table, kinds)
    print_ = fingerprint(table)
    with db.transaction() as session:
        event = session.get(Event, event_id)
        if event is None or event.archived_at is not None:
            raise RecordNotFound()
        _refuse_taken(session, event_id, print_, [f.question for f in figures])
        existing = {
            row.question.strip().casefold(): row
            for row in session.scalars(
                select(EventFeedback).where(
                    EventFeedback.event_id == event_id, EventFeedback.archived_at.is_(None)
                )
            )
        }
        for new in figures:
            row = existing.get(new.question[:200].strip().casefold())
            if row is None:
                row = EventFeedback(
                    id=uuid.uuid4(), event_id=event_id, question=new.question[:200], answers=0, comments=""
                )
                session.add(row)
                existing[new.question[:200].strip().casefold()] = row
            _combined(row, new)
        session.add(
            EventFeedbackImport(
                id=uuid.uuid4(),
                event_id=event_id,
                fingerprint=print_,
                file_name=file_name[:260],
                answers=len(table.rows),
                questions="\n".join(f.question for f in figures),
            )
        )
    return feedback(db, event_id)


def _refuse_taken(session: Session, event_id: uuid.UUID, print_: str, questions: list[str]) -> None:
    """The same content may come again only for columns not taken from it before (a column
    forgotten in the mapping); a column taken twice would count its answers twice."""
    for earlier in session.scalars(
        select(EventFeedbackImport)
        .where(
            EventFeedbackImport.event_id == event_id,
            EventFeedbackImport.fingerprint == print_,
            EventFeedbackImport.archived_at.is_(None),
        )
        .order_by(EventFeedbackImport.created_at)
    ):
        taken = [q for q in questions if q in earlier.questions.splitlines()]
        if taken:
            message = _(
                "These answers were imported already on {date} ({file}): {columns}. Nothing was added."
            ).format(
                date=format_date(earlier.created_at.date()), file=earlier.file_name, columns=", ".join(taken)
            )
            raise ValidationFailed([FieldError("file", message)])


def import_feedback_file(
    db: Database, event_id: uuid.UUID, path: Path, kinds: dict[int, str] | None = None
) -> list[FeedbackRow]:
    """The command line's way: the guessed mapping unless `kinds` is given."""
    table = read_feedback_file(path)
    chosen = guess_feedback_columns(table) if kinds is None else kinds
    return import_feedback(db, event_id, table, chosen, Path(path).name)
