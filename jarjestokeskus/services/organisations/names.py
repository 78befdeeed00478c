"""An organisation's earlier names: kept with the days they were used, edited in their own
window, searched with its name, and its name at a date (papers print the name of their day)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import Organisation, OrganisationName
from jarjestokeskus.domain.organisation import FormerNameForm, validate_former_names
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.organisations.register import derived_columns


@dataclass(frozen=True)
class FormerNameRow:
    id: uuid.UUID
    name_fi: str
    name_sv: str
    valid_from: date | None
    valid_until: date
    version: int

    def name(self, language: str) -> str:
        return (self.name_sv or self.name_fi) if language == "sv" else (self.name_fi or self.name_sv)


def _stored(session: Session, organisation_id: uuid.UUID) -> list[OrganisationName]:
    return list(
        session.scalars(
            select(OrganisationName)
            .where(
                OrganisationName.organisation_id == organisation_id, OrganisationName.archived_at.is_(None)
            )
            .order_by(OrganisationName.valid_until.desc())
        )
    )


def _row(name: OrganisationName) -> FormerNameRow:
    return FormerNameRow(name.id, name.name_fi, name.name_sv, name.valid_from, name.valid_until, name.version)


def former_names(db: Database, organisation_id: uuid.UUID) -> list[FormerNameRow]:
    """The organisation's earlier names, the latest first."""
    with db.reading() as session:
        return [_row(name) for name in _stored(session, organisation_id)]


@announces(changes.ORGANISATIONS)
def save_former_names(
    db: Database, organisation_id: uuid.UUID, forms: list[FormerNameForm]
) -> list[FormerNameRow]:
    """The window's rows stored at once: new ones added, changed ones updated, the ones left out
    archived. ValidationFailed names the wrong cells; StaleRecord when one was saved meanwhile."""
    values = validate_former_names(forms)
    with db.transaction() as session:
        org = session.get(Organisation, organisation_id)
        if org is None:
            raise RecordNotFound()
        stored = {name.id: name for name in _stored(session, organisation_id)}
        kept: set[uuid.UUID] = set()
        for value in values:
            name = stored.get(value.name_id) if value.name_id else None
            if value.name_id and (name is None or name.version != value.version):
                raise StaleRecord()
            if name is None:
                name = OrganisationName(id=uuid.uuid4(), organisation_id=organisation_id)
                session.add(name)
            kept.add(name.id)
            for key in ("name_fi", "name_sv", "valid_from", "valid_until"):
                if getattr(name, key) != getattr(value, key):
                    setattr(name, key, getattr(value, key))
        now = utcnow()
        for name_id, name in stored.items():
            if name_id not in kept:
                name.archived_at = now
        session.flush()
        session.expire(org, ["former_names"])
        org.search_text = str(derived_columns(org)["search_text"])  # found by its earlier names too
        return [_row(name) for name in _stored(session, organisation_id)]


def names_on(
    session: Session, wanted: set[tuple[uuid.UUID, date]]
) -> dict[tuple[uuid.UUID, date], tuple[str, str]]:
    """(organisation, day) → its (Finnish, Swedish) name that day, for those renamed since; an
    organisation not renamed after the day is left out (its name now is the name then)."""
    ids = {organisation_id for organisation_id, _day in wanted}
    if not ids:
        return {}
    former: dict[uuid.UUID, list[OrganisationName]] = {}
    for row in session.scalars(
        select(OrganisationName)
        .where(OrganisationName.organisation_id.in_(ids), OrganisationName.archived_at.is_(None))
        .order_by(OrganisationName.valid_until)
    ):
        former.setdefault(row.organisation_id, []).append(row)
    found: dict[tuple[uuid.UUID, date], tuple[str, str]] = {}
    for organisation_id, day in wanted:
        then = next((n for n in former.get(organisation_id, []) if n.valid_until >= day), None)
        if then is not None:
            found[organisation_id, day] = (then.name_fi, then.name_sv)
    return found
