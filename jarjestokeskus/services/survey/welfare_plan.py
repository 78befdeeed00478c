"""A municipality's welfare-plan objectives (hyvinvointisuunnitelman tavoitteet) per council term:
kept with the survey themes that speak to them and the agreement goals that serve them, so the
welfare-report contribution can be grouped by them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Agreement, AgreementGoal, Municipality, WelfareObjective
from jarjestokeskus.domain.validation import Errors, clean
from jarjestokeskus.i18n import _, localized, sort_key

FIRST_TERM, TERM_YEARS = 2017, 4  # council terms 2017–2021, 2021–2025, 2025–2029, …


def council_term(year: int) -> int:
    """The first year of the council term `year` falls in (mostly: a term starts in the summer)."""
    return FIRST_TERM + TERM_YEARS * ((year - FIRST_TERM) // TERM_YEARS)


def term_label(term_start: int) -> str:
    return f"{term_start}–{term_start + TERM_YEARS}"


@dataclass(frozen=True)
class ObjectiveRow:
    id: uuid.UUID
    municipality_code: str
    term_start: int
    title_fi: str
    title_sv: str
    themes: tuple[str, ...]
    goal_ids: tuple[uuid.UUID, ...]

    def title(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)


@dataclass
class ObjectiveDraft:
    title_fi: str = ""
    title_sv: str = ""
    themes: list[str] = field(default_factory=list)
    goal_ids: list[uuid.UUID] = field(default_factory=list)
    objective_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


def municipality_choices(db: Database, language: str) -> list[Choice]:
    """The current municipalities (code, name in `language`) in name order."""
    with db.reading() as session:
        rows = session.scalars(select(Municipality).where(Municipality.valid_until.is_(None)))
        found = [Choice(m.code, localized(m.name_fi, m.name_sv, language)) for m in rows]
    return sorted(found, key=lambda c: sort_key(c.label))


def goal_choices(db: Database, language: str) -> list[tuple[uuid.UUID, str]]:
    """Every live agreement goal as "agreement: goal", in that order."""
    with db.reading() as session:
        rows = session.execute(
            select(AgreementGoal, Agreement)
            .join(Agreement, Agreement.id == AgreementGoal.agreement_id)
            .where(AgreementGoal.archived_at.is_(None), Agreement.archived_at.is_(None))
        ).all()
        found = [
            (
                g.id,
                f"{localized(a.title_fi, a.title_sv, language)}: {localized(g.title_fi, g.title_sv, language)}",
            )
            for g, a in rows
        ]
    return sorted(found, key=lambda pair: sort_key(pair[1]))


def _row(objective: WelfareObjective, goals: list[uuid.UUID]) -> ObjectiveRow:
    themes = tuple(t for t in objective.themes.splitlines() if t)
    return ObjectiveRow(
        objective.id,
        objective.municipality_code,
        objective.term_start,
        objective.title_fi,
        objective.title_sv,
        themes,
        tuple(goals),
    )


def objectives(db: Database, municipality_codes: list[str], term_start: int) -> list[ObjectiveRow]:
    """The live objectives of the municipalities for the term, in each municipality's order."""
    with db.reading() as session:
        found = list(
            session.scalars(
                select(WelfareObjective)
                .where(
                    WelfareObjective.municipality_code.in_(municipality_codes),
                    WelfareObjective.term_start == term_start,
                    WelfareObjective.archived_at.is_(None),
                )
                .order_by(WelfareObjective.municipality_code, WelfareObjective.position)
            )
        )
        goals: dict[uuid.UUID, list[uuid.UUID]] = {o.id: [] for o in found}
        for goal_id, objective_id in session.execute(
            select(AgreementGoal.id, AgreementGoal.welfare_objective_id).where(
                AgreementGoal.welfare_objective_id.in_(list(goals)), AgreementGoal.archived_at.is_(None)
            )
        ):
            goals[objective_id].append(goal_id)
        return [_row(o, goals[o.id]) for o in found]


def check_objectives(drafts: list[ObjectiveDraft]) -> Errors:
    errors = Errors()
    claimed: dict[uuid.UUID, int] = {}
    for index, draft in enumerate(drafts):
        number = index + 1
        if not (clean(draft.title_fi) or clean(draft.title_sv)):
            errors.add(
                f"objectives[{index}].title_fi",
                _("Objective {number}: write the objective in Finnish or Swedish").format(number=number),
            )
        for goal_id in draft.goal_ids:
            if goal_id in claimed:
                errors.add(
                    f"objectives[{index}].goals",
                    _(
                        "Objective {number}: an agreement goal can serve one objective; it is already chosen for objective {other}"
                    ).format(number=number, other=claimed[goal_id]),
                )
            claimed.setdefault(goal_id, number)
    return errors


def save_objectives(
    db: Database, municipality_code: str, term_start: int, drafts: list[ObjectiveDraft]
) -> None:
    """The municipality's objectives for the term as `drafts` (in their order), all or nothing:
    objectives left out are archived, and goals no longer chosen are unlinked."""
    check_objectives(drafts).raise_if_any()
    now = utcnow()
    with db.transaction() as session:
        current = {
            o.id: o
            for o in session.scalars(
                select(WelfareObjective).where(
                    WelfareObjective.municipality_code == municipality_code,
                    WelfareObjective.term_start == term_start,
                    WelfareObjective.archived_at.is_(None),
                )
            )
        }
        kept: list[WelfareObjective] = []
        for position, draft in enumerate(drafts, start=1):
            objective = current.get(draft.objective_id) if draft.objective_id else None
            if objective is None:
                objective = WelfareObjective(
                    id=uuid.uuid4(), municipality_code=municipality_code, term_start=term_start
                )
                session.add(objective)
            values = {
                "position": position,
                "title_fi": clean(draft.title_fi),
                "title_sv": clean(draft.title_sv),
                "themes": "\n".join(draft.themes),
            }
            for key, value in values.items():
                if getattr(objective, key) != value:
                    setattr(objective, key, value)
            kept.append(objective)
        for objective in current.values():
            if objective not in kept:
                objective.archived_at = now
        session.flush()
        wanted = {
            goal_id: objective.id
            for draft, objective in zip(drafts, kept, strict=True)
            for goal_id in draft.goal_ids
        }
        touched = set(current) | {o.id for o in kept}
        linked = session.scalars(
            select(AgreementGoal).where(
                (AgreementGoal.welfare_objective_id.in_(touched)) | (AgreementGoal.id.in_(list(wanted)))
            )
        )
        for goal in linked:  # linked to one of these objectives, or chosen for one
            target = wanted.get(goal.id)
            if goal.welfare_objective_id != target:
                goal.welfare_objective_id = target


@dataclass(frozen=True)
class ObjectiveGroup:
    """One objective in the contribution: its municipality, the themes linked to it with how many
    of that municipality's organisations observed each (this year, the year before), its goals."""

    municipality: str
    objective: str
    themes: tuple[tuple[str, int, int], ...]
    goals: tuple[str, ...]


def objective_groups(
    db: Database, year: int, area_names: tuple[str, ...], language: str
) -> list[ObjectiveGroup]:
    """The welfare-plan objectives of the council term of `year` for the area's municipalities (all
    municipalities with objectives when the area is the whole region)."""
    from jarjestokeskus.domain.survey import THEMES
    from jarjestokeskus.services.municipalities import municipality, municipality_code
    from jarjestokeskus.services.survey.welfare import year_figures

    term = council_term(year)
    if area_names:
        codes = sorted({code for name in area_names if (code := municipality_code(name))})
    else:
        with db.reading() as session:
            codes = sorted(
                set(
                    session.scalars(
                        select(WelfareObjective.municipality_code).where(
                            WelfareObjective.term_start == term, WelfareObjective.archived_at.is_(None)
                        )
                    )
                )
            )
    found = objectives(db, codes, term)
    goal_titles = dict(goal_choices(db, language)) if any(o.goal_ids for o in found) else {}
    counted: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    groups = []
    for objective in found:
        place = municipality(objective.municipality_code)
        names = (place.name_fi, place.name_sv) if place else (objective.municipality_code,)
        if objective.municipality_code not in counted:
            counted[objective.municipality_code] = (
                dict(year_figures(db, year, names, language).counts[THEMES]),
                dict(year_figures(db, year - 1, names, language).counts[THEMES]),
            )
        now, before = counted[objective.municipality_code]
        groups.append(
            ObjectiveGroup(
                place.name(language) if place else objective.municipality_code,
                objective.title(language),
                tuple((theme, now.get(theme, 0), before.get(theme, 0)) for theme in objective.themes),
                tuple(goal_titles[g] for g in objective.goal_ids if g in goal_titles),
            )
        )
    return groups
