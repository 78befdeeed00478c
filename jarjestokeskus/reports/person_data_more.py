"""The person-data PDF's sections beyond the person and their employments: seats in bodies, the
periods they supervise, event registrations, and free text elsewhere that names them."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from jarjestokeskus.domain.cooperation import SeatRole
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.template import CONTENT_WIDTH, ReportWriter
from jarjestokeskus.services.history.labels import COMMON_LABELS, ENTITIES, FORM_LABELS, OWN_LABELS
from jarjestokeskus.services.person_data import organisation_name

TEXTS = {
    "representation": N_("Seats in bodies"),
    "supervises": N_("Supervisor of these periods"),
    "registrations": N_("Event registrations"),
    "named_in": N_("Named in other records"),
    "body": N_("Body"),
    "organisation": N_("Organisation"),
    "seat": N_("Seat"),
    "period": N_("Period"),
    "employer": N_("Employer"),
    "title": N_("Title"),
    "event": N_("Event"),
    "status": N_("Status"),
    "details": N_("Details"),
    "record": N_("Record"),
    "field": N_("Field of the record"),
    "text": N_("Text"),
    "none": N_("None."),
    "attended": N_("attended"),
}


def more_sections(w: ReportWriter, data: dict[str, Any]) -> list[Any]:
    """The flowables of the four sections, each with its heading ("None." when empty)."""
    say = lambda key: w.text(TEXTS[key])  # noqa: E731
    width = CONTENT_WIDTH
    period = lambda item, start="start_date": _period(w, item.get(start), item.get("end_date"))  # noqa: E731
    sections = [
        (
            "representation",
            [say("body"), say("organisation"), say("seat"), say("period")],
            [
                [
                    organisation_name(seat, "body", w.language),
                    organisation_name(seat, "organisation", w.language),
                    w.label(SeatRole(seat["role"])),
                    period(seat),
                ]
                for seat in data.get("representation", [])
            ],
            [55 * mm, 55 * mm, 25 * mm, width - 135 * mm],
        ),
        (
            "supervises",
            [say("employer"), say("title"), say("period")],
            [
                [organisation_name(e, "employer", w.language), e["title"], period(e)]
                for e in data.get("supervises", [])
            ],
            [70 * mm, 50 * mm, width - 120 * mm],
        ),
        (
            "registrations",
            [say("event"), say("status"), say("details")],
            [
                [
                    f"{organisation_name(r, 'event', w.language)} {_date(w, r.get('starts_on'))}".strip(),
                    w.label(RegistrationStatus(r["status"])),
                    _registration_details(w, r),
                ]
                for r in data.get("event_registrations", [])
            ],
            [70 * mm, 30 * mm, width - 100 * mm],
        ),
        (
            "named_in",
            [say("record"), say("field"), say("text")],
            [
                [entity_name(w, n["entity"]), field_name(w, n["entity"], n["field"]), n["value"]]
                for n in data.get("named_in", [])
            ],
            [40 * mm, 35 * mm, width - 75 * mm],
        ),
    ]
    story: list[Any] = []
    for key, header, rows, widths in sections:
        story.append(w.heading(say(key)))
        story.append(w.table(header, rows, widths) if rows else w.p(say("none")))
    return story


def _date(w: ReportWriter, iso: str | None) -> str:
    from datetime import date

    return w.date(date.fromisoformat(iso[:10])) if iso else ""


def _period(w: ReportWriter, start: str | None, end: str | None) -> str:
    return f"{_date(w, start)} – {_date(w, end)}".strip()


def _registration_details(w: ReportWriter, r: dict[str, Any]) -> str:
    parts = [f"{r.get('first_name', '')} {r.get('last_name', '')}".strip()]
    parts += [r.get(key) or "" for key in ("email", "organisation_name", "dietary", "accessibility")]
    if r.get("attended"):
        parts.append(w.text(TEXTS["attended"]))
    return "; ".join(p for p in parts if p)


def entity_name(w: ReportWriter, entity: str) -> str:
    return w.t(ENTITIES[entity]) if entity in ENTITIES else entity


def field_name(w: ReportWriter, entity: str, key: str) -> str:
    source = OWN_LABELS.get((entity, key)) or FORM_LABELS.get(entity, {}).get(key) or COMMON_LABELS.get(key)
    return w.t(source) if source else key
