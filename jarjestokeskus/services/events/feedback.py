"""An event's feedback figures: per question the answers, the average score, and free comments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import EventFeedback
from jarjestokeskus.domain.validation import Errors, clean, parse_count
from jarjestokeskus.i18n import _


@dataclass(frozen=True)
class FeedbackRow:
    question: str
    answers: int
    average: Decimal | None
    comments: str


@dataclass(frozen=True)
class FeedbackForm:
    question: str
    answers: str
    average: str
    comments: str = ""


def feedback(db: Database, event_id: uuid.UUID) -> list[FeedbackRow]:
    with db.reading() as session:
        rows = session.scalars(
            select(EventFeedback)
            .where(EventFeedback.event_id == event_id, EventFeedback.archived_at.is_(None))
            .order_by(EventFeedback.created_at)
        )
        return [FeedbackRow(r.question, r.answers, r.average, r.comments) for r in rows]


def _score(text: str, field: str, errors: Errors) -> Decimal | None:
    value = clean(text).replace(",", ".")
    if not value:
        return None
    try:
        score = Decimal(value)
    except ArithmeticError:
        score = Decimal(-1)
    if not Decimal(0) <= score <= Decimal(10) or not score.is_finite():
        errors.add(field, _("{field}: a number from 0 to 10").format(field=_("Average score")))
        return None
    return score.quantize(Decimal("0.01"))


def save_feedback(db: Database, event_id: uuid.UUID, forms: list[FeedbackForm]) -> list[FeedbackRow]:
    """The event's feedback as a whole: rows left out are archived; wrong cells named rows[i].field."""
    errors = Errors()
    values = []
    for index, form in enumerate(forms):
        key = f"rows[{index}]."
        question = clean(form.question)
        if not question:
            errors.add(key + "question", _("{field}: required").format(field=_("Question")))
        answers = parse_count(form.answers, key + "answers", _("Answers"), errors) or 0
        values.append(
            (question[:200], answers, _score(form.average, key + "average", errors), form.comments.strip())
        )
    errors.raise_if_any()
    with db.transaction() as session:
        for old in session.scalars(
            select(EventFeedback).where(
                EventFeedback.event_id == event_id, EventFeedback.archived_at.is_(None)
            )
        ):
            old.archived_at = utcnow()
        for question, answers, average, comments in values:
            session.add(
                EventFeedback(
                    id=uuid.uuid4(),
                    event_id=event_id,
                    question=question,
                    answers=answers,
                    average=average,
                    comments=comments,
                )
            )
    return feedback(db, event_id)
