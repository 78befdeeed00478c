"""An organisation's name at a date: papers print the name the body had then (issue 16)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Organisation, OrganisationName


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


def add_former_name(
    db: Database, organisation_id: uuid.UUID, name_fi: str, name_sv: str, valid_until: date
) -> None:
    """Record a name the organisation had until `valid_until`."""
    with db.transaction() as session:
        if session.get(Organisation, organisation_id) is None:
            raise RecordNotFound()
        session.add(
            OrganisationName(
                id=uuid.uuid4(),
                organisation_id=organisation_id,
                name_fi=name_fi.strip(),
                name_sv=name_sv.strip(),
                valid_until=valid_until,
            )
        )
