"""A readable PDF of everything stored about one person (the export of `services.person_data`).

The language is the report's own (Finnish or Swedish), independent of the user interface. It is
laid out on the shared page template (embedded DejaVu fonts, page x / y); no Qt is needed.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from jarjestokeskus.domain.cooperation import SeatRole
from jarjestokeskus.domain.employment import LABELS as EMPLOYMENT_LABELS
from jarjestokeskus.domain.enums import LABELS as ENUM_LABELS
from jarjestokeskus.domain.events import RegistrationStatus
from jarjestokeskus.i18n import N_, format_date, format_datetime, format_money, format_number
from jarjestokeskus.i18n.record_kinds import ENTITIES
from jarjestokeskus.reports.template import CONTENT_WIDTH, ReportWriter, build_pdf
from jarjestokeskus.services.history.labels import COMMON_LABELS, FORM_LABELS, OWN_LABELS
from jarjestokeskus.services.person_data import organisation_name

TEXTS = {
    "title": N_("Personal data"),
    "intro": N_(
        "Everything the register of {organisation} holds about this person on {date}. Identity codes, "
        "health information and the reasons for a scheme are never stored."
    ),
    "person": N_("Person"),
    "roles": N_("Roles in organisations"),
    "employments": N_("Employments and scheme periods"),
    "history": N_("Change history"),
    "none": N_("None."),
    "anonymised": N_("Anonymised"),
    "yes": N_("yes"),
    "no": N_("no"),
    "organisation": N_("Organisation"),
    "role": N_("Role"),
    "period": N_("Period"),
    "employer": N_("Employer"),
    "paying_projects": N_("Paying projects"),
    "when": N_("When"),
    "who": N_("Who"),
    "what": N_("What changed"),
    "created": N_("Created"),
}
ACTIONS = {
    "create": N_("created"),
    "update": N_("changed"),
    "archive": N_("archived"),
    "restore": N_("restored"),
    "erase": N_("erased"),
}
MONEY_FIELDS = ("subsidy_monthly_cap", "allowance_per_day")
NUMBER_FIELDS = ("hours_per_week", "days_per_week", "hours_per_day", "subsidy_percent")
ENUM_FIELDS = {
    "scheme": "EmploymentScheme",
    "deciding_authority_kind": "DecidingAuthority",
    "outcome": "EmploymentOutcome",
}


class _Writer(ReportWriter):
    """The shared report writer with the person export's own texts and raw values."""

    def say(self, key: str, **values: object) -> str:
        return self.text(TEXTS[key], **values)

    def iso_date(self, iso: str | None) -> str:
        if not iso:
            return ""
        return format_date(date.fromisoformat(iso[:10]), self.language)

    def value(self, key: str, raw: Any) -> str:
        if raw is None or raw == "":
            return ""
        if isinstance(raw, bool):
            return self.say("yes" if raw else "no")
        if key in ENUM_FIELDS:
            return self.t(ENUM_LABELS[ENUM_FIELDS[key]].get(raw, raw))
        if key.endswith("_date"):
            return self.iso_date(raw)
        if key in MONEY_FIELDS:
            return format_money(Decimal(raw), self.language)
        if key in NUMBER_FIELDS:
            return format_number(Decimal(raw).normalize(), self.language)
        return str(raw)


def person_data_pdf(data: dict[str, Any], language: str, home: tuple[str, str] = ("", "")) -> bytes:
    """The PDF of `export_person`'s data in `language` ("fi" or "sv"); `home` = the home
    organisation's (fi, sv) names (else the person's first employer is named)."""
    w = _Writer(language)
    person = data["person"]
    width = CONTENT_WIDTH
    home_name = w.name(*home) or _home_name(data, language)
    story: list[Any] = [
        w.title(w.say("title")),
        w.p(
            w.say(
                "intro",
                organisation=home_name,
                date=format_date(datetime.fromisoformat(data["exported_at"]).date(), language),
            )
        ),
        w.heading(w.say("person")),
    ]
    person_rows = [
        [w.t(EMPLOYMENT_LABELS[key]), w.value(key, person[key])]
        for key in ("first_name", "last_name", "email", "phone")
    ]
    person_rows += [
        [w.say("anonymised"), w.value("anonymised", person["anonymised"])],
        [w.say("created"), format_datetime(datetime.fromisoformat(person["created_at"]), language)],
    ]
    story.append(w.fields([(label, value or " ") for label, value in person_rows]))
    story.append(w.heading(w.say("roles")))
    if data["roles"]:
        header = [w.say("organisation"), w.say("role"), w.say("period")]
        rows = []
        for role in data["roles"]:
            kind = w.t(ENUM_LABELS["RoleKind"].get(role["kind"], role["kind"]))
            rows.append(
                [
                    organisation_name(role, "organisation", language),
                    kind,
                    _period(w, role["start_date"], role["end_date"]),
                ]
            )
        story.append(w.table(header, rows, [80 * mm, 45 * mm, width - 125 * mm]))
    else:
        story.append(w.p(w.say("none")))
    story.append(w.heading(w.say("employments")))
    if not data["employments"]:
        story.append(w.p(w.say("none")))
    for employment in data["employments"]:
        story.append(KeepTogether([_employment(w, employment, width), Spacer(1, 4 * mm)]))
    story += more_sections(w, data)
    story.append(w.heading(w.say("history")))
    header = [w.say("when"), w.say("who"), w.say("what")]
    rows = []
    for entry in data["history"]:
        entity = entry.get("entity", "Person")
        keys = [
            k
            for k in entry.get("changes") or {}
            if entity in ("Person", "Employment") or not k.endswith("_id")
        ]
        changed = ", ".join(_field_name(w, entity, key) for key in keys)
        action = w.t(ACTIONS.get(entry["action"], entry["action"]))
        if entity not in ("Person", "Employment"):
            action = f"{entity_name(w, entity)}, {action}"
        rows.append(
            [
                format_datetime(datetime.fromisoformat(entry["at"]), language),
                entry["user"],
                f"{action}: {changed}",
            ]
        )
    story.append(w.table(header, rows, [35 * mm, 30 * mm, width - 65 * mm]))
    buffer = BytesIO()
    build_pdf(w, w.say("title"), (home_name, home_name), story, buffer)
    return buffer.getvalue()


def _home_name(data: dict[str, Any], language: str) -> str:
    for employment in data["employments"]:
        name = organisation_name(employment, "employer", language)
        if name:
            return name
    return ""


def _period(w: _Writer, start: str | None, end: str | None) -> str:
    return f"{w.iso_date(start)} – {w.iso_date(end)}".strip()


def _field_name(w: _Writer, entity: str, key: str) -> str:
    if entity not in ("Person", "Employment"):
        return field_name(w, entity, key)
    key = key.removesuffix("_id")
    return w.t(EMPLOYMENT_LABELS[key]) if key in EMPLOYMENT_LABELS else key


def _employment(w: _Writer, e: dict[str, Any], width: float) -> Table:
    heading = f"{w.value('scheme', e['scheme'])}: {_period(w, e['start_date'], e['end_date'])}"
    rows = [[heading, ""], [w.say("employer"), organisation_name(e, "employer", w.language)]]
    for key in EMPLOYMENT_LABELS:
        if key in (
            "first_name",
            "last_name",
            "email",
            "phone",
            "scheme",
            "start_date",
            "end_date",
            "project",
        ):
            continue
        if key == "share_percent":
            continue
        raw = e.get("supervisor") if key == "supervisor" else e.get(key)
        shown = w.value(key, raw)
        if shown and not (key == "long_term_unemployed" and raw is False):
            rows.append([w.t(EMPLOYMENT_LABELS[key]), shown])
    if e["paying_projects"]:
        projects = "; ".join(
            f"{organisation_name(p, 'project', w.language)} {format_number(Decimal(p['share_percent']).normalize(), w.language)} %"
            for p in e["paying_projects"]
        )
        rows.append([w.say("paying_projects"), projects])
    table = w.table(None, rows, [45 * mm, width - 45 * mm])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("TEXTCOLOR", (0, 0), (0, 0), colors.black),
            ]
        )
    )
    return table


# --- seats, supervised periods, registrations, free text naming the person ---------------------
MORE_TEXTS = {
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
    "attended": N_("attended"),
}


def more_sections(w: ReportWriter, data: dict[str, Any]) -> list[Any]:
    """The flowables of the four sections, each with its heading ("None." when empty)."""
    say = lambda key: w.text(MORE_TEXTS[key])  # noqa: E731
    width = CONTENT_WIDTH
    period = lambda item, start="start_date": _iso_period(w, item.get(start), item.get("end_date"))  # noqa: E731
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
        story.append(w.table(header, rows, widths) if rows else w.p(w.text(TEXTS["none"])))
    return story


def _date(w: ReportWriter, iso: str | None) -> str:
    return w.date(date.fromisoformat(iso[:10])) if iso else ""


def _iso_period(w: ReportWriter, start: str | None, end: str | None) -> str:
    return f"{_date(w, start)} – {_date(w, end)}".strip()


def _registration_details(w: ReportWriter, r: dict[str, Any]) -> str:
    parts = [f"{r.get('first_name', '')} {r.get('last_name', '')}".strip()]
    parts += [r.get(key) or "" for key in ("email", "organisation_name", "dietary", "accessibility")]
    if r.get("attended"):
        parts.append(w.text(MORE_TEXTS["attended"]))
    return "; ".join(p for p in parts if p)


def entity_name(w: ReportWriter, entity: str) -> str:
    return w.t(ENTITIES[entity]) if entity in ENTITIES else entity


def field_name(w: ReportWriter, entity: str, key: str) -> str:
    source = OWN_LABELS.get((entity, key)) or FORM_LABELS.get(entity, {}).get(key) or COMMON_LABELS.get(key)
    return w.t(source) if source else key
