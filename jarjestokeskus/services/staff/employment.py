"""The staff of the home organisation: list, read, check against the limits, save, archive, restore."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import Employment, EmploymentFunding, Organisation, Person, Project
from jarjestokeskus.domain.employment import PersonForm, PersonValues, validate
from jarjestokeskus.domain.scheme_limits import check_period
from jarjestokeskus.domain.validation import FieldError
from jarjestokeskus.i18n import _, localized, sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.staff.rows import (
    EMPLOYMENT_FIELDS,
    PersonDetail,
    StaffRow,
    employment_row,
    full_name,
    person_detail,
)
from jarjestokeskus.services.staff.scheme_limits import load_rules


class LimitsExceeded(Exception):
    """The form is valid but breaks a scheme's limits; save again with accept_warnings=True."""

    def __init__(self, warnings: list[FieldError]):
        super().__init__("; ".join(w.message for w in warnings))
        self.warnings = warnings


class NoHomeOrganisation(Exception):
    def user_message(self) -> str:
        return _(
            "Choose your own organisation first (Edit › Settings…, Your organisation): "
            "the staff are employed by it."
        )


def _home_id(session) -> uuid.UUID:  # type: ignore[no-untyped-def]
    home = session.scalar(
        select(Organisation.id).where(Organisation.is_home, Organisation.archived_at.is_(None)).limit(1)
    )
    if home is None:
        raise NoHomeOrganisation()
    return home


def _live_employments(session, person_id: uuid.UUID) -> list[Employment]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(
            select(Employment)
            .where(Employment.person_id == person_id, Employment.archived_at.is_(None))
            .order_by(Employment.start_date, Employment.id)
        )
    )


def _fundings(session, employment_id: uuid.UUID) -> list[EmploymentFunding]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(
            select(EmploymentFunding).where(
                EmploymentFunding.employment_id == employment_id, EmploymentFunding.archived_at.is_(None)
            )
        )
    )


def list_staff(
    db: Database, today: date | None = None, *, archived: bool = False, text: str = ""
) -> list[StaffRow]:
    """Persons with a period at the home organisation, each with the period running `today`
    (else the latest one), sorted by last name in Finnish/Swedish collation."""
    today = today or date.today()
    words = sort_key(text).split()
    with db.reading() as session:
        home = session.scalar(select(Organisation.id).where(Organisation.is_home).limit(1))
        stmt = (
            select(Person, Employment)
            .join(Employment, Employment.person_id == Person.id)
            .where(Employment.employer_id == home, Employment.archived_at.is_(None))
            .where(Person.archived_at.is_not(None) if archived else Person.archived_at.is_(None))
        )
        chosen: dict[uuid.UUID, tuple[Person, Employment]] = {}
        for person, employment in session.execute(stmt):
            best = chosen.get(person.id)
            if best is None or _better(employment, best[1], today):
                chosen[person.id] = (person, employment)
        rows = [
            StaffRow(
                p.id,
                p.first_name,
                p.last_name,
                p.anonymised,
                p.archived_at,
                e.scheme,
                e.title,
                e.start_date,
                e.end_date,
            )
            for p, e in chosen.values()
        ]
    rows = [r for r in rows if all(w in sort_key(f"{r.name} {r.title}") for w in words)]
    return sorted(rows, key=lambda r: (sort_key(r.last_name), sort_key(r.first_name), str(r.person_id)))


def _running(employment: Employment, today: date) -> bool:
    return employment.start_date <= today and (employment.end_date is None or employment.end_date >= today)


def _better(candidate: Employment, current: Employment, today: date) -> bool:
    """The running period wins; between equals the one that started later."""
    a, b = _running(candidate, today), _running(current, today)
    if a != b:
        return a
    return candidate.start_date > current.start_date


def _load(session, person_id: uuid.UUID) -> Person:  # type: ignore[no-untyped-def]
    person = session.get(Person, person_id)
    if person is None:
        raise RecordNotFound()
    return person


def _detail(session, person: Person) -> PersonDetail:  # type: ignore[no-untyped-def]
    rows = [employment_row(e, _fundings(session, e.id)) for e in _live_employments(session, person.id)]
    return person_detail(person, rows)


def get_person(db: Database, person_id: uuid.UUID) -> PersonDetail:
    with db.reading() as session:
        return _detail(session, _load(session, person_id))


def find_persons(db: Database, text: str) -> list[tuple[uuid.UUID, str]]:
    """Persons (any, not only staff) whose name contains every word of `text`."""
    words = sort_key(text).split()
    with db.reading() as session:
        found = [
            (p.id, full_name(p.first_name, p.last_name))
            for p in session.scalars(select(Person))
            if words and all(w in sort_key(full_name(p.first_name, p.last_name)) for w in words)
        ]
    return sorted(found, key=lambda item: sort_key(item[1]))


def supervisors(db: Database) -> list[tuple[uuid.UUID, str]]:
    """Who can supervise: the home organisation's current staff, by name."""
    return [(r.person_id, r.name) for r in list_staff(db) if not r.anonymised]


def paying_projects(db: Database, language: str = "fi") -> list[tuple[uuid.UUID, str]]:
    """Projects that can pay an employment, by name in `language` (with the code when there is one)."""
    with db.reading() as session:
        projects = session.scalars(select(Project).where(Project.archived_at.is_(None))).all()
        named = [
            (p.id, (f"{p.code} " if p.code else "") + localized(p.name_fi, p.name_sv, language))
            for p in projects
        ]
    return sorted(named, key=lambda item: sort_key(item[1]))


def limit_warnings(
    db: Database, form: PersonForm, person_id: uuid.UUID | None = None, *, stored_too: bool = False
) -> list[FieldError]:
    """The limits the form's new or changed periods break (field keys "employments[i].field").

    Raises ValidationFailed when the form itself is wrong. Periods stored unchanged are not
    judged again (the user accepted them when they were saved) unless `stored_too`: the form
    marks them still.
    """
    values = validate(form)
    with db.reading() as session:
        return _warnings(session, values, person_id, stored_too)


def _warnings(
    session, values: PersonValues, person_id: uuid.UUID | None, stored_too: bool = False
) -> list[FieldError]:  # type: ignore[no-untyped-def]
    rules = load_rules(session)
    stored = {e.id: e for e in _live_employments(session, person_id)} if person_id else {}
    periods = [e.period() for e in values.employments]
    warnings: list[FieldError] = []
    for index, employment in enumerate(values.employments):
        record = stored.get(employment.employment_id) if employment.employment_id else None
        unchanged = record is not None and all(
            getattr(record, k) == employment.scalars[k] for k in EMPLOYMENT_FIELDS
        )
        if unchanged and not stored_too:
            continue
        period = periods[index]
        earlier = [p for i, p in enumerate(periods) if i != index and p.start_date < period.start_date]
        for warning in check_period(period, rules, earlier):
            warnings.append(FieldError(f"employments[{index}].{warning.field}", warning.message))
    return warnings


@announces(changes.STAFF)
def save_person(
    db: Database,
    form: PersonForm,
    person_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    *,
    accept_warnings: bool = False,
) -> PersonDetail:
    """Create or update a staff member with their periods and paying projects, all or nothing.

    Raises ValidationFailed (nothing saved), LimitsExceeded unless `accept_warnings`, or
    StaleRecord when someone saved the person meanwhile.
    """
    values = validate(form)
    with db.transaction() as session:
        if not accept_warnings:
            warnings = _warnings(session, values, person_id)
            if warnings:
                raise LimitsExceeded(warnings)
        employer = _home_id(session)
        if person_id is None:
            person = Person(id=uuid.uuid4())
            session.add(person)
        else:
            person = _load(session, person_id)
            if expected_version is not None and person.version != expected_version:
                raise StaleRecord()
        with session.no_autoflush:
            changed = _apply(session, person, values, employer)
        if changed and person_id is not None and not session.is_modified(person):
            person.updated_at = utcnow()  # the person's version guards the whole form
        session.flush()
        return _detail(session, person)


def _apply(session, person: Person, values: PersonValues, employer: uuid.UUID) -> bool:  # type: ignore[no-untyped-def]
    # Records are flushed whole, parents first: the tables have no ORM relationships to order
    # them. A stored person's own fields are set last, so those flushes leave the person alone.
    if person in session.new:
        _set_person(person, values)
        session.flush()
    now = utcnow()
    changed = False
    current = {e.id: e for e in _live_employments(session, person.id)}
    kept: set[uuid.UUID] = set()
    for employment in values.employments:
        record = current.get(employment.employment_id) if employment.employment_id else None
        if record is None:
            record = Employment(
                id=uuid.uuid4(), person_id=person.id, employer_id=employer, **employment.scalars
            )
            session.add(record)
            session.flush()
            changed = True
        kept.add(record.id)
        for key in EMPLOYMENT_FIELDS:
            if getattr(record, key) != employment.scalars[key]:
                setattr(record, key, employment.scalars[key])
                changed = True
        changed |= _apply_fundings(session, record, employment.fundings, now)
    for employment_id, record in current.items():
        if employment_id not in kept:
            record.archived_at = now
            changed = True
    _set_person(person, values)
    return changed


def _set_person(person: Person, values: PersonValues) -> None:
    for key, value in values.scalars.items():
        if getattr(person, key) != value:
            setattr(person, key, value)


def _apply_fundings(session, record: Employment, shares, now: datetime) -> bool:  # type: ignore[no-untyped-def]
    changed = False
    current = {f.project_id: f for f in _fundings(session, record.id)}
    for share in shares:
        funding = current.pop(share.project_id, None)
        if funding is None:
            funding = EmploymentFunding(
                id=uuid.uuid4(),
                employment_id=record.id,
                project_id=share.project_id,
                share_percent=share.share_percent,
            )
            session.add(funding)
            changed = True
        if funding.share_percent != share.share_percent:
            funding.share_percent = share.share_percent
            changed = True
    for funding in current.values():
        funding.archived_at = now
        changed = True
    return changed


@announces(changes.STAFF, "archived")
def archive_person(db: Database, person_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Soft delete: the person leaves the staff list; their periods stay in the statistics."""
    _set_archived(db, person_id, expected_version, utcnow())


@announces(changes.STAFF, "restored")
def restore_person(db: Database, person_id: uuid.UUID, expected_version: int | None = None) -> None:
    _set_archived(db, person_id, expected_version, None)


def _set_archived(
    db: Database, person_id: uuid.UUID, expected_version: int | None, when: datetime | None
) -> None:
    with db.transaction() as session:
        person = _load(session, person_id)
        if expected_version is not None and person.version != expected_version:
            raise StaleRecord()
        person.archived_at = when
