"""The year clock (vuosikello / årsklocka): a recurring yearly task as typed, its checks and its date."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.domain.validation import Errors, check_length, clean
from jarjestokeskus.i18n import N_, _

TITLE_LIMIT = 200
NOTES_LIMIT = 2000
LEAP_YEAR = 2024  # the longest February: 29.2 is a valid day of the year clock


class YearClockCategory(LabelledEnum):
    STEA = "stea"
    CITY = "city"
    COUNTY = "county"
    ASSOCIATION = "association"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _CATEGORY_LABELS


_CATEGORY_LABELS = {
    "stea": N_("STEA"),
    "city": N_("City"),
    "county": N_("Wellbeing services county"),
    "association": N_("Association's own"),
    "other": N_("Other"),
}

LABELS = {
    "title_fi": N_("Task in Finnish"),
    "title_sv": N_("Task in Swedish"),
    "month": N_("Month"),
    "day": N_("Day"),
    "category": N_("Category"),
    "notes": N_("Notes"),
}


def label(key: str) -> str:
    return _(LABELS[key])


def month_name(month: int, language: str) -> str:
    """“Tammikuu”, “Januari”: the month's name in `language`, capitalised as a heading."""
    from babel.dates import get_month_names  # when shown: the start page's deadlines need none

    name = get_month_names("wide", context="stand-alone", locale=language)[month]
    return name[:1].upper() + name[1:]


def occurrence(year: int, month: int, day: int | None) -> date:
    """The task's date in `year`: no day means the month's last day; 29.2 falls on 28.2 in other years."""
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day is None else min(day, last))


@dataclass
class YearClockForm:
    """What the user typed; `month` and `day` stay text until `validate_task` accepts them."""

    title_fi: str = ""
    title_sv: str = ""
    month: str = ""
    day: str = ""
    category: YearClockCategory = YearClockCategory.OTHER
    notes: str = ""


def _number(text: str) -> int | None:
    value = clean(text)
    return int(value) if value.isascii() and value.isdigit() else None


def validate_task(form: YearClockForm) -> dict[str, object]:
    """The values to store; raises ValidationFailed naming each wrong field."""
    errors = Errors()
    title_fi, title_sv = clean(form.title_fi), clean(form.title_sv)
    if not title_fi and not title_sv:
        message = _("Write the task in Finnish or in Swedish (or both).")
        errors.add("title_fi", message)
    check_length(title_fi, TITLE_LIMIT, "title_fi", label("title_fi"), errors)
    check_length(title_sv, TITLE_LIMIT, "title_sv", label("title_sv"), errors)
    month = _number(form.month)
    if month is None or not 1 <= month <= 12:
        errors.add("month", _("{field}: choose a month from 1 to 12").format(field=label("month")))
        month = None
    day: int | None = None
    if clean(form.day):
        day = _number(form.day)
        longest = calendar.monthrange(LEAP_YEAR, month)[1] if month is not None else 31
        if day is None or not 1 <= day <= longest:
            errors.add(
                "day",
                _("{field}: a day from 1 to {last}, or empty for the end of the month").format(
                    field=label("day"), last=longest
                ),
            )
            day = None
    notes = clean(form.notes)
    check_length(notes, NOTES_LIMIT, "notes", label("notes"), errors)
    errors.raise_if_any()
    return {
        "title_fi": title_fi,
        "title_sv": title_sv,
        "month": month,
        "day": day,
        "category": form.category,
        "notes": notes,
    }
