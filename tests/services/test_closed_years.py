"""Closing a reported year on the demo scenario: the reports as sent are kept and reprinted
exactly after a later edit, the edit is listed, and reopening needs a reason."""

from __future__ import annotations

import hashlib
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import select

from jarjestokeskus.db.closed_year_guard import ClosedYearChange, confirmed
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry
from jarjestokeskus.domain.agreements import MonitoringForm
from jarjestokeskus.domain.enums import MonitoringStatus
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.reports.agreements import build_agreements
from jarjestokeskus.services import closed_years
from jarjestokeskus.services.agreements.followup import add_monitoring_entry
from jarjestokeskus.services.agreements.report_data import agreement_report, find_counterparty
from tests.reports.pdf_text import demo_database, pdf_text

CLOSED_ON = date(2026, 1, 20)


def test_close_reprint_after_an_edit_and_reopen(tmp_path: Path, migrated_template: Path) -> None:
    db: Database = demo_database(tmp_path, migrated_template)
    try:
        city = find_counterparty(db, "Vaasan kaupunki")
        county = find_counterparty(db, "Pohjanmaan hyvinvointialue")
        assert city is not None and county is not None
        closing = closed_years.close_year(db, 2025, today=CLOSED_ON)
        kinds = sorted({(r.kind, r.counterparty_id) for r in closing.reports}, key=str)
        # The annual overview, projects, staff and the follow-up for the city and the county, in fi and sv.
        assert len(closing.reports) == 2 * len(kinds) == 10
        assert {c for k, c in kinds if k == "agreements"} == {city, county}
        with pytest.raises(closed_years.YearAlreadyClosed):
            closed_years.close_year(db, 2025, today=CLOSED_ON)
        sent = closed_years.reprint(db, 2025, "agreements", "sv", city)
        stored = next(
            r
            for r in closing.reports
            if r.kind == "agreements" and r.language == "sv" and r.counterparty_id == city
        )
        assert hashlib.sha256(sent).hexdigest() == stored.sha256
        assert closed_years.changes_since_closing(db, 2025) == []

        # A late entry dated in 2025 changes the closed year's figures of the city's follow-up.
        goal = agreement_report(db, city, 2025).agreements[2].goals[0]
        late = MonitoringForm(goal.goal.id, "20.12.2025", MonitoringStatus.ACHIEVED, "Myöhään kirjattu")
        with pytest.raises(ClosedYearChange):  # not without the user's word
            add_monitoring_entry(db, late, today=date(2026, 2, 1))
        assert closed_years.changes_since_closing(db, 2025) == []
        with confirmed([2025]):
            add_monitoring_entry(db, late, today=date(2026, 2, 1))
        changed = closed_years.changes_since_closing(db, 2025)
        # The city's follow-up and the annual overview (its agreements' goals on 31.12.) changed.
        assert [(r.kind, r.counterparty_id) for r in changed] == [("annual", None), ("agreements", city)]
        # The report as sent comes back byte for byte; a new one shows the late entry.
        assert closed_years.reprint(db, 2025, "agreements", "sv", city) == sent
        assert "Myöhään kirjattu" not in pdf_text(sent)
        again = BytesIO()
        build_agreements(db, "sv", again, counterparty_id=city, year=2025, today=CLOSED_ON)
        assert "Myöhään kirjattu" in pdf_text(again.getvalue())

        with pytest.raises(ValidationFailed):
            closed_years.reopen_year(db, 2025, "   ")
        closed_years.reopen_year(db, 2025, "Myöhään kirjattu seuranta")
        assert closed_years.closed_year(db, 2025) is None
        with pytest.raises(closed_years.YearNotClosed):
            closed_years.reprint(db, 2025, "annual", "fi")
        with db.reading() as session:
            history = session.execute(
                select(AuditEntry.action, AuditEntry.changes).where(AuditEntry.entity == "ClosedYear")
            ).all()
        reasons = [changes.get("reopen_reason") for action, changes in history if action == "update"]
        assert reasons == [["", "Myöhään kirjattu seuranta"]]
        assert closed_years.close_year(db, 2025, today=CLOSED_ON).year == 2025  # closed again
    finally:
        db.close()


def test_figures_a_later_version_adds_are_no_change() -> None:
    """A report's figures gain a field in a later version: the year's kept figures still match;
    a changed or an added row of what was kept does not."""
    import json

    def kept(value: object) -> str:
        return json.dumps(closed_years._canonical(value), ensure_ascii=False, sort_keys=True)

    sent = kept(
        {"members": 41, "funders": [{"name": "STEA", "granted": "10"}, {"name": "Kaupunki", "granted": "2"}]}
    )
    later = {
        "members": 41,
        "used": "3",
        "funders": [
            {"name": "Kaupunki", "granted": "2", "paid": "1"},
            {"name": "STEA", "granted": "10", "paid": "9"},
        ],
    }
    assert not closed_years._differ(sent, json.dumps(later))
    changed = {**later, "funders": [{"name": "Kaupunki", "granted": "3"}, {"name": "STEA", "granted": "10"}]}
    assert closed_years._differ(sent, json.dumps(changed))
    added = {**later, "funders": [*later["funders"], {"name": "ESR", "granted": "1"}]}  # type: ignore[list-item]
    assert closed_years._differ(sent, json.dumps(added))
    assert closed_years._differ(sent, json.dumps({**later, "members": 40}))
