"""The whole database's change history: filters, count, pages, the record's name."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.history.audit_log import (
    AuditQuery,
    audit_entities,
    audit_page,
    audit_users,
    count_entries,
    first_page,
)
from jarjestokeskus.services.organisations.register import save_organisation


def local_noon(day: date) -> datetime:
    """Noon on the computer's clock, as the trail stores it (UTC)."""
    return datetime.combine(day, time(12)).astimezone().astimezone(UTC)


def add_entries(db: Database, entries: list[tuple[datetime, str, str]]) -> None:
    with db.transaction() as session:
        for at, user, entity in entries:
            session.add(
                AuditEntry(
                    at=at,
                    user=user,
                    action="update",
                    entity=entity,
                    entity_id=uuid.uuid4(),
                    owner_id=None,
                    changes={"notes": ["", at.isoformat()]},
                )
            )


@pytest.fixture
def trail(db: Database) -> Database:
    """30 days, one change a day: users take turns, every third is a fee."""
    start = date(2026, 3, 1)
    add_entries(
        db,
        [
            (
                local_noon(start + timedelta(days=n)),
                ("anna", "bertil")[n % 2],
                "MembershipFee" if n % 3 == 0 else "Organisation",
            )
            for n in range(30)
        ],
    )
    return db


def test_count_and_pages_newest_first(trail: Database) -> None:
    query = AuditQuery()
    assert count_entries(trail, query) == 30
    first = first_page(trail, query, limit=12)
    assert first.total == 30 and len(first.rows) == 12
    rest = audit_page(trail, query, 12, 12) + audit_page(trail, query, 24, 12)
    every = first.rows + rest
    assert len(every) == 30 and len({r.id for r in every}) == 30
    times = [r.at for r in every]
    assert times == sorted(times, reverse=True)
    assert audit_page(trail, query, 30, 12) == []


def test_filter_by_user_and_kind(trail: Database) -> None:
    anna = AuditQuery(user="anna")
    assert count_entries(trail, anna) == 15
    assert {r.user for r in audit_page(trail, anna)} == {"anna"}
    fees = AuditQuery(entity="MembershipFee")
    assert count_entries(trail, fees) == 10
    both = AuditQuery(user="anna", entity="MembershipFee")  # days 0, 6, 12, 18, 24
    assert count_entries(trail, both) == 5
    assert first_page(trail, AuditQuery(user="nobody")).rows == []
    assert audit_users(trail) == ["anna", "bertil"]
    assert audit_entities(trail) == ["MembershipFee", "Organisation"]


def test_filter_by_dates_includes_both_days(trail: Database) -> None:
    week = AuditQuery(since=date(2026, 3, 10), until=date(2026, 3, 16))
    rows = audit_page(trail, week)
    assert count_entries(trail, week) == 7 == len(rows)
    local_days = {r.at.replace(tzinfo=r.at.tzinfo or UTC).astimezone().date() for r in rows}
    assert local_days == {date(2026, 3, d) for d in range(10, 17)}
    assert count_entries(trail, AuditQuery(since=date(2026, 3, 25))) == 6
    assert count_entries(trail, AuditQuery(until=date(2026, 3, 1))) == 1
    assert count_entries(trail, AuditQuery(since=date(2026, 4, 1))) == 0


def test_rows_name_the_organisation_they_belong_to(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylätoimikunta", name_sv="Byarådet"))
    rows = first_page(db, AuditQuery(entity="Organisation")).rows
    assert len(rows) == 1
    row = rows[0]
    assert row.action == "create" and row.entity_id == saved.id
    assert row.owner_name("fi") == "Kylätoimikunta"
    assert row.owner_name("sv") == "Byarådet"
    assert row.history().changes["name_fi"] == [None, "Kylätoimikunta"]
    assert count_entries(db, AuditQuery(record_id=saved.id)) == 1
    assert count_entries(db, AuditQuery(record_id=uuid.uuid4())) == 0


@pytest.fixture
def helsinki(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    import time as clock

    monkeypatch.setenv("TZ", "Europe/Helsinki")
    clock.tzset()
    yield
    monkeypatch.undo()
    clock.tzset()


def test_dates_are_the_users_calendar_days(db: Database, helsinki: None) -> None:
    """23.30 UTC on 9 March is 01.30 on 10 March in Helsinki: it belongs to the 10th."""
    add_entries(db, [(datetime(2026, 3, 9, 23, 30, tzinfo=UTC), "anna", "Organisation")])
    assert count_entries(db, AuditQuery(since=date(2026, 3, 10), until=date(2026, 3, 10))) == 1
    assert count_entries(db, AuditQuery(until=date(2026, 3, 9))) == 0
