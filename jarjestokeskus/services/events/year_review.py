"""The events of a year for the annual review: by kind how many were held, who attended, how many
organisations they came from, and the average of their feedback scores."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Event, EventFeedback
from jarjestokeskus.domain.events import EventKind
from jarjestokeskus.services.events.attendance import Reach, attended, organisations_reached, reach


@dataclass(frozen=True)
class KindFigures:
    kind: EventKind | None  # None: all kinds together
    events: int
    participants: int
    organisations: int  # each organisation once, even when it came to several events
    feedback_answers: int  # answers to scored questions
    feedback_average: Decimal | None  # their average, each question weighted by its answers


def feedback_average(rows: list[tuple[int, Decimal | None]]) -> tuple[int, Decimal | None]:
    """(answers, average) of (answers, average) per question: the questions with a score, each
    weighted by its answers; comments-only questions count in neither."""
    scored = [(answers, average) for answers, average in rows if average is not None and answers]
    answers = sum(a for a, _avg in scored)
    if not answers:
        return 0, None
    return answers, (sum(a * avg for a, avg in scored) / answers).quantize(Decimal("0.01"))


def scored_feedback(session: Session, event_ids: list[uuid.UUID]) -> tuple[int, Decimal | None]:
    """The scored answers to the events' feedback and their average."""
    rows = session.execute(
        select(EventFeedback.answers, EventFeedback.average).where(
            EventFeedback.event_id.in_(event_ids), EventFeedback.archived_at.is_(None)
        )
    ).all()
    return feedback_average([(answers, average) for answers, average in rows])


def events_of_year(db: Database, year: int) -> list[KindFigures]:
    """One row per kind that had events in `year` (in the kinds' order), then the total."""
    with db.reading() as session:
        events = [
            e
            for e in session.scalars(select(Event).where(Event.archived_at.is_(None)))
            if e.starts_on.year == year
        ]
        ids = [e.id for e in events]
        kind_of = {e.id: e.kind for e in events}
        reached = reach(session, ids)
        scores = session.execute(
            select(EventFeedback.event_id, EventFeedback.answers, EventFeedback.average).where(
                EventFeedback.event_id.in_(ids), EventFeedback.archived_at.is_(None)
            )
        ).all()

    def figures(kind: EventKind | None) -> KindFigures:
        chosen = {i for i, k in kind_of.items() if kind is None or k == kind}
        rows: list[Reach] = [r for r in reached if r.event_id in chosen]
        answers, average = feedback_average([(a, avg) for i, a, avg in scores if i in chosen])
        return KindFigures(kind, len(chosen), attended(rows), organisations_reached(rows), answers, average)

    kinds = [figures(kind) for kind in EventKind if kind in kind_of.values()]
    return [*kinds, figures(None)]
