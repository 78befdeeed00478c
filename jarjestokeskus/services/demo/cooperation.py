"""The demo's cooperation structures written into the demo's transaction (data in cooperation_data.py).

Bodies of Vaasa, Korsholm and the county with their seats and meetings, the cooperation checklist
of six municipalities and the county for 2025 and 2026, members' grants from three grantors for
two years, the premises members use, and a few of their activities.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.models import (
    Body,
    BodyMeeting,
    BodySeat,
    ChecklistElement,
    ChecklistEntry,
    MemberActivity,
    MemberGrant,
    MemberPremises,
    Person,
)
from jarjestokeskus.domain.cooperation import (
    AreaKind,
    BodyKind,
    ChecklistStatus,
    ChecklistTemplate,
    GrantInstrument,
    PremisesOwner,
    SeatRole,
)
from jarjestokeskus.services.cooperation.activities import search_text
from jarjestokeskus.services.cooperation.areas import area_name, canonical_area
from jarjestokeskus.services.demo import cooperation_data as data

_STATUS = {"P": ChecklistStatus.IN_PLACE, "R": ChecklistStatus.IN_PREPARATION, "N": ChecklistStatus.NONE}


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _area(kind: str, text: str) -> str:
    """Stored as the services store it: the register's Finnish name ("Korsholm" is "Mustasaari")."""
    found = canonical_area(
        AreaKind.WELLBEING_COUNTY if kind == "wellbeing_county" else AreaKind.MUNICIPALITY, text
    )
    return found or text


def _money(text: str | None) -> Decimal | None:
    return Decimal(text).quantize(Decimal("0.01")) if text is not None else None


def add_cooperation(session: Session, organisations: dict[str, uuid.UUID]) -> None:
    """Everything above, added to `session` (the demo's one transaction)."""
    bodies = _bodies(session)
    persons: dict[tuple[str, str], uuid.UUID] = {
        (p.first_name, p.last_name): p.id
        for p in session.scalars(select(Person).where(Person.archived_at.is_(None)))
    }
    for body, first, last, org, role, start, end in data.SEATS:
        if (first, last) not in persons:
            person = Person(id=uuid.uuid4(), first_name=first, last_name=last)
            session.add(person)
            persons[(first, last)] = person.id
        session.add(
            BodySeat(
                id=uuid.uuid4(),
                body_id=bodies[body],
                person_id=persons[(first, last)],
                organisation_id=organisations[org],
                role=SeatRole(role),
                start_date=_day(start),
                end_date=_day(end),
            )
        )
    for body, held, agenda, decisions in data.MEETINGS:
        session.add(
            BodyMeeting(
                id=uuid.uuid4(), body_id=bodies[body], held_on=_day(held), agenda=agenda, decisions=decisions
            )
        )
    session.flush()
    _checklist(session)
    _members(session, organisations)
    session.flush()


def _bodies(session: Session) -> dict[str, uuid.UUID]:
    ids: dict[str, uuid.UUID] = {}
    for key, kind, name_fi, name_sv, area_kind, area, start, end in data.BODIES:
        body = Body(
            id=uuid.uuid4(),
            kind=BodyKind(kind),
            name_fi=name_fi,
            name_sv=name_sv,
            area_kind=AreaKind(area_kind),
            area=_area(area_kind, area),
            term_start=_day(start),
            term_end=_day(end),
            note="",
        )
        session.add(body)
        ids[key] = body.id
    session.flush()
    return ids


def _checklist(session: Session) -> None:
    details = {(area, position): (owner, due) for area, position, owner, due in data.CHECKLIST_DETAILS}
    last_year = data.CHECKLIST_YEARS[-1]
    for template, area_kind, area, *states in data.CHECKLIST:
        elements = session.scalars(
            select(ChecklistElement)
            .where(
                ChecklistElement.template == ChecklistTemplate(template),
                ChecklistElement.archived_at.is_(None),
            )
            .order_by(ChecklistElement.position)
        ).all()
        for year, marks in zip(data.CHECKLIST_YEARS, states, strict=True):
            for position, (element, mark) in enumerate(zip(elements, marks, strict=True), start=1):
                if mark == ".":
                    continue
                owner, due = details.get((area, position), ("", None)) if year == last_year else ("", None)
                session.add(
                    ChecklistEntry(
                        id=uuid.uuid4(),
                        element_id=element.id,
                        area_kind=AreaKind(area_kind),
                        area=_area(area_kind, area),
                        year=year,
                        status=_STATUS[mark],
                        owner=owner,
                        due_date=_day(due),
                        note="",
                    )
                )


def _members(session: Session, organisations: dict[str, uuid.UUID]) -> None:
    for org, year, kind, grantor, instrument, applied, granted in data.GRANTS:
        session.add(
            MemberGrant(
                id=uuid.uuid4(),
                organisation_id=organisations[org],
                year=year,
                grantor_kind=AreaKind(kind),
                grantor=_area(kind, grantor),
                instrument=GrantInstrument(instrument),
                amount_applied=_money(applied),
                amount_granted=_money(granted),
                note="",
            )
        )
    for org, owner_kind, owner, address, free, rent, accessible, start, end in data.PREMISES:
        session.add(
            MemberPremises(
                id=uuid.uuid4(),
                organisation_id=organisations[org],
                owner_kind=PremisesOwner(owner_kind),
                owner=owner if owner_kind == "other" else _area(owner_kind, owner),
                address=address,
                terms="",
                free_of_charge=free,
                rent=_money(rent),
                accessible=accessible,
                start_date=_day(start),
                end_date=_day(end),
            )
        )
    for (
        org,
        title_fi,
        title_sv,
        audience,
        place,
        municipality,
        schedule,
        languages,
        contact,
    ) in data.ACTIVITIES:
        municipality = _area("municipality", municipality)
        sv_name = area_name(AreaKind.MUNICIPALITY, municipality, "sv")
        texts = (title_fi, title_sv, audience, place, municipality, schedule, contact, sv_name)
        session.add(
            MemberActivity(
                id=uuid.uuid4(),
                organisation_id=organisations[org],
                title_fi=title_fi,
                title_sv=title_sv,
                description="",
                audience=audience,
                place=place,
                municipality=municipality,
                schedule=schedule,
                languages=languages,
                contact=contact,
                search_text=search_text(*texts),
            )
        )
