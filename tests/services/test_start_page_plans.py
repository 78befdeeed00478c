"""The start page's reads of the organisation register use their indexes (SQLite's plans): the
members by municipality from the membership index alone, the year's unpaid fees beginning from
the fees, not from every member organisation (migration 0026); the charts' staff from the home
organisation's periods and the agreements' counterparties from the agreements, not from every
organisation or party."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.calendar.deadlines import deadlines, key_figures
from jarjestokeskus.services.municipalities import members_by_municipality
from jarjestokeskus.services.start_charts import start_charts


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """Each statement sent to the database meanwhile, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def plan(db: Database, read: Callable[[], object], table: str) -> str:
    """SQLite's plan of the one statement of `read` that names `table` in its FROM."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")
    with statements(db) as sent:
        read()
    (statement, parameters), *more = [(s, p) for s, p in sent if f"FROM {table}" in s]
    assert not more
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    return "\n".join(row[-1] for row in rows)


def test_members_by_municipality_are_read_from_the_membership_index_alone(db: Database) -> None:
    found = plan(db, lambda: members_by_municipality(db, "fi"), "organisation")
    assert "COVERING INDEX ix_organisation_membership" in found


def test_the_charts_staff_are_the_home_organisations_periods(db: Database) -> None:
    found = plan(db, lambda: start_charts(db, date(2026, 3, 1)), "employment")
    assert "SEARCH employment USING INDEX ix_employment_employer_id" in found
    assert "SEARCH organisation USING INDEX uq_organisation_one_home" in found


def test_the_timelines_counterparties_begin_from_the_agreements(db: Database) -> None:
    found = plan(db, lambda: start_charts(db, date(2026, 3, 1)), "agreement CROSS JOIN agreement_party")
    assert found.splitlines()[0] == "SCAN agreement"
    assert "SEARCH agreement_party USING INDEX ix_agreement_party_agreement_id" in found


def test_the_years_unpaid_fees_begin_from_the_fees(db: Database) -> None:
    found = plan(db, lambda: deadlines(db, date(2026, 3, 1), 30), "organisation JOIN membership_fee")
    assert found.splitlines()[0].startswith("SEARCH membership_fee USING INDEX ix_membership_fee_year")


def test_the_member_count_is_read_from_the_membership_index_alone(db: Database) -> None:
    """The key figures' member count (the rule of services/organisations/member_register.members_on)."""
    found = plan(db, lambda: key_figures(db, date(2026, 3, 1)), "organisation WHERE")
    assert "COVERING INDEX ix_organisation_membership" in found
