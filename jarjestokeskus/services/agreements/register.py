"""Agreements: the register (search, filters, tree), read, save with parties and goals, renew, archive."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import or_, select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import (
    Agreement,
    AgreementDocument,
    AgreementGoal,
    AgreementParty,
    AuditEntry,
    MonitoringEntry,
    Organisation,
)
from jarjestokeskus.domain.agreements import overlaps_year
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.agreements.rows import (
    AgreementNode,
    AgreementRow,
)
from jarjestokeskus.services.agreements.store import (
    _load,
    get_agreement,
    renew_agreement,
    renewal_form,
    save_agreement,
)
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.rows import HistoryRow

__all__ = [
    "AgreementQuery",
    "agreement_history",
    "agreement_tree",
    "archive_agreement",
    "counterparties",
    "frameworks",
    "get_agreement",
    "list_agreements",
    "overlaps_year",
    "renew_agreement",
    "renewal_form",
    "restore_agreement",
    "save_agreement",
]


@dataclass(frozen=True)
class AgreementQuery:
    """What the register shows: search text and filters (None: any)."""

    text: str = ""
    kind: AgreementKind | None = None
    status: AgreementStatus | None = None
    counterparty_id: uuid.UUID | None = None
    year: int | None = None
    archived: bool = False

    def with_(self, **changes: object) -> AgreementQuery:
        return replace(self, **changes)  # type: ignore[arg-type]


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _names(session, ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:  # type: ignore[no-untyped-def]
    if not ids:
        return {}
    stmt = select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(Organisation.id.in_(ids))
    return {r.id: (r.name_fi, r.name_sv) for r in session.execute(stmt)}


def list_agreements(db: Database, query: AgreementQuery | None = None) -> list[AgreementRow]:
    """Every matching agreement (a few hundred at most); the text also searches goals and commitments."""
    query = query or AgreementQuery()
    with db.reading() as session:
        stmt = select(Agreement).where(
            Agreement.archived_at.is_not(None) if query.archived else _live(Agreement)
        )
        if query.kind is not None:
            stmt = stmt.where(Agreement.kind == query.kind)
        if query.status is not None:
            stmt = stmt.where(Agreement.status == query.status)
        agreements = list(session.scalars(stmt))
        ids = [a.id for a in agreements]
        parties: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for p in session.scalars(
            select(AgreementParty).where(AgreementParty.agreement_id.in_(ids), _live(AgreementParty))
        ):
            parties[p.agreement_id].append(p.organisation_id)
        names = _names(session, {o for orgs in parties.values() for o in orgs})
        goal_text: dict[uuid.UUID, list[str]] = defaultdict(list)
        if sort_key(query.text).split():
            for g in session.scalars(
                select(AgreementGoal).where(AgreementGoal.agreement_id.in_(ids), _live(AgreementGoal))
            ):
                goal_text[g.agreement_id] += [
                    g.title_fi,
                    g.title_sv,
                    g.our_commitment,
                    g.counterparty_commitment,
                    g.indicator,
                    g.follow_up_method,
                ]
        rows = [
            AgreementRow(
                a.id,
                a.kind,
                a.title_fi,
                a.title_sv,
                a.status,
                a.parent_id,
                a.predecessor_id,
                a.valid_from,
                a.valid_to,
                a.renewal_notice_date,
                frozenset(parties[a.id]),
                tuple(names.get(o, ("", "")) for o in parties[a.id]),
                a.archived_at,
            )
            for a in agreements
        ]
        descriptions = {a.id: a.description for a in agreements}
    return [r for r in rows if _matches(r, query, goal_text[r.id], descriptions[r.id])]


def _matches(row: AgreementRow, query: AgreementQuery, goal_text: list[str], description: str) -> bool:
    if query.counterparty_id is not None and query.counterparty_id not in row.party_ids:
        return False
    if query.year is not None and not overlaps_year(row.valid_from, row.valid_to, query.year):
        return False
    words = sort_key(query.text).split()
    if not words:
        return True
    texts = [
        row.title_fi,
        row.title_sv,
        description,
        *goal_text,
        *(n for pair in row.party_names for n in pair),
    ]
    haystack = " ".join(sort_key(t) for t in texts if t)
    return all(word in haystack for word in words)


def agreement_tree(rows: list[AgreementRow]) -> list[AgreementNode]:
    """Frameworks with their implementation agreements beneath; an orphan child stays at the top."""
    present = {r.id for r in rows}
    children: dict[uuid.UUID, list[AgreementRow]] = defaultdict(list)
    top: list[AgreementRow] = []
    for row in rows:
        if row.parent_id is not None and row.parent_id in present and row.parent_id != row.id:
            children[row.parent_id].append(row)
        else:
            top.append(row)

    def node(row: AgreementRow, seen: frozenset[uuid.UUID]) -> AgreementNode:
        kids = sorted(children[row.id], key=_order)
        return AgreementNode(row, tuple(node(k, seen | {k.id}) for k in kids if k.id not in seen))

    return [node(r, frozenset({r.id})) for r in sorted(top, key=_order)]


def _order(row: AgreementRow) -> tuple[date, str]:
    """Oldest first, so a chain of renewals reads from top to bottom; undated ones last."""
    return (row.valid_from or row.valid_to or date.max, sort_key(row.title_fi or row.title_sv))


def counterparties(db: Database) -> list[tuple[uuid.UUID, str, str]]:
    """Organisations that are party to some agreement, for the filter (the home organisation left out)."""
    with db.reading() as session:
        stmt = (
            select(Organisation.id, Organisation.name_fi, Organisation.name_sv)
            .where(
                Organisation.id.in_(select(AgreementParty.organisation_id).where(_live(AgreementParty))),
                Organisation.is_home.is_(False),
            )
            .order_by(Organisation.name_fi_key)
        )
        return [(r.id, r.name_fi, r.name_sv) for r in session.execute(stmt)]


def frameworks(db: Database) -> list[tuple[uuid.UUID, str, str]]:
    """Framework cooperation agreements a new implementation agreement can hang under."""
    with db.reading() as session:
        stmt = select(Agreement.id, Agreement.title_fi, Agreement.title_sv).where(
            Agreement.kind == AgreementKind.FRAMEWORK_COOPERATION, _live(Agreement)
        )
        return [(r.id, r.title_fi, r.title_sv) for r in session.execute(stmt)]


@announces(changes.AGREEMENTS, "archived")
def archive_agreement(db: Database, agreement_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Soft delete: the agreement leaves the register and waits in the archive."""
    _set_archived(db, agreement_id, expected_version, utcnow())


@announces(changes.AGREEMENTS, "restored")
def restore_agreement(db: Database, agreement_id: uuid.UUID, expected_version: int | None = None) -> None:
    _set_archived(db, agreement_id, expected_version, None)


def _set_archived(
    db: Database, agreement_id: uuid.UUID, expected_version: int | None, when: datetime | None
) -> None:
    with db.transaction() as session:
        agreement = _load(session, agreement_id)
        if expected_version is not None and agreement.version != expected_version:
            raise StaleRecord()
        agreement.archived_at = when


def agreement_history(db: Database, agreement_id: uuid.UUID, limit: int = 500) -> list[HistoryRow]:
    """Changes of the agreement and of its parties, goals, monitoring entries and documents, newest first."""
    with db.reading() as session:
        goals = select(AgreementGoal.id).where(AgreementGoal.agreement_id == agreement_id)
        below = (
            select(MonitoringEntry.id)
            .where(MonitoringEntry.goal_id.in_(goals))
            .union(
                goals,
                # The audit trail files a party under its organisation (organisation_id comes first).
                select(AgreementParty.id).where(AgreementParty.agreement_id == agreement_id),
                select(AgreementDocument.id).where(AgreementDocument.agreement_id == agreement_id),
            )
        )
        stmt = (
            select(AuditEntry)
            .where(
                or_(
                    AuditEntry.entity_id == agreement_id,
                    AuditEntry.owner_id == agreement_id,
                    AuditEntry.entity_id.in_(below),
                )
            )
            .order_by(AuditEntry.at.desc())
            .limit(limit)
        )
        return [
            HistoryRow(e.at, e.user, e.action, e.entity, e.entity_id, dict(e.changes or {}))
            for e in session.scalars(stmt)
        ]
