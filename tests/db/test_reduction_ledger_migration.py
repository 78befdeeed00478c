"""Migration 0029 on a register whose attendance lists were reduced before it: the ledger names
the events reduced then (by their "reduce" entries in the history), so a restore reduces them again."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AttendanceReduction
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm
from jarjestokeskus.services.events.reduction import reduce_to_counts
from jarjestokeskus.services.events.register import save_event
from jarjestokeskus.services.events.registrations import register
from tests.db.migrating import before, migrate


def test_events_reduced_before_the_ledger_are_in_it(db: Database) -> None:
    old = save_event(db, EventForm("Foorumi 2019", "", EventKind.FORUM, "8.10.2019"))
    untouched = save_event(db, EventForm("Foorumi 2026", "", EventKind.FORUM, "8.10.2026"))
    for event in (old, untouched):
        register(db, event.id, [RegistrationForm("Anna", "X", organisation="Aalto ry")])
    reduce_to_counts(db, 3, date(2026, 12, 6))
    migrate(db, before("0029"), down=True)  # as a register reduced before the ledger was

    migrate(db, "0029", down=False)

    with db.reading() as session:
        assert session.scalars(select(AttendanceReduction.event_id)).all() == [old.id]
