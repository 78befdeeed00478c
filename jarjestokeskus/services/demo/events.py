"""The demo's events: the autumn forum held (registrations, attendance, feedback) and a training to
come whose places are taken (a waiting list)."""

from __future__ import annotations

import random
import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import Event, EventFeedback, EventRegistration, Organisation
from jarjestokeskus.domain.enums import MembershipStatus, WorkingLanguage
from jarjestokeskus.domain.events import EventKind, RegistrationStatus

FIRST = (
    "Aino",
    "Eero",
    "Helmi",
    "Ilkka",
    "Johanna",
    "Kalle",
    "Linnea",
    "Mikael",
    "Nora",
    "Oskari",
    "Pia",
    "Sten",
)
LAST = (
    "Aho",
    "Björk",
    "Eklund",
    "Heikkilä",
    "Holm",
    "Koski",
    "Lindqvist",
    "Mäkelä",
    "Nyström",
    "Salo",
    "Wikström",
)


def _event(session: Session, **fields: object) -> Event:
    event = Event(id=uuid.uuid4(), partners="", notes="", time_text="", **fields)
    session.add(event)
    session.flush()
    return event


def add_events(session: Session) -> None:
    chance = random.Random(92)
    members = sorted(
        session.scalars(
            select(Organisation).where(Organisation.membership_status == MembershipStatus.MEMBER)
        ),
        key=lambda o: o.name_fi,
    )
    forum = _event(
        session,
        title_fi="Järjestöfoorumi 2026",
        title_sv="Föreningsforum 2026",
        kind=EventKind.FORUM,
        starts_on=date(2026, 10, 8),
        place="Vaasan kaupungintalo",
        language="fi_sv",
        capacity=100,
    )
    training = _event(
        session,
        title_fi="Vapaaehtoistoiminnan koordinointi",
        title_sv="Att koordinera frivilligverksamhet",
        kind=EventKind.TRAINING,
        starts_on=date(2027, 1, 21),
        place="Järjestötalo",
        language="fi",
        capacity=20,
    )
    for event, count, held in ((forum, 92, True), (training, 24, False)):
        for index in range(count):
            organisation = members[index % len(members)]
            swedish = organisation.working_language == WorkingLanguage.SWEDISH
            session.add(
                EventRegistration(
                    id=uuid.uuid4(),
                    event_id=event.id,
                    first_name=chance.choice(FIRST),
                    last_name=chance.choice(LAST),
                    email="",
                    organisation_id=organisation.id,
                    organisation_name=organisation.name_sv
                    if swedish and organisation.name_sv
                    else organisation.name_fi,
                    language="sv" if swedish else "fi",
                    dietary="",
                    accessibility="",
                    consent_to_list=chance.random() < 0.7,
                    status=RegistrationStatus.REGISTERED
                    if index < (event.capacity or count)
                    else RegistrationStatus.WAITING,
                    registered_on=event.starts_on.replace(day=1),
                    attended=(chance.random() < 0.88) if held else None,
                    anonymised=False,
                )
            )
    for question, answers, average, comments in (
        ("Kokonaisarvio / Helhetsbedömning", 61, "4.4", "Hyvä keskustelu kaupungin kanssa."),
        ("Hyödyllisyys / Nytta", 59, "4.1", ""),
    ):
        session.add(
            EventFeedback(
                id=uuid.uuid4(),
                event_id=forum.id,
                question=question,
                answers=answers,
                average=Decimal(average),
                comments=comments,
            )
        )
