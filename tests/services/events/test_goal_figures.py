"""A goal's follow-up figures for a year, worked out by hand: the events that served it and the
welfare-survey themes of the objective it serves."""

from __future__ import annotations

from pathlib import Path

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.events.goal_figures import goal_figures
from jarjestokeskus.services.events.register import save_event
from jarjestokeskus.services.events.registrations import mark_attendance, register
from jarjestokeskus.services.survey.forms import import_forms
from jarjestokeskus.services.survey.welfare_plan import ObjectiveDraft, save_objectives
from tests.services.survey.filling import fill
from tests.services.survey.test_survey import AALTO, BJORK, TODAY, forms, make_members


def test_a_goals_figures_of_the_year(db: Database, tmp_path: Path) -> None:
    make_members(db)
    agreement = save_agreement(
        db, AgreementForm(title_fi="Kumppanuus", goals=[GoalForm(title_fi="Yksinäisyys vähenee")])
    )
    goal_id = agreement.goals[0].id
    forum = save_event(db, EventForm("Foorumi", "", EventKind.FORUM, "8.10.2026", goal_id=goal_id))
    old = save_event(db, EventForm("Vanha", "", EventKind.FORUM, "8.10.2025", goal_id=goal_id))
    save_event(db, EventForm("Muu", "", EventKind.FORUM, "9.10.2026"))  # serves no goal
    people = [("Anna", "Aalto ry"), ("Bertil", "Björkbyn yhdistys ry"), ("Cilla", "Aalto ry"), ("Dan", "")]
    rows = register(db, forum.id, [RegistrationForm(first, "X", organisation=org) for first, org in people])
    register(db, old.id, [RegistrationForm("Eero", "X", organisation="Cello ry")])
    mark_attendance(db, {rows[0].id: True, rows[1].id: True, rows[2].id: True, rows[3].id: False})
    written = forms(db, tmp_path)
    fill(written["aalto"], AALTO)  # Vaasa: loneliness, mental health
    fill(written["björkby"], BJORK)  # Korsholm: loneliness
    import_forms(db, 2026, [written["aalto"], written["björkby"]], TODAY)
    save_objectives(
        db, "905", 2025, [ObjectiveDraft("Yksinäisyyden ehkäisy", "", ["loneliness", "safety"], [goal_id])]
    )
    figures = goal_figures(db, goal_id, 2026, "fi")
    # By hand: one 2026 event serving the goal; three attended, from Aalto (twice) and Björkby;
    # Vaasa's organisations in the 2026 survey: Aalto observed loneliness, no one safety.
    assert (figures.events, figures.attended, figures.organisations) == (1, 3, 2)
    assert figures.survey == (("Yksinäisyys", 1), ("Turvallisuus", 0))
    assert goal_figures(db, goal_id, 2025, "sv").events == 1
