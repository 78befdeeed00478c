"""Reading and writing one agreement: its detail, saving it with parties and goals, renewing it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import (
    Agreement,
    AgreementDocument,
    AgreementGoal,
    AgreementParty,
    MonitoringEntry,
    Organisation,
)
from jarjestokeskus.domain.agreements import AgreementForm, AgreementValues, GoalForm, PartyForm, validate
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.services import changes
from jarjestokeskus.services.agreements.followup import funding_state
from jarjestokeskus.services.agreements.rows import (
    AgreementDetail,
    AgreementPartyRow,
    DocumentRow,
    GoalRow,
    MonitoringRow,
)
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.projects.store import _assign, _sync


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _names(session, ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:  # type: ignore[no-untyped-def]
    if not ids:
        return {}
    stmt = select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(Organisation.id.in_(ids))
    return {r.id: (r.name_fi, r.name_sv) for r in session.execute(stmt)}


def _load(session, agreement_id: uuid.UUID) -> Agreement:  # type: ignore[no-untyped-def]
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise RecordNotFound()
    return agreement


def get_agreement(db: Database, agreement_id: uuid.UUID) -> AgreementDetail:
    with db.reading() as session:
        return _detail(session, _load(session, agreement_id))


def _title(session, agreement_id: uuid.UUID | None) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    other = session.get(Agreement, agreement_id) if agreement_id else None
    return (other.title_fi, other.title_sv) if other else ("", "")


def _detail(session, a: Agreement) -> AgreementDetail:  # type: ignore[no-untyped-def]
    parties = session.scalars(
        select(AgreementParty).where(AgreementParty.agreement_id == a.id, _live(AgreementParty))
    ).all()
    names = _names(session, {p.organisation_id for p in parties})
    goals = session.scalars(
        select(AgreementGoal)
        .where(AgreementGoal.agreement_id == a.id, _live(AgreementGoal))
        .order_by(AgreementGoal.position)
    ).all()
    entries: dict[uuid.UUID, list[MonitoringRow]] = defaultdict(list)
    for e in session.scalars(
        select(MonitoringEntry)
        .where(MonitoringEntry.goal_id.in_([g.id for g in goals]), _live(MonitoringEntry))
        .order_by(MonitoringEntry.entry_date)
    ):
        entries[e.goal_id].append(
            MonitoringRow(e.id, e.goal_id, e.entry_date, e.status, e.note, e.written_by)
        )
    documents = session.scalars(
        select(AgreementDocument)
        .where(AgreementDocument.agreement_id == a.id, _live(AgreementDocument))
        .order_by(AgreementDocument.created_at)
    ).all()
    return AgreementDetail(
        id=a.id,
        version=a.version,
        kind=a.kind,
        title_fi=a.title_fi,
        title_sv=a.title_sv,
        description=a.description,
        parent_id=a.parent_id,
        parent_title=_title(session, a.parent_id),
        predecessor_id=a.predecessor_id,
        predecessor_title=_title(session, a.predecessor_id),
        status=a.status,
        signed_on=a.signed_on,
        valid_from=a.valid_from,
        valid_to=a.valid_to,
        renewal_notice_date=a.renewal_notice_date,
        yearly_value=a.yearly_value,
        oral_agreed_by=a.oral_agreed_by,
        conditional_on_funding_id=a.conditional_on_funding_id,
        funding_state=funding_state(session, a.conditional_on_funding_id),
        premises_address=a.premises_address,
        premises_municipality_code=a.premises_municipality_code,
        premises_area_m2=a.premises_area_m2,
        premises_rent=a.premises_rent,
        premises_free_of_charge=a.premises_free_of_charge,
        premises_estimated_value=a.premises_estimated_value,
        premises_direction=a.premises_direction,
        archived_at=a.archived_at,
        parties=tuple(
            AgreementPartyRow(
                p.id,
                p.organisation_id,
                *names.get(p.organisation_id, ("", "")),
                p.role,
                p.signatory,
                p.role_kind,
            )
            for p in parties
        ),
        goals=tuple(
            GoalRow(
                g.id,
                g.position,
                g.title_fi,
                g.title_sv,
                g.our_commitment,
                g.counterparty_commitment,
                g.indicator,
                g.follow_up_method,
                tuple(entries[g.id]),
            )
            for g in goals
        ),
        documents=tuple(
            DocumentRow(
                d.id, d.agreement_id, d.file_name, d.content_type, d.size_bytes, d.sha256, d.created_at
            )
            for d in documents
        ),
    )


def _apply(session, agreement: Agreement, values: AgreementValues) -> None:  # type: ignore[no-untyped-def]
    """Parents are flushed before their children (the models have no relationships)."""
    now = utcnow()
    _assign(agreement, values.scalars)
    own_changed = session.is_modified(agreement) or not sa_inspect(agreement).persistent
    session.flush()
    changed, _records = _sync(
        session,
        AgreementParty,
        "agreement_id",
        agreement.id,
        values.parties,
        lambda p: p.party_id,
        lambda p: {
            "organisation_id": p.organisation_id,
            "role_kind": p.role_kind,
            "role": p.role,
            "signatory": p.signatory,
        },
        now,
    )
    goals_changed, _records = _sync(
        session,
        AgreementGoal,
        "agreement_id",
        agreement.id,
        values.goals,
        lambda g: g.goal_id,
        lambda g: {
            key: getattr(g, key)
            for key in (
                "position",
                "title_fi",
                "title_sv",
                "our_commitment",
                "counterparty_commitment",
                "indicator",
                "follow_up_method",
            )
        },
        now,
    )
    if (changed or goals_changed) and not own_changed:
        # The agreement's version guards its whole form, parties and goals included.
        agreement.updated_at = utcnow()
    session.flush()


@announces(changes.AGREEMENTS)
def save_agreement(
    db: Database,
    form: AgreementForm,
    agreement_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> AgreementDetail:
    """Create (no id) or update an agreement with its parties and goals, all or nothing.

    Raises ValidationFailed (nothing saved) or StaleRecord when someone saved it meanwhile.
    """
    with db.reading() as session:
        parent = session.get(Agreement, form.parent_id) if form.parent_id else None
        parent_kind = parent.kind if parent is not None else None
    values = validate(form, agreement_id, parent_kind)
    with db.transaction() as session:
        if agreement_id is None:
            agreement = Agreement(id=uuid.uuid4())
            session.add(agreement)
        else:
            agreement = _load(session, agreement_id)
            if expected_version is not None and agreement.version != expected_version:
                raise StaleRecord()
        _apply(session, agreement, values)
        return _detail(session, agreement)


def _shift(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def renewal_form(detail: AgreementDetail) -> AgreementForm:
    """A draft renewal: the same kind, parties and goals, dates moved past the old period."""
    span = 1
    if detail.valid_from and detail.valid_to:
        span = max(1, detail.valid_to.year - detail.valid_from.year + 1)
    return AgreementForm(
        kind=detail.kind,
        title_fi=detail.title_fi,
        title_sv=detail.title_sv,
        description=detail.description,
        parent_id=detail.parent_id,
        predecessor_id=detail.id,
        status=AgreementStatus.DRAFT,
        # An oral agreement is valid only with the day it was agreed; a written one is signed anew.
        signed_on=_iso(_shift(detail.signed_on, span)) if detail.kind == AgreementKind.ORAL else "",
        valid_from=_iso(_shift(detail.valid_from, span)),
        valid_to=_iso(_shift(detail.valid_to, span)),
        renewal_notice_date=_iso(_shift(detail.renewal_notice_date, span)),
        yearly_value="" if detail.yearly_value is None else str(detail.yearly_value),
        oral_agreed_by=detail.oral_agreed_by,
        premises_address=detail.premises_address,
        premises_municipality_code=detail.premises_municipality_code,
        premises_area_m2="" if detail.premises_area_m2 is None else str(detail.premises_area_m2),
        premises_rent="" if detail.premises_rent is None else str(detail.premises_rent),
        premises_free_of_charge=detail.premises_free_of_charge,
        premises_estimated_value=""
        if detail.premises_estimated_value is None
        else str(detail.premises_estimated_value),
        premises_direction=detail.premises_direction,
        parties=[PartyForm(p.organisation_id, p.role, "", None, p.role_kind) for p in detail.parties],
        goals=[
            GoalForm(
                g.title_fi,
                g.title_sv,
                g.our_commitment,
                g.counterparty_commitment,
                g.indicator,
                g.follow_up_method,
            )
            for g in detail.goals
        ],
    )


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@announces(changes.AGREEMENTS)
def renew_agreement(db: Database, agreement_id: uuid.UUID) -> AgreementDetail:
    """Store a draft renewal linked to its predecessor, with the goals carried over, in one transaction."""
    detail = get_agreement(db, agreement_id)
    form = renewal_form(detail)
    values = validate(form, None, AgreementKind.FRAMEWORK_COOPERATION if form.parent_id else None)
    with db.transaction() as session:
        agreement = Agreement(id=uuid.uuid4())
        session.add(agreement)
        _apply(session, agreement, values)
        return _detail(session, agreement)
