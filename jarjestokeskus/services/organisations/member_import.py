"""Importing member organisations from a table: a plan to look at first, then one transaction."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, StaleRecord
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import (
    LABELS,
    OrganisationForm,
    OrganisationValues,
    label,
    validate,
)
from jarjestokeskus.domain.validation import ValidationFailed, business_id_form
from jarjestokeskus.i18n import _, current_language, localized
from jarjestokeskus.services.municipalities import municipality_key
from jarjestokeskus.services.organisations.import_files import Table, steady
from jarjestokeskus.services.organisations.import_mapping import (
    AS_TYPED,
    NAME_FIELDS,
    set_cell,
    shown_value,
    stored_forms,
    unprotect,
)
from jarjestokeskus.services.organisations.import_saving import (
    business_ids_taken,
    insert_organisations,
    roomy_cache,
)
from jarjestokeskus.services.organisations.register import apply_values

Progress = Callable[[int, int], None]
ON_MATCH = ("update", "skip")
_STEP = 50  # report progress (and let the user cancel) every this many rows
_BATCH = 500  # rows planned together: their stored organisations are read in one go
# A file of thousands of rows names a few municipalities: each text is looked up once.
_place_key = lru_cache(maxsize=4096)(municipality_key)


class RowStatus(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    SKIP = "skip"
    ERROR = "error"


@dataclass(frozen=True)
class RowError:
    """Why a row cannot be imported: its number in the file (header = 1), the column, the reason."""

    row: int
    column: str
    reason: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return label(self.field)


@dataclass(frozen=True, slots=True)  # an import plans 100,000 of them
class PlannedRow:
    row: int
    status: RowStatus
    name: str
    organisation_id: uuid.UUID | None = None
    expected_version: int | None = None
    values: OrganisationValues | None = None
    changes: tuple[FieldChange, ...] = ()
    errors: tuple[RowError, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]
    on_match: str = "update"

    def of(self, status: RowStatus) -> list[PlannedRow]:
        return [row for row in self.rows if row.status == status]

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def ok(self) -> bool:
        return not any(row.status == RowStatus.ERROR for row in self.rows)

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status == status)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int


class ImportHasErrors(DatabaseProblem):
    def user_message(self) -> str:
        return _("The file has errors; nothing was imported. Correct the rows and try again.")


class ImportConflict(DatabaseProblem):
    """The register changed after the preview; nothing was imported."""

    def user_message(self) -> str:
        return _(
            "Someone changed the register after the preview was made; nothing was imported. "
            "Make the preview again."
        )


@dataclass
class _Known:
    """What the planner needs to know of the organisations already in the register."""

    by_business_id: dict[str, list[tuple[uuid.UUID, bool]]]
    by_name_fi: dict[str, list[uuid.UUID]]
    by_name_sv: dict[str, list[uuid.UUID]]
    business_ids: dict[uuid.UUID, str | None]
    municipalities: dict[uuid.UUID, str]  # casefolded


def _known(session) -> _Known:  # type: ignore[no-untyped-def]
    known = _Known({}, {}, {}, {}, {})
    stmt = select(
        Organisation.id, Organisation.business_id, Organisation.name_fi, Organisation.name_sv,
        Organisation.archived_at, Organisation.municipality,
    )  # fmt: skip
    for org_id, business_id, name_fi, name_sv, archived_at, municipality in session.execute(stmt):
        archived = archived_at is not None
        if business_id:
            known.by_business_id.setdefault(business_id, []).append((org_id, archived))
        if archived:
            continue
        known.business_ids[org_id] = business_id
        known.municipalities[org_id] = _place_key(municipality) if municipality else ""
        if name_fi:
            known.by_name_fi.setdefault(name_fi.strip(), []).append(org_id)
        if name_sv:
            known.by_name_sv.setdefault(name_sv.strip(), []).append(org_id)
    return known


def plan_import(
    db: Database,
    table: Table,
    mapping: dict[int, str],
    on_match: str = "update",
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Check every row against the domain's rules and the register; saves nothing."""
    if on_match not in ON_MATCH:
        raise ValueError(on_match)
    today = today or date.today()
    columns = {key: column for column, key in mapping.items()}
    total = len(table.rows)
    planned: list[PlannedRow] = []
    seen: dict[tuple[str, object], Any] = {}  # row number; for names [(municipality, row)]
    fields = list(columns.items())
    with db.reading() as session, steady():
        known = _known(session)
        for first in range(0, total, _BATCH):
            batch = []
            for index in range(first, min(first + _BATCH, total)):
                if progress is not None and index % _STEP == 0:
                    progress(index, total)
                cells = _cells(table.rows[index], fields)
                batch.append((table.numbers[index], cells, _match(known, cells) if cells else (None, None)))
            stored = _stored(session, {match for _n, _c, (match, _p) in batch if match is not None})
            for number, cells, match in batch:
                if not cells:
                    planned.append(PlannedRow(number, RowStatus.SKIP, "", note=_("No values to import")))
                    continue
                row = _plan_row(stored, match, table, number, cells, columns, on_match, today)
                planned.append(_check_repeats(row, cells, table, columns, seen))
    if progress is not None:
        progress(total, total)
    return ImportPlan(tuple(planned), on_match)


def _cells(values: tuple[str, ...], fields: list[tuple[str, int]]) -> dict[str, str]:
    """The row's non-empty cells by field, trimmed, an export's formula guard taken away."""
    cells = {}
    for key, column in fields:
        text = values[column].strip() if column < len(values) else ""
        if text:
            cells[key] = unprotect(text) if text[0] == "'" else text
    return cells


def _stored(session, ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[Organisation, OrganisationForm]]:  # type: ignore[no-untyped-def]
    """The matched organisations of a batch of rows with their stored forms, in a few queries."""
    if not ids:
        return {}
    orgs = list(session.scalars(select(Organisation).where(Organisation.id.in_(ids))))
    forms = stored_forms(session, orgs)
    return {org.id: (org, forms[org.id]) for org in orgs}


def _plan_row(stored, found, table, number, cells, columns, on_match, today) -> PlannedRow:  # type: ignore[no-untyped-def]
    name = localized(cells.get("name_fi", ""), cells.get("name_sv", ""), current_language())

    def error(key: str, reason: str) -> PlannedRow:
        return PlannedRow(
            number, RowStatus.ERROR, name, errors=(_row_error(table, number, columns, key, reason),)
        )

    match, problem = found
    if problem:
        return error(problem[0], problem[1])
    if match is not None and on_match == "skip":
        return PlannedRow(number, RowStatus.SKIP, name, match, note=_("Already in the register"))
    if match is None:
        form = OrganisationForm(membership_status=MembershipStatus.MEMBER)
        org = None
    else:
        org, form = stored[match]
    errors: list[RowError] = []
    for key, text in cells.items():
        if key in AS_TYPED:  # (what set_cell does with it, without the call)
            setattr(form, key, text.strip())
        elif reason := set_cell(form, key, text):
            errors.append(_row_error(table, number, columns, key, reason))
    try:
        values = validate(form, today)
    except ValidationFailed as failed:
        errors.extend(_row_error(table, number, columns, e.field, e.message) for e in failed.errors)
        values = None
    if errors or values is None:
        return PlannedRow(number, RowStatus.ERROR, name, match, errors=tuple(errors))
    if org is None:
        return PlannedRow(number, RowStatus.NEW, name, values=values)
    changes = tuple(
        FieldChange(key, shown_value(getattr(org, key)), shown_value(new))
        for key, new in values.scalars.items()
        if getattr(org, key) != new
    )
    if not changes:
        return PlannedRow(number, RowStatus.SKIP, name, org.id, note=_("No changes"))
    return PlannedRow(number, RowStatus.UPDATE, name, org.id, org.version, values, changes)


def _match(known: _Known, cells: dict[str, str]) -> tuple[uuid.UUID | None, tuple[str, str] | None]:
    """The organisation a row is about: by business ID, else by exact name and municipality (a
    stored organisation without a municipality matches any); or a problem."""
    business_id = ""
    if known.by_business_id:  # (else no organisation in the register has one to match or differ)
        business_id = business_id_form(cells.get("business_id", "")) or ""
    if business_id:
        found = known.by_business_id.get(business_id, [])
        active = [org_id for org_id, archived in found if not archived]
        if len(active) > 1:
            return None, ("business_id", _("several organisations in the register have this business ID"))
        if active:
            return active[0], None
        if found:
            return None, ("business_id", _("an archived organisation has this business ID; restore it first"))
    candidates: set[uuid.UUID] = set()
    for key, index in (("name_fi", known.by_name_fi), ("name_sv", known.by_name_sv)):
        if cells.get(key):
            candidates.update(index.get(cells[key], []))
    if not candidates:
        return None, None
    # Either name of a municipality, any case: "Korsholm" in the file is "Mustasaari" stored.
    municipality = _place_key(cells.get("municipality", "").strip())
    if municipality:  # the same name in another municipality is another association
        candidates = {c for c in candidates if known.municipalities.get(c, "") in ("", municipality)}
    if not candidates:
        return None, None
    name_key = "name_fi" if cells.get("name_fi") else "name_sv"
    if len(candidates) > 1:
        return None, (name_key, _("several organisations in the register have this name"))
    (org_id,) = candidates
    other = known.business_ids.get(org_id)
    if business_id and other and other != business_id:
        return None, (
            "business_id",
            _("an organisation of this name has another business ID ({business_id})").format(
                business_id=other
            ),
        )
    return org_id, None


def _check_repeats(row: PlannedRow, cells, table, columns, seen) -> PlannedRow:  # type: ignore[no-untyped-def]
    """Two rows about the same organisation would make a duplicate or overwrite each other."""
    if row.status not in (RowStatus.NEW, RowStatus.UPDATE) or row.values is None:
        return row
    problems: list[RowError] = []
    values = row.values.scalars
    if row.organisation_id is not None:
        column = "business_id" if "business_id" in cells else NAME_FIELDS[0]
        if (earlier := seen.setdefault(("org", row.organisation_id), row.row)) != row.row:
            text = _("the same organisation as row {row}").format(row=earlier)
            problems.append(_row_error(table, row.row, columns, column, text))
    business_id = values.get("business_id")
    if business_id and (earlier := seen.setdefault(("business_id", business_id), row.row)) != row.row:
        text = _("the same business ID as row {row}").format(row=earlier)
        problems.append(_row_error(table, row.row, columns, "business_id", text))
    place = _place_key(str(values.get("municipality") or "").strip())
    for key in NAME_FIELDS:
        if name := values.get(key):  # the same name twice, unless both rows name different municipalities
            rows = seen.setdefault((key, name), [])
            earlier = next((n for p, n in rows if not p or not place or p == place), None) if rows else None
            if earlier is not None:
                text = _("the same name as row {row}").format(row=earlier)
                problems.append(_row_error(table, row.row, columns, key, text))
            rows.append((place, row.row))
    if not problems:
        return row
    return replace(row, status=RowStatus.ERROR, values=None, errors=row.errors + tuple(problems[:1]))


def _row_error(table: Table, number: int, columns: dict[str, int], key: str, message: str) -> RowError:
    """The error on the file's column of `key`; the field's name leaves the message (it is the column).

    A stored fee or role that no longer passes the rules ("fees[0].year") is named by its field.
    """
    field = key.split(".")[-1]
    text = label(field) if field in LABELS else key
    column = table.column_name(columns[field]) if field in columns else text
    prefix = text + ": "
    reason = message[len(prefix) :] if message.startswith(prefix) else message
    return RowError(number, column, reason)


def _plain(values: OrganisationValues | None) -> bool:
    return values is not None and not values.fees and not values.roles


def apply_import(db: Database, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Save the plan's new and changed organisations in one transaction: all of them or none.

    Raises ImportHasErrors when the plan has errors, ImportConflict (or StaleRecord) when the
    register changed since the plan was made.
    """
    if not plan.ok:
        raise ImportHasErrors()
    work = [row for row in plan.rows if row.status in (RowStatus.NEW, RowStatus.UPDATE)]
    # New organisations without fees or roles (all an import makes) go in with one bulk insert.
    bulk = [row.values for row in work if row.status == RowStatus.NEW and _plain(row.values)]
    single = [row for row in work if row.status == RowStatus.UPDATE or not _plain(row.values)]

    def step(done: int) -> None:
        if progress is not None:
            progress(done, len(work))

    with db.transaction() as session, steady(), roomy_cache(session):
        business_ids = [
            str(v.scalars["business_id"])
            for row in work
            if (v := row.values) and v.scalars.get("business_id") and row.status == RowStatus.NEW
        ]
        if business_ids_taken(session, business_ids):
            raise ImportConflict()
        insert_organisations(session, bulk, step)  # type: ignore[arg-type]
        for done, row in enumerate(single, start=len(bulk)):
            if done % _STEP == 0:
                step(done)
            assert row.values is not None
            if row.status == RowStatus.NEW:
                org = Organisation(id=uuid.uuid4(), is_home=False)
                session.add(org)
            else:
                org = session.get(Organisation, row.organisation_id)
                if org is None or org.archived_at is not None or org.version != row.expected_version:
                    raise StaleRecord()
            apply_values(session, org, row.values)
            session.flush()
        step(len(work))
    return ImportResult(
        created=plan.count(RowStatus.NEW),
        updated=plan.count(RowStatus.UPDATE),
        skipped=plan.count(RowStatus.SKIP),
    )
