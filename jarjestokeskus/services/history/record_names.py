"""The record a change in the trail is about, named for the change history: the person of an
employment, the project of an instalment, the agreement of a follow-up entry, the year-clock task."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import Agreement as AgreementRecord
from jarjestokeskus.db.models import (
    AgreementGoal,
    BankPayment,
    Body,
    BodyMeeting,
    BodySeat,
    ChecklistElement,
    ChecklistEntry,
    Employment,
    EmploymentFunding,
    Event,
    EventFeedback,
    EventRegistration,
    FeeClass,
    FeeYear,
    Funding,
    Instalment,
    InstalmentRule,
    LetterTemplate,
    MailingList,
    MeetingMinutes,
    MonitoringEntry,
    Municipality,
    Person,
    Project,
    ReportingObligation,
    ReportingRule,
    SchemeLimit,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    WelfareObjective,
    YearClockCompletion,
    YearClockTask,
)
from jarjestokeskus.services.staff.ending import full_name
from jarjestokeskus.services.staff.rows import shown_first_name

Names = dict[uuid.UUID, tuple[str, str]]  # Finnish and Swedish


def _person(first: str | None, last: str | None, anonymised: bool) -> tuple[str, str]:
    name = full_name(shown_first_name(first or "", anonymised), last or "")
    return name, name


def names_of(session: Session, records: Iterable[tuple[str, uuid.UUID]]) -> Names:
    """(entity, id) of changes the owner join left unnamed → the names of what they are about."""
    ids: dict[str, set[uuid.UUID]] = defaultdict(set)
    for entity, record_id in records:
        ids[entity].add(record_id)
    names: Names = {}

    def read(entity: str, stmt, name) -> None:  # type: ignore[no-untyped-def]
        if ids.get(entity):
            for record_id, *parts in session.execute(stmt.where(stmt.selected_columns[0].in_(ids[entity]))):
                names[record_id] = name(*parts)

    read(
        "Employment",
        select(Employment.id, Person.first_name, Person.last_name, Person.anonymised).join(
            Person, Person.id == Employment.person_id
        ),
        _person,
    )
    read(
        "EmploymentFunding",
        select(EmploymentFunding.id, Person.first_name, Person.last_name, Person.anonymised)
        .join(Employment, Employment.id == EmploymentFunding.employment_id)
        .join(Person, Person.id == Employment.person_id),
        _person,
    )
    for model in (Instalment, ReportingObligation):
        read(
            model.__name__,
            select(model.id, Project.name_fi, Project.name_sv)
            .join(Funding, Funding.id == model.funding_id)
            .join(Project, Project.id == Funding.project_id),
            lambda fi, sv: (fi or sv, sv or fi),
        )
    read(
        "MonitoringEntry",
        select(MonitoringEntry.id, AgreementRecord.title_fi, AgreementRecord.title_sv)
        .join(AgreementGoal, AgreementGoal.id == MonitoringEntry.goal_id)
        .join(AgreementRecord, AgreementRecord.id == AgreementGoal.agreement_id),
        lambda fi, sv: (fi or sv, sv or fi),
    )
    read(
        "YearClockTask",
        select(YearClockTask.id, YearClockTask.title_fi, YearClockTask.title_sv),
        lambda fi, sv: (fi or sv, sv or fi),
    )
    read(
        "YearClockCompletion",
        select(YearClockCompletion.id, YearClockTask.title_fi, YearClockTask.title_sv).join(
            YearClockTask, YearClockTask.id == YearClockCompletion.task_id
        ),
        lambda fi, sv: (fi or sv, sv or fi),
    )
    both = lambda fi, sv: (fi or sv, sv or fi)  # noqa: E731
    same = lambda name: (str(name), str(name))  # noqa: E731
    for model, fi, sv in (
        (Event, Event.title_fi, Event.title_sv),
        (LetterTemplate, LetterTemplate.title_fi, LetterTemplate.title_sv),
        (FeeClass, FeeClass.name_fi, FeeClass.name_sv),
        (Municipality, Municipality.name_fi, Municipality.name_sv),
        (SurveyQuestion, SurveyQuestion.text_fi, SurveyQuestion.text_sv),
        (WelfareObjective, WelfareObjective.title_fi, WelfareObjective.title_sv),
        (Body, Body.name_fi, Body.name_sv),
        (ChecklistElement, ChecklistElement.name_fi, ChecklistElement.name_sv),
    ):
        read(model.__name__, select(model.id, fi, sv), both)
    for model in (BodySeat, BodyMeeting):
        read(
            model.__name__,
            select(model.id, Body.name_fi, Body.name_sv).join(Body, Body.id == model.body_id),
            both,
        )
    read(
        "MeetingMinutes",
        select(MeetingMinutes.id, Body.name_fi, Body.name_sv)
        .join(BodyMeeting, BodyMeeting.id == MeetingMinutes.meeting_id)
        .join(Body, Body.id == BodyMeeting.body_id),
        both,
    )
    read(
        "ChecklistEntry",
        select(ChecklistEntry.id, ChecklistElement.name_fi, ChecklistElement.name_sv).join(
            ChecklistElement, ChecklistElement.id == ChecklistEntry.element_id
        ),
        both,
    )
    for model in (EventRegistration, EventFeedback):
        read(
            model.__name__,
            select(model.id, Event.title_fi, Event.title_sv).join(Event, Event.id == model.event_id),
            both,
        )
    read(
        "SurveyAnswer",
        select(SurveyAnswer.id, SurveyQuestion.text_fi, SurveyQuestion.text_sv).join(
            SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id
        ),
        both,
    )
    read("MailingList", select(MailingList.id, MailingList.name), same)
    read("FeeYear", select(FeeYear.id, FeeYear.year), same)
    read("Survey", select(Survey.id, Survey.year), same)
    read("BankPayment", select(BankPayment.id, BankPayment.payer), same)
    read(
        "SchemeLimit", select(SchemeLimit.id, SchemeLimit.scheme), lambda scheme: (scheme.label, scheme.label)
    )
    for rule in (ReportingRule, InstalmentRule):
        read(
            rule.__name__,
            select(rule.id, rule.instrument),
            lambda instrument: (instrument.label, instrument.label),
        )
    return names
