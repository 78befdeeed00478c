"""The demo's welfare survey: the answers of 2025 and 2026 from most member organisations, made up
but steady (a fixed seed), so the contribution report has two years to compare."""

from __future__ import annotations

import random
import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import Organisation, Survey, SurveyQuestion
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.survey import (
    DEFAULT_QUESTIONS,
    QUOTE_ANONYMOUS,
    QUOTE_NAMED,
    QUOTE_NO,
    QuestionKind,
)
from jarjestokeskus.services.survey.answers import store_response

OBSERVATIONS = (
    "Yksinäisyys on lisääntynyt erityisesti ikääntyneillä haja-asutusalueilla.",
    "Nuorten ahdistus näkyy ryhmissämme aiempaa useammin.",
    "Ensam är inte stark: allt fler äldre hittar till oss först efter en kris.",
    "Kuljetusten puute estää monia osallistumasta.",
    "Ruoka-avun tarve on kasvanut.",
)
WISHES = (
    "Maksuttomia tai edullisia tiloja iltakäyttöön.",
    "Avustusten haku aikaisemmin syksyllä.",
    "Fler mötesplatser i byarna.",
    "Yhteyshenkilö kuntaan, jolle voi soittaa.",
)


def _survey(session: Session, year: int) -> Survey:
    survey = Survey(id=uuid.uuid4(), year=year, opens_on=date(year, 9, 1), closes_on=date(year, 10, 31))
    session.add(survey)
    session.flush()
    for position, spec in enumerate(DEFAULT_QUESTIONS, start=1):
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
    session.flush()
    return survey


def add_survey_answers(session: Session) -> None:
    members = sorted(
        session.scalars(
            select(Organisation).where(
                Organisation.membership_status == MembershipStatus.MEMBER, Organisation.is_home.is_(False)
            )
        ),
        key=lambda o: o.name_fi,
    )
    chance = random.Random(2026)
    for year, share in ((2025, 0.6), (2026, 0.75)):
        survey = _survey(session, year)
        for organisation in members:
            if chance.random() > share:
                continue
            answers: dict[str, object] = {}
            for spec in DEFAULT_QUESTIONS:
                if spec.kind == QuestionKind.NUMBER:
                    scale = {"groups": 6, "participants": 150, "volunteers": 25, "volunteer_hours": 1200}[
                        spec.key
                    ]
                    answers[spec.key] = Decimal(chance.randint(1, scale))
                elif spec.kind == QuestionKind.MULTI:
                    keys = [key for key, _fi, _sv in spec.options]
                    answers[spec.key] = tuple(sorted(chance.sample(keys, chance.randint(1, 3))))
                elif spec.key == "quote":
                    answers[spec.key] = chance.choice((QUOTE_NAMED, QUOTE_NAMED, QUOTE_ANONYMOUS, QUOTE_NO))
                elif spec.kind == QuestionKind.CHOICE:
                    answers[spec.key] = chance.choice([key for key, _fi, _sv in spec.options])
                elif spec.key == "observations":
                    answers[spec.key] = chance.choice(OBSERVATIONS)
                elif spec.key == "wishes_municipality":
                    answers[spec.key] = chance.choice(WISHES)
            store_response(session, survey, organisation, answers, "demo", date(year, 10, 15))  # type: ignore[arg-type]
    _add_objectives(session)


# Vaasa's welfare plan 2025–2029, made up in its spirit: each objective with the survey themes that
# speak to it, and the demo agreements' goals that serve it.
OBJECTIVES = (
    (
        "Yksinäisyyden ja syrjäytymisen ehkäisy",
        "Förebygga ensamhet och utanförskap",
        ("loneliness", "participation"),
        ("Kohtaamispaikka avoinna arkisin",),
    ),
    (
        "Mielen hyvinvoinnin vahvistaminen",
        "Stärka det psykiska välbefinnandet",
        ("mental_health", "substances"),
        ("Vertaistukiryhmät kahdella kielellä",),
    ),
    (
        "Arjen turvallisuus ja palvelujen saavutettavuus",
        "Trygghet i vardagen och tillgång till tjänster",
        ("safety", "services", "mobility"),
        (),
    ),
)


def _add_objectives(session: Session) -> None:
    from jarjestokeskus.db.models import AgreementGoal, WelfareObjective

    for position, (fi, sv, themes, goals) in enumerate(OBJECTIVES, start=1):
        objective = WelfareObjective(
            id=uuid.uuid4(),
            municipality_code="905",
            term_start=2025,
            position=position,
            title_fi=fi,
            title_sv=sv,
            themes="\n".join(themes),
        )
        session.add(objective)
        session.flush()
        for goal in session.scalars(select(AgreementGoal).where(AgreementGoal.title_fi.in_(goals))):
            goal.welfare_objective_id = objective.id
