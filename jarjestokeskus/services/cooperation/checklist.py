"""The cooperation checklist: its elements as data, each municipality's and the county's state per year.

Each template (Järjestö 2.0 for a municipality, the county's cooperation document) has elements a
user adds, renames or retires; an entry holds one element's state for one area and year. The
comparison puts the region's areas side by side with last year's state.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import ChecklistElement, ChecklistEntry
from jarjestokeskus.domain.cooperation import AreaKind, ChecklistStatus, ChecklistTemplate, required_text
from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_date
from jarjestokeskus.i18n import _, localized
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.cooperation.areas import canonical_area, check_area
from jarjestokeskus.services.cooperation.records import archive, load_for_saving


@dataclass(frozen=True)
class ElementRow:
    id: uuid.UUID
    version: int
    template: ChecklistTemplate
    position: int
    name_fi: str
    name_sv: str

    def name(self, language: str) -> str:
        return localized(self.name_fi, self.name_sv, language)


@dataclass(frozen=True)
class EntryRow:
    id: uuid.UUID
    version: int
    element_id: uuid.UUID
    area_kind: AreaKind
    area: str
    year: int
    status: ChecklistStatus
    owner: str
    due_date: date | None
    note: str


@dataclass(frozen=True)
class EntryForm:
    status: ChecklistStatus
    owner: str = ""
    due_date: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChecklistLine:
    """One element and its entry for the area and year (None: not assessed)."""

    element: ElementRow
    entry: EntryRow | None


def _element_row(e: ChecklistElement) -> ElementRow:
    return ElementRow(e.id, e.version, e.template, e.position, e.name_fi, e.name_sv)


def _entry_row(e: ChecklistEntry) -> EntryRow:
    return EntryRow(
        e.id, e.version, e.element_id, e.area_kind, e.area, e.year, e.status, e.owner, e.due_date, e.note
    )


def elements(db: Database, template: ChecklistTemplate) -> list[ElementRow]:
    """The template's live elements in their order."""
    with db.reading() as session:
        stmt = (
            select(ChecklistElement)
            .where(ChecklistElement.template == template, ChecklistElement.archived_at.is_(None))
            .order_by(ChecklistElement.position, ChecklistElement.created_at)
        )
        return [_element_row(e) for e in session.scalars(stmt)]


def save_element(
    db: Database,
    template: ChecklistTemplate,
    name_fi: str,
    name_sv: str,
    element_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> ElementRow:
    """A new element (last in the template) or a renamed one."""
    errors = Errors()
    name_fi = required_text(name_fi, "name_fi", _("Name in Finnish"), 200, errors)
    name_sv = clean(name_sv)
    check_length(name_sv, 200, "name_sv", _("Name in Swedish"), errors)
    errors.raise_if_any()
    with db.transaction() as session:
        element = load_for_saving(session, ChecklistElement, element_id, expected_version, template=template)
        if element_id is None:
            last = session.scalar(
                select(func.max(ChecklistElement.position)).where(ChecklistElement.template == template)
            )
            element.position = (last or 0) + 1
        element.name_fi, element.name_sv = name_fi, name_sv
        session.flush()
        return _element_row(element)


def retire_element(db: Database, element_id: uuid.UUID, expected_version: int | None = None) -> None:
    """The element leaves the checklist; its entries of earlier years stay in the database."""
    archive(db, ChecklistElement, element_id, expected_version)


def checklist(
    db: Database, template: ChecklistTemplate, area_kind: AreaKind, area: str, year: int
) -> list[ChecklistLine]:
    """Every element of the template with the area's entry for the year."""
    entries = {e.element_id: e for e in _entries(db, [year], area_kind, area)}
    return [ChecklistLine(element, entries.get(element.id)) for element in elements(db, template)]


def _entries(
    db: Database, years: list[int], area_kind: AreaKind | None = None, area: str | None = None
) -> list[EntryRow]:
    stmt = select(ChecklistEntry).where(ChecklistEntry.archived_at.is_(None), ChecklistEntry.year.in_(years))
    if area_kind is not None:
        area = canonical_area(area_kind, area or "") or area
        stmt = stmt.where(ChecklistEntry.area_kind == area_kind, ChecklistEntry.area == area)
    with db.reading() as session:
        return [_entry_row(e) for e in session.scalars(stmt)]


def save_entry(
    db: Database,
    element_id: uuid.UUID,
    area_kind: AreaKind,
    area: str,
    year: int,
    form: EntryForm,
    expected_version: int | None = None,
) -> EntryRow:
    """The element's state for the area and year: the one entry there is, written over by its version."""
    errors = Errors()
    area = check_area(area_kind, area, "area", _("Municipality or county"), errors)
    owner = clean(form.owner)
    check_length(owner, 200, "owner", _("Owner"), errors)
    due = parse_date(form.due_date, "due_date", _("Date"), errors)
    errors.raise_if_any()
    with db.transaction() as session:
        if session.get(ChecklistElement, element_id) is None:
            raise RecordNotFound()
        existing = session.scalar(
            select(ChecklistEntry.id).where(
                ChecklistEntry.element_id == element_id,
                ChecklistEntry.area_kind == area_kind,
                ChecklistEntry.area == area,
                ChecklistEntry.year == year,
                ChecklistEntry.archived_at.is_(None),
            )
        )
        entry = load_for_saving(
            session,
            ChecklistEntry,
            existing,
            expected_version if existing is not None else None,
            element_id=element_id,
            area_kind=area_kind,
            area=area,
            year=year,
        )
        entry.status, entry.owner, entry.due_date, entry.note = form.status, owner, due, clean(form.note)
        session.flush()
        return _entry_row(entry)


def checklist_areas(db: Database) -> list[tuple[AreaKind, str]]:
    """The areas that have any entry: municipalities by name, then the county."""
    with db.reading() as session:
        pairs = session.execute(
            select(ChecklistEntry.area_kind, ChecklistEntry.area)
            .where(ChecklistEntry.archived_at.is_(None))
            .distinct()
        ).all()
    return sorted(((k, a) for k, a in pairs), key=lambda p: (p[0] != AreaKind.MUNICIPALITY, sort_key(p[1])))


@dataclass(frozen=True)
class ComparisonRow:
    """One area's state per element this year and last year (None: not assessed)."""

    area_kind: AreaKind
    area: str
    statuses: tuple[ChecklistStatus | None, ...]
    previous: tuple[ChecklistStatus | None, ...]

    @property
    def in_place(self) -> int:
        return sum(1 for s in self.statuses if s == ChecklistStatus.IN_PLACE)

    @property
    def in_place_before(self) -> int:
        return sum(1 for s in self.previous if s == ChecklistStatus.IN_PLACE)

    def changed(self) -> list[int]:
        """Indexes of the elements whose state differs from last year's."""
        return [
            i
            for i, (now, before) in enumerate(zip(self.statuses, self.previous, strict=True))
            if now != before
        ]


@dataclass(frozen=True)
class Comparison:
    template: ChecklistTemplate
    year: int
    elements: tuple[ElementRow, ...]
    rows: tuple[ComparisonRow, ...]


def comparison(db: Database, template: ChecklistTemplate, year: int) -> Comparison:
    """The areas with an entry of this template this year or last, side by side."""
    template_elements = elements(db, template)
    ids = [e.id for e in template_elements]
    state: dict[tuple[AreaKind, str, int], dict[uuid.UUID, ChecklistStatus]] = {}
    for entry in _entries(db, [year, year - 1]):
        if entry.element_id in ids:
            state.setdefault((entry.area_kind, entry.area, entry.year), {})[entry.element_id] = entry.status
    areas = sorted(
        {(kind, area) for kind, area, _year in state},
        key=lambda p: (p[0] != AreaKind.MUNICIPALITY, sort_key(p[1])),
    )
    rows = tuple(
        ComparisonRow(
            kind,
            area,
            tuple(state.get((kind, area, year), {}).get(i) for i in ids),
            tuple(state.get((kind, area, year - 1), {}).get(i) for i in ids),
        )
        for kind, area in areas
    )
    return Comparison(template, year, tuple(template_elements), rows)


def start_year_from_last(
    db: Database, template: ChecklistTemplate, area_kind: AreaKind, area: str, year: int
) -> int:
    """The area's entries of last year copied to `year` where `year` has none; returns how many."""
    present = {line.element.id for line in checklist(db, template, area_kind, area, year) if line.entry}
    copied = 0
    for line in checklist(db, template, area_kind, area, year - 1):
        e = line.entry
        if e is None or e.element_id in present:
            continue
        due = ""
        if e.due_date is not None:  # a year later; 29.2. becomes 28.2.
            day = min(e.due_date.day, 28) if e.due_date.month == 2 else e.due_date.day
            due = f"{day}.{e.due_date.month}.{e.due_date.year + 1}"
        save_entry(db, e.element_id, area_kind, area, year, EntryForm(e.status, e.owner, due, e.note))
        copied += 1
    return copied
