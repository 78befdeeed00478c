"""What a goal's follow-up can cite for a year: the events that served the goal (how many, who
attended, how many organisations they came from, their feedback's average) and, when the goal
serves a welfare-plan objective, how many organisations observed its themes in that year's
welfare survey."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AgreementGoal, Event, WelfareObjective
from jarjestokeskus.services.events.attendance import attended, organisations_reached, reach
from jarjestokeskus.services.events.year_review import scored_feedback


@dataclass(frozen=True)
class GoalFigures:
    events: int
    attended: int
    organisations: int
    survey: tuple[tuple[str, int], ...]  # (theme in the language asked, organisations that observed it)
    feedback_answers: int = 0  # scored answers to the events' feedback
    feedback_average: Decimal | None = None  # their average, each question weighted by its answers


def goal_figures(db: Database, goal_id: uuid.UUID, year: int, language: str) -> GoalFigures:
    from jarjestokeskus.domain.survey import THEMES
    from jarjestokeskus.services.municipalities import municipality
    from jarjestokeskus.services.survey.questions import questions
    from jarjestokeskus.services.survey.welfare import year_figures

    with db.reading() as session:
        events = [
            e.id
            for e in session.scalars(
                select(Event).where(Event.goal_id == goal_id, Event.archived_at.is_(None))
            )
            if e.starts_on.year == year
        ]
        reached = reach(session, events)
        answers, average = scored_feedback(session, events)
        objective = session.scalar(
            select(WelfareObjective)
            .join(AgreementGoal, AgreementGoal.welfare_objective_id == WelfareObjective.id)
            .where(AgreementGoal.id == goal_id, WelfareObjective.archived_at.is_(None))
        )
        themes = tuple(t for t in objective.themes.splitlines() if t) if objective else ()
        code = objective.municipality_code if objective else ""
    survey: tuple[tuple[str, int], ...] = ()
    if themes:
        place = municipality(code)
        names = (place.name_fi, place.name_sv) if place else (code,)
        counts = year_figures(db, year, names, language).counts[THEMES]
        question = next((q for q in questions(db, year) if q.key == THEMES), None)
        survey = tuple(
            (question.option_label(theme, language) if question else theme, counts.get(theme, 0))
            for theme in themes
        )
    return GoalFigures(
        len(events), attended(reached), organisations_reached(reached), survey, answers, average
    )
