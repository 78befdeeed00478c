"""Attendance lists reduced to counts stay reduced: a backup restored from before the reduction has
its persons' rows reduced again to the same counts, the register's own backups are reduced with
the database, and a backup taken after the reduction is restored as it is."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.models import AuditEntry, EventAttendanceCount, EventRegistration
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.annual_report_data import annual_figures
from jarjestokeskus.services.database.maintenance import backup_database, restore_database
from jarjestokeskus.services.events.goal_figures import goal_figures
from jarjestokeskus.services.events.reduction import reduce_to_counts
from jarjestokeskus.services.events.register import get_event, save_event, year_figures
from jarjestokeskus.services.events.registrations import mark_attendance, register
from jarjestokeskus.services.organisations.register import save_organisation

pytestmark = pytest.mark.sqlite_only

TODAY = date(2026, 12, 6)
# By hand from the scenario: the 2019 forum had Anna and Cilla from Aalto ry (Finnish; Anna came)
# and Bertil from Björkby rf (Swedish; he came): per organisation and language
# (name, language, registered, waiting, attended).
COUNTS = [("Aalto ry", "fi", 2, 0, 1), ("Björkby rf", "sv", 1, 0, 1)]
# The forum's figures: 3 registered, none waiting, 2 attended, from 2 organisations.
FORUM = (3, 0, 2, 2)


def scenario(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    agreement = save_agreement(
        db, AgreementForm(title_fi="Kumppanuus", goals=[GoalForm(title_fi="Osallisuus")])
    )
    goal = agreement.goals[0].id
    old = save_event(db, EventForm("Foorumi 2019", "", EventKind.FORUM, "8.10.2019", goal_id=goal))
    new = save_event(db, EventForm("Foorumi 2026", "", EventKind.FORUM, "8.10.2026"))
    people = [("Anna", "Aalto ry", "fi"), ("Bertil", "Björkby rf", "sv"), ("Cilla", "Aalto ry", "fi")]
    forms = [RegistrationForm(first, "Xx", organisation=org, language=lang) for first, org, lang in people]
    anna, bertil, cilla = register(db, old.id, forms, date(2019, 9, 1))
    (fia,) = register(db, new.id, [RegistrationForm("Fia", "Zz", organisation="Aalto ry")])
    mark_attendance(db, {anna.id: True, bertil.id: True, cilla.id: False, fia.id: True})
    return old.id, new.id


def state(path: Path, old: uuid.UUID) -> tuple[object, ...]:
    """What the file holds of the old forum: its persons' rows, its counts, its figures, and how
    many "reduce" entries and names its history keeps."""
    db = open_database(path)
    try:
        with db.reading() as session:
            persons = session.scalars(
                select(EventRegistration.first_name).where(EventRegistration.event_id == old)
            ).all()
            counts = sorted(
                (c.organisation_name, c.language, c.registered, c.waiting, c.attended)
                for c in session.scalars(
                    select(EventAttendanceCount).where(EventAttendanceCount.event_id == old)
                )
            )
            reduced = session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "reduce")
            )
            named = [
                e.changes["first_name"]
                for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "EventRegistration"))
                if "first_name" in (e.changes or {}) and "Fia" not in e.changes["first_name"]
            ]
        event = get_event(db, old)
        figures = (event.registered, event.waiting, event.attended, event.organisations_reached)
        annual = annual_figures(db, 2019, TODAY)
        goal = goal_figures(db, event.goal_id, 2019, "fi")  # type: ignore[arg-type]
        return (
            sorted(persons),
            counts,
            figures,
            year_figures(db, 2019),
            (annual.events_held, annual.event_participants, annual.organisations_reached),
            (goal.events, goal.attended, goal.organisations),
            reduced,
            named,
        )
    finally:
        db.close()


# 2019 in the event list, the annual review and the goal's follow-up: 1 event, 2 came, from 2
# organisations.
REDUCED = ([], COUNTS, FORUM, (1, 2, 2), (1, 2, 2), (1, 2, 2), 1, [[None, "[erased]"]] * 3)


def test_a_backup_from_before_the_reduction_is_reduced_again(db: Database, tmp_path: Path) -> None:
    old, new = scenario(db)
    elsewhere = tmp_path / "usb" / "before.sqlite"  # not one of the register's own copies
    elsewhere.parent.mkdir()
    backup_database(db, elsewhere)
    assert reduce_to_counts(db, 3, TODAY).events == 1
    path = db.path
    assert state(path, old) == REDUCED
    db.close()

    restored = restore_database(path, elsewhere)

    assert restored.reduced_again == 1
    assert state(path, old) == REDUCED
    assert sorted(state(elsewhere, old)[0]) == ["Anna", "Bertil", "Cilla"]  # the backup itself is not ours
    reopened = open_database(path)
    try:
        with reopened.reading() as session:
            kept = session.scalars(
                select(EventRegistration.first_name).where(EventRegistration.event_id == new)
            )
            assert kept.all() == ["Fia"]  # the newer event's list is not touched
    finally:
        reopened.close()
    # The safety copy (what was there before the restore) was reduced already: left as it was.
    assert restored.safety is not None and state(restored.safety, old) == REDUCED


def test_a_backup_from_after_the_reduction_changes_nothing(db: Database, tmp_path: Path) -> None:
    old, _new = scenario(db)
    reduce_to_counts(db, 3, TODAY)
    after = backup_database(db, tmp_path / "after.sqlite")
    path = db.path
    db.close()

    restored = restore_database(path, after)

    assert restored.reduced_again == 0
    assert state(path, old) == REDUCED  # one "reduce" entry still: nothing was reduced twice


def test_the_registers_own_backups_are_reduced_with_it(db: Database) -> None:
    old, _new = scenario(db)
    own = backup_database(db)  # in the register's backup folder
    assert sorted(state(own, old)[0]) == ["Anna", "Bertil", "Cilla"]

    reduce_to_counts(db, 3, TODAY)

    assert state(own, old) == REDUCED
    with sqlite3.connect(own) as connection:  # compacted: no old page keeps a name
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)
    connection.close()
    assert b"Cilla" not in own.read_bytes()


def test_an_organisation_added_after_the_backup_is_counted_by_its_name(db: Database, tmp_path: Path) -> None:
    old = save_event(db, EventForm("Foorumi 2019", "", EventKind.FORUM, "8.10.2019"))
    (anna,) = register(db, old.id, [RegistrationForm("Anna", "Xx", organisation="Kylä ry")], date(2019, 9, 1))
    mark_attendance(db, {anna.id: True})
    before = backup_database(db, tmp_path / "before.sqlite")
    village = save_organisation(db, OrganisationForm(name_fi="Kylä ry")).id
    with db.transaction() as session:  # Anna's registration is tied to the new member record
        registration = session.get(EventRegistration, anna.id)
        registration.organisation_id, registration.organisation_name = village, ""
    reduce_to_counts(db, 3, TODAY)
    path = db.path
    db.close()

    assert restore_database(path, before).reduced_again == 1  # the backup has no such organisation

    reopened = open_database(path)
    try:
        with reopened.reading() as session:
            count = session.scalars(select(EventAttendanceCount)).one()
            assert (count.organisation_id, count.organisation_name, count.attended) == (None, "Kylä ry", 1)
        event = get_event(reopened, old.id)
        assert (event.registered, event.attended, event.organisations_reached) == (1, 1, 1)
    finally:
        reopened.close()


def test_an_own_backup_that_cannot_be_rewritten_is_named_for_the_user(db: Database) -> None:
    old, _new = scenario(db)
    readable = backup_database(db)
    broken = backup_database(db, readable.with_name("broken.sqlite"))
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged: SQLite refuses to read it

    done = reduce_to_counts(db, 3, TODAY)

    assert (done.events, done.persons) == (1, 3)
    assert done.copies_failed == (broken,)
    assert state(readable, old) == REDUCED  # the readable one is reduced as before
