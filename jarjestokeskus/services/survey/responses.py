"""Who has answered a year's survey: answered, partly, not yet; the non-responders' addresses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from jarjestokeskus.domain.survey import QuestionKind, ResponseState
from jarjestokeskus.i18n import localized, sort_key
from jarjestokeskus.services.survey.forms import member_organisations


@dataclass(frozen=True)
class ResponseRow:
    organisation_id: uuid.UUID
    organisation: str
    municipality: str
    email: str
    state: ResponseState
    received_on: date | None


def response_status(db: Database, year: int, language: str = "fi") -> list[ResponseRow]:
    """Each member organisation: answered (every number and choice question), partly, or not yet."""
    with db.reading() as session:
        survey = session.scalar(select(Survey).where(Survey.year == year, Survey.archived_at.is_(None)))
        required: set[uuid.UUID] = set()
        answered: dict[uuid.UUID, set[uuid.UUID]] = {}
        received: dict[uuid.UUID, date] = {}
        if survey is not None:
            required = set(
                session.scalars(
                    select(SurveyQuestion.id).where(
                        SurveyQuestion.survey_id == survey.id,
                        SurveyQuestion.archived_at.is_(None),
                        SurveyQuestion.kind.in_([QuestionKind.NUMBER, QuestionKind.CHOICE]),
                    )
                )
            )
            for organisation_id, received_on, question_id, number, text in session.execute(
                select(
                    SurveyResponse.organisation_id,
                    SurveyResponse.received_on,
                    SurveyAnswer.question_id,
                    SurveyAnswer.number_value,
                    SurveyAnswer.text_value,
                )
                .outerjoin(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
                .where(SurveyResponse.survey_id == survey.id, SurveyResponse.archived_at.is_(None))
            ):
                received[organisation_id] = received_on
                if question_id is not None and (number is not None or (text or "").strip()):
                    answered.setdefault(organisation_id, set()).add(question_id)
        rows = []
        for org in member_organisations(session):
            if org.id not in received:
                state = ResponseState.MISSING
            elif required <= answered.get(org.id, set()):
                state = ResponseState.ANSWERED
            else:
                state = ResponseState.PARTLY
            rows.append(
                ResponseRow(
                    org.id,
                    localized(org.name_fi, org.name_sv, language),
                    org.municipality,
                    org.email,
                    state,
                    received.get(org.id),
                )
            )
    return sorted(rows, key=lambda r: sort_key(r.organisation))


def reminder_addresses(rows: list[ResponseRow]) -> list[str]:
    """The addresses of those who have not answered yet, each once."""
    return list(dict.fromkeys(r.email for r in rows if r.state == ResponseState.MISSING and r.email))


@dataclass(frozen=True)
class AnswerHit:
    organisation: str
    question: str
    text: str


def search_answers(db: Database, year: int, text: str, language: str = "fi") -> list[AnswerHit]:
    """The year's free-text answers containing `text` (any case, accents as the register's search
    folds them), by organisation and question; the answers as given."""
    from jarjestokeskus.db.models import Organisation

    needle = sort_key(text)
    if not needle:
        return []
    with db.reading() as session:
        rows = session.execute(
            select(Organisation, SurveyQuestion, SurveyAnswer.text_value)
            .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .join(Survey, Survey.id == SurveyResponse.survey_id)
            .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
            .join(Organisation, Organisation.id == SurveyResponse.organisation_id)
            .where(
                Survey.year == year,
                Survey.archived_at.is_(None),
                SurveyResponse.archived_at.is_(None),
                SurveyAnswer.archived_at.is_(None),
                SurveyQuestion.kind == QuestionKind.TEXT,
            )
        ).all()
        hits = [
            AnswerHit(
                localized(o.name_fi, o.name_sv, language), localized(q.text_fi, q.text_sv, language), answer
            )
            for o, q, answer in rows
            if needle in sort_key(answer)
        ]
    return sorted(hits, key=lambda h: (sort_key(h.organisation), sort_key(h.question)))
