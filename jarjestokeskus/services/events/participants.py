"""An event's participants as a table for a CSV or XLSX file.

Two uses, two lists (DOMAIN.md: keep and pass on only what the work needs):
- the organiser's own list: everyone registered, on the waiting list or cancelled, with email,
  status and attendance; dietary and accessibility needs only when asked for;
- a list to pass on (to partners or the participants themselves): only those who consented to be
  listed and have a place, with name, organisation, language and attendance; never email or needs.
Anonymised registrations are in neither: they name no one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Event
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.events.register import get_event
from jarjestokeskus.services.events.registrations import RegistrationRow, registrations

FIRST_NAME, LAST_NAME, EMAIL = N_("First name"), N_("Last name"), N_("Email")
ORGANISATION, LANGUAGE, STATUS = N_("Organisation"), N_("Language"), N_("Status")
ATTENDED, DIET, ACCESSIBILITY = N_("Attended"), N_("Diet"), N_("Accessibility needs")
YES, NO = N_("yes"), N_("no")
LANGUAGES = {"fi": N_("Finnish"), "sv": N_("Swedish")}


@dataclass(frozen=True)
class ParticipantsChoice:
    own_use: bool = True  # the organiser's own list; False: a list to pass on
    needs: bool = False  # dietary and accessibility needs (own use only)


def _attended(text: Callable[[str], str], value: bool | None) -> str:
    return "" if value is None else text(YES if value else NO)


def participants_table(
    db: Database, event_id: uuid.UUID, choice: ParticipantsChoice, language: str
) -> tuple[str, list[str], list[list[object]]]:
    """(sheet title, header, rows): registered first, then the waiting list, then the cancelled."""
    text = i18n.catalog(language).gettext
    event = get_event(db, event_id)
    people: list[RegistrationRow] = [r for r in registrations(db, event_id) if r.name]
    if not choice.own_use:
        people = [r for r in people if r.consent_to_list and r.status == RegistrationStatus.REGISTERED]
    header = [FIRST_NAME, LAST_NAME]
    header += [EMAIL] if choice.own_use else []
    header += [ORGANISATION, LANGUAGE]
    header += [STATUS] if choice.own_use else []
    header += [ATTENDED]
    needs = choice.own_use and choice.needs
    header += [DIET, ACCESSIBILITY] if needs else []
    rows = []
    for r in people:
        row: list[object] = [r.first_name, r.last_name]
        row += [r.email] if choice.own_use else []
        row += [r.organisation, text(LANGUAGES.get(r.language, LANGUAGES["fi"]))]
        row += [text(r.status._labels()[r.status.value])] if choice.own_use else []
        row += [_attended(text, r.attended)]
        row += [r.dietary, r.accessibility] if needs else []
        rows.append(row)
    return event.title(language)[:31] or text(N_("Participants")), [text(h) for h in header], rows


def find_event(db: Database, wanted: str) -> uuid.UUID:
    """An event by its id or its title in either language (exactly one); refused by name."""
    try:
        event_id = uuid.UUID(wanted.strip())
    except ValueError:
        event_id = None
    needle = wanted.strip().casefold()
    with db.reading() as session:
        if event_id is not None:
            event = session.get(Event, event_id)
            if event is None:
                raise RecordNotFound()
            return event.id
        found = [
            e
            for e in session.scalars(select(Event).where(Event.archived_at.is_(None)))
            if needle in (e.title_fi.strip().casefold(), e.title_sv.strip().casefold())
        ]
        if len(found) == 1:
            return found[0].id
        if not found:
            message = _("No event is called {title}.").format(title=wanted)
        else:
            ids = ", ".join(f"{e.starts_on.isoformat()} {e.id}" for e in found)
            message = _("Several events are called {title}; give one of their ids: {ids}").format(
                title=wanted, ids=ids
            )
        raise ValidationFailed([FieldError("event", message)])
