"""Storing an organisation's answers to a year's survey: one response, an answer per question, updated
(never duplicated) when the same organisation's answers arrive again."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import Organisation, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from jarjestokeskus.domain.survey import QuestionKind

Value = Decimal | str | tuple[str, ...] | None


@dataclass(frozen=True)
class Stored:
    organisation_id: uuid.UUID
    new: bool  # a first response of the organisation for the year


def store_response(
    session: Session,
    survey: Survey,
    organisation: Organisation,
    answers: Mapping[str, Value],
    source: str,
    today: date,
) -> Stored:
    """Write the answers by question key; a question left out keeps its earlier answer."""
    questions = {
        q.key: q
        for q in session.scalars(
            select(SurveyQuestion).where(
                SurveyQuestion.survey_id == survey.id, SurveyQuestion.archived_at.is_(None)
            )
        )
    }
    response = session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.organisation_id == organisation.id
        )
    )
    new = response is None
    if response is None:
        response = SurveyResponse(id=uuid.uuid4(), survey_id=survey.id, organisation_id=organisation.id)
        session.add(response)
    response.archived_at = None
    response.municipality = organisation.municipality
    response.received_on, response.source = today, source[:260]
    session.flush()
    existing = {
        a.question_id: a
        for a in session.scalars(select(SurveyAnswer).where(SurveyAnswer.response_id == response.id))
    }
    for key, value in answers.items():
        question = questions.get(key)
        if question is None:
            continue
        answer = existing.get(question.id)
        if answer is None:
            answer = SurveyAnswer(id=uuid.uuid4(), response_id=response.id, question_id=question.id)
            session.add(answer)
        answer.archived_at = None
        if question.kind == QuestionKind.NUMBER:
            answer.number_value, answer.text_value = (value if isinstance(value, Decimal) else None), ""
        elif isinstance(value, tuple):
            answer.number_value, answer.text_value = None, "\n".join(value)
        else:
            answer.number_value, answer.text_value = None, str(value or "")
    return Stored(organisation.id, new)
