"""Turning the demo scenario's projects, staff and agreements into ORM records.

The scenario file names records by short keys ("home", "ngo_centre", "framework_2014"); a
`Batch` gives each key the UUID of its record, so records can point at each other before anything
is written. Plain fields are converted by the column's type (ISO dates, decimal text for money,
enum values), and a field the model does not have is an error, so a typo in the file fails loudly.

These models have no relationship() between them, so the session cannot tell which row a foreign
key needs first: `Batch.write` adds the records table by table in foreign-key order, flushing
after each table (rows of one table keep the order they were built in: a parent agreement
before its implementation agreements).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Date, Enum, Numeric
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from jarjestokeskus.db.base import Base, Record
from jarjestokeskus.db.models import (
    Agreement,
    AgreementGoal,
    AgreementParty,
    Employment,
    EmploymentFunding,
    Funding,
    Instalment,
    MonitoringEntry,
    Person,
    Project,
    ProjectPartner,
    ProjectStatusChange,
    ReportingObligation,
    Role,
)

Data = Mapping[str, Any]
R = TypeVar("R", bound=Record)


class ScenarioError(ValueError):
    """The scenario file contradicts itself or the models (a bug in the file, not a user error)."""


# What a Batch may hold, i.e. what `write` writes: one progress step per table, empty or not.
MODELS: tuple[type[Record], ...] = (
    Project,
    ProjectStatusChange,
    ProjectPartner,
    Funding,
    Instalment,
    ReportingObligation,
    Person,
    Role,
    Employment,
    EmploymentFunding,
    Agreement,
    AgreementParty,
    AgreementGoal,
    MonitoringEntry,
)
_TABLES = {model.__table__ for model in MODELS}  # type: ignore[attr-defined]


@dataclass
class Batch:
    """Records built from the scenario, not yet in the session, and the keys that name them."""

    keys: dict[str, dict[str, uuid.UUID]] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)

    def remember(self, kind: str, key: str, record_id: uuid.UUID) -> None:
        table = self.keys.setdefault(kind, {})
        if key in table:
            raise ScenarioError(f"{kind}: the key {key!r} is used twice")
        table[key] = record_id

    def find(self, kind: str, key: str | None) -> uuid.UUID | None:
        """The UUID of `key` (None stays None); an unknown key, or one defined later, is an error."""
        if key is None:
            return None
        table = self.keys.get(kind, {})
        if key not in table:
            raise ScenarioError(f"{kind}: no record with the key {key!r} before this point")
        return table[key]

    def build(self, model: type[R], data: Data, drop: tuple[str, ...] = (), **given: Any) -> R:
        """A new record of `model` from the file's fields (less `drop`) and `given` values."""
        if model.__table__ not in _TABLES:  # type: ignore[attr-defined]
            raise ScenarioError(f"{model.__name__} is not written by a Batch")
        columns = sa_inspect(model).columns
        values = dict(given)
        for key, raw in data.items():
            if key in drop:
                continue
            if key not in columns or key in ("id", "version", "created_at", "updated_at", "archived_at"):
                raise ScenarioError(f"{model.__name__}: the scenario names an unknown field {key!r}")
            values[key] = _convert(columns[key], raw)
        record = model(id=uuid.uuid4(), **values)
        self.records.append(record)
        return record

    def write(self, session: Session, step: Callable[[], None]) -> None:
        """Add and flush the records table by table, parents first; `step` after each table."""
        by_table: dict[Any, list[Record]] = {}
        for record in self.records:
            by_table.setdefault(record.__table__, []).append(record)  # type: ignore[attr-defined]
        for table in Base.metadata.sorted_tables:
            if table in _TABLES:
                session.add_all(by_table.get(table, []))
                session.flush()
                step()


def _convert(column: Any, raw: Any) -> Any:
    if raw is None:
        return None
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(raw)
    if isinstance(kind, Date):
        return date.fromisoformat(raw)
    if isinstance(kind, Numeric):
        return Decimal(str(raw))
    return raw


def add_project(batch: Batch, data: Data) -> Project:
    """A project with its status history, partners, fundings, instalments and reports."""
    project = batch.build(
        Project,
        data,
        ("key", "owner", "status_changes", "partners", "fundings"),
        owner_id=batch.find("organisations", data.get("owner")),
    )
    batch.remember("projects", data["key"], project.id)
    for status, changed_on in data.get("status_changes", []):
        batch.build(
            ProjectStatusChange,
            {"status": status, "changed_on": changed_on},
            project_id=project.id,
        )
    for organisation, role in data.get("partners", []):
        batch.build(
            ProjectPartner,
            {"role": role},
            project_id=project.id,
            organisation_id=batch.find("organisations", organisation),
        )
    for item in data.get("fundings", []):
        funding = batch.build(
            Funding,
            item,
            ("key", "funder", "instalments", "reports"),
            project_id=project.id,
            funder_id=batch.find("organisations", item.get("funder")),
        )
        batch.remember("fundings", item["key"], funding.id)
        for instalment in item.get("instalments", []):
            batch.build(Instalment, instalment, funding_id=funding.id)
        for report in item.get("reports", []):
            batch.build(ReportingObligation, report, funding_id=funding.id)
    return project


def add_staff_member(batch: Batch, data: Data, employer_id: uuid.UUID) -> Person:
    """A person of the home organisation's staff with each employment or scheme period.

    Only what the work needs: name, work contact, scheme, dates, hours, decision, outcome.
    """
    person = batch.build(Person, data, ("key", "home_role", "employments"))
    batch.remember("persons", data["key"], person.id)
    periods = data.get("employments", [])
    if not periods:
        raise ScenarioError(f"staff: {data['key']!r} has no employment")
    if data.get("home_role"):
        batch.build(
            Role,
            {"kind": data["home_role"], "start_date": min(p["start_date"] for p in periods)},
            person_id=person.id,
            organisation_id=employer_id,
        )
    for period in periods:
        employment = batch.build(
            Employment,
            period,
            ("supervisor", "funding"),
            person_id=person.id,
            employer_id=employer_id,
            supervisor_id=batch.find("persons", period.get("supervisor")),
        )
        for project, share in period.get("funding", []):
            batch.build(
                EmploymentFunding,
                {"share_percent": share},
                employment_id=employment.id,
                project_id=batch.find("projects", project),
            )
    return person


def add_agreement(batch: Batch, data: Data) -> Agreement:
    """An agreement with its parties, goals and the follow-up entries of each goal."""
    agreement = batch.build(
        Agreement,
        data,
        ("key", "parent", "predecessor", "conditional_on_funding", "parties", "goals"),
        parent_id=batch.find("agreements", data.get("parent")),
        predecessor_id=batch.find("agreements", data.get("predecessor")),
        conditional_on_funding_id=batch.find("fundings", data.get("conditional_on_funding")),
    )
    batch.remember("agreements", data["key"], agreement.id)
    for party in data.get("parties", []):
        batch.build(
            AgreementParty,
            party,
            ("organisation",),
            agreement_id=agreement.id,
            organisation_id=batch.find("organisations", party["organisation"]),
        )
    for position, item in enumerate(data.get("goals", [])):
        goal = batch.build(AgreementGoal, item, ("monitoring",), agreement_id=agreement.id, position=position)
        for entry in item.get("monitoring", []):
            batch.build(MonitoringEntry, entry, goal_id=goal.id)
    return agreement
