"""A change in the audit trail in the user's words: the kind of record, each field's label, each value
as the forms show it (6.12.2026, 75 000,00 €, an enumeration's label in the user's language).

The trail keeps plain JSON (enum values, ISO dates, decimals as text) under the column names; the
models say what each column holds, the domain's forms what it is called.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Numeric

import jarjestokeskus.db.models  # noqa: F401 - registers every model
from jarjestokeskus.db.base import Base
from jarjestokeskus.domain import agreements, employment, organisation, projects, year_clock
from jarjestokeskus.i18n import N_, _, format_date, format_datetime, format_money, format_number
from jarjestokeskus.services.person_data import ANONYMISED_NAME, ERASED

EMPTY = "–"
ENTITIES = {
    "Organisation": N_("Organisation"),
    "MembershipFee": N_("Membership fee"),
    "Role": N_("Role"),
    "Person": N_("Person"),
    "Project": N_("Project"),
    "ProjectStatusChange": N_("Project status"),
    "ProjectPartner": N_("Project partner"),
    "Funding": N_("Funding"),
    "Instalment": N_("Instalment"),
    "ReportingObligation": N_("Reporting obligation"),
    "ReportingRule": N_("Reporting rule"),
    "InstalmentRule": N_("Instalment rule"),
    "Employment": N_("Employment"),
    "EmploymentFunding": N_("Employment funding"),
    "SchemeLimit": N_("Scheme limit"),
    "Agreement": N_("Agreement"),
    "AgreementParty": N_("Agreement party"),
    "AgreementGoal": N_("Agreement goal"),
    "MonitoringEntry": N_("Monitoring entry"),
    "AgreementDocument": N_("Agreement document"),
    "YearClockTask": N_("Year-clock task"),
    "YearClockCompletion": N_("Year-clock task done"),
}
# Each record kind's fields are named as its own form names them.
_FORM_LABELS: dict[str, dict[str, str]] = {
    **dict.fromkeys(("Organisation", "MembershipFee", "Role", "Person"), organisation.LABELS),
    **dict.fromkeys(
        (
            "Project",
            "ProjectStatusChange",
            "ProjectPartner",
            "Funding",
            "Instalment",
            "ReportingObligation",
            "ReportingRule",
            "InstalmentRule",
        ),
        projects.LABELS,
    ),
    **dict.fromkeys(("Employment", "EmploymentFunding", "SchemeLimit"), employment.LABELS),
    **dict.fromkeys(
        ("Agreement", "AgreementParty", "AgreementGoal", "MonitoringEntry", "AgreementDocument"),
        agreements.LABELS,
    ),
    **dict.fromkeys(("YearClockTask", "YearClockCompletion"), year_clock.LABELS),
}
# Fields no form shows under that name, or named otherwise in the trail than in the form.
_OWN_LABELS: dict[tuple[str, str], str] = {
    ("Organisation", "is_home"): N_("Home organisation"),
    ("Organisation", "shares_business_id"): N_("Shares the business ID"),
    ("Person", "anonymised"): N_("Anonymised"),
    ("Role", "kind"): N_("Role"),
    ("AgreementGoal", "title_fi"): N_("Goal in Finnish"),
    ("AgreementGoal", "title_sv"): N_("Goal in Swedish"),
    ("Agreement", "premises_free_of_charge"): N_("Free of charge"),
    ("MonitoringEntry", "written_by"): N_("Written by"),
    ("AgreementDocument", "file_name"): N_("File"),
    ("AgreementDocument", "size_bytes"): N_("Size (bytes)"),
    ("ReportingRule", "due_month"): N_("Due month"),
    ("ReportingRule", "due_day"): N_("Due day"),
    ("ReportingRule", "years_after"): N_("Years after the funding year"),
    ("ReportingRule", "effective_from"): N_("In force from"),
    ("ReportingRule", "note"): N_("Note"),
    ("InstalmentRule", "months"): N_("Months"),
    ("InstalmentRule", "day"): N_("Day"),
    ("InstalmentRule", "effective_from"): N_("In force from"),
    ("InstalmentRule", "note"): N_("Note"),
    ("SchemeLimit", "variant"): N_("Variant"),
    ("SchemeLimit", "effective_from"): N_("In force from"),
    ("SchemeLimit", "min_hours_per_day"): N_("Hours a day at least"),
    ("SchemeLimit", "max_hours_per_day"): N_("Hours a day at most"),
    ("SchemeLimit", "min_days_per_week"): N_("Days a week at least"),
    ("SchemeLimit", "max_days_per_week"): N_("Days a week at most"),
    ("SchemeLimit", "min_hours_per_week"): N_("Hours a week at least"),
    ("SchemeLimit", "min_months"): N_("Months at least"),
    ("SchemeLimit", "max_months"): N_("Months at most"),
    ("SchemeLimit", "max_months_same_organiser"): N_("Months at most with one organiser"),
    ("SchemeLimit", "max_months_total"): N_("Months at most in all"),
    ("SchemeLimit", "monthly_cap"): N_("Monthly cap"),
    ("SchemeLimit", "note"): N_("Note"),
    ("YearClockTask", "counts_from"): N_("Counts from"),
    ("YearClockCompletion", "year"): N_("Year"),
    ("YearClockCompletion", "done_on"): N_("Done on"),
}
# Bookkeeping of the program, not of the user: left out of the history.
_TECHNICAL = {"stored_name", "sha256", "content_type", "position"}
_COLUMNS: dict[str, dict[str, Column]] = {
    mapper.class_.__name__: {c.key: c for c in mapper.columns} for mapper in Base.registry.mappers
}


def _column(entity: str, key: str) -> Column | None:
    return _COLUMNS.get(entity, {}).get(key)


def entity_label(entity: str) -> str:
    return _(ENTITIES[entity]) if entity in ENTITIES else entity


def is_shown(entity: str, key: str) -> bool:
    """A field worth a line: not a link to another record (the record column names that), not
    the program's bookkeeping. A business ID is data, though its name ends in `_id`."""
    column = _column(entity, key)
    if column is not None:
        return not column.foreign_keys and key not in _TECHNICAL
    return not key.endswith("_id") and key not in _TECHNICAL


def field_label(entity: str, key: str) -> str:
    if (entity, key) in _OWN_LABELS:
        return _(_OWN_LABELS[(entity, key)])
    labels = _FORM_LABELS.get(entity, {})
    return _(labels[key]) if key in labels else key


def format_value(entity: str, key: str, value: Any) -> str:
    """A recorded value as the form shows it; one that does not fit its column's kind, as it is."""
    if value is None or value == "":
        return EMPTY
    if value == ERASED:
        return _("[erased]")
    if (entity, key, value) == ("Person", "first_name", ANONYMISED_NAME):
        return _("Anonymised person")
    kind = getattr(_column(entity, key), "type", None)
    if isinstance(value, bool) or isinstance(kind, Boolean):
        return _("Yes") if value else _("No")
    try:
        if isinstance(kind, Enum) and kind.enum_class is not None:
            return kind.enum_class(value).label  # type: ignore[attr-defined]
        if isinstance(kind, DateTime):
            return format_datetime(datetime.fromisoformat(str(value)))
        if isinstance(kind, Date):
            return format_date(date.fromisoformat(str(value)))
        if isinstance(kind, Numeric):
            number = Decimal(str(value))
            return format_money(number) if (kind.precision, kind.scale) == (12, 2) else format_number(number)
    except (ValueError, InvalidOperation, AttributeError):
        return str(value)
    return " / ".join(str(value).splitlines())  # one line per change, also for notes
