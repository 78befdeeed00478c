"""Events and meetings: kinds, registrations with a capacity and a waiting list, the event as a form."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.domain.validation import (
    Errors,
    check_email,
    check_length,
    check_period,
    clean,
    parse_count,
    parse_date,
)
from jarjestokeskus.i18n import N_, _

_LABELS: dict[str, dict[str, str]] = {
    "EventKind": {
        "forum": N_("Forum"),
        "training": N_("Training"),
        "course": N_("Course"),
        "meeting": N_("Meeting"),
        "seminar": N_("Seminar"),
        "other": N_("Other event"),
    },
    "RegistrationStatus": {
        "registered": N_("Registered"),
        "waiting": N_("On the waiting list"),
        "cancelled": N_("Cancelled"),
    },
}


class _EventEnum(LabelledEnum):
    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _LABELS[cls.__name__]


class EventKind(_EventEnum):
    FORUM = "forum"
    TRAINING = "training"
    COURSE = "course"
    MEETING = "meeting"
    SEMINAR = "seminar"
    OTHER = "other"


class RegistrationStatus(_EventEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


def status_for_new(capacity: int | None, registered: int) -> RegistrationStatus:
    """A new registration gets a place while there is room, else a place on the waiting list."""
    if capacity is None or registered < capacity:
        return RegistrationStatus.REGISTERED
    return RegistrationStatus.WAITING


@dataclass(frozen=True)
class EventForm:
    title_fi: str
    title_sv: str
    kind: EventKind
    starts_on: str
    ends_on: str = ""
    time: str = ""
    place: str = ""
    language: str = "fi"
    capacity: str = ""
    partners: str = ""
    notes: str = ""
    project_id: uuid.UUID | None = None  # the project the event belongs to
    goal_id: uuid.UUID | None = None  # the agreement goal it serves
    body_id: uuid.UUID | None = None  # the body (advisory board, working group) it is a meeting of


@dataclass(frozen=True)
class RegistrationForm:
    first_name: str
    last_name: str
    email: str = ""
    organisation: str = ""  # as typed; matched to the register by name when it can be
    language: str = "fi"
    dietary: str = ""
    accessibility: str = ""
    consent_to_list: bool = False


def check_event(form: EventForm) -> dict[str, object]:
    errors = Errors()
    title_fi, title_sv = clean(form.title_fi), clean(form.title_sv)
    if not title_fi and not title_sv:
        errors.add("title_fi", _("{field}: required").format(field=_("Title in Finnish")))
    check_length(title_fi, 200, "title_fi", _("Title in Finnish"), errors)
    check_length(title_sv, 200, "title_sv", _("Title in Swedish"), errors)
    starts = parse_date(form.starts_on, "starts_on", _("Date"), errors)
    if starts is None and not clean(form.starts_on):
        errors.add("starts_on", _("{field}: required").format(field=_("Date")))
    ends = parse_date(form.ends_on, "ends_on", _("End date"), errors)
    check_period(starts, ends, "ends_on", _("End date"), errors)
    capacity = parse_count(form.capacity, "capacity", _("Capacity"), errors)
    place = clean(form.place)
    check_length(place, 200, "place", _("Place"), errors)
    errors.raise_if_any()
    return {
        "title_fi": title_fi,
        "title_sv": title_sv,
        "kind": form.kind,
        "starts_on": starts,
        "ends_on": ends,
        "time_text": clean(form.time)[:20],
        "place": place,
        "language": form.language if form.language in ("fi", "sv", "fi_sv") else "fi",
        "capacity": capacity,
        "partners": clean(form.partners),
        "notes": form.notes.strip(),
        "project_id": form.project_id,
        "goal_id": form.goal_id,
        "body_id": form.body_id,
    }


def check_registration(form: RegistrationForm, row: str = "") -> dict[str, object]:
    """A registration's values; `row` prefixes the field keys (an import names its rows)."""
    errors = Errors()
    first, last = clean(form.first_name), clean(form.last_name)
    if not first and not last:
        errors.add(f"{row}last_name", _("{field}: required").format(field=_("Name")))
    for key, value, label in (("first_name", first, _("First name")), ("last_name", last, _("Last name"))):
        check_length(value, 100, f"{row}{key}", label, errors)
    email = check_email(form.email, f"{row}email", _("Email"), errors) or ""
    organisation = clean(form.organisation)
    check_length(organisation, 200, f"{row}organisation", _("Organisation"), errors)
    errors.raise_if_any()
    return {
        "first_name": first,
        "last_name": last,
        "email": email,
        "organisation_name": organisation,
        "language": form.language if form.language in ("fi", "sv") else "fi",
        "dietary": clean(form.dietary)[:200],
        "accessibility": clean(form.accessibility)[:200],
        "consent_to_list": bool(form.consent_to_list),
    }
