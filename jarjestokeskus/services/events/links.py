"""What an event can belong to: a project, an agreement goal it serves, a body whose meeting it
is. Choices for the form, and the check that a chosen one is there to link to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Agreement, AgreementGoal, Body, Project
from jarjestokeskus.domain.validation import Errors
from jarjestokeskus.i18n import _, localized, sort_key


@dataclass(frozen=True)
class LinkChoices:
    projects: list[tuple[uuid.UUID, str]]
    goals: list[tuple[uuid.UUID, str]]
    bodies: list[tuple[uuid.UUID, str]]


def _sorted(pairs: list[tuple[uuid.UUID, str]]) -> list[tuple[uuid.UUID, str]]:
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def link_choices(session: Session, language: str) -> LinkChoices:
    """The live projects, agreement goals ("agreement: goal") and bodies, each in name order."""
    projects = [
        (p.id, localized(p.name_fi, p.name_sv, language))
        for p in session.scalars(select(Project).where(Project.archived_at.is_(None)))
    ]
    goals = [
        (
            g.id,
            f"{localized(a.title_fi, a.title_sv, language)}: {localized(g.title_fi, g.title_sv, language)}",
        )
        for g, a in session.execute(
            select(AgreementGoal, Agreement)
            .join(Agreement, Agreement.id == AgreementGoal.agreement_id)
            .where(AgreementGoal.archived_at.is_(None), Agreement.archived_at.is_(None))
        )
    ]
    bodies = [
        (b.id, localized(b.name_fi, b.name_sv, language))
        for b in session.scalars(select(Body).where(Body.archived_at.is_(None)))
    ]
    return LinkChoices(_sorted(projects), _sorted(goals), _sorted(bodies))


def check_links(session: Session, values: dict[str, object]) -> None:
    """Refuses (naming the field) a link to a record that is not there or is archived."""
    errors = Errors()
    for key, model, label in (
        ("project_id", Project, _("Project")),
        ("goal_id", AgreementGoal, _("Agreement goal")),
        ("body_id", Body, _("Body")),
    ):
        linked = values.get(key)
        if linked is None:
            continue
        record = session.get(model, linked)
        if record is None or record.archived_at is not None:
            errors.add(key, _("{field}: it is no longer in the register; choose another").format(field=label))
    errors.raise_if_any()


def event_link_choices(db: Database, language: str) -> LinkChoices:
    with db.reading() as session:
        return link_choices(session, language)
