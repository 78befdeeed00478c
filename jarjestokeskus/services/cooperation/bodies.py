"""Bodies (advisory boards, working groups, partnership tables, forums) and their seats: who
represents which organisation there, in which role, from when to when."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Body, BodySeat, Organisation, Person
from jarjestokeskus.domain.cooperation import (
    AreaKind,
    BodyKind,
    SeatRole,
    check_term,
    in_force,
    required_text,
)
from jarjestokeskus.domain.validation import Errors, check_length, clean
from jarjestokeskus.i18n import _, format_date, localized
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.cooperation.areas import area_name, check_area
from jarjestokeskus.services.cooperation.records import archive, live, load_for_saving, restore


@dataclass(frozen=True)
class BodyRow:
    id: uuid.UUID
    version: int
    kind: BodyKind
    name_fi: str
    name_sv: str
    area_kind: AreaKind
    area: str
    term_start: date | None
    term_end: date | None
    note: str
    archived_at: datetime | None = None

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)

    def area_name(self, language: str) -> str:
        return area_name(self.area_kind, self.area, language)

    def form(self) -> BodyForm:
        return BodyForm(
            self.kind,
            self.name_fi,
            self.name_sv,
            self.area_kind,
            self.area,
            format_date(self.term_start),
            format_date(self.term_end),
            self.note,
        )


@dataclass(frozen=True)
class BodyForm:
    kind: BodyKind
    name_fi: str
    name_sv: str
    area_kind: AreaKind
    area: str
    term_start: str = ""
    term_end: str = ""
    note: str = ""


@dataclass(frozen=True)
class SeatRow:
    id: uuid.UUID
    version: int
    body_id: uuid.UUID
    body: str
    body_kind: BodyKind
    area: str
    person_id: uuid.UUID
    person: str
    organisation_id: uuid.UUID
    organisation: str
    role: SeatRole
    start_date: date | None
    end_date: date | None
    first_name: str = ""
    last_name: str = ""
    archived_at: datetime | None = None

    def form(self) -> SeatForm:
        return SeatForm(
            self.first_name,
            self.last_name,
            self.organisation_id,
            self.role,
            format_date(self.start_date),
            format_date(self.end_date),
        )


@dataclass(frozen=True)
class SeatForm:
    """A seat as typed: the person by name (found or added), whom they represent, the role, from–to."""

    first_name: str
    last_name: str
    organisation_id: uuid.UUID | None
    role: SeatRole
    start_date: str = ""
    end_date: str = ""


def _body_row(b: Body) -> BodyRow:
    return BodyRow(
        b.id,
        b.version,
        b.kind,
        b.name_fi,
        b.name_sv,
        b.area_kind,
        b.area,
        b.term_start,
        b.term_end,
        b.note,
        b.archived_at,
    )


def bodies(db: Database, language: str = "fi", archived: bool = False, text: str = "") -> list[BodyRow]:
    """Live (or archived) bodies whose name or area has `text`, by area and name in the language's order."""
    needle = sort_key(text.strip())
    with db.reading() as session:
        rows = [_body_row(b) for b in session.scalars(select(Body).where(live(Body, archived)))]
    if needle:
        rows = [r for r in rows if needle in sort_key(f"{r.name_fi} {r.name_sv} {r.area_name(language)}")]
    return sorted(
        rows,
        key=lambda r: (
            r.area_kind != AreaKind.MUNICIPALITY,
            sort_key(r.area_name(language)),
            sort_key(r.name(language)),
        ),
    )


def get_body(db: Database, body_id: uuid.UUID) -> BodyRow:
    with db.reading() as session:
        body = session.get(Body, body_id)
        if body is None:
            raise RecordNotFound()
        return _body_row(body)


def archive_body(db: Database, body_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Out of the lists with its seats and meetings (they stay with it); it can be restored."""
    archive(db, Body, body_id, expected_version)


def restore_body(db: Database, body_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, Body, body_id, expected_version)


def save_body(
    db: Database, form: BodyForm, body_id: uuid.UUID | None = None, expected_version: int | None = None
) -> BodyRow:
    errors = Errors()
    name_fi, name_sv = clean(form.name_fi), clean(form.name_sv)
    if not name_fi and not name_sv:
        errors.add("name_fi", _("{field}: required").format(field=_("Name")))
    check_length(name_fi, 200, "name_fi", _("Name in Finnish"), errors)
    check_length(name_sv, 200, "name_sv", _("Name in Swedish"), errors)
    area = check_area(form.area_kind, form.area, "area", _("Municipality or county"), errors)
    term = check_term(form.term_start, form.term_end, errors, _("Term"))
    errors.raise_if_any()
    with db.transaction() as session:
        body = load_for_saving(session, Body, body_id, expected_version)
        body.kind, body.name_fi, body.name_sv = form.kind, name_fi, name_sv
        body.area_kind, body.area = form.area_kind, area
        body.term_start, body.term_end, body.note = term.start, term.end, clean(form.note)
        session.flush()
        return _body_row(body)


def _seat_rows(session, stmt, language: str) -> list[SeatRow]:  # type: ignore[no-untyped-def]
    return [
        SeatRow(
            s.id,
            s.version,
            b.id,
            localized(b.name_fi, b.name_sv, language),
            b.kind,
            area_name(b.area_kind, b.area, language),
            p.id,
            f"{p.first_name} {p.last_name}".strip(),
            o.id,
            localized(o.name_fi, o.name_sv, language),
            s.role,
            s.start_date,
            s.end_date,
            p.first_name,
            p.last_name,
            s.archived_at,
        )
        for s, b, p, o in session.execute(stmt)
    ]


def _seats_query(archived: bool = False):  # type: ignore[no-untyped-def]
    return (
        select(BodySeat, Body, Person, Organisation)
        .join(Body, Body.id == BodySeat.body_id)
        .join(Person, Person.id == BodySeat.person_id)
        .join(Organisation, Organisation.id == BodySeat.organisation_id)
        .where(live(BodySeat, archived), Body.archived_at.is_(None))
    )


_ROLE_ORDER = {
    role: index
    for index, role in enumerate((SeatRole.CHAIR, SeatRole.VICE_CHAIR, SeatRole.MEMBER, SeatRole.DEPUTY))
}


def seats(db: Database, body_id: uuid.UUID, language: str = "fi", archived: bool = False) -> list[SeatRow]:
    """Every seat of a body, current and past (or the archived ones): chair first, deputies last."""
    with db.reading() as session:
        rows = _seat_rows(session, _seats_query(archived).where(BodySeat.body_id == body_id), language)
    return sorted(rows, key=lambda r: (_ROLE_ORDER[r.role], r.start_date or date.min, sort_key(r.person)))


def representation(db: Database, on: date, language: str = "fi") -> list[SeatRow]:
    """Who represents us where on `on`: seats in force that day, by area, body and role."""
    with db.reading() as session:
        rows = _seat_rows(session, _seats_query().where(Person.anonymised.is_(False)), language)
    current = [r for r in rows if in_force(r.start_date, r.end_date, on)]
    return sorted(
        current, key=lambda r: (sort_key(r.area), sort_key(r.body), _ROLE_ORDER[r.role], sort_key(r.person))
    )


def person_seats(db: Database, person_id: uuid.UUID, language: str = "fi") -> list[SeatRow]:
    """Every seat a person has held (for their data export)."""
    with db.reading() as session:
        return _seat_rows(session, _seats_query().where(BodySeat.person_id == person_id), language)


def archive_seat(db: Database, seat_id: uuid.UUID, expected_version: int | None = None) -> None:
    """A seat entered by mistake: out of the lists, kept, can be restored (a seat that ended gets its end date)."""
    archive(db, BodySeat, seat_id, expected_version)


def restore_seat(db: Database, seat_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, BodySeat, seat_id, expected_version)


def save_seat(
    db: Database,
    body_id: uuid.UUID,
    form: SeatForm,
    seat_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    """A seat saved; a person of that name is found among the register's persons or added."""
    errors = Errors()
    first = clean(form.first_name)
    last = required_text(form.last_name, "last_name", _("Last name"), 100, errors)
    check_length(first, 100, "first_name", _("First name"), errors)
    if form.organisation_id is None:
        errors.add("organisation_id", _("{field}: required").format(field=_("Organisation")))
    term = check_term(form.start_date, form.end_date, errors, _("To"))
    errors.raise_if_any()
    with db.transaction() as session:
        if session.get(Body, body_id) is None or session.get(Organisation, form.organisation_id) is None:
            raise RecordNotFound()
        person = session.scalars(
            select(Person).where(
                Person.first_name == first,
                Person.last_name == last,
                Person.anonymised.is_(False),
                Person.archived_at.is_(None),
            )
        ).first()
        if person is None:
            person = Person(id=uuid.uuid4(), first_name=first, last_name=last)
            session.add(person)
            session.flush()
        seat = load_for_saving(session, BodySeat, seat_id, expected_version, body_id=body_id)
        seat.person_id, seat.organisation_id, seat.role = person.id, form.organisation_id, form.role
        seat.start_date, seat.end_date = term.start, term.end
        session.flush()
        return seat.id


def seats_for_export(session: Session, person_id: uuid.UUID) -> list[dict[str, object]]:
    """A person's seats in bodies for their data export (services.person_data), values as stored."""
    stmt = (
        select(BodySeat, Body, Organisation)
        .join(Body, Body.id == BodySeat.body_id)
        .join(Organisation, Organisation.id == BodySeat.organisation_id)
        .where(BodySeat.person_id == person_id)
        .order_by(BodySeat.start_date)
    )
    return [
        {
            "body_fi": body.name_fi,
            "body_sv": body.name_sv,
            "area": body.area,
            "organisation_fi": org.name_fi,
            "organisation_sv": org.name_sv,
            "role": seat.role.value,
            "start_date": seat.start_date.isoformat() if seat.start_date else None,
            "end_date": seat.end_date.isoformat() if seat.end_date else None,
            "archived": seat.archived_at is not None,
        }
        for seat, body, org in session.execute(stmt)
    ]
