"""Cooperation structures: bodies and seats, the cooperation checklist, members' grants and premises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.domain.validation import (
    Errors,
    check_length,
    check_period,
    clean,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import N_, _

_LABELS: dict[str, dict[str, str]] = {
    "AreaKind": {"municipality": N_("Municipality"), "wellbeing_county": N_("Wellbeing services county")},
    "BodyKind": {
        "advisory_board": N_("NGO advisory board"),
        "working_group": N_("Working group"),
        "partnership_table": N_("Partnership table"),
        "forum": N_("Forum"),
    },
    "SeatRole": {
        "member": N_("Member"),
        "deputy": N_("Deputy member"),
        "chair": N_("Chair"),
        "vice_chair": N_("Vice chair"),
    },
    "ChecklistTemplate": {
        "jarjesto20": N_("Järjestö 2.0 (municipality)"),
        "county_document": N_("County's cooperation document"),
    },
    "ChecklistStatus": {
        "none": N_("none"),
        "in_preparation": N_("in preparation"),
        "in_place": N_("in place"),
    },
    "GrantInstrument": {
        "operating": N_("Operating grant"),
        "project": N_("Project grant"),
        "premises": N_("Premises grant"),
        "one_off": N_("One-off grant"),
    },
    "PremisesOwner": {
        "municipality": N_("Municipality"),
        "wellbeing_county": N_("Wellbeing services county"),
        "other": N_("Another owner"),
    },
}


class _CooperationEnum(LabelledEnum):
    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _LABELS[cls.__name__]


class AreaKind(_CooperationEnum):
    """Whose body, checklist or grant: a municipality or the wellbeing services county."""

    MUNICIPALITY = "municipality"
    WELLBEING_COUNTY = "wellbeing_county"


class BodyKind(_CooperationEnum):
    ADVISORY_BOARD = "advisory_board"
    WORKING_GROUP = "working_group"
    PARTNERSHIP_TABLE = "partnership_table"
    FORUM = "forum"


class SeatRole(_CooperationEnum):
    MEMBER = "member"
    DEPUTY = "deputy"
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"


class ChecklistTemplate(_CooperationEnum):
    JARJESTO20 = "jarjesto20"
    COUNTY_DOCUMENT = "county_document"


class ChecklistStatus(_CooperationEnum):
    NONE = "none"
    IN_PREPARATION = "in_preparation"
    IN_PLACE = "in_place"


class GrantInstrument(_CooperationEnum):
    OPERATING = "operating"
    PROJECT = "project"
    PREMISES = "premises"
    ONE_OFF = "one_off"


class PremisesOwner(_CooperationEnum):
    MUNICIPALITY = "municipality"
    WELLBEING_COUNTY = "wellbeing_county"
    OTHER = "other"


def owner_area(owner: PremisesOwner) -> AreaKind | None:
    """The register list a premises' owner comes from: a municipality's, the county's, or none."""
    return {
        PremisesOwner.MUNICIPALITY: AreaKind.MUNICIPALITY,
        PremisesOwner.WELLBEING_COUNTY: AreaKind.WELLBEING_COUNTY,
    }.get(PremisesOwner(owner))


@dataclass(frozen=True)
class Term:
    start: date | None
    end: date | None


def check_term(start_text: str, end_text: str, errors: Errors, label: str) -> Term:
    """A from–to period typed as d.m.yyyy; the end not before the start."""
    start = parse_date(start_text, "start_date", _("From"), errors)
    end = parse_date(end_text, "end_date", _("To"), errors)
    check_period(start, end, "end_date", label, errors)
    return Term(start, end)


def required_text(text: str, field: str, label: str, limit: int, errors: Errors) -> str:
    value = clean(text)
    if not value:
        errors.add(field, _("{field}: required").format(field=label))
    check_length(value, limit, field, label, errors)
    return value


def optional_money(text: str, field: str, label: str, errors: Errors) -> Decimal | None:
    return parse_money(text, field, label, errors) if clean(text) else None


def in_force(start: date | None, end: date | None, day: date) -> bool:
    """Does a from–to period (open at either end) cover `day`?"""
    return (start is None or start <= day) and (end is None or end >= day)


def overlaps_year(start: date | None, end: date | None, year: int) -> bool:
    """Does a from–to period (open at either end) touch the calendar year?"""
    return (start is None or start <= date(year, 12, 31)) and (end is None or end >= date(year, 1, 1))


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in percent with one decimal (None when there is no whole)."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
