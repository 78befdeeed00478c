"""A year's survey and its questions: made from last year's (or the default set), frozen by answers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Survey, SurveyQuestion, SurveyResponse
from jarjestokeskus.domain.survey import DEFAULT_QUESTIONS, QuestionKind, QuestionSpec
from jarjestokeskus.i18n import localized
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces


@dataclass(frozen=True)
class QuestionRow:
    id: uuid.UUID
    key: str
    position: int
    section_fi: str
    section_sv: str
    text_fi: str
    text_sv: str
    kind: QuestionKind
    options: tuple[tuple[str, str, str], ...]  # (key, Finnish, Swedish)

    def text(self, language: str) -> str:
        return localized(self.text_fi, self.text_sv, language)

    def section(self, language: str) -> str:
        return localized(self.section_fi, self.section_sv, language)

    def option_label(self, key: str, language: str) -> str:
        for option, fi, sv in self.options:
            if option == key:
                return localized(fi, sv, language)
        return key


class QuestionsFrozen(Exception):
    """The year has responses: its questions can no longer change."""


def _options(text: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for line in text.splitlines():
        parts = (line.split("\t") + ["", "", ""])[:3]
        if parts[0]:
            out.append((parts[0], parts[1], parts[2]))
    return tuple(out)


def _row(q: SurveyQuestion) -> QuestionRow:
    return QuestionRow(
        q.id, q.key, q.position, q.section_fi, q.section_sv, q.text_fi, q.text_sv, q.kind, _options(q.options)
    )


def _survey(session: Session, year: int) -> Survey | None:
    return session.scalar(select(Survey).where(Survey.year == year, Survey.archived_at.is_(None)))


def _specs_of(session: Session, survey: Survey) -> list[QuestionSpec]:
    rows = session.scalars(
        select(SurveyQuestion)
        .where(SurveyQuestion.survey_id == survey.id, SurveyQuestion.archived_at.is_(None))
        .order_by(SurveyQuestion.position)
    )
    return [
        QuestionSpec(q.key, q.section_fi, q.section_sv, q.text_fi, q.text_sv, q.kind, _options(q.options))
        for q in rows
    ]


def ensure_survey(
    db: Database, year: int, opens_on: date | None = None, closes_on: date | None = None
) -> int:
    """The year's survey, made when missing as a copy of the latest earlier year's questions (or the
    default set); returns how many questions it has."""
    with db.transaction() as session:
        survey = _survey(session, year)
        if survey is None:
            earlier = session.scalar(
                select(Survey)
                .where(Survey.year < year, Survey.archived_at.is_(None))
                .order_by(Survey.year.desc())
                .limit(1)
            )
            specs = _specs_of(session, earlier) if earlier is not None else list(DEFAULT_QUESTIONS)
            survey = Survey(id=uuid.uuid4(), year=year, opens_on=opens_on, closes_on=closes_on)
            session.add(survey)
            session.flush()
            _write_questions(session, survey, specs)
        return int(
            session.scalar(
                select(func.count()).where(
                    SurveyQuestion.survey_id == survey.id, SurveyQuestion.archived_at.is_(None)
                )
            )
            or 0
        )


def _write_questions(session: Session, survey: Survey, specs: list[QuestionSpec]) -> None:
    for position, spec in enumerate(specs, start=1):
        session.add(
            SurveyQuestion(
                id=uuid.uuid4(),
                survey_id=survey.id,
                position=position,
                key=spec.key,
                section_fi=spec.section_fi,
                section_sv=spec.section_sv,
                text_fi=spec.text_fi,
                text_sv=spec.text_sv,
                kind=spec.kind,
                options="\n".join("\t".join(option) for option in spec.options),
            )
        )


def questions(db: Database, year: int) -> list[QuestionRow]:
    with db.reading() as session:
        survey = _survey(session, year)
        if survey is None:
            return []
        rows = session.scalars(
            select(SurveyQuestion)
            .where(SurveyQuestion.survey_id == survey.id, SurveyQuestion.archived_at.is_(None))
            .order_by(SurveyQuestion.position)
        )
        return [_row(q) for q in rows]


def is_frozen(db: Database, year: int) -> bool:
    """True once any organisation has answered the year's survey."""
    with db.reading() as session:
        survey = _survey(session, year)
        return survey is not None and bool(
            session.scalar(select(func.count()).where(SurveyResponse.survey_id == survey.id))
        )


def replace_questions(db: Database, year: int, specs: list[QuestionSpec]) -> None:
    """A new question set for a year nobody has answered yet; the old questions are archived."""
    from jarjestokeskus.db.base import utcnow

    if is_frozen(db, year):
        raise QuestionsFrozen(year)
    ensure_survey(db, year)
    with db.transaction() as session:
        survey = _survey(session, year)
        assert survey is not None
        for old in session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id)):
            old.archived_at = utcnow()
            old.key = f"{old.key}~{old.id.hex[:8]}"[:40]  # frees the key for the new question
        session.flush()
        _write_questions(session, survey, specs)


@dataclass(frozen=True)
class SurveyPeriod:
    survey_id: uuid.UUID
    year: int
    opens_on: date | None
    closes_on: date | None


def survey_period(db: Database, year: int) -> SurveyPeriod | None:
    with db.reading() as session:
        survey = _survey(session, year)
        return None if survey is None else SurveyPeriod(survey.id, year, survey.opens_on, survey.closes_on)


def survey_year(db: Database, survey_id: uuid.UUID) -> int | None:
    with db.reading() as session:
        survey = session.get(Survey, survey_id)
        return None if survey is None else survey.year


@announces(changes.YEAR_CLOCK)  # the year clock shows the period
def set_period(db: Database, year: int, opens_text: str, closes_text: str) -> SurveyPeriod:
    """When the year's survey is open for answers (dates typed d.m.yyyy; either may be empty).
    Raises ValidationFailed naming the field; the year's survey is made when missing."""
    from jarjestokeskus.domain.validation import Errors, check_period, parse_date
    from jarjestokeskus.i18n import _

    errors = Errors()
    opens_on = parse_date(opens_text, "opens_on", _("Answering starts"), errors)
    closes_on = parse_date(closes_text, "closes_on", _("Answering ends"), errors)
    check_period(opens_on, closes_on, "closes_on", _("Answering ends"), errors)
    errors.raise_if_any()
    ensure_survey(db, year)
    with db.transaction() as session:
        survey = _survey(session, year)
        assert survey is not None
        if (survey.opens_on, survey.closes_on) != (opens_on, closes_on):
            survey.opens_on, survey.closes_on = opens_on, closes_on
        return SurveyPeriod(survey.id, year, opens_on, closes_on)
