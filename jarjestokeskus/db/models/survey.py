"""The yearly survey of the member organisations: its questions, each organisation's response, answers."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jarjestokeskus.db.base import Base, Record, enum_column
from jarjestokeskus.domain.survey import QuestionKind


class Survey(Record, Base):
    """One year's survey; its questions are frozen once the first response arrives."""

    __tablename__ = "survey"
    __table_args__ = (UniqueConstraint("year"),)

    year: Mapped[int] = mapped_column(Integer)
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)


class SurveyQuestion(Record, Base):
    __tablename__ = "survey_question"
    __table_args__ = (UniqueConstraint("survey_id", "key"),)

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    section_fi: Mapped[str] = mapped_column(String(200), default="")
    section_sv: Mapped[str] = mapped_column(String(200), default="")
    text_fi: Mapped[str] = mapped_column(Text, default="")
    text_sv: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind))
    options: Mapped[str] = mapped_column(Text, default="")  # a line per option: key<TAB>Finnish<TAB>Swedish


class SurveyResponse(Record, Base):
    """An organisation's answer to a year's survey, from a returned form or a web survey's export."""

    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "organisation_id"),)

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    municipality: Mapped[str] = mapped_column(String(80), default="")
    received_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(260), default="")


class SurveyAnswer(Record, Base):
    """One answer: a number, or text (a choice's key, several keys a line each, or free text)."""

    __tablename__ = "survey_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    response_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_response.id"), index=True)
    question_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_question.id"))
    number_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    text_value: Mapped[str] = mapped_column(Text, default="")


class WelfareObjective(Record, Base):
    """An objective of a municipality's welfare plan (hyvinvointisuunnitelma) for one council term,
    with the survey themes that speak to it; agreement goals point to it."""

    __tablename__ = "welfare_objective"

    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipality.code"), index=True)
    term_start: Mapped[int] = mapped_column(Integer)  # the council term's first year: 2025 for 2025–2029
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_fi: Mapped[str] = mapped_column(String(300), default="")
    title_sv: Mapped[str] = mapped_column(String(300), default="")
    themes: Mapped[str] = mapped_column(Text, default="")  # survey theme option keys, a line each
