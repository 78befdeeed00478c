"""Writing a checked project form onto its records: the project, then what hangs under it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.models import (
    Funding,
    Instalment,
    Project,
    ProjectPartner,
    ProjectStatusChange,
    ReportingObligation,
)
from jarjestokeskus.domain.projects import ProjectValues

_FUNDING_KEYS = (
    "instrument",
    "funder_id",
    "year",
    "amount_applied",
    "applied_on",
    "decision_number",
    "decision_date",
    "amount_granted",
    "own_contribution",
    "use_from",
    "use_until",
    "first_grant",
)


def _assign(record: object, values: dict[str, object]) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(record, key) != value:
            setattr(record, key, value)
            changed = True
    return changed


def _sync(
    session: Any,
    model: type,
    parent_key: str,
    parent_id: uuid.UUID,
    items: Sequence[Any],
    item_id: Callable[[Any], uuid.UUID | None],
    item_values: Callable[[Any], dict[str, object]],
    now: datetime,
) -> tuple[bool, list[Any]]:
    """Make the live children of a parent match `items`; removed ones are archived.

    Returns whether anything changed and, in the order of `items`, the records.
    """
    current = {
        r.id: r
        for r in session.scalars(
            select(model).where(getattr(model, parent_key) == parent_id, model.archived_at.is_(None))
        )
    }
    changed = False
    records = []
    for item in items:
        known = item_id(item)
        record = current.pop(known, None) if known else None
        if record is None:
            record = model(id=uuid.uuid4(), **{parent_key: parent_id})
            session.add(record)
            changed = True
        changed |= _assign(record, item_values(item))
        records.append(record)
    for record in current.values():
        record.archived_at = now
        changed = True
    return changed, records


def apply_values(session: Any, project: Project, values: ProjectValues) -> None:
    """Store `values`; parents are flushed before their children (the models have no relationships)."""
    now = utcnow()
    _assign(project, values.scalars)
    project_changed = session.is_modified(project) or not sa_inspect(project).persistent
    session.flush()
    changed, _records = _sync(
        session,
        ProjectStatusChange,
        "project_id",
        project.id,
        values.status_changes,
        lambda c: c.change_id,
        lambda c: {"status": c.status, "changed_on": c.changed_on},
        now,
    )
    partners_changed, _records = _sync(
        session,
        ProjectPartner,
        "project_id",
        project.id,
        values.partners,
        lambda p: p.partner_id,
        lambda p: {"organisation_id": p.organisation_id, "role": p.role},
        now,
    )
    fundings_changed, fundings = _sync(
        session,
        Funding,
        "project_id",
        project.id,
        values.fundings,
        lambda f: f.funding_id,
        lambda f: {key: f.scalars[key] for key in _FUNDING_KEYS},
        now,
    )
    changed |= partners_changed | fundings_changed
    _archive_under_removed_fundings(session, project.id, {f.id for f in fundings}, now)
    session.flush()
    for funding, funding_values in zip(fundings, values.fundings, strict=True):
        instalments_changed, _records = _sync(
            session,
            Instalment,
            "funding_id",
            funding.id,
            funding_values.instalments,
            lambda i: i.instalment_id,
            lambda i: {
                "due_date": i.due_date,
                "amount": i.amount,
                "paid_on": i.paid_on,
                "paid_amount": i.paid_amount,
            },
            now,
        )
        obligations_changed, _records = _sync(
            session,
            ReportingObligation,
            "funding_id",
            funding.id,
            funding_values.obligations,
            lambda o: o.obligation_id,
            lambda o: {"kind": o.kind, "due_date": o.due_date, "submitted_on": o.submitted_on},
            now,
        )
        changed |= instalments_changed | obligations_changed
    if changed and not project_changed:
        # The project's version guards its whole form: a change below it must move it too, or a
        # form opened before that change would overwrite it unnoticed.
        project.updated_at = utcnow()
    session.flush()


def _archive_under_removed_fundings(
    session: Any, project_id: uuid.UUID, kept: set[uuid.UUID], now: datetime
) -> None:
    removed = select(Funding.id).where(Funding.project_id == project_id, Funding.id.not_in(kept))
    for model in (Instalment, ReportingObligation):
        for record in session.scalars(
            select(model).where(model.funding_id.in_(removed), model.archived_at.is_(None))
        ):
            record.archived_at = now
