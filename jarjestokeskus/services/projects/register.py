"""Projects: list, search and filter, read, save with partners and fundings, archive and restore."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import (
    AuditEntry,
    Employment,
    EmploymentFunding,
    Funding,
    Instalment,
    Organisation,
    Person,
    Project,
    ProjectPartner,
    ProjectStatusChange,
    ReportingObligation,
)
from jarjestokeskus.domain.enums import FundingInstrument, ProjectStatus
from jarjestokeskus.domain.projects import ProjectForm, validate
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services import changes
from jarjestokeskus.services.changes import announces
from jarjestokeskus.services.projects.store import apply_values
from jarjestokeskus.services.rows import (
    FundingRow,
    HistoryRow,
    InstalmentRow,
    ObligationRow,
    PartnerRow,
    ProjectDetail,
    ProjectRow,
    StaffShareRow,
    StatusChangeRow,
)


@dataclass(frozen=True)
class ProjectQuery:
    """What the list shows: search text and filters (None: any)."""

    text: str = ""
    status: ProjectStatus | None = None
    funder_id: uuid.UUID | None = None
    instrument: FundingInstrument | None = None
    year: int | None = None
    archived: bool = False

    def with_(self, **changes: object) -> ProjectQuery:
        return replace(self, **changes)  # type: ignore[arg-type]


def _names(session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, tuple[str, str]]:  # type: ignore[no-untyped-def]
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    stmt = select(Organisation.id, Organisation.name_fi, Organisation.name_sv).where(
        Organisation.id.in_(wanted)
    )
    return {row.id: (row.name_fi, row.name_sv) for row in session.execute(stmt)}


def list_projects(db: Database, query: ProjectQuery | None = None) -> list[ProjectRow]:
    """Every matching project (they are a few hundred at most), in no particular order."""
    query = query or ProjectQuery()
    with db.reading() as session:
        stmt = select(Project).where(
            Project.archived_at.is_not(None) if query.archived else Project.archived_at.is_(None)
        )
        if query.status is not None:
            stmt = stmt.where(Project.status == query.status)
        projects = list(session.scalars(stmt))
        fundings: dict[uuid.UUID, list[Funding]] = defaultdict(list)
        if projects:
            for funding in session.scalars(
                select(Funding).where(
                    Funding.archived_at.is_(None), Funding.project_id.in_([p.id for p in projects])
                )
            ):
                fundings[funding.project_id].append(funding)
        names = _names(session, {p.owner_id for p in projects})
        rows = [_row(p, fundings[p.id], names) for p in projects]
    return [row for row in rows if _matches(row, query)]


def _row(project: Project, fundings: list[Funding], names: dict) -> ProjectRow:  # type: ignore[type-arg]
    owner = names.get(project.owner_id, ("", ""))
    return ProjectRow(
        project.id,
        project.code,
        project.name_fi,
        project.name_sv,
        owner[0],
        owner[1],
        project.status,
        project.start_date,
        project.end_date,
        sum((f.amount_applied or Decimal(0) for f in fundings), Decimal("0.00")),
        sum((f.amount_granted or Decimal(0) for f in fundings), Decimal("0.00")),
        frozenset(f.funder_id for f in fundings if f.funder_id is not None),
        frozenset(f.instrument for f in fundings),
        frozenset(f.year for f in fundings),
        project.archived_at,
    )


def _matches(row: ProjectRow, query: ProjectQuery) -> bool:
    if query.funder_id is not None and query.funder_id not in row.funder_ids:
        return False
    if query.instrument is not None and query.instrument not in row.instruments:
        return False
    if query.year is not None and query.year not in row.years:
        return False
    words = sort_key(query.text).split()
    if not words:
        return True
    haystack = " ".join(
        sort_key(t) for t in (row.code, row.name_fi, row.name_sv, row.owner_name_fi, row.owner_name_sv) if t
    )
    return all(word in haystack for word in words)


def funding_years(db: Database) -> list[int]:
    """The years that have fundings, newest first, for the filter."""
    with db.reading() as session:
        stmt = select(Funding.year).where(Funding.archived_at.is_(None)).distinct()
        return sorted((y for (y,) in session.execute(stmt)), reverse=True)


def funders(db: Database) -> list[tuple[uuid.UUID, str, str]]:
    """The organisations that fund some project: (id, name_fi, name_sv), for the filter."""
    with db.reading() as session:
        stmt = (
            select(Organisation.id, Organisation.name_fi, Organisation.name_sv)
            .where(Organisation.id.in_(select(Funding.funder_id).where(Funding.archived_at.is_(None))))
            .order_by(Organisation.name_fi_key)
        )
        return [(r.id, r.name_fi, r.name_sv) for r in session.execute(stmt)]


def _load(session, project_id: uuid.UUID) -> Project:  # type: ignore[no-untyped-def]
    project = session.get(Project, project_id)
    if project is None:
        raise RecordNotFound()
    return project


def get_project(db: Database, project_id: uuid.UUID) -> ProjectDetail:
    with db.reading() as session:
        return _detail(session, _load(session, project_id))


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


def _detail(session, project: Project) -> ProjectDetail:  # type: ignore[no-untyped-def]
    changes = session.scalars(
        select(ProjectStatusChange)
        .where(ProjectStatusChange.project_id == project.id, _live(ProjectStatusChange))
        .order_by(ProjectStatusChange.changed_on)
    ).all()
    partners = session.scalars(
        select(ProjectPartner).where(ProjectPartner.project_id == project.id, _live(ProjectPartner))
    ).all()
    fundings = session.scalars(
        select(Funding)
        .where(Funding.project_id == project.id, _live(Funding))
        .order_by(Funding.year, Funding.instrument)
    ).all()
    funding_ids = [f.id for f in fundings]
    instalments: dict[uuid.UUID, list[InstalmentRow]] = defaultdict(list)
    for i in session.scalars(
        select(Instalment)
        .where(Instalment.funding_id.in_(funding_ids), _live(Instalment))
        .order_by(Instalment.due_date)
    ):
        instalments[i.funding_id].append(InstalmentRow(i.id, i.due_date, i.amount, i.paid_on, i.paid_amount))
    obligations: dict[uuid.UUID, list[ObligationRow]] = defaultdict(list)
    for o in session.scalars(
        select(ReportingObligation)
        .where(ReportingObligation.funding_id.in_(funding_ids), _live(ReportingObligation))
        .order_by(ReportingObligation.due_date)
    ):
        obligations[o.funding_id].append(ObligationRow(o.id, o.kind, o.due_date, o.submitted_on))
    names = _names(
        session,
        {project.owner_id} | {p.organisation_id for p in partners} | {f.funder_id for f in fundings},
    )
    owner = names.get(project.owner_id, ("", ""))
    return ProjectDetail(
        id=project.id,
        version=project.version,
        code=project.code,
        name_fi=project.name_fi,
        name_sv=project.name_sv,
        description=project.description,
        owner_id=project.owner_id,
        owner_name_fi=owner[0],
        owner_name_sv=owner[1],
        status=project.status,
        start_date=project.start_date,
        end_date=project.end_date,
        archived_at=project.archived_at,
        status_changes=tuple(StatusChangeRow(c.id, c.status, c.changed_on) for c in changes),
        partners=tuple(
            PartnerRow(p.id, p.organisation_id, *names.get(p.organisation_id, ("", "")), p.role)
            for p in partners
        ),
        fundings=tuple(_funding_row(f, names, instalments[f.id], obligations[f.id]) for f in fundings),
        staff=tuple(_staff(session, project.id)),
    )


def _funding_row(f: Funding, names: dict, instalments: list, obligations: list) -> FundingRow:  # type: ignore[type-arg]
    funder = names.get(f.funder_id, ("", ""))
    return FundingRow(
        f.id,
        f.instrument,
        f.funder_id,
        funder[0],
        funder[1],
        f.year,
        f.amount_applied,
        f.applied_on,
        f.decision_number,
        f.decision_date,
        f.amount_granted,
        f.own_contribution,
        f.use_from,
        f.use_until,
        f.first_grant,
        tuple(instalments),
        tuple(obligations),
    )


def _staff(session, project_id: uuid.UUID) -> list[StaffShareRow]:  # type: ignore[no-untyped-def]
    stmt = (
        select(EmploymentFunding, Employment, Person)
        .join(Employment, EmploymentFunding.employment_id == Employment.id)
        .join(Person, Employment.person_id == Person.id)
        .where(
            EmploymentFunding.project_id == project_id,
            _live(EmploymentFunding),
            _live(Employment),
        )
        .order_by(Employment.start_date, Person.last_name)
    )
    return [
        StaffShareRow(
            e.id,
            f"{p.first_name} {p.last_name}".strip(),
            e.title,
            share.share_percent,
            e.start_date,
            e.end_date,
        )
        for share, e, p in session.execute(stmt)
    ]


@announces(changes.PROJECTS)
def save_project(
    db: Database,
    form: ProjectForm,
    project_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> ProjectDetail:
    """Create (no id) or update a project with everything under it, all or nothing.

    Raises ValidationFailed (nothing saved) or StaleRecord when someone saved it meanwhile.
    """
    values = validate(form)
    with db.transaction() as session:
        if project_id is None:
            project = Project(id=uuid.uuid4())
            session.add(project)
        else:
            project = _load(session, project_id)
            if expected_version is not None and project.version != expected_version:
                raise StaleRecord()
        apply_values(session, project, values)
        session.flush()
        return _detail(session, project)


@announces(changes.PROJECTS, "archived")
def archive_project(db: Database, project_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Soft delete: the project leaves the list and waits in the archive."""
    _set_archived(db, project_id, expected_version, utcnow())


@announces(changes.PROJECTS, "restored")
def restore_project(db: Database, project_id: uuid.UUID, expected_version: int | None = None) -> None:
    _set_archived(db, project_id, expected_version, None)


def _set_archived(
    db: Database, project_id: uuid.UUID, expected_version: int | None, when: datetime | None
) -> None:
    with db.transaction() as session:
        project = _load(session, project_id)
        if expected_version is not None and project.version != expected_version:
            raise StaleRecord()
        project.archived_at = when


def project_history(db: Database, project_id: uuid.UUID, limit: int = 500) -> list[HistoryRow]:
    """Changes of the project and of its partners, fundings, instalments and reports, newest first."""
    with db.reading() as session:
        fundings = select(Funding.id).where(Funding.project_id == project_id)
        below = (
            select(Instalment.id)
            .where(Instalment.funding_id.in_(fundings))
            .union(
                select(ReportingObligation.id).where(ReportingObligation.funding_id.in_(fundings)),
                # The audit trail files a partner under its organisation (organisation_id comes first).
                select(ProjectPartner.id).where(ProjectPartner.project_id == project_id),
            )
        )
        stmt = (
            select(AuditEntry)
            .where(
                or_(
                    AuditEntry.entity_id == project_id,
                    AuditEntry.owner_id == project_id,
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
