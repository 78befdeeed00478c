"""The member-organisation register: search, read, save, archive and restore."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select

from jarjestokeskus.db.base import binary_order, utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import MembershipFee, Organisation, Person, Role
from jarjestokeskus.domain.organisation import OrganisationForm, OrganisationValues, validate
from jarjestokeskus.i18n import current_language, sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.municipalities import (
    municipality,
    municipality_code,
    municipality_key,
    municipality_name,
)
from jarjestokeskus.services.organisations.business_id import check_business_id
from jarjestokeskus.services.organisations.listing import (  # noqa: F401  (the list's, used from here too)
    COUNT_LIMIT,
    LIST_COLUMNS,
    SORT_COLUMNS,
    OrganisationPage,
    OrganisationQuery,
    count_organisations,
    first_page,
    list_organisations,
    next_rows,
    organisation_choices,
    previous_rows,
)
from jarjestokeskus.services.rows import (
    FeeRow,
    OrganisationDetail,
    OrganisationRow,
    RoleRow,
    detail_from,
    row_from,
)

DERIVED = (
    "name_fi_key",
    "name_sv_key",
    "municipality_code",
    "municipality_key",
    "abbreviation_key",
    "search_text",
)


def derived_columns(org: Any) -> dict[str, object]:
    """The columns that follow from an organisation's fields (`org` has them as attributes): the
    sort keys, the municipality's code and the search text. Saving and the import both use it."""
    # Its earlier names too (an ORM organisation has them; a row the import builds has none).
    former = [n for earlier in getattr(org, "former_names", ()) for n in (earlier.name_fi, earlier.name_sv)]
    fields = ([org.name_fi], [org.name_sv], [org.abbreviation], [org.business_id], [org.municipality])
    (row,) = derived_rows(*fields, former=former)
    return dict(zip(DERIVED, row, strict=True))


def derived_rows(
    names_fi: Sequence[str],
    names_sv: Sequence[str],
    abbreviations: Sequence[str],
    business_ids: Sequence[str | None],
    municipalities: Sequence[str],
    former: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """`derived_columns` of many organisations given field by field (an import's new ones), each
    a tuple in DERIVED order; `former`: the earlier names of one organisation."""
    # Each key falls back to the other language, as the shown name does: sorting uses the index.
    # Keys are cut to their columns' length (casefolding can lengthen a name: "ß" → "ss").
    former_keys = tuple(sort_key(name) for name in former)
    keys = zip(
        map(sort_key, names_fi),
        map(sort_key, names_sv),
        map(sort_key, abbreviations),
        map(sort_key, business_ids),
        map(_place, municipalities),
        strict=True,
    )
    return [
        (
            (name_fi or name_sv)[:200],
            (name_sv or name_fi)[:200],
            code,
            place_key[:80],
            abbreviation[:40],
            " ".join(filter(None, (name_fi, name_sv, abbreviation, business_id, *place_keys, *former_keys))),
        )
        for name_fi, name_sv, abbreviation, business_id, (code, place_keys, place_key) in keys
    ]


@lru_cache(maxsize=1024)
def _place(text: str | None) -> tuple[str | None, tuple[str, ...], str]:
    """A municipality as typed: its code in the register, the sort keys of the names it is found
    by (both official names, else the text) and the text's own sort key. Few texts recur: an
    import of 100,000 organisations looks each up once."""
    code = municipality_code(text)
    place = municipality(code)
    names = (place.name_fi, place.name_sv) if place else (text,)
    return code, tuple(sort_key(n) for n in names), sort_key(text)


def municipalities(db: Database) -> list[str]:
    """The municipalities in use, for the filter, in collation order."""
    with db.reading() as session:
        stmt = (
            select(Organisation.municipality)
            .where(Organisation.archived_at.is_(None), Organisation.municipality != "")
            .distinct()
        )
        unique: dict[str, str] = {}
        language = current_language()
        for (name,) in session.execute(stmt):
            # A municipality of the register is one, whichever name was typed, shown in the
            # user's language; other spellings that differ only in case or accents are one too.
            key = municipality_key(name)
            shown = municipality_name(None, name, language)
            unique[key] = min(unique.get(key, shown), shown)
        return sorted(unique.values(), key=sort_key)


def _load(session, organisation_id: uuid.UUID) -> Organisation:  # type: ignore[no-untyped-def]
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise RecordNotFound()
    return org


def get_organisation(db: Database, organisation_id: uuid.UUID) -> OrganisationDetail:
    with db.reading() as session:
        org = _load(session, organisation_id)
        return _detail(session, org)


def home_organisation(db: Database) -> OrganisationRow | None:
    with db.reading() as session:
        stmt = select(*LIST_COLUMNS).where(Organisation.is_home, Organisation.archived_at.is_(None))
        row = session.execute(stmt.limit(1)).first()
        return row_from(row) if row else None


def _detail(session, org: Organisation) -> OrganisationDetail:  # type: ignore[no-untyped-def]
    fees = session.scalars(
        select(MembershipFee)
        .where(MembershipFee.organisation_id == org.id, MembershipFee.archived_at.is_(None))
        .order_by(MembershipFee.year.desc())
    ).all()
    roles = session.execute(
        select(Role, Person)
        .join(Person, Role.person_id == Person.id)
        .where(Role.organisation_id == org.id, Role.archived_at.is_(None))
        .order_by(Role.start_date.desc(), binary_order(Person.last_name), binary_order(Person.first_name))
    ).all()
    return detail_from(
        org,
        [FeeRow(f.id, f.year, f.amount, f.paid_on) for f in fees],
        [
            RoleRow(r.id, p.id, p.first_name, p.last_name, p.email, p.phone, r.kind, r.start_date, r.end_date)
            for r, p in roles
        ],
    )


@announces(changes.ORGANISATIONS)
def save_organisation(
    db: Database,
    form: OrganisationForm,
    organisation_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    *,
    is_home: bool = False,
    shares_business_id: bool = False,
    today: date | None = None,
) -> OrganisationDetail:
    """Create (no id) or update an organisation with its fees and roles, all or nothing.

    Raises ValidationFailed (nothing saved), SameBusinessId when another has the business ID (unless
    `shares_business_id`: the user confirmed it shares it), or StaleRecord when saved meanwhile.
    """
    values = validate(form, today or date.today())
    with db.transaction() as session:
        if organisation_id is None:
            org = Organisation(id=uuid.uuid4(), is_home=is_home, shares_business_id=False)
            session.add(org)
        else:
            org = _load(session, organisation_id)
            if expected_version is not None and org.version != expected_version:
                raise StaleRecord()
        check_business_id(session, org, values.scalars.get("business_id"), shares_business_id)
        apply_values(session, org, values)
        session.flush()
        return _detail(session, org)


def apply_values(session, org: Organisation, values: OrganisationValues) -> None:  # type: ignore[no-untyped-def]
    with session.no_autoflush:  # one flush at the end: one audit entry and one version step per record
        dependents_changed = _apply_values(session, org, values)
    if dependents_changed and sa_inspect(org).persistent and not session.is_modified(org):
        # The organisation's version guards its whole form: a change of a fee or role alone must
        # move it too, or a form opened before that change would overwrite it unnoticed.
        org.updated_at = utcnow()


def _assign(record: object, source: object, keys: tuple[str, ...]) -> bool:
    changed = False
    for key in keys:
        if getattr(record, key) != getattr(source, key):
            setattr(record, key, getattr(source, key))
            changed = True
    return changed


def _apply_values(session, org: Organisation, values: OrganisationValues) -> bool:  # type: ignore[no-untyped-def]
    """Copy the form's values onto the records; True when a fee, role or person changed."""
    for key, value in values.scalars.items():
        if getattr(org, key) != value:
            setattr(org, key, value)
    for key, value in derived_columns(org).items():
        setattr(org, key, value)
    now = utcnow()
    changed = False
    current_fees = {
        f.id: f
        for f in session.scalars(
            select(MembershipFee).where(
                MembershipFee.organisation_id == org.id, MembershipFee.archived_at.is_(None)
            )
        )
    }
    kept: set[uuid.UUID] = set()
    for fee in values.fees:
        record = current_fees.get(fee.fee_id) if fee.fee_id else None
        if record is None:
            record = MembershipFee(id=uuid.uuid4(), organisation_id=org.id)
            session.add(record)
            changed = True
        kept.add(record.id)
        changed |= _assign(record, fee, ("year", "amount", "paid_on"))
    for fee_id, record in current_fees.items():
        if fee_id not in kept:
            record.archived_at = now
            changed = True
    current_roles = {
        r.id: r
        for r in session.scalars(
            select(Role).where(Role.organisation_id == org.id, Role.archived_at.is_(None))
        )
    }
    kept = set()
    for role in values.roles:
        record = current_roles.get(role.role_id) if role.role_id else None
        person = session.get(Person, role.person_id) if role.person_id else None
        if person is None:
            person = Person(id=uuid.uuid4())
            session.add(person)
            changed = True
        changed |= _assign(person, role, ("first_name", "last_name", "email", "phone"))
        if record is None:
            record = Role(id=uuid.uuid4(), organisation_id=org.id, person_id=person.id)
            session.add(record)
            changed = True
        kept.add(record.id)
        changed |= _assign(record, role, ("kind", "start_date", "end_date"))
        if record.person_id != person.id:
            record.person_id = person.id
            changed = True
    for role_id, record in current_roles.items():
        if role_id not in kept:
            record.archived_at = now
            changed = True
    return changed


@announces(changes.ORGANISATIONS, "archived")
def archive_organisation(
    db: Database, organisation_id: uuid.UUID, expected_version: int | None = None
) -> None:
    """Soft delete: the organisation leaves the register and waits in the archive."""
    _set_archived(db, organisation_id, expected_version, utcnow())


@announces(changes.ORGANISATIONS, "restored")
def restore_organisation(
    db: Database, organisation_id: uuid.UUID, expected_version: int | None = None
) -> None:
    _set_archived(db, organisation_id, expected_version, None)


def _set_archived(
    db: Database, organisation_id: uuid.UUID, expected_version: int | None, when: datetime | None
) -> None:
    with db.transaction() as session:
        org = _load(session, organisation_id)
        if expected_version is not None and org.version != expected_version:
            raise StaleRecord()
        org.archived_at = when
        if when is None:  # restored while another holds its business ID: both stay, as they were
            check_business_id(session, org, org.business_id, shared=True)
