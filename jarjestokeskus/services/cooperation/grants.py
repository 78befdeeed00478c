"""Members' grants from municipalities and the county, and the premises members use."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import MemberGrant, MemberPremises, Organisation
from jarjestokeskus.domain.cooperation import (
    AreaKind,
    GrantInstrument,
    PremisesOwner,
    check_term,
    optional_money,
    owner_area,
    required_text,
)
from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_count
from jarjestokeskus.i18n import _, format_date, localized
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.cooperation.areas import area_name, check_area
from jarjestokeskus.services.cooperation.records import archive, live, load_for_saving, restore
from jarjestokeskus.services.municipalities import municipality_name


@dataclass(frozen=True)
class GrantForm:
    year: str
    grantor_kind: AreaKind
    grantor: str
    instrument: GrantInstrument
    amount_applied: str = ""
    amount_granted: str = ""
    note: str = ""


@dataclass(frozen=True)
class GrantRow:
    id: uuid.UUID
    version: int
    organisation_id: uuid.UUID
    organisation: str
    municipality: str
    year: int
    grantor_kind: AreaKind
    grantor: str
    instrument: GrantInstrument
    amount_applied: Decimal | None
    amount_granted: Decimal | None
    note: str
    archived_at: datetime | None = None

    def grantor_name(self, language: str) -> str:
        return area_name(self.grantor_kind, self.grantor, language)

    def form(self) -> GrantForm:
        return GrantForm(
            str(self.year),
            self.grantor_kind,
            self.grantor,
            self.instrument,
            _money_text(self.amount_applied),
            _money_text(self.amount_granted),
            self.note,
        )


def _money_text(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}".replace(".", ",")


@dataclass(frozen=True)
class GrantValues:
    year: int
    grantor_kind: AreaKind
    grantor: str
    instrument: GrantInstrument
    amount_applied: Decimal | None
    amount_granted: Decimal | None
    note: str


def check_grant(form: GrantForm, errors: Errors, prefix: str = "") -> GrantValues:
    """The grant's values; wrong fields named (prefixed, for a file's rows) in `errors`."""
    year = parse_count(form.year, f"{prefix}year", _("Year"), errors)
    if year is None and not clean(form.year):
        errors.add(f"{prefix}year", _("{field}: required").format(field=_("Year")))
    elif year is not None and not 2000 <= year <= 2100:
        errors.add(f"{prefix}year", _("{field}: a year between 2000 and 2100").format(field=_("Year")))
    grantor = check_area(form.grantor_kind, form.grantor, f"{prefix}grantor", _("Grantor"), errors)
    applied = optional_money(form.amount_applied, f"{prefix}amount_applied", _("Applied"), errors)
    granted = optional_money(form.amount_granted, f"{prefix}amount_granted", _("Granted"), errors)
    return GrantValues(
        year or 0, form.grantor_kind, grantor, form.instrument, applied, granted, clean(form.note)
    )


def grant_row(g: MemberGrant, o: Organisation, language: str) -> GrantRow:
    return GrantRow(
        g.id,
        g.version,
        o.id,
        localized(o.name_fi, o.name_sv, language),
        municipality_name(o.municipality_code, o.municipality, language),
        g.year,
        g.grantor_kind,
        g.grantor,
        g.instrument,
        g.amount_applied,
        g.amount_granted,
        g.note,
        g.archived_at,
    )


def member_grants(
    db: Database,
    year: int | None = None,
    organisation_id: uuid.UUID | None = None,
    language: str = "fi",
    archived: bool = False,
) -> list[GrantRow]:
    """Live (or archived) grants, newest year first, then by organisation and grantor."""
    stmt = (
        select(MemberGrant, Organisation)
        .join(Organisation, Organisation.id == MemberGrant.organisation_id)
        .where(live(MemberGrant, archived))
    )
    if year is not None:
        stmt = stmt.where(MemberGrant.year == year)
    if organisation_id is not None:
        stmt = stmt.where(MemberGrant.organisation_id == organisation_id)
    with db.reading() as session:
        rows = [grant_row(g, o, language) for g, o in session.execute(stmt)]
    return sorted(rows, key=lambda r: (-r.year, sort_key(r.organisation), sort_key(r.grantor)))


def get_grant(db: Database, grant_id: uuid.UUID, language: str = "fi") -> GrantRow:
    with db.reading() as session:
        grant = session.get(MemberGrant, grant_id)
        if grant is None:
            raise RecordNotFound()
        organisation = session.get(Organisation, grant.organisation_id)
        return grant_row(grant, organisation, language)  # type: ignore[arg-type]


def archive_grant(db: Database, grant_id: uuid.UUID, expected_version: int | None = None) -> None:
    archive(db, MemberGrant, grant_id, expected_version)


def restore_grant(db: Database, grant_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, MemberGrant, grant_id, expected_version)


def save_grant(
    db: Database,
    organisation_id: uuid.UUID,
    form: GrantForm,
    grant_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    errors = Errors()
    values = check_grant(form, errors)
    errors.raise_if_any()
    with db.transaction() as session:
        if session.get(Organisation, organisation_id) is None:
            raise RecordNotFound()
        grant = load_for_saving(session, MemberGrant, grant_id, expected_version)
        grant.organisation_id = organisation_id
        for key, value in values.__dict__.items():
            setattr(grant, key, value)
        session.flush()
        return grant.id


@dataclass(frozen=True)
class PremisesForm:
    owner_kind: PremisesOwner
    owner: str = ""
    address: str = ""
    terms: str = ""
    free_of_charge: bool = False
    rent: str = ""
    accessible: bool = False
    start_date: str = ""
    end_date: str = ""


@dataclass(frozen=True)
class PremisesRow:
    id: uuid.UUID
    version: int
    organisation_id: uuid.UUID
    organisation: str
    municipality: str
    owner_kind: PremisesOwner
    owner: str
    address: str
    terms: str
    free_of_charge: bool
    rent: Decimal | None
    accessible: bool
    start_date: date | None
    end_date: date | None
    archived_at: datetime | None = None

    def owner_name(self, language: str) -> str:
        kind = owner_area(self.owner_kind)
        return area_name(kind, self.owner, language) if kind else self.owner

    def form(self) -> PremisesForm:
        return PremisesForm(
            self.owner_kind,
            self.owner,
            self.address,
            self.terms,
            self.free_of_charge,
            _money_text(self.rent),
            self.accessible,
            format_date(self.start_date),
            format_date(self.end_date),
        )


def _premises_row(p: MemberPremises, o: Organisation, language: str) -> PremisesRow:
    return PremisesRow(
        p.id,
        p.version,
        o.id,
        localized(o.name_fi, o.name_sv, language),
        municipality_name(o.municipality_code, o.municipality, language),
        p.owner_kind,
        p.owner,
        p.address,
        p.terms,
        p.free_of_charge,
        p.rent,
        p.accessible,
        p.start_date,
        p.end_date,
        p.archived_at,
    )


def member_premises(
    db: Database, organisation_id: uuid.UUID | None = None, language: str = "fi", archived: bool = False
) -> list[PremisesRow]:
    stmt = (
        select(MemberPremises, Organisation)
        .join(Organisation, Organisation.id == MemberPremises.organisation_id)
        .where(live(MemberPremises, archived))
    )
    if organisation_id is not None:
        stmt = stmt.where(MemberPremises.organisation_id == organisation_id)
    with db.reading() as session:
        rows = [_premises_row(p, o, language) for p, o in session.execute(stmt)]
    return sorted(rows, key=lambda r: (sort_key(r.organisation), sort_key(r.address)))


def get_premises(db: Database, premises_id: uuid.UUID, language: str = "fi") -> PremisesRow:
    with db.reading() as session:
        premises = session.get(MemberPremises, premises_id)
        if premises is None:
            raise RecordNotFound()
        return _premises_row(premises, session.get(Organisation, premises.organisation_id), language)  # type: ignore[arg-type]


def archive_premises(db: Database, premises_id: uuid.UUID, expected_version: int | None = None) -> None:
    archive(db, MemberPremises, premises_id, expected_version)


def restore_premises(db: Database, premises_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, MemberPremises, premises_id, expected_version)


def save_premises(
    db: Database,
    organisation_id: uuid.UUID,
    form: PremisesForm,
    premises_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    errors = Errors()
    owner, address = clean(form.owner), required_text(form.address, "address", _("Address"), 200, errors)
    check_length(owner, 200, "owner", _("Owner"), errors)
    kind = owner_area(form.owner_kind)
    if kind is not None:  # the municipality's or the county's premises: which one, from the register
        owner = check_area(kind, owner, "owner", _("Owner"), errors)
    rent = optional_money(form.rent, "rent", _("Rent a month"), errors)
    term = check_term(form.start_date, form.end_date, errors, _("To"))
    errors.raise_if_any()
    with db.transaction() as session:
        if session.get(Organisation, organisation_id) is None:
            raise RecordNotFound()
        premises = load_for_saving(session, MemberPremises, premises_id, expected_version)
        premises.organisation_id, premises.owner_kind, premises.owner = (
            organisation_id,
            form.owner_kind,
            owner,
        )
        premises.address, premises.terms, premises.free_of_charge = (
            address,
            clean(form.terms),
            form.free_of_charge,
        )
        premises.rent = None if form.free_of_charge else rent
        premises.accessible, premises.start_date, premises.end_date = form.accessible, term.start, term.end
        session.flush()
        return premises.id
