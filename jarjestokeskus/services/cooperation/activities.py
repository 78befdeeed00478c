"""The directory of member activities and services: what, for whom, where, when, languages, contact.

Searched word by word over the activity's texts and the organisation's names (every word must
appear), narrowed by municipality and language; written to CSV or XLSX for service guidance.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import or_, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import MemberActivity, Organisation
from jarjestokeskus.domain.cooperation import AreaKind
from jarjestokeskus.domain.validation import Errors, check_length, clean
from jarjestokeskus.i18n import _, localized
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.cooperation.areas import area_name, canonical_area, check_area
from jarjestokeskus.services.cooperation.records import archive, live, load_for_saving, restore
from jarjestokeskus.services.exports.files import Format, write_table

LANGUAGE_CODES = ("fi", "sv", "en")
_LIMITS = {
    "title_fi": 200,
    "title_sv": 200,
    "audience": 200,
    "place": 200,
    "municipality": 80,
    "schedule": 200,
    "languages": 40,
    "contact": 200,
}


@dataclass(frozen=True)
class ActivityForm:
    title_fi: str
    title_sv: str = ""
    description: str = ""
    audience: str = ""
    place: str = ""
    municipality: str = ""
    schedule: str = ""
    languages: str = ""  # codes separated by commas or spaces: "fi, sv"
    contact: str = ""


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    version: int
    organisation_id: uuid.UUID
    organisation: str
    title_fi: str
    title_sv: str
    description: str
    audience: str
    place: str
    municipality: str
    schedule: str
    languages: str
    contact: str
    archived_at: datetime | None = None

    def title(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)

    def municipality_name(self, language: str) -> str:
        return area_name(AreaKind.MUNICIPALITY, self.municipality, language)

    def form(self) -> ActivityForm:
        return ActivityForm(
            self.title_fi,
            self.title_sv,
            self.description,
            self.audience,
            self.place,
            self.municipality,
            self.schedule,
            self.languages,
            self.contact,
        )


def search_text(*texts: str) -> str:
    """What an activity is found by: its names, audience, place, municipality, schedule and contact."""
    return " ".join(sort_key(text) for text in texts if text)


def _labels() -> dict[str, str]:
    return {
        "title_fi": _("Name in Finnish"),
        "title_sv": _("Name in Swedish"),
        "audience": _("For whom"),
        "place": _("Where"),
        "municipality": _("Municipality"),
        "schedule": _("When"),
        "languages": _("Languages"),
        "contact": _("Contact"),
    }


def _languages(text: str, errors: Errors) -> str:
    codes = [code.casefold() for code in text.replace(",", " ").split()]
    unknown = [code for code in codes if code not in LANGUAGE_CODES]
    if unknown:
        errors.add(
            "languages",
            _("{field}: use the codes {codes}").format(field=_("Languages"), codes=", ".join(LANGUAGE_CODES)),
        )
    return ", ".join(dict.fromkeys(codes))


def save_activity(
    db: Database,
    organisation_id: uuid.UUID,
    form: ActivityForm,
    activity_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    errors = Errors()
    labels = _labels()
    values = {key: clean(getattr(form, key)) for key in _LIMITS}
    for key, limit in _LIMITS.items():
        check_length(values[key], limit, key, labels[key], errors)
    if not values["title_fi"] and not values["title_sv"]:
        errors.add("title_fi", _("{field}: required").format(field=_("Activity")))
    values["languages"] = _languages(values["languages"], errors)
    if values["municipality"]:
        values["municipality"] = check_area(
            AreaKind.MUNICIPALITY, values["municipality"], "municipality", labels["municipality"], errors
        )
    errors.raise_if_any()
    values["description"] = clean(form.description)
    with db.transaction() as session:
        if session.get(Organisation, organisation_id) is None:
            raise RecordNotFound()
        activity = load_for_saving(session, MemberActivity, activity_id, expected_version)
        activity.organisation_id = organisation_id
        for key, value in values.items():
            setattr(activity, key, value)
        found_by = [v for k, v in values.items() if k not in ("languages", "description")]
        if values["municipality"]:  # found by the municipality's Swedish name too
            found_by.append(area_name(AreaKind.MUNICIPALITY, values["municipality"], "sv"))
        activity.search_text = search_text(*found_by)
        session.flush()
        return activity.id


def activities(
    db: Database,
    text: str = "",
    municipality: str = "",
    language_code: str = "",
    language: str = "fi",
    archived: bool = False,
) -> list[ActivityRow]:
    """Live (or archived) activities matching every word of `text`, by title in the language's order."""
    stmt = (
        select(MemberActivity, Organisation)
        .join(Organisation, Organisation.id == MemberActivity.organisation_id)
        .where(live(MemberActivity, archived), Organisation.archived_at.is_(None))
    )
    for word in sort_key(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(
            or_(
                MemberActivity.search_text.like(f"%{escaped}%", escape="\\"),
                Organisation.search_text.like(f"%{escaped}%", escape="\\"),
            )
        )
    if municipality:
        stmt = stmt.where(
            MemberActivity.municipality
            == (canonical_area(AreaKind.MUNICIPALITY, municipality) or municipality)
        )
    with db.reading() as session:
        rows = [_row(a, o, language) for a, o in session.execute(stmt)]
    if language_code:
        rows = [r for r in rows if language_code in r.languages.split(", ")]
    return sorted(rows, key=lambda r: (sort_key(r.title(language)), sort_key(r.organisation)))


def _row(a: MemberActivity, o: Organisation, language: str) -> ActivityRow:
    return ActivityRow(
        a.id,
        a.version,
        o.id,
        localized(o.name_fi, o.name_sv, language),
        a.title_fi,
        a.title_sv,
        a.description,
        a.audience,
        a.place,
        a.municipality,
        a.schedule,
        a.languages,
        a.contact,
        a.archived_at,
    )


def get_activity(db: Database, activity_id: uuid.UUID, language: str = "fi") -> ActivityRow:
    with db.reading() as session:
        activity = session.get(MemberActivity, activity_id)
        if activity is None:
            raise RecordNotFound()
        return _row(activity, session.get(Organisation, activity.organisation_id), language)  # type: ignore[arg-type]


def archive_activity(db: Database, activity_id: uuid.UUID, expected_version: int | None = None) -> None:
    archive(db, MemberActivity, activity_id, expected_version)


def restore_activity(db: Database, activity_id: uuid.UUID, expected_version: int | None = None) -> None:
    restore(db, MemberActivity, activity_id, expected_version)


def export_activities(rows: list[ActivityRow], path: Path, format: Format, language: str) -> None:
    """The directory as listed, for service guidance (CSV for Excel or XLSX)."""
    header = [
        _("Activity"),
        _("Organisation"),
        _("Description"),
        _("For whom"),
        _("Where"),
        _("Municipality"),
        _("When"),
        _("Languages"),
        _("Contact"),
    ]
    table = [
        [
            r.title(language),
            r.organisation,
            r.description,
            r.audience,
            r.place,
            r.municipality_name(language),
            r.schedule,
            r.languages,
            r.contact,
        ]
        for r in rows
    ]
    write_table(path, header, table, format, sheet_title=_("Activities and services"))
