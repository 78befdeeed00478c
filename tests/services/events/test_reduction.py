"""Old attendance lists reduced to counts: the figures of the event list, the goal follow-up and the
annual review are the same before and after (worked out by hand), and the persons are gone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry, EventRegistration
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.annual_report_data import annual_figures
from jarjestokeskus.services.events.goal_figures import goal_figures
from jarjestokeskus.services.events.reduction import Reduction, reduce_to_counts, reducible
from jarjestokeskus.services.events.register import get_event, save_event, year_figures
from jarjestokeskus.services.events.registrations import mark_attendance, register, registrations

TODAY = date(2026, 12, 6)


def scenario(db: Database) -> dict[str, object]:
    goal_id = save_agreement(
        db, AgreementForm(title_fi="Kumppanuus", goals=[GoalForm(title_fi="Osallisuus")])
    )
    goal_id = goal_id.goals[0].id
    old = save_event(
        db, EventForm("Foorumi 2022", "", EventKind.FORUM, "10.5.2022", capacity="3", goal_id=goal_id)
    )
    course = save_event(db, EventForm("Kurssi 2022", "", EventKind.COURSE, "1.9.2022"))
    new = save_event(db, EventForm("Foorumi 2026", "", EventKind.FORUM, "8.10.2026", goal_id=goal_id))
    people = [
        ("Anna", "Aalto ry", "fi"),
        ("Bertil", "Björkby rf", "sv"),
        ("Cilla", "Aalto ry", "fi"),
        ("Dan", "", "fi"),
    ]
    forms = [RegistrationForm(first, "Xx", organisation=org, language=lang) for first, org, lang in people]
    a, b, c, _dan = register(db, old.id, forms, date(2022, 4, 1))  # Dan: over capacity, waiting
    (e,) = register(db, course.id, [RegistrationForm("Eero", "Yy", organisation="Cello ry", language="sv")])
    (f,) = register(db, new.id, [RegistrationForm("Fia", "Zz", organisation="Aalto ry")])
    mark_attendance(db, {a.id: True, b.id: True, c.id: False, e.id: True, f.id: True})
    return {"goal": goal_id, "old": old.id, "course": course.id, "new": new.id}


def figures(db: Database, ids: dict[str, object]) -> tuple[object, ...]:
    old = get_event(db, ids["old"])  # type: ignore[arg-type]
    annual = annual_figures(db, 2022, TODAY)
    goal = goal_figures(db, ids["goal"], 2022, "fi")  # type: ignore[arg-type]
    return (
        (old.registered, old.waiting, old.attended, old.organisations_reached),
        year_figures(db, 2022),
        (annual.events_held, annual.event_participants, annual.organisations_reached),
        (goal.events, goal.attended, goal.organisations),
        year_figures(db, 2026),
    )


def test_reduced_to_counts_with_the_same_figures(db: Database) -> None:
    ids = scenario(db)
    # By hand: the 2022 forum has 3 places taken (Anna, Bertil, Cilla) and Dan waiting; Anna and
    # Bertil attended, from Aalto and Björkby. The 2022 course: Eero from Cello attended. So 2022
    # has 2 events, 3 participants from 3 organisations; the goal's 2022: 1 event, 2, 2.
    # 2026: Fia from Aalto.
    expected = ((3, 1, 2, 2), (2, 3, 3), (2, 3, 3), (1, 2, 2), (1, 1, 1))
    assert figures(db, ids) == expected
    # Three years before 6.12.2026: the 2022 events (5 registrations) are older, 2026's is not.
    assert reducible(db, 3, TODAY) == Reduction(2, 5, date(2023, 12, 6))
    assert reduce_to_counts(db, 3, TODAY) == Reduction(2, 5, date(2023, 12, 6))
    assert figures(db, ids) == expected
    assert registrations(db, ids["old"]) == [] and registrations(db, ids["course"]) == []  # type: ignore[arg-type]
    assert [r.first_name for r in registrations(db, ids["new"])] == ["Fia"]  # type: ignore[arg-type]
    assert reducible(db, 3, TODAY) == Reduction(0, 0, date(2023, 12, 6))
    with db.reading() as session:
        names = {r.first_name for r in session.scalars(select(EventRegistration))}
        history = " ".join(str(e.changes) for e in session.scalars(select(AuditEntry)))
        reduced = [
            e.changes for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "reduce"))
        ]
    assert names == {"Fia"}
    assert "Anna" not in history and "Eero" not in history and "Fia" in history
    assert sorted(c["registrations"][0] for c in reduced) == [1, 4]
    # Nothing older is left: a second reduction changes nothing.
    assert reduce_to_counts(db, 3, TODAY) == Reduction(0, 0, date(2023, 12, 6))
    assert figures(db, ids) == expected
