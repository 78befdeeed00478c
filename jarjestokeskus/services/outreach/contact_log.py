"""The contact log: calls, meetings, advisory visits and mailings per organisation, newest first."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import ContactEntry, MailingList, Organisation
from jarjestokeskus.domain.outreach import ContactKind
from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_date
from jarjestokeskus.i18n import _, localized


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation: str
    happened_on: date
    kind: ContactKind
    subject: str
    note: str
    done_by: str
    mailing_list: str


@dataclass(frozen=True)
class ContactForm:
    happened_on: str
    kind: ContactKind
    subject: str = ""
    note: str = ""
    done_by: str = ""


def contact_log(
    db: Database,
    organisation_id: uuid.UUID | None = None,
    kinds: Sequence[ContactKind] = (),
    language: str = "fi",
    limit: int = 500,
) -> list[ContactRow]:
    """The newest entries first; of one organisation, or of all."""
    stmt = (
        select(ContactEntry, Organisation, MailingList.name)
        .join(Organisation, Organisation.id == ContactEntry.organisation_id)
        .outerjoin(MailingList, MailingList.id == ContactEntry.mailing_list_id)
        .where(ContactEntry.archived_at.is_(None))
        .order_by(ContactEntry.happened_on.desc(), ContactEntry.created_at.desc())
        .limit(limit)
    )
    if organisation_id is not None:
        stmt = stmt.where(ContactEntry.organisation_id == organisation_id)
    if kinds:
        stmt = stmt.where(ContactEntry.kind.in_(list(kinds)))
    with db.reading() as session:
        return [
            ContactRow(
                e.id,
                o.id,
                localized(o.name_fi, o.name_sv, language),
                e.happened_on,
                e.kind,
                e.subject,
                e.note,
                e.done_by,
                list_name or "",
            )
            for e, o, list_name in session.execute(stmt)
        ]


def last_contact(db: Database, organisation_id: uuid.UUID) -> ContactRow | None:
    """Who talked to this association last, and when."""
    rows = contact_log(db, organisation_id, limit=1)
    return rows[0] if rows else None


def add_contact(db: Database, organisation_id: uuid.UUID, form: ContactForm) -> uuid.UUID:
    errors = Errors()
    happened = parse_date(form.happened_on, "happened_on", _("Date"), errors)
    if happened is None and not clean(form.happened_on):
        errors.add("happened_on", _("{field}: required").format(field=_("Date")))
    subject = clean(form.subject)
    check_length(subject, 200, "subject", _("Subject"), errors)
    errors.raise_if_any()
    assert happened is not None
    with db.transaction() as session:
        if session.get(Organisation, organisation_id) is None:
            raise RecordNotFound()
        entry = ContactEntry(
            id=uuid.uuid4(),
            organisation_id=organisation_id,
            happened_on=happened,
            kind=form.kind,
            subject=subject,
            note=clean(form.note),
            done_by=clean(form.done_by) or os_user(),
        )
        session.add(entry)
    return entry.id


def log_mailing(
    db: Database,
    organisation_ids: Sequence[object],
    subject: str,
    sent_on: date,
    mailing_list_id: uuid.UUID | None = None,
    kind: ContactKind = ContactKind.EMAIL,
) -> int:
    """One entry per recipient organisation: the list, the subject and the date; returns how many."""
    errors = Errors()
    subject = clean(subject)
    if not subject:
        errors.add("subject", _("{field}: required").format(field=_("Subject")))
    check_length(subject, 200, "subject", _("Subject"), errors)
    errors.raise_if_any()
    user = os_user()
    with db.transaction() as session:
        for organisation_id in dict.fromkeys(organisation_ids):
            session.add(
                ContactEntry(
                    id=uuid.uuid4(),
                    organisation_id=organisation_id,
                    happened_on=sent_on,
                    kind=kind,
                    subject=subject,
                    note="",
                    done_by=user,
                    mailing_list_id=mailing_list_id,
                )
            )
    return len(dict.fromkeys(organisation_ids))


def archive_contact(db: Database, entry_id: uuid.UUID) -> None:
    with db.transaction() as session:
        entry = session.get(ContactEntry, entry_id)
        if entry is None or entry.archived_at is not None:
            raise RecordNotFound()
        entry.archived_at = utcnow()
