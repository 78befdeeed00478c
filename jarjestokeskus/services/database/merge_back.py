"""Bringing a meeting notebook back: its changes merged into the register in one transaction.

Records are matched by id and version. A record the notebook changed is merged when the register
still has it at the version the copy was taken at; one changed in the register meanwhile is a
conflict, decided per record: take the notebook's changes, or keep the register's. Nothing is lost:
taking the notebook's values leaves the register's in the history (old → new), and keeping the
register's writes the notebook's into the history as "not taken". Each merge is recorded with the
copy's uuid and what was decided of each record, so bringing the same copy back again changes
nothing. The history names the person who recorded the change in the notebook.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db import closed_year_guard
from jarjestokeskus.db.base import Record
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, StaleRecord
from jarjestokeskus.db.models import AuditEntry, Event, NotebookMerge
from jarjestokeskus.i18n import _
from jarjestokeskus.services import changes
from jarjestokeskus.services.database.notebook import MODELS, Notebook, plain_values, read_notebook

# Set by the tests only: a file touched before each record is merged, then a pause, so that the
# merge can be killed half-way (it must leave the register as it was).
PAUSE_ENV = "JARJESTOKESKUS_MERGE_PAUSE_FILE"
NOT_TAKEN = "not-taken"  # the history's action for a notebook's change the user did not take


class Decision(StrEnum):
    NOTEBOOK = "notebook"
    REGISTER = "register"


@dataclass(frozen=True)
class FieldDifference:
    key: str
    register: Any  # plain values, as the history keeps them (None for a record not in the register)
    notebook: Any


@dataclass(frozen=True)
class MergeItem:
    entity: str
    record_id: uuid.UUID
    new: bool  # made in the notebook
    name: str  # the registered person, the event's title, the meeting's date, the contact's subject
    differences: tuple[FieldDifference, ...]
    conflict: bool  # changed in the register since the copy was taken
    register_version: int | None
    notebook_version: int
    recorder: str


@dataclass(frozen=True)
class MergePlan:
    copy_id: uuid.UUID
    taken_at: datetime
    recorder: str
    items: tuple[MergeItem, ...]
    already_merged: int  # records of this copy merged (or decided) before

    @property
    def conflicts(self) -> tuple[MergeItem, ...]:
        return tuple(i for i in self.items if i.conflict)


@dataclass(frozen=True)
class MergeResult:
    created: int
    updated: int
    not_taken: int  # conflicts kept as the register has them (the notebook's side in the history)
    undecided: int  # conflicts left for another time
    already_merged: int


class SchemaOfNotebookDiffers(DatabaseProblem):
    def user_message(self) -> str:
        return _(
            "The notebook was taken with another version of the program than the register's. "
            "Bring it back with the program version it was taken with."
        )


def _name(record: Any) -> str:
    if isinstance(record, MODELS["EventRegistration"]):
        return f"{record.first_name} {record.last_name}".strip()
    if isinstance(record, Event):
        return record.title_fi or record.title_sv
    if isinstance(record, MODELS["BodyMeeting"]):
        return record.held_on.isoformat()
    return str(getattr(record, "subject", "") or getattr(record, "happened_on", ""))


def _merged_before(session: Session, copy_id: uuid.UUID) -> set[tuple[str, int]]:
    done = set()
    for merged in session.scalars(select(NotebookMerge.merged).where(NotebookMerge.copy_id == copy_id)):
        done |= {(str(item["id"]), int(item["version"])) for item in merged}
    return done


def _plan(session: Session, notebook: Notebook) -> MergePlan:
    done = _merged_before(session, notebook.mark.copy_id)
    items, already = [], 0
    for entity, model in MODELS.items():
        for record in notebook.records[entity]:
            taken = notebook.taken.get(record.id)
            if taken is not None and taken.version == record.version:
                continue  # not changed at the meeting
            if (str(record.id), record.version) in done:
                already += 1
                continue
            now = plain_values(record)
            in_register = session.get(model, record.id)
            if taken is None and in_register is not None:
                already += 1  # made in the notebook and brought back already
                continue
            if taken is not None and in_register is None:
                continue  # not in this register: a notebook of another one
            base = taken.values if taken is not None else {}
            changed = [k for k, v in now.items() if taken is None or base.get(k) != v]
            register = plain_values(in_register) if in_register is not None else {}
            conflict = in_register is not None and in_register.version != taken.version  # type: ignore[union-attr]
            differences = tuple(
                FieldDifference(k, register.get(k), now[k])
                for k in changed
                if not conflict or register.get(k) != now[k]
            )
            if not differences:
                continue
            items.append(
                MergeItem(
                    entity,
                    record.id,
                    taken is None,
                    _name(record),
                    differences,
                    conflict,
                    in_register.version if in_register is not None else None,
                    record.version,
                    notebook.recorded_by.get(record.id) or notebook.mark.recorder,
                )
            )
    mark = notebook.mark
    return MergePlan(mark.copy_id, mark.taken_at, mark.recorder, tuple(items), already)


def _check_schema(db: Database, notebook: Notebook) -> None:
    from jarjestokeskus.db.migrate import current_revision

    if notebook.revision != current_revision(db.engine):
        raise SchemaOfNotebookDiffers()


def plan_merge(db: Database, path: Path) -> MergePlan:
    """What bringing the notebook `path` back would do; changes nothing (for --dry-run and the dialog)."""
    notebook = read_notebook(path)
    _check_schema(db, notebook)
    with db.reading() as session:
        return _plan(session, notebook)


def _years(session: Session, item: MergeItem, record: Any) -> set[int]:
    """The years the record counts in: its event's, its meeting's or its contact's date."""
    if isinstance(record, Event):
        return {record.starts_on.year}
    event_id = getattr(record, "event_id", None)
    if event_id is not None:
        event = session.get(Event, event_id)
        return {event.starts_on.year} if event is not None else set()
    day = getattr(record, "held_on", None) or getattr(record, "happened_on", None)
    return {day.year} if day is not None else set()


def _pause() -> None:
    signal = os.environ.get(PAUSE_ENV)
    if signal:
        Path(signal).touch()
        time.sleep(0.5)


def merge_back(
    db: Database,
    path: Path,
    decisions: Mapping[uuid.UUID, Decision] | None = None,
    *,
    otherwise: Decision | None = None,
) -> MergeResult:
    """Merge the notebook `path` into the register, all or nothing.

    A conflict is decided by `decisions` (record id → decision), else by `otherwise`; one decided
    by neither is left out (and asked again next time). A change touching a closed year is refused
    with ClosedYearChange unless confirmed (db.closed_year_guard.confirmed).
    """
    notebook = read_notebook(path)
    _check_schema(db, notebook)
    decisions = decisions or {}
    by_id = {r.id: r for rows in notebook.records.values() for r in rows}
    created = updated = not_taken = undecided = 0
    with db.transaction() as session:
        plan = _plan(session, notebook)
        years: set[int] = set()
        log = []
        for item in plan.items:
            decision = decisions.get(item.record_id, otherwise) if item.conflict else Decision.NOTEBOOK
            if decision is None:
                undecided += 1
                continue
            _pause()
            session.info["user"] = item.recorder
            record = by_id[item.record_id]
            model = MODELS[item.entity]
            if item.new:
                session.add(_new_record(model, record))
                created += 1
            else:
                target = session.get(model, item.record_id)
                if target is None or target.version != item.register_version:
                    raise StaleRecord()
                if decision == Decision.NOTEBOOK and not getattr(target, "anonymised", False):
                    for difference in item.differences:
                        setattr(target, difference.key, getattr(record, difference.key))
                    updated += 1
                else:  # the register's values stay; the notebook's go into the history
                    session.add(_not_taken(item, target))
                    not_taken += 1
            years |= _years(session, item, record)
            session.flush()
            log.append(
                {"entity": item.entity, "id": str(item.record_id), "version": item.notebook_version}
                | {"decision": decision.value}
            )
        closed_year_guard.refuse_unconfirmed(session, years)
        if log:
            session.info["user"] = plan.recorder
            session.add(
                NotebookMerge(
                    copy_id=plan.copy_id,
                    taken_at=plan.taken_at,
                    recorder=plan.recorder,
                    file_name=Path(path).name[:255],
                    merged=log,
                )
            )
    if log:
        changes.announce(db, changes.EVENTS, None)
    return MergeResult(created, updated, not_taken, undecided, plan.already_merged)


def _new_record(model: type[Record], record: Any) -> Record:
    """The notebook's new record with its own id; its version starts anew in the register."""
    columns = [a.key for a in model.__mapper__.column_attrs if a.key not in ("version", "updated_at")]
    return model(**{key: getattr(record, key) for key in columns})


def _not_taken(item: MergeItem, target: Any) -> AuditEntry:
    owner = next(
        (getattr(target, k) for k in ("organisation_id", "agreement_id", "project_id") if hasattr(target, k)),
        target.id,
    )
    return AuditEntry(
        user=item.recorder,
        action=NOT_TAKEN,
        entity=item.entity,
        entity_id=item.record_id,
        owner_id=owner,
        changes={d.key: [d.register, d.notebook] for d in item.differences},
    )
